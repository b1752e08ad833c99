// End-to-end: the project area. Upload a folder (text and binary files), build, reload and find
// everything restored (files, open file, the built image); a share link opened in a fresh browser
// context gives the same project; Examples and Reset dialogs; the download is a zip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open } from './support/harness.mjs';

let server, browser, dir;
const DOCKERFILE = 'FROM alpine:3.20\nWORKDIR /app\nCOPY . .\nCMD ["python3", "src/app.py"]\n';
const APP = 'print("hello from shop")\n';
const LOGO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x00]);

before(async () => {
  server = await serve();
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'drydock-e2e-'));
  mkdirSync(join(dir, 'shop/src'), { recursive: true });
  mkdirSync(join(dir, 'shop/assets'), { recursive: true });
  writeFileSync(join(dir, 'shop/Dockerfile'), DOCKERFILE);
  writeFileSync(join(dir, 'shop/src/app.py'), APP);
  writeFileSync(join(dir, 'shop/assets/logo.png'), LOGO);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const paths = (page) => page.$$eval('.file-tree [role=treeitem]', (els) => els.map((e) => e.dataset.path));
const editorText = (page) => page.$$eval('.cm-content .cm-line', (els) => els.map((e) => e.textContent).join('\n'));
const saved = (page) => page.waitForFunction(() => document.querySelector('#save-status')?.textContent === 'Saved');
const noticeText = (page) => page.$$eval('.notice-text', (els) => els.map((e) => e.textContent));

/** Uploads the `shop` folder through the folder input and waits for the tree to show it. */
async function uploadShop(page) {
  await page.setInputFiles('#upload-folder', join(dir, 'shop'));
  await page.waitForSelector('.file-tree [data-path="assets/logo.png"]');
}

test('an uploaded folder, its open file and a built image survive a reload', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.file-tree [role=treeitem]');
  await uploadShop(page);
  const notices = await noticeText(page);
  assert.ok(notices.includes('Uploaded 3 files from shop/.'), notices.join(' | '));
  // The uploaded top-level Dockerfile is opened and selected for the build.
  await page.waitForFunction(() => document.querySelector('.file-row.current')?.dataset.path === 'Dockerfile');
  assert.match(await editorText(page), /^FROM alpine:3\.20\nWORKDIR \/app/);
  // The binary file is kept as bytes (size, marked binary), not opened.
  const logo = page.locator('.file-tree [data-path="assets/logo.png"]');
  assert.equal(await logo.locator('.file-size').textContent(), '12B');
  assert.equal(await logo.locator('.file-mark').textContent(), 'bin');

  // Build it, then open another file.
  await page.locator('#tab-build').click();
  await page.locator('#build-button').click();
  await page.locator('#tab-image').click();
  await page.waitForSelector('#panel-image .ix-picker select');
  assert.match(await page.locator('#panel-image .ix-picker select').textContent(), /^trainer:latest · /);
  await page.locator('.file-tree [data-path="src/app.py"]').click();
  await page.waitForFunction(() => document.querySelector('.file-row.current')?.dataset.path === 'src/app.py');
  await saved(page);

  await page.reload();
  await page.waitForSelector('.notice-text');
  assert.ok((await noticeText(page)).includes('Welcome back: your project was restored.'));
  const restored = await paths(page);
  for (const p of ['assets', 'assets/logo.png', 'src', 'src/app.py', 'Dockerfile', 'trainer.dockerfile']) {
    assert.ok(restored.includes(p), `${p} restored: ${restored.join(', ')}`);
  }
  assert.equal(await page.locator('.file-row.current').getAttribute('data-path'), 'src/app.py');
  await page.waitForFunction((t) => [...document.querySelectorAll('.cm-content .cm-line')].map((e) => e.textContent).join('\n') === t,
    APP);
  assert.equal(await page.locator('.file-tree [data-path="assets/logo.png"] .file-size').textContent(), '12B');
  await page.locator('#tab-image').click();
  assert.match(await page.locator('#panel-image .ix-picker select').textContent(), /^trainer:latest · /);
  // The build form kept the uploaded Dockerfile.
  await page.locator('#tab-build').click();
  assert.equal(await page.locator('.command-preview').textContent(), 'docker build -t trainer:latest .');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a share link opened in a fresh browser context gives the same project', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.file-tree [role=treeitem]');
  await uploadShop(page);
  await page.locator('.file-tree [data-path="src/app.py"]').click();
  await page.locator('#open-share').click();
  const dialog = page.locator('[role=dialog]#share-dialog');
  await dialog.waitFor();
  assert.equal(await dialog.locator('h2').textContent(), 'Share this project');
  const link = await page.locator('#share-link').inputValue();
  assert.ok(link.startsWith(`${server.url}#share=`), link.slice(0, 60));
  const before = await paths(page);
  // Escape closes the dialog.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  const other = await open(browser, link);
  await other.waitForSelector('.notice-text');
  assert.ok((await noticeText(other)).some((t) => t.startsWith('You opened a shared project')));
  assert.deepEqual(await paths(other), before);
  assert.equal(await other.locator('.file-row.current').getAttribute('data-path'), 'src/app.py');
  assert.equal(await other.locator('.file-tree [data-path="assets/logo.png"] .file-size').textContent(), '12B');
  await other.waitForFunction((t) => [...document.querySelectorAll('.cm-content .cm-line')].map((e) => e.textContent).join('\n') === t,
    APP);
  // The hash is dropped once read: a reload shows the saved copy, not the link again.
  assert.equal(new URL(other.url()).hash, '');
  assert.deepEqual(other.errors, []);
  assert.deepEqual(page.errors, []);
  await other.context().close();
  await page.context().close();
});

test('examples replace the project, the previous one comes back, reset asks first', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.file-tree [role=treeitem]');
  await uploadShop(page);
  await page.locator('#open-examples').click();
  await page.locator('#examples-dialog').waitFor();
  await page.locator('.example-card', { hasText: '.dockerignore demo' }).first().click();
  await page.waitForSelector('.notice-action');
  assert.equal(await page.locator('.file-tree [data-path="src/app.py"]').count(), 0);
  await page.locator('.notice-action').click();
  await page.waitForSelector('.file-tree [data-path="src/app.py"]');

  await page.locator('#open-reset').click();
  await page.locator('#reset-dialog').waitFor();
  await page.locator('#reset-confirm').click();
  await page.waitForFunction(() => !document.querySelector('.file-tree [data-path="src/app.py"]'));
  const restored = await paths(page);
  assert.ok(restored.includes('trainer.dockerfile'), restored.join(', '));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the project downloads as a zip and the tree works from the keyboard', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.file-tree [role=treeitem]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download-zip').click()]);
  assert.equal(download.suggestedFilename(), 'trainer.zip');
  const bytes = await (await download.createReadStream()).toArray();
  const zip = Buffer.concat(bytes);
  assert.equal(zip.subarray(0, 2).toString(), 'PK');
  assert.ok(zip.includes(Buffer.from('trainer.dockerfile')));

  // Arrow keys move through the tree, Enter opens a file.
  const active = () => page.evaluate(() => document.activeElement?.dataset.path);
  await page.locator('.file-tree [role=treeitem][tabindex="0"]').focus();
  assert.equal(await active(), 'trainer.dockerfile', 'the open file is the tree\'s tab stop');
  await page.keyboard.press('Home');
  assert.equal(await active(), await page.locator('.file-tree [role=treeitem]').first().getAttribute('data-path'));
  // Down to the first text file below the folders, then Enter opens it.
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  const target = await active();
  assert.equal(target, 'requirements.txt');
  await page.keyboard.press('Enter');
  await page.waitForFunction((p) => document.querySelector('.file-row.current')?.dataset.path === p, target);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
