// Entry point for Node: reads and instantiates the WebAssembly module next to this file
// synchronously, then exports the API.
import { readFileSync } from 'node:fs';
import { initSync } from './diaban_wasm.js';

initSync({ module: readFileSync(new URL('./diaban_wasm_bg.wasm', import.meta.url)) });

export * from './api.js';
