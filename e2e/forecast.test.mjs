// End-to-end: the Insights tab's cache forecast. After a build of the trainer example, editing a
// project file or the Dockerfile makes the forecast name the steps the next build will rebuild and
// why; building again takes them from the cache; the panel has no axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes forecast-light.png and forecast-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

async function build(page) {
  await page.locator('#tab-build').click();
  await page.locator('#build-button').click();
  await page.waitForFunction(() => document.querySelectorAll('#build-steps [role=option]').length > 0);
}

async function summary(page, pattern) {
  await page.locator('#tab-insights').click();
  await page.waitForFunction(
    (src) => new RegExp(src).test(document.querySelector('.forecast-summary')?.textContent ?? ''),
    pattern.source,
  );
  return page.locator('.forecast-summary').textContent();
}

test('editing requirements.txt forecasts rebuilding steps 3–8; the Dockerfile edit only its own step', async () => {
  const page = await open(browser, server.url);
  await page.waitForSelector('.cm-content');
  await build(page);
  assert.match(await summary(page, /from the cache/), /every step \(7\) from the cache/);

  // A project file copied early: everything from its COPY on rebuilds.
  await page.locator('.file-tree [data-path="requirements.txt"]').click();
  await page.waitForFunction(() => document.querySelector('.file-row.current')?.dataset.path === 'requirements.txt');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('rich==14.2.0\n');
  const text = await summary(page, /rebuild/);
  assert.match(text, /rebuild steps 3–8 \(`requirements\.txt` changed\)/);
  assert.match(text, /about \d+ (s|min) and [\d.]+ [kMG]?B of layers/);
  const rebuild = page.locator('.forecast-step.rebuild');
  assert.equal(await rebuild.count(), 6);
  assert.match(await rebuild.nth(1).locator('.forecast-why').textContent(), /previous step rebuilt/);
  // The input diff names the file and its checksums.
  await rebuild.first().locator('.forecast-diff summary').click();
  assert.match(await rebuild.first().locator('.forecast-diff').textContent(), /file requirements\.txt\s*sha256:/);

  // Building makes the forecast all-cached again.
  await build(page);
  await summary(page, /from the cache/);

  // The last instruction edited in the editor: only its own step.
  await page.locator('.file-tree [data-path="trainer.dockerfile"]').click();
  await page.waitForFunction(() => document.querySelector('.file-row.current')?.dataset.path === 'trainer.dockerfile');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('RUN echo done\n');
  assert.match(await summary(page, /rebuild step/), /rebuild step 9 \(not built before\)/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the forecast panel has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await build(page);
    await page.locator('.file-tree [data-path="requirements.txt"]').click();
    await page.waitForFunction(() => document.querySelector('.file-row.current')?.dataset.path === 'requirements.txt');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('rich==14.2.0\n');
    await page.keyboard.press('Escape');
    await summary(page, /rebuild/);
    await page.locator('.forecast-step.rebuild .forecast-diff summary').first().click();
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => globalThis.axe.run('.forecast'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `forecast-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
