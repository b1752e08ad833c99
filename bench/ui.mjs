// UI speed in headless Chromium over the release build: load to interactive, keystroke to updated
// diagnostics (course Dockerfile and a 2,000-line one), scrubbing one build step, and the transfer size.
// Prints `bench-ui` lines that `cargo xtask bench ui` collects. Times are taken inside the page: from the
// keydown event's timestamp to the app's `performance.mark` after the work is rendered.
// Usage: node bench/ui.mjs DIST_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve, launch } from '../e2e/support/harness.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const quick = process.argv.includes('--quick');

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const fmt = (x) => x.toFixed(1);

/** A long but realistic Dockerfile: a stage repeated (each with its own name) until it has `lines` lines. */
function longDockerfile(lines) {
  const unit = [
    'FROM python:3.12-slim AS stage{n}',
    '# install the system packages',
    'RUN apt-get update \\',
    '    && apt-get install -y --no-install-recommends build-essential gcc \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'WORKDIR /app',
    'ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1',
    'COPY requirements.txt requirements.txt',
    'RUN pip install -r requirements.txt',
    'COPY src/ src/',
    'EXPOSE 8000',
    'ENTRYPOINT ["python", "-u", "src/my_project/train.py"]',
    '',
  ];
  const out = [];
  for (let n = 1; out.length < lines; n++) out.push(...unit.map((l) => l.replace('{n}', n)));
  return out.slice(0, lines).join('\n') + '\n';
}

const server = await serve(dist);
const browser = await launch();
const results = {};

// 1. Load → interactive: the editor shows the Dockerfile and the instruction list is filled.
{
  const runs = quick ? 3 : 9;
  const times = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const check = () => {
        if (window.__interactive) return;
        if (document.querySelector('.cm-content') && document.querySelector('.instr-list .kw')) {
          window.__interactive = performance.now();
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url);
    await page.waitForFunction(() => window.__interactive, null, { polling: 50, timeout: 30000 });
    times.push(await page.evaluate(() => window.__interactive));
    await context.close();
  }
  // The first run also compiles the wasm with a cold HTTP cache; every run has a fresh context.
  results.load = { median: pct(times, 50), max: Math.max(...times), runs };
  console.log(`bench-ui load-to-interactive median ${fmt(results.load.median)} ms, max ${fmt(results.load.max)} ms (${runs} fresh contexts)`);
}

const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
await page.goto(server.url);
await page.waitForSelector('.cm-content');
await page.evaluate(() => {
  document.addEventListener('keydown', (e) => { window.__keydown = e.timeStamp; }, true);
});

/** Presses `key` on page `p` and resolves to the ms from its keydown to the next `mark`. */
async function timed(key, mark, p = page) {
  await p.evaluate(() => { performance.clearMarks(); window.__keydown = undefined; });
  await p.keyboard.press(key);
  const handle = await p.waitForFunction((mark) => {
    const m = performance.getEntriesByName(mark).at(-1);
    return window.__keydown !== undefined && m && m.startTime >= window.__keydown ? m.startTime - window.__keydown : null;
  }, mark, { polling: 'raf', timeout: 10000 });
  return handle.jsonValue();
}

/** Keystrokes at the end of the editor's first line: a letter, then Backspace, `n` times each. */
async function typing(n) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('End');
  const times = [];
  for (let i = 0; i < n; i++) {
    times.push(await timed('x', 'drydock-diagnostics'));
    times.push(await timed('Backspace', 'drydock-diagnostics'));
  }
  return times;
}

// 2. Keystroke → diagnostics on the course Dockerfile (the trainer example that opens by default).
{
  const times = await typing(quick ? 10 : 40);
  results.keyCourse = { p50: pct(times, 50), p95: pct(times, 95), n: times.length };
  console.log(`bench-ui keystroke-course p50 ${fmt(results.keyCourse.p50)} ms, p95 ${fmt(results.keyCourse.p95)} ms (${times.length} keystrokes)`);
}

// 3. The same on a 2,000-line Dockerfile.
{
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(longDockerfile(2000));
  await page.waitForFunction(() => document.querySelectorAll('.cm-line').length > 20);
  const times = await typing(quick ? 5 : 20);
  results.keyLong = { p50: pct(times, 50), p95: pct(times, 95), n: times.length };
  console.log(`bench-ui keystroke-2000-lines p50 ${fmt(results.keyLong.p50)} ms, p95 ${fmt(results.keyLong.p95)} ms (${times.length} keystrokes)`);
}

// 4. Scrubbing: build the trainer example, then step back and forth with `[` and `]`.
{
  const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await fresh.goto(server.url);
  await fresh.waitForSelector('.cm-content');
  await fresh.locator('#tab-build').click();
  await fresh.locator('#build-button').click();
  await fresh.waitForFunction(() => document.querySelectorAll('#build-steps [role=option]').length > 3);
  await fresh.evaluate(() => {
    document.addEventListener('keydown', (e) => { window.__keydown = e.timeStamp; }, true);
    document.activeElement?.blur();
  });
  const times = [];
  const n = quick ? 10 : 40;
  for (let i = 0; i < n; i++) {
    times.push(await timed(Math.floor(i / 4) % 2 === 0 ? '[' : ']', 'drydock-step', fresh));
  }
  results.scrub = { p50: pct(times, 50), p95: pct(times, 95), n };
  console.log(`bench-ui scrub-step p50 ${fmt(results.scrub.p50)} ms, p95 ${fmt(results.scrub.p95)} ms (${n} steps)`);
}

// 5. Transfer size: what the browser downloads (wasm + js + css), gzip -9, as `dist/` holds it.
{
  const rows = [];
  for (const name of readdirSync(dist)) {
    const ext = extname(name);
    if (!['.wasm', '.js', '.css'].includes(ext) || name === 'sw.js') continue;
    const bytes = readFileSync(join(dist, name));
    rows.push({ name, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length });
  }
  rows.sort((a, b) => b.gz - a.gz);
  const total = rows.reduce((s, r) => s + r.gz, 0);
  for (const r of rows) console.log(`bench-ui size ${r.name} raw ${r.raw} gzip ${r.gz}`);
  console.log(`bench-ui size-total gzip ${total}`);
}

await browser.close();
await server.close();
