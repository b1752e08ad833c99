// End-to-end: the hosted app keeps working without network after the first visit. The first visit over
// http registers dist/sw.js; once it controls the page the browser goes offline and the server stops, and a
// reload still loads the app, builds the example and runs a container.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DIST, serve, launch, typeInTerminal } from './support/harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });


test('dist/sw.js precaches exactly the files of this build under a content-hashed cache name', async () => {
  const sw = await readFile(join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /const CACHE = "drydock-[0-9a-f]{16}";/);
  const wasm = sw.match(/"\.\/([^"]+_bg\.wasm)"/);
  assert.ok(wasm, 'the wasm module is precached');
  const index = await readFile(join(DIST, 'index.html'), 'utf8');
  assert.ok(index.includes(wasm[1]), 'the precached wasm is the one index.html loads');
  assert.match(index, /navigator\.serviceWorker\.register\("\.\/sw\.js"\)/);
  const single = await readFile(join(DIST, 'drydock.html'), 'utf8');
  assert.ok(!single.includes('serviceWorker.register'), 'the single file registers no service worker');
});

test('after one visit the app loads, builds and runs a container offline (under a sub-path)', async () => {
  const server = await serve(DIST, '/course/drydock/');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(server.url);
    await page.waitForSelector('.app');
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, { timeout: 30_000 });
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, server.url, 'the scope is the app\'s own sub-path');

    await context.setOffline(true);
    await server.close();
    await page.reload();
    await page.waitForSelector('.cm-content');
    await page.waitForFunction(() => document.querySelectorAll('.instr-list .kw').length === 10);
    await typeInTerminal(page, 'docker build -f trainer.dockerfile . -t trainer:latest');
    assert.match(await page.locator('.term-entry').last().textContent(),
      /naming to docker\.io\/library\/trainer:latest/);
    await typeInTerminal(page, 'docker run --name offline1 --entrypoint sh trainer:latest -c "echo ran offline"');
    assert.match(await page.locator('.term-entry').last().textContent(), /ran offline\n$/);
    await typeInTerminal(page, 'docker ps -a');
    const ps = await page.locator('.term-entry').last().textContent();
    assert.match(ps, /offline1/);
    assert.match(ps, /Exited \(0\)/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.close().catch(() => {});
  }
});
