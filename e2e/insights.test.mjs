// End-to-end: the Insights tab lists the open Dockerfile's findings (BuildKit's checks and Drydock's tips) by
// severity; a finding's line button selects that line in the editor; the editor shows the same diagnostics with
// the rule's hint and docs link; "Show me" plays the rule's scenario; the view has no axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes insights-light.png and insights-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCMD python app.py\n';

/** Replaces the editor's text with `text` (inserted as one input, so no completion list interferes). */
async function replaceText(page, text) {
  await page.waitForSelector('.cm-content');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function showInsights(page) {
  await page.locator('#tab-insights').click();
  await page.waitForSelector('#panel-insights .insights, #panel-insights .empty-state');
}

test('a shell-form CMD shows JSONArgsRecommended with its line; clicking the line selects it in the editor', async () => {
  const page = await open(browser, server.url);
  await replaceText(page, DOCKERFILE);
  await showInsights(page);
  const finding = page.locator('.insight[data-code="JSONArgsRecommended"]');
  await finding.waitFor();
  assert.equal(await finding.locator('.insight-line').textContent(), 'Line 4');
  assert.match(await finding.locator('.insight-message').textContent(),
    /^JSON arguments recommended for CMD to prevent unintended behavior related to OS signals$/);
  assert.match(await finding.locator('.insight-origin').textContent(), /BuildKit/);
  // Grouped by severity: the warning sits in the Warnings group.
  assert.equal(await page.locator('.insight-group.sev-warning .insight[data-code="JSONArgsRecommended"]').count(), 1);
  assert.match(await finding.locator('.insight-fix').textContent(), /exec form|JSON/i);
  assert.match(await finding.locator('.insight-docs').getAttribute('href'), /^https:\/\/docs\.docker\.com\//);

  await finding.locator('.insight-line').click();
  await page.waitForFunction(() => document.getSelection()?.toString() === 'CMD python app.py');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the editor marks the same finding, with the hint and a docs link in its tooltip', async () => {
  const page = await open(browser, server.url);
  await replaceText(page, DOCKERFILE);
  const mark = page.locator('.cm-lintRange-warning').last();
  await mark.waitFor();
  await mark.hover();
  const link = page.locator('.cm-tooltip .cm-diag-link');
  await link.waitFor();
  assert.equal(await link.textContent(), 'About JSONArgsRecommended');
  assert.match(await link.getAttribute('href'), /^https:\/\/docs\.docker\.com\//);
  assert.match(await page.locator('.cm-tooltip .cm-diag-hint').first().textContent(), /exec form|CMD \[/);
  await page.context().close();
});

test('a missing COPY source is a Drydock error; fixing the file clears it; Show me runs the build', async () => {
  const page = await open(browser, server.url);
  await replaceText(page, 'FROM python:3.12-slim\nCOPY no-such-file.txt /app/\n');
  await showInsights(page);
  const finding = page.locator('.insight-group.sev-error .insight[data-code="DD002"]');
  await finding.waitFor();
  assert.equal(await finding.locator('.insight-line').textContent(), 'Line 2');
  assert.match(await finding.locator('.insight-origin').textContent(), /Drydock/);
  await finding.locator('.insight-showme-btn').click();
  // The build runs and fails the way the tip said it would.
  await page.waitForFunction(() => document.querySelector('#tab-build')?.getAttribute('aria-selected') === 'true');
  await page.waitForFunction(() => /not found/.test(document.querySelector('#panel-build')?.textContent ?? ''));
  // A correct Dockerfile has no findings.
  await replaceText(page, 'FROM python:3.12-slim\nCMD ["python", "-c", "print(1)"]\n');
  await showInsights(page);
  await page.waitForSelector('.insights-clean');
  assert.equal(await page.locator('.insight').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the insights view has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await showInsights(page);
    await page.waitForSelector('.insight');
    await page.addScriptTag({ path: AXE });
    const result = await page.evaluate(() => globalThis.axe.run('#panel-insights'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `insights-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
