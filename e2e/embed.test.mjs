// End-to-end: embed mode. docs/embed-example.html (served beside dist/, as a course site would) holds two
// Drydock iframes configured differently; each shows what its URL says (panes, theme, read-only, the start
// step), interacting in one leaves the other alone, the main app's saved work on the same origin is
// untouched, and both pass axe-core. The share dialog's "Copy embed code" makes a working snippet.
// DRYDOCK_SCREENSHOTS=<dir> also writes embed-example.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveMounts, launch, open, ROOT, DIST, typeInTerminal } from './support/harness.mjs';

let server, browser;
before(async () => {
  server = await serveMounts({ '/docs/': join(ROOT, 'docs'), '/dist/': DIST });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Everything Drydock keeps on this origin: IndexedDB `drydock`/`kv` and localStorage. */
async function storageOf(page) {
  return page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const req = indexedDB.open('drydock', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('kv');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    const all = await new Promise((ok, fail) => {
      const tx = db.transaction('kv', 'readonly');
      const store = tx.objectStore('kv');
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => ok(Object.fromEntries(keys.result.map((k, i) => [k, values.result[i]])));
      tx.onerror = () => fail(tx.error);
    });
    db.close();
    return { idb: all, local: { ...localStorage } };
  });
}

/** Opens the course page and waits until both embeds are up (the trainer one built, at its step). */
async function openCoursePage(context) {
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e));
  await page.goto(`${server.url}docs/embed-example.html`);
  const trainer = page.frameLocator('#trainer-embed');
  const api = page.frameLocator('#api-embed');
  await trainer.locator('.app.embed #build-steps .step-row.selected').waitFor();
  await api.locator('.app.embed #terminal-input').waitFor();
  await trainer.locator('.cm-content').waitFor();
  await api.locator('.cm-content').waitFor();
  return { page, trainer, api };
}

const frameOf = (page, id) => page.frames().find((f) => f.url().includes(id));

test('two embeds on a course page show what their options say, independently', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const { page, trainer, api } = await openCoursePage(context);

  // Trainer: editor + build, dark, built and at step 3 (the editor highlights that step's line).
  assert.equal(await trainer.locator('.topbar, .lifecycle, .project-pane').count(), 0, 'no app chrome');
  assert.equal(await trainer.locator('.editor-pane').count(), 1);
  assert.deepEqual(await trainer.locator('[role=tab].tab').allTextContents(), ['Build']);
  assert.equal(await frameOf(page, 'week3-trainer').evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await trainer.locator('.step-row.selected').getAttribute('id'), 'step-2');
  assert.match(await trainer.locator('.tt-position').textContent(), /^Step 3 \/ \d+$/);
  const stepText = (await trainer.locator('.step-row.selected .step-text').textContent()).trim();
  const highlighted = (await trainer.locator('.cm-current-step').allTextContents()).join('\n').trim();
  assert.ok(highlighted.length > 0 && stepText.startsWith(highlighted.split('\n')[0].trim().slice(0, 20)),
    `editor highlight ${JSON.stringify(highlighted)} follows step ${JSON.stringify(stepText)}`);
  assert.notEqual(await trainer.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  const open = await trainer.locator('#embed-open').getAttribute('href');
  assert.match(open, /\/dist\/(index\.html)?#share=/, 'Open in Drydock carries the project');
  assert.equal(await trainer.locator('#embed-open').getAttribute('target'), '_blank');

  // API: editor + terminal, light, read-only files, terminal usable.
  assert.deepEqual(await api.locator('[role=tab].tab').allTextContents(), ['Terminal']);
  assert.equal(await api.locator('#tab-build, .project-pane, .topbar').count(), 0);
  assert.equal(await frameOf(page, 'week3-api').evaluate(() => document.documentElement.dataset.theme), 'light');
  assert.equal(await api.locator('#read-only-badge').textContent(), 'Read-only');
  assert.equal(await api.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  const apiText = await api.locator('.cm-content').textContent();
  await api.locator('.cm-content').click();
  await page.keyboard.type('XYZ');
  assert.equal(await api.locator('.cm-content').textContent(), apiText, 'a read-only editor takes no typing');
  await typeInTerminal(api, 'docker build -t api -f api.dockerfile .', { fill: true });
  await typeInTerminal(api, 'docker images', { fill: true });
  assert.match(await api.locator('.term-entry').last().textContent(), /\bapi\b/);

  // Interacting in one leaves the other alone.
  assert.equal(await trainer.locator('.step-row.selected').getAttribute('id'), 'step-2');
  await trainer.locator('.step-row').first().click();
  assert.equal(await trainer.locator('.step-row.selected').getAttribute('id'), 'step-0');
  await trainer.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('\n# edited in the trainer embed');
  await trainer.locator('.cm-content', { hasText: 'edited in the trainer embed' }).waitFor();
  assert.equal(await api.locator('.cm-content').textContent(), apiText);
  assert.equal(await api.locator('.term-entry').count(), 2);

  assert.deepEqual(page.errors, []);
  await context.close();
});

test('embeds leave the main app\'s saved work on the same origin untouched', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const main = await context.newPage();
  await main.goto(`${server.url}dist/index.html`);
  await main.waitForSelector('.app:not(.embed) .cm-content');
  await main.locator('.cm-content').click();
  await main.keyboard.press('Control+End');
  await main.keyboard.type('\n# my own work');
  await main.locator('.ghost-button[aria-label^="Theme"]').click();
  await main.waitForFunction(() => document.querySelector('#save-status')?.textContent === 'Saved');
  const before = await storageOf(main);
  const saveKeys = Object.keys(before.idb);
  assert.ok(saveKeys.some((k) => k.endsWith('#project')), `main app saved: ${saveKeys}`);
  assert.match(Object.values(before.idb).join(''), /my own work/);
  assert.equal(before.local['drydock:theme'], 'light');
  await main.close();

  const { page, trainer, api } = await openCoursePage(context);
  await trainer.locator('.cm-content').click();
  await page.keyboard.type('# the embed\n');
  await typeInTerminal(api, 'docker build -t api -f api.dockerfile .', { fill: true });
  await page.waitForTimeout(1200); // longer than the app's autosave delay
  const after = await storageOf(page);
  assert.deepEqual(after, before);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('each embed has no axe-core violations', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
  const { page } = await openCoursePage(context);
  for (const id of ['week3-trainer', 'week3-api']) {
    const frame = frameOf(page, id);
    await frame.addScriptTag({ path: AXE });
    // Over everything the embed shows (its `.app`, footer included).
    const result = await frame.evaluate(() => globalThis.axe.run('.app'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${id}: ${violations.join('\n')}`);
  }
  if (process.env.DRYDOCK_SCREENSHOTS) {
    await page.evaluate(() => window.scrollTo(0, document.querySelector('#trainer-embed').offsetTop - 190));
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, 'embed-example.png') });
  }
  await context.close();
});

test('the share dialog copies embed code for the current project, with the chosen options', async () => {
  const page = await open(browser, `${server.url}dist/index.html`);
  await page.locator('#open-share').click();
  const snippet = page.locator('#embed-snippet');
  await snippet.waitFor();
  let code = await snippet.inputValue();
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/dist\/index\.html\?embed&amp;example=trainer" title="Drydock: Trainer image \(pip\)" width="800" height="500" loading="lazy"/);
  await page.locator('#embed-pane-build').uncheck();
  await page.locator('#embed-pane-image').check();
  await page.locator('#embed-readonly').check();
  await page.locator('#embed-theme').selectOption('dark');
  code = await snippet.inputValue();
  assert.match(code, /\?embed&amp;example=trainer&amp;panes=editor,terminal,image&amp;readonly&amp;theme=dark"/);

  // The snippet's address opens that embed.
  const src = code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&');
  const embed = await page.context().newPage();
  await embed.goto(src);
  await embed.waitForSelector('.app.embed .cm-content');
  assert.deepEqual(await embed.locator('[role=tab].tab').allTextContents(), ['Terminal', 'Image']);
  assert.equal(await embed.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await embed.locator('.cm-content').getAttribute('aria-readonly'), 'true');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('an embed opens a lesson (lesson=) beside its panes and checks its goals; nothing is saved', async () => {
  const context = await browser.newContext({ viewport: { width: 1100, height: 640 }, colorScheme: 'light' });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e));
  // In Danish: starting the lesson keeps the interface language (the lesson text is its own).
  await page.goto(`${server.url}dist/index.html?embed&lesson=build-and-tag&panes=editor,terminal&lang=da`);
  const panel = page.locator('.app.embed #lesson-panel[data-lesson="build-and-tag"]');
  await panel.waitFor();
  assert.equal(await panel.locator('.lesson-title').textContent(), 'Build, tag and list images');
  assert.equal(await page.locator('#lesson-step-title').textContent(), 'Build the image');
  assert.equal(await page.locator('#lesson-step-0').getAttribute('data-done'), 'false');
  assert.equal(await page.locator('#embed-open').textContent(), 'Åbn i Drydock ↗');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'da');
  // The lesson's project (the trainer example) is what the editor shows.
  await page.locator('.cm-content').waitFor();
  assert.match(await page.locator('.cm-content').textContent(), /FROM python/);
  await typeInTerminal(page, 'docker build -f trainer.dockerfile . -t trainer:latest', { fill: true });
  await page.waitForFunction(() => document.querySelector('#lesson-step-0')?.dataset.done === 'true');
  assert.deepEqual(page.errors, []);
  // Nothing of the lesson or the project reaches this origin's storage.
  await page.waitForTimeout(1200);
  const stored = await storageOf(page);
  assert.deepEqual(Object.keys(stored.idb), []);
  assert.ok(!Object.keys(stored.local).some((k) => k.includes('lesson') || k.endsWith('#project')),
    Object.keys(stored.local).join(', '));
  await context.close();
});
