// Times `load + check` through the WebAssembly binding in Node:
// `node bench.mjs DATA_DIR [REPEAT]`. DATA_DIR is a folder written by the `generate` binary.
// Prints `load_check SECONDS` (best of REPEAT runs: reading the file, Dataset.fromJson, check),
// like the native `measure --only load_check` that `cargo xtask bench` compares it with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const here = new URL('.', import.meta.url);
const { Dataset } = await import(new URL('../../bindings/wasm/pkg/node.js', here).href);

const [data, repeatArg] = process.argv.slice(2);
const repeat = Number(repeatArg ?? 3);
const profile = JSON.parse(readFileSync(join(data, 'profile.json'), 'utf8'));
let best = Infinity;
let findings = 0;
for (let i = 0; i < repeat; i++) {
  const start = performance.now();
  const text = readFileSync(join(data, 'dataset.json'), 'utf8');
  const dataset = Dataset.fromJson(text);
  const report = dataset.check({ profile, today: '2026-01-01' });
  findings = report.findings.length;
  best = Math.min(best, (performance.now() - start) / 1000);
  if (typeof dataset.free === 'function') dataset.free();
}
console.log(`load_check ${best.toFixed(6)}`);
console.log(`findings ${findings}`);
