// Build engine speed in Node: Drydock's engine compiled to wasm rebuilding the course recipe with one
// source file changed. Prints a `bench-build` line that `cargo xtask bench build` collects.
// Usage: node bench/build.mjs WASM_PKG_DIR
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(join(pkgDir, 'drydock_bench_build_wasm.js'));

const batch = 100;
function round() {
  if (!wasm.prepare(batch)) throw new Error('the first build of the recipe failed');
  const start = process.hrtime.bigint();
  let ran = 0;
  for (let i = 0; i < batch; i++) {
    const r = wasm.rebuild();
    if (r < 0) throw new Error('a rebuild failed');
    ran = r;
  }
  return [Number(process.hrtime.bigint() - start) / 1e6 / batch, ran];
}

// Warm up, then take the best of 8 rounds of 100 rebuilds.
round();
let best = Infinity;
let steps = 0;
for (let i = 0; i < 8; i++) {
  const [ms, ran] = round();
  best = Math.min(best, ms);
  steps = ran;
}
console.log(`bench-build rebuild_one_file_changed wasm: ${best.toFixed(3)} ms/build (${steps} steps re-run; goal <= 2 ms native)`);
