// Shared set-up for the end-to-end tests: a static server over dist/ on 127.0.0.1 and Debian's Chromium
// driven by playwright-core (never a downloaded browser).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';

export const ROOT = resolve(new URL('../..', import.meta.url).pathname);
export const DIST = resolve(process.env.DRYDOCK_DIST ?? join(ROOT, 'dist'));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
};

/** Serves `dir` on 127.0.0.1 (a free port); resolves to { url, close }. `prefix` mounts it under a sub-path. */
export async function serve(dir = DIST, prefix = '/') {
  const server = createServer(async (req, res) => {
    try {
      let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (!path.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
      path = path.slice(prefix.length);
      let file = normalize(join(dir, path));
      if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}${prefix}`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Serves several folders side by side on one origin: `mounts` maps a path prefix (`/docs/`) to a folder. */
export async function serveMounts(mounts) {
  const servers = Object.entries(mounts).map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const hit = servers.find(([prefix]) => path.startsWith(prefix));
    if (!hit) { res.writeHead(404).end('not found'); return; }
    const [prefix, dir] = hit;
    let file = normalize(join(dir, path.slice(prefix.length)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** Launches headless Debian Chromium. */
export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** Opens `url` in a fresh page that fails the test on any page error; waits for the app to mount. */
export async function open(browser, url, { width = 1280, height = 800, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(url);
  await page.waitForSelector('.app');
  page.errors = errors;
  return page;
}

/**
 * Types `line` into the terminal of `scope` (a page, or an embed's frame locator) as a user would — key by key,
 * or in one go with `fill` — and waits until its entry appears in the transcript.
 */
export async function typeInTerminal(scope, line, { fill = false } = {}) {
  const tab = scope.locator('#tab-terminal');
  if (await tab.count()) await tab.click();
  const input = scope.locator('#terminal-input');
  await input.click();
  const before = await scope.locator('.term-entry').count();
  if (fill) await input.fill(line);
  else await input.type(line);
  await input.press('Enter');
  await scope.locator('.term-entry').nth(before).waitFor();
}
