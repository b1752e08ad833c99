// End-to-end: explain mode and the scope insight. Hovering a word of a RUN line in the editor explains it (the
// command, a flag, a package from the catalog); the Insights tab's "Variable scope" table shows where each ARG and
// ENV is set, visible, shadowed or invisible, a cell click selects its line, and the panel has no axe violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Replaces the editor's text with `text` (inserted as one input, so no completion list interferes). */
async function replaceText(page, text) {
  await page.waitForSelector('.cm-content');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Moves the mouse over the first occurrence of `word` in the editor line containing `lineText`. */
async function hoverWord(page, lineText, word) {
  await page.mouse.move(5, 5);
  const box = await page.evaluate(([lineText, word]) => {
    const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.includes(lineText));
    if (!line) return null;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let offset = line.textContent.indexOf(lineText) + lineText.indexOf(word);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (offset < n.length) {
        const r = document.createRange();
        r.setStart(n, offset);
        r.setEnd(n, Math.min(n.length, offset + 1));
        const b = r.getBoundingClientRect();
        return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
      }
      offset -= n.length;
    }
    return null;
  }, [lineText, word]);
  assert.ok(box, `${word} not found in a line with ${lineText}`);
  await page.mouse.move(box.x, box.y);
  const tip = page.locator('.dd-hover');
  await tip.waitFor();
  return tip;
}

test('hovering words of the trainer\'s RUN lines explains the flag and the command', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.cm-line');
  let tip = await hoverWord(page, 'RUN pip install -r requirements.txt --no-cache-dir', '--no-cache-dir');
  assert.equal(await tip.locator('.dd-hover-title').textContent(), '--no-cache-dir — pip install flag');
  assert.match(await tip.textContent(), /~\/\.cache\/pip/);
  tip = await hoverWord(page, 'RUN apt update', 'apt');
  assert.equal(await tip.locator('.dd-hover-title').textContent(), 'apt — command');
  assert.match(await tip.textContent(), /package manager/);
  tip = await hoverWord(page, 'apt install --no-install-recommends', '--no-install-recommends');
  assert.match(await tip.textContent(), /recommended/);
  // Instruction keywords keep their documentation.
  tip = await hoverWord(page, 'WORKDIR /', 'WORKDIR');
  assert.match(await tip.textContent(), /Sets the working directory/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('hovering a package shows the catalog\'s description, version and size; apt-get and && are explained', async () => {
  const page = await open(browser, server.url);
  await replaceText(page, 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y curl\nRUN pip install torch==2.5.1 --no-cache-dir\n');
  let tip = await hoverWord(page, 'RUN pip install torch', 'torch');
  assert.equal(await tip.locator('.dd-hover-title').textContent(), 'torch — Python package (PyPI)');
  assert.match(await tip.textContent(), /Version constraint `==2\.5\.1`/);
  assert.match(await tip.textContent(), /installed/);
  tip = await hoverWord(page, 'RUN apt-get update', 'apt-get');
  assert.equal(await tip.locator('.dd-hover-title').textContent(), 'apt-get — command');
  assert.match(await tip.textContent(), /apt-get update/);
  tip = await hoverWord(page, 'RUN apt-get update && apt-get', '&&');
  assert.match(await tip.textContent(), /succeeded/);
  tip = await hoverWord(page, 'install -y curl', 'curl');
  assert.equal(await tip.locator('.dd-hover-title').textContent(), 'curl — Debian package');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the scope table shows the base image\'s ENV on the trainer; a cell click selects its line', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.cm-content');
  await page.locator('#tab-insights').click();
  const row = page.locator('.scope-table tr[data-var="PYTHON_VERSION"]');
  await row.waitFor();
  const set = row.locator('td.state-set').first();
  assert.equal(await set.locator('.scope-value').textContent(), '3.11.14');
  assert.equal(await row.locator('.scope-final-cell .scope-value').textContent(), '3.11.14');
  await set.locator('button').click();
  await page.waitForFunction(() => document.getSelection()?.toString() === 'FROM python:3.11-slim');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('scope: a global ARG is invisible in the stage, ENV shadows ARG; the panel has no axe violations', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await replaceText(page, 'ARG VERSION=3.11\nFROM python:${VERSION}-slim\nARG MODE=dev\nENV MODE=prod\nRUN echo "$MODE $VERSION"\n');
    await page.locator('#tab-insights').click();
    const mode = page.locator('.scope-table tr[data-var="MODE"]');
    await mode.waitFor();
    assert.equal(await mode.locator('td.state-shadowed .scope-value').textContent(), 'prod');
    assert.equal(await mode.locator('.scope-final-cell .scope-value').textContent(), 'prod');
    const version = page.locator('.scope-table tr[data-var="VERSION"]');
    assert.match(await version.locator('td.state-invisible button').last().textContent(), /add `ARG VERSION`/);
    assert.equal(await version.locator('.scope-final-cell .scope-tag').textContent(), 'not set');
    assert.equal(await page.locator('.scope-table th[scope="colgroup"]').count(), 2);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => globalThis.axe.run('.scope'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
