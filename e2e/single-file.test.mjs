// End-to-end: dist/drydock.html works opened straight from disk (file://) with the network blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launch } from './support/harness.mjs';

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
  assert.deepEqual(requests, [], 'no network requests');
  assert.deepEqual(errors, []);
  await context.close();
});
