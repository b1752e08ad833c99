// Parser throughput in Node: Drydock's parser compiled to wasm, and the npm `dockerfile-ast` parser, on the
// same corpus bytes. Prints `bench-parse NAME MB/s` lines that `cargo xtask bench parse` collects.
// Usage: node bench/parse.mjs WASM_PKG_DIR CORPUS_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const [pkgDir, corpusDir] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const wasm = require(join(pkgDir, 'drydock_bench_wasm.js'));
const { DockerfileParser } = require('dockerfile-ast');

const files = readdirSync(corpusDir).filter((f) => !f.startsWith('LICENSE') && !f.endsWith('.md') && !f.endsWith('.tsv')).sort()
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
for (const f of files) wasm.load(f);
const bytes = wasm.bytes();

function measure(name, once) {
  // Warm up, then run for at least ~2 s and take the best of 5 rounds.
  once();
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let iters = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    do { once(); iters++; elapsed = Number(process.hrtime.bigint() - start) / 1e9; } while (elapsed < 0.4);
    best = Math.min(best, elapsed / iters);
  }
  const mbs = bytes / best / 1e6;
  console.log(`bench-parse ${name} ${mbs.toFixed(1)} MB/s (${(best * 1e3).toFixed(3)} ms per corpus pass)`);
  return mbs;
}

console.log(`corpus: ${files.length} files, ${(bytes / 1e6).toFixed(2)} MB`);
measure('drydock-wasm', () => wasm.run(1));
measure('dockerfile-ast', () => { for (const f of files) DockerfileParser.parse(f); });
