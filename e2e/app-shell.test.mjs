// End-to-end: the first screen shows the course Dockerfile and its instruction list, and follows edits.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const keywords = (page) => page.$$eval('.instr-list .kw', (els) => els.map((e) => e.textContent));
// The editor's text, line by line as CodeMirror renders it.
const editorText = (page) => page.$$eval('.cm-content .cm-line', (els) => els.map((e) => e.textContent).join('\n'));

test('the editor holds the trainer Dockerfile and the list shows its instructions', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.cm-content');
  const text = await editorText(page);
  assert.match(text, /^# Base image\nFROM python:3\.11-slim\n/);
  assert.match(text, /ENTRYPOINT \["python", "-u", "src\/my_project\/train\.py"\]/);
  assert.deepEqual(await keywords(page),
    ['FROM', 'RUN', 'COPY', 'COPY', 'COPY', 'COPY', 'WORKDIR', 'RUN', 'RUN', 'ENTRYPOINT']);
  // The RUN with continuation lines is one instruction spanning lines 4–6, joined.
  const run = page.locator('.instr-list li').nth(1);
  assert.equal(await run.locator('.instr-lines').textContent(), '4–6');
  assert.match(await run.locator('.instr-args').textContent(), /apt update && +apt install/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('typing into the editor updates the instruction list', async () => {
  const page = await open(browser, server.url);
  const editor = page.locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nEXPOSE 8000\nCMD ["--epochs", "10"]\n');
  // Renders are batched: wait for the list to show the last keystroke, not an intermediate `C`.
  await page.waitForFunction(() => {
    const kws = [...document.querySelectorAll('.instr-list .kw')].map((e) => e.textContent);
    return kws.length === 12 && kws[11] === 'CMD';
  });
  const kws = await keywords(page);
  assert.deepEqual(kws.slice(-3), ['ENTRYPOINT', 'EXPOSE', 'CMD']);
  // Clearing the editor shows the empty state.
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.waitForSelector('.instructions, .empty-state');
  assert.equal(await page.locator('.instr-list .kw').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a file that is not a Dockerfile opens as plain text; the strip and the list keep the build\'s Dockerfile', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.cm-content');
  await page.locator('.file-tree [data-path="requirements.txt"]').click();
  await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent.startsWith('torch=='));
  // No Dockerfile diagnostics on requirements.txt.
  assert.equal(await page.locator('.cm-lintRange-error, .cm-lintRange-warning').count(), 0);
  const strip = page.locator('.lifecycle .stage').first();
  assert.equal(await strip.locator('.stage-title').textContent(), 'trainer.dockerfile');
  assert.equal(await strip.locator('.stage-detail').textContent(), '10 instructions');
  assert.equal(await page.locator('.instr-list .kw').count(), 10);
  // A row of the list opens the Dockerfile again.
  await page.locator('.instr-list .instr-button').last().click();
  await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent.startsWith('# Base image'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the layout holds at 1024x640 and inside an iframe', async () => {
  const page = await open(browser, server.url, { width: 1024, height: 640 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'no horizontal scrollbar at 1024x640');
  const tops = await page.locator('.workspace-pane > .tabs .tab')
    .evaluateAll((tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
  assert.equal(tops.length, 6);
  assert.equal(new Set(tops).size, 1, `the workspace tabs share one row at 1024x640 (tops ${tops})`);
  const host = await page.context().newPage();
  await host.setContent(`<iframe src="${server.url}" style="width:800px;height:600px;border:0"></iframe>`);
  const frame = await (await host.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('.instr-list .kw');
  assert.equal(await frame.locator('.instr-list .kw').first().textContent(), 'FROM');
  await page.context().close();
});

test('a Dockerfile error shows inline in the editor and in the list with Docker\'s message', async () => {
  const page = await open(browser, server.url);
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nFNTRYPOINT python train.py\n');
  await page.waitForSelector('.cm-lintRange-error');
  const err = await page.locator('.instr-error').first().textContent();
  assert.match(err, /^dockerfile parse error on line 19: unknown instruction: FNTRYPOINT \(did you mean ENTRYPOINT\?\)/);
  assert.equal(await page.locator('.stage.current .stage-detail').textContent(), '1 error');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('hovering an instruction shows its documentation; typing offers completions', async () => {
  const page = await open(browser, server.url);
  await page.locator('.cm-line', { hasText: 'WORKDIR /' }).locator('.tok-keyword').hover();
  const tip = page.locator('.dd-hover');
  await tip.waitFor();
  assert.match(await tip.textContent(), /Sets the working directory/);
  await page.mouse.move(5, 5);
  await tip.waitFor({ state: 'detached' });
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\nEXP');
  await page.locator('.cm-tooltip-autocomplete').waitFor();
  assert.match(await page.locator('.cm-tooltip-autocomplete li').first().textContent(), /EXPOSE/);
  await page.waitForTimeout(150); // CodeMirror ignores Enter for 75 ms after the list opens
  await page.keyboard.press('Enter');
  await page.keyboard.type(' 8000');
  await page.waitForFunction(() => [...document.querySelectorAll('.instr-list .kw')].some((e) => e.textContent === 'EXPOSE'));
  // Package names come from the catalog after an install command.
  await page.keyboard.type('\nRUN pip install --no-cache-dir scik');
  await page.locator('.cm-tooltip-autocomplete li', { hasText: 'scikit-learn' }).waitFor();
  await page.keyboard.press('Escape');
  // A finished keyword is no choice: the list closes, so Enter starts a new line.
  await page.keyboard.type('\nCMD');
  await page.locator('.cm-tooltip-autocomplete').waitFor({ state: 'detached' });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
