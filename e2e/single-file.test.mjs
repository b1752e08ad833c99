// End-to-end: dist/drydock.html works opened straight from disk (file://) with the network blocked: it
// renders, builds the example from the terminal and runs a container, and registers no service worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch, typeInTerminal } from './support/harness.mjs';

let browser;

before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the single offline file renders the editor and the instruction list from file://', async () => {
  const file = join(DIST, 'drydock.html');
  assert.ok(existsSync(file), `${file} exists (cargo xtask dist writes it)`);
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('.cm-content');
  await page.waitForFunction(() => document.querySelectorAll('.instr-list .kw').length === 10);

  // Build the example and run a container from the terminal, still without any network.
  await typeInTerminal(page, 'docker build -f trainer.dockerfile . -t trainer:latest');
  assert.match(await page.locator('.term-entry').last().textContent(),
    /naming to docker\.io\/library\/trainer:latest/);
  await typeInTerminal(page, 'docker run --name offline1 --entrypoint sh trainer:latest -c "echo ran offline"');
  assert.match(await page.locator('.term-entry').last().textContent(), /ran offline\n$/);
  await typeInTerminal(page, 'docker ps -a');
  const ps = await page.locator('.term-entry').last().textContent();
  assert.match(ps, /trainer:latest/);
  assert.match(ps, /Exited \(0\)/);
  assert.match(ps, /offline1/);
  assert.equal(await page.evaluate(() => navigator.serviceWorker?.controller ?? null), null,
    'no service worker from file://');
  assert.deepEqual(requests, [], 'no network requests');
  assert.deepEqual(errors, []);
  await context.close();
});
