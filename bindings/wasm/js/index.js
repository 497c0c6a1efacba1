// Entry point for browsers and bundlers: fetches and instantiates the WebAssembly module next
// to this file (top-level await), then exports the API.
import init from './diaban_wasm.js';

await init({ module_or_path: new URL('./diaban_wasm_bg.wasm', import.meta.url) });

export * from './api.js';
