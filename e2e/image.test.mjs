// End-to-end: the image explorer. Build the trainer example, open the Image view, walk the layer stack
// (mouse and arrow keys), see the files a layer added with their marks, filter to changes only; a
// Dockerfile that deletes in a later step what an earlier one added shows wasted bytes; the Inspect JSON
// tab is byte-identical to `docker inspect` in the terminal; the history rows are the build's steps;
// time travel in the Build view moves the selected layer; no axe-core violations, light and dark.
// DRYDOCK_SCREENSHOTS=<dir> also writes image-light.png and image-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WASTEFUL = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY data/ data/\nRUN rm -rf data/processed/test_images.pt\n'
  + 'CMD ["python", "-c", "print(1)"]\n';

/** Builds with the Build view's button; resolves to the number of steps. */
async function build(page) {
  await page.waitForSelector('.cm-content');
  await page.locator('#tab-build').click();
  await page.locator('#build-button').click();
  await page.waitForSelector('#build-steps #step-1');
  return page.locator('#build-steps .step-row').count();
}

/** Types `line` into the terminal and resolves to its output (the entry without the command line). */
async function terminal(page, line) {
  await page.locator('#tab-terminal').click();
  const input = page.locator('#terminal-input');
  await input.click();
  const before = await page.locator('.term-entry').count();
  await input.type(line);
  await input.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('.term-entry').length > n, before);
  return page.locator('.term-entry').last().locator('.term-chunk').allTextContents().then((c) => c.join(''));
}

async function setDockerfile(page, text) {
  await page.waitForSelector('.cm-content');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
}

const selected = (page) => page.locator('.layer-row[aria-selected="true"]');

test('layers, the files a layer added, changes only, keyboard, time travel', async () => {
  const page = await open(browser, server.url);
  await page.locator('#tab-image').click();
  assert.match(await page.locator('#panel-image .empty-state').textContent(), /No image yet/);
  const steps = await build(page);
  await page.locator('#tab-image').click();

  // One row per history entry; every step (FROM is none) made one, in order; the top one is selected.
  const rows = page.locator('.layer-row');
  const stepsOfRows = await page.$$eval('.layer-row[data-step]', (els) => els.map((e) => Number(e.dataset.step)));
  assert.deepEqual(stepsOfRows, Array.from({ length: steps }, (_, i) => i));
  const n = await rows.count();
  assert.ok(n > steps, `${n} rows include the base image's history`);
  assert.equal(await rows.nth(n - 1).getAttribute('aria-selected'), 'true');
  assert.match(await rows.nth(n - 1).locator('.layer-by').textContent(), /^ENTRYPOINT/);
  assert.equal(await rows.nth(n - 1).locator('.layer-size').textContent(), 'empty');
  assert.ok(await page.locator('.layer-row .layer-step.base').count() > 0, 'base image layers are marked');

  // Select the COPY of the sources: its files are marked added, with sizes.
  const copy = page.locator('.layer-row', { hasText: 'COPY src/ src/' });
  await copy.click();
  assert.equal(await copy.getAttribute('aria-selected'), 'true');
  assert.notEqual(await copy.locator('.layer-size').textContent(), 'empty');
  const train = page.locator('.layer-tree .st-row[data-path="/src/my_project/train.py"]');
  await train.waitFor();
  assert.match(await train.getAttribute('class'), /st-added/);
  assert.equal(await train.locator('.st-mark').textContent(), 'added');
  assert.match(await train.locator('.st-detail').textContent(), /^\d+(\.\d+)?k?B$/);
  assert.match(await page.locator('.layer-tree .st-summary').textContent(), /^[1-9]\d* added · 0 modified · 0 deleted$/);
  assert.ok(await page.locator('.layer-tree .st-row[data-path="/etc"]').count() === 1, 'unchanged folders show');

  // Changes only: unchanged entries go, the added files stay.
  await page.locator('.changes-only').check();
  assert.equal(await page.locator('.layer-tree .st-row[data-path="/etc"]').count(), 0);
  await train.waitFor();
  const marks = await page.$$eval('.layer-tree .st-row', (els) => els.map((e) => e.className));
  assert.ok(marks.every((c) => /st-(added|modified|deleted|inside)/.test(c)), marks.join('\n'));
  await page.locator('.changes-only').uncheck();
  await page.locator('.layer-tree .st-row[data-path="/etc"]').waitFor();

  // Arrow keys move through the stack (and focus follows); Home/End jump.
  await copy.focus();
  await page.keyboard.press('ArrowUp');
  const above = selected(page);
  assert.match(await above.locator('.layer-by').textContent(), /^COPY pyproject\.toml/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected')), 'true');
  await page.keyboard.press('End');
  assert.equal(await rows.nth(n - 1).getAttribute('aria-selected'), 'true');
  await page.keyboard.press('Home');
  assert.equal(await rows.nth(0).getAttribute('aria-selected'), 'true');
  // Arrow keys in the tree.
  await page.locator('.layer-tree .st-row').first().focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'treeitem');

  // Time travel: picking a step in the Build view selects its layer here, and back.
  await page.locator('.layer-row[data-step="3"]').click();
  await page.locator('#tab-build').click();
  assert.equal(await page.locator('#step-3').getAttribute('aria-selected'), 'true');
  await page.locator('#step-5').click();
  await page.locator('#tab-image').click();
  assert.equal(await selected(page).getAttribute('data-step'), '5');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('wasted bytes, inspect JSON and history match the terminal', async () => {
  const page = await open(browser, server.url);
  await setDockerfile(page, WASTEFUL);
  const steps = await build(page);
  assert.equal(steps, 4);
  await page.locator('#tab-image').click();
  const waste = page.locator('.image-waste');
  assert.equal(await waste.locator('.waste-total').textContent(), '31.4MB');
  const row = waste.locator('.waste-row');
  assert.equal(await row.count(), 1);
  assert.match(await row.textContent(), /^\/app\/data\/processed131\.4MBdeleted · layer \d+ → \d+$/);
  // The deleting layer marks the file deleted.
  await page.locator('.layer-row', { hasText: 'RUN /bin/sh -c rm -rf' }).click();
  const gone = page.locator('.layer-tree .st-row[data-path="/app/data/processed/test_images.pt"]');
  await gone.waitFor();
  assert.equal(await gone.locator('.st-mark').textContent(), 'deleted');

  // Inspect JSON and the raw history: exactly what docker inspect and docker history print.
  await page.locator('#itab-inspect').click();
  const id = JSON.parse(await page.locator('.ix-json').textContent())[0].Id;
  // (history last: its CREATED column is relative to the virtual clock at the last command)
  const printedInspect = await terminal(page, `docker inspect ${id}`);
  const printedHistory = await terminal(page, `docker history --no-trunc ${id}`);
  await page.locator('#tab-image').click();
  await page.locator('#itab-inspect').click();
  assert.equal(await page.locator('.ix-json').textContent(), printedInspect);
  // The History tab: one row per entry, newest first, the build's steps among them.
  await page.locator('#itab-history').click();
  const hist = await page.$$eval('.history-row[data-step]', (els) => els.map((e) => Number(e.dataset.step)));
  assert.deepEqual(hist, [3, 2, 1, 0]);
  assert.equal(await page.locator('.history-row').count(), printedHistory.trim().split('\n').length - 1);
  assert.equal(await page.locator('.ix-raw .console').textContent(), printedHistory);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the image explorer has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await build(page);
    await page.locator('#tab-image').click();
    await page.locator('.layer-row', { hasText: 'COPY src/ src/' }).click();
    await page.locator('.layer-tree .st-row[data-path="/src/my_project/train.py"]').waitFor();
    await page.addScriptTag({ path: AXE });
    for (const tab of ['layers', 'config', 'inspect', 'history']) {
      await page.locator(`#itab-${tab}`).click();
      await page.locator(`#ipanel-${tab}`).waitFor();
      const result = await page.evaluate(() => globalThis.axe.run('#panel-image'));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).join(', ')}`);
      assert.deepEqual(violations, [], `${colorScheme} ${tab}: ${violations.join('\n')}`);
    }
    await page.locator('#itab-layers').click();
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.locator('.layer-row', { hasText: 'COPY src/ src/' }).click();
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `image-${colorScheme}.png`) });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
