// End-to-end: the Insights tab's size insight. A Dockerfile that deletes the apt lists in a later
// RUN wastes their bytes; the panel lists them with the adding and removing lines, suggests merging
// the RUNs, shows the saving measured by building the rewrite (without adding an image), and
// "Apply" puts the rewrite in the editor. No axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes size-light.png and size-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const DOCKERFILE =
  'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["python"]\n';

async function analyse(page, colorScheme = 'light') {
  await page.waitForSelector('.cm-content');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(DOCKERFILE);
  await page.locator('#tab-insights').click();
  await page.locator('.size-analyse').click();
  await page.locator('.size-rewrite').first().waitFor();
}

test('apt lists deleted by a later RUN: the waste, the merge rewrite and its verified saving', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.lifecycle .stage-detail');
  const images = await page.locator('.lifecycle .stage-detail').nth(1).textContent();
  await analyse(page);
  assert.match(await page.locator('.size-summary').textContent(), /^Efficiency [\d.]+ % · image [\d.]+ [kMG]?B · wasted [\d.]+ MB$/);
  const row = page.locator('.size-table tbody tr').first();
  assert.match(await row.textContent(), /\/var\/lib\/apt\/lists.*deleted.*line 2: RUN apt-get update.*line 3: RUN rm -rf/);
  const rewrite = page.locator('.size-rewrite').first();
  assert.equal(await rewrite.locator('.size-rewrite-title').textContent(), 'Merge line 3 into line 2');
  assert.match(await rewrite.locator('.size-diff').textContent(), /- RUN rm -rf \/var\/lib\/apt\/lists\/\*/);
  assert.match(await rewrite.locator('.size-verified.ok').textContent(), /^Verified by building it: saves [\d.]+ MB$/);
  // The trial builds left the images alone.
  assert.equal(await page.locator('.lifecycle .stage-detail').nth(1).textContent(), images);
  // Apply puts the merged RUN in the editor.
  await rewrite.locator('.size-apply').click();
  await page.waitForFunction(() => /apt-get install -y curl && \\\s*rm -rf \/var\/lib\/apt\/lists/.test(document.querySelector('.cm-content')?.innerText ?? ''));
  assert.doesNotMatch(await page.locator('.cm-content').innerText(), /^RUN rm -rf/m);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the size panel has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await analyse(page, colorScheme);
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => globalThis.axe.run('.size-insight'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.locator('.size-insight').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `size-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
