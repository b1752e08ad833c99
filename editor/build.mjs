// Bundles the CodeMirror editor (editor/index.js) into editor/dist/drydock-editor.js with esbuild, from the
// packages npm installed from package-lock.json (no CDN). Skips the work when the bundle is up to date.
import { build } from 'esbuild';
import { statSync, readdirSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'dist', 'drydock-editor.js');
const mtime = (p) => { try { return statSync(p).mtimeMs; } catch { return 0; } };
const inputs = [join(here, 'index.js'), join(here, 'build.mjs'), join(root, 'package-lock.json')];
const fresh = mtime(out) > 0 && inputs.every((p) => mtime(p) < mtime(out));
if (fresh && !process.argv.includes('--force')) {
  process.exit(0);
}
mkdirSync(join(here, 'dist'), { recursive: true });
const result = await build({
  entryPoints: [join(here, 'index.js')],
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  legalComments: 'none',
  outfile: out,
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs)[0].bytes;
console.log(`editor bundle: ${out} (${bytes} bytes)`);
