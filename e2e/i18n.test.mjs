// End-to-end: the UI speaks English by default and Danish with ?lang=da (or a Danish browser); the
// language switch in the header changes every label at once, sets <html lang>, and the choice survives a
// reload; the Danish UI has no axe-core violations, light and dark.
// DRYDOCK_SCREENSHOTS=<dir> also writes i18n-da-light.png and i18n-da-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const text = (page, sel) => page.locator(sel).first().textContent().then((s) => s.trim());

async function assertDanish(page) {
  assert.equal(await page.getAttribute('html', 'lang'), 'da');
  assert.equal(await page.locator('#lang-select').inputValue(), 'da');
  assert.equal(await text(page, '.brand-tag'), 'Dockerfile-legeplads');
  assert.equal(await text(page, '#open-share'), 'Del');
  assert.equal(await text(page, '#tab-instructions'), 'Instruktioner');
  assert.equal(await text(page, '#tab-containers'), 'Containere');
  assert.equal(await page.getByRole('combobox', { name: 'Sprog' }).count(), 1);
}

async function assertEnglish(page) {
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.locator('#lang-select').inputValue(), 'en');
  assert.equal(await text(page, '.brand-tag'), 'Dockerfile playground');
  assert.equal(await text(page, '#open-share'), 'Share');
  assert.equal(await text(page, '#tab-instructions'), 'Instructions');
  assert.equal(await text(page, '#tab-containers'), 'Containers');
  assert.equal(await page.getByRole('combobox', { name: 'Language' }).count(), 1);
}

test('English is the default in an English browser', async () => {
  const page = await open(browser, server.url);
  await assertEnglish(page);
  await page.context().close();
});

test('?lang=da shows Danish; switching to English in the header changes it and survives a reload', async () => {
  const page = await open(browser, `${server.url}?lang=da`);
  await assertDanish(page);
  await page.locator('#lang-select').selectOption('en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await assertEnglish(page);
  // The address follows the choice, so the reload does not bring Danish back.
  assert.match(page.url(), /[?&]lang=en\b/);
  await page.reload();
  await page.waitForSelector('.app');
  await assertEnglish(page);
  // And back to Danish, remembered without any ?lang.
  await page.locator('#lang-select').selectOption('da');
  await page.waitForFunction(() => document.documentElement.lang === 'da');
  await page.goto(server.url);
  await page.waitForSelector('.app');
  await assertDanish(page);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('Danish reaches the lifecycle strip, the build form, the build result and the help overlay', async () => {
  const page = await open(browser, `${server.url}?lang=da`);
  assert.equal(await text(page, '.lifecycle .stage:nth-of-type(2) .stage-detail'), 'ikke bygget endnu');
  await page.locator('#tab-build').click();
  assert.equal(await text(page, '#build-button'), 'Byg');
  assert.equal(await text(page, '.build-options summary'), 'Build-indstillinger');
  await page.locator('#build-button').click();
  await page.waitForSelector('.build-outcome');
  assert.equal(await text(page, '.build-outcome'), 'Buildet lykkedes');
  assert.match(await text(page, '.tt-position'), /^Trin \d+ \/ \d+$/);
  // Docker's own output stays English.
  await page.locator('#build-tab-console').click();
  assert.match(await page.locator('.build-console').textContent(), /DONE|CACHED/);
  await page.locator('body').press('?');
  await page.waitForSelector('#help-title');
  assert.equal(await text(page, '#help-title'), 'Tastaturgenveje');
  assert.equal(await page.getByRole('button', { name: 'Luk' }).count(), 1);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a Danish browser gets Danish without asking', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'da-DK' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector('.app');
  await assertDanish(page);
  await context.close();
});

test('the Danish UI has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, `${server.url}?lang=da`, { colorScheme });
    await page.waitForSelector('.cm-content');
    await page.addScriptTag({ path: AXE });
    // The whole app. CodeMirror's scroller is left to the editor's own checks: its focusable
    // content is the contenteditable inside, which axe's scrollable-region rule does not count.
    const result = await page.evaluate(() => globalThis.axe.run('.app', {
      rules: { 'scrollable-region-focusable': { enabled: false } },
    }));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    // The dialogs, in Danish: keyboard help, share and examples.
    for (const [open, sel] of [
      [() => page.locator('body').press('?'), '[aria-labelledby="help-title"]'],
      [() => page.locator('#open-share').click(), '#share-dialog'],
      [() => page.locator('#open-examples').click(), '#examples-dialog'],
    ]) {
      await open();
      await page.waitForSelector(sel);
      const r = await page.evaluate((s) => globalThis.axe.run(s), sel);
      const v = r.violations.map((x) => `${x.id}: ${x.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(v, [], `${colorScheme} ${sel}: ${v.join('\n')}`);
      await page.keyboard.press('Escape');
      await page.waitForSelector(sel, { state: 'detached' });
    }
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `i18n-da-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
