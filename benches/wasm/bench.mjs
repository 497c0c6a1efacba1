// Times `load + check` and point queries through the WebAssembly binding in Node:
// `node bench.mjs DATA_DIR [REPEAT]`. DATA_DIR is a folder written by the `generate` binary.
// Prints `load_check SECONDS` (best of REPEAT runs: reading the file, Dataset.fromJson, check),
// like the native `measure --only load_check` that `cargo xtask bench` compares it with; then
// `index_build SECONDS` (the first point query, which builds the dataset's index) and
// `point_query SECONDS` (the mean of a seeded sequence of `whoMonitors(commune, day)`, index built).
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

// Point queries: a seeded sequence of (commune, day) pairs (the generator writes no quoted
// field before `type` in units.csv, so splitting on commas is enough for the two columns read).
const communes = readFileSync(join(data, 'csv', 'units.csv'), 'utf8')
  .replace(/^\uFEFF/, '')
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter((f) => ['Xã', 'Phường', 'Thị trấn'].includes(f[2]))
  .map((f) => f[0]);
let seed = 1390n;
const next = (n) => {
  // SplitMix64, reduced to [0, n).
  seed = (seed + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn;
  let z = seed;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn;
  return Number((z ^ (z >> 31n)) % BigInt(n));
};
const first = Date.UTC(2020, 10, 1);
const span = (Date.UTC(2025, 11, 31) - first) / 86400000;
const asks = Array.from({ length: 4096 }, () => [
  communes[next(communes.length)],
  new Date(first + next(span + 1) * 86400000).toISOString().slice(0, 10),
]);
const dataset = Dataset.fromJson(readFileSync(join(data, 'dataset.json'), 'utf8'));
let start = performance.now();
dataset.whoMonitors(asks[0][0], asks[0][1]);
console.log(`index_build ${((performance.now() - start) / 1000).toFixed(6)}`);
start = performance.now();
for (const [code, at] of asks) dataset.whoMonitors(code, at);
console.log(`point_query ${((performance.now() - start) / 1000 / asks.length).toFixed(9)}`);
