// End-to-end: lecture mode. `?lecture` shows large type, the editor beside the build; after a build,
// PageUp/PageDown (presentation clickers), the arrows, Space, Home and End step through it — the timeline
// row and the editor's highlighted line follow — but not while typing in the editor; K hides and shows the
// key legend (remembered); Alt+L and the header button leave and enter the mode; no axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes lecture-light.png and lecture-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const selected = (page) => page.locator('.step-row.selected').getAttribute('id');

/** Builds and leaves the focus on the page (not on a control). */
async function build(page) {
  await page.locator('#build-button').click();
  await page.locator('.step-row.selected').waitFor();
  await page.evaluate(() => document.activeElement?.blur());
}

/** Presses `key` and waits until the selected step is `id`. */
async function press(page, key, id) {
  await page.keyboard.press(key);
  await page.waitForFunction((id) => document.querySelector('.step-row.selected')?.id === id, id);
}

/** The editor's highlighted line and the selected timeline row's instruction agree. */
async function assertHighlightFollows(page) {
  await page.waitForFunction(() => {
    const row = document.querySelector('.step-row.selected .step-text')?.textContent?.trim() ?? '';
    const line = document.querySelector('.cm-current-step')?.textContent?.trim() ?? '';
    return line.length > 0 && row.startsWith(line.slice(0, Math.min(line.length, 16)));
  });
}

test('?lecture: keys step through the build, the spotlight and the editor highlight follow', async () => {
  const page = await open(browser, `${server.url}?lecture`);
  await page.waitForSelector('.app.lecture .cm-content');
  assert.equal(await page.locator('#lecture-toggle').getAttribute('aria-pressed'), 'true');
  assert.ok(await page.locator('#lecture-legend').isVisible());
  for (const hidden of ['.project-pane', '.lifecycle', '.workspace-pane > .tabs']) {
    assert.equal(await page.locator(hidden).isVisible(), false, `${hidden} is hidden`);
  }
  const size = await page.locator('.cm-content').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(size >= 20, `projector-sized code (${size}px)`);

  await build(page);
  const n = await page.locator('.step-row').count();
  assert.ok(n >= 5, `${n} steps`);
  assert.equal(await selected(page), `step-${n - 1}`);
  await press(page, 'Home', 'step-0');
  await assertHighlightFollows(page);
  await press(page, 'PageDown', 'step-1');
  await assertHighlightFollows(page);
  const line1 = await page.locator('.cm-current-step').first().textContent();
  await press(page, ' ', 'step-2');
  await assertHighlightFollows(page);
  assert.notEqual(await page.locator('.cm-current-step').first().textContent(), line1);
  await press(page, 'PageUp', 'step-1');
  await press(page, 'ArrowRight', 'step-2');
  await press(page, 'ArrowLeft', 'step-1');
  await assertHighlightFollows(page);
  // The rest is dimmed: other rows and lines step back to grey; the step keeps its colours.
  const color = (sel) => page.locator(sel).first().evaluate((el) => getComputedStyle(el).color);
  const grey = await page.locator('.app').evaluate((el) => {
    const probe = document.createElement('span');
    probe.style.color = 'var(--text-2)';
    el.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  });
  assert.equal(await color('.step-row:not(.selected) .step-text'), grey);
  assert.notEqual(await color('.step-row.selected .step-text'), grey);
  assert.equal(await color('.cm-line:not(.cm-current-step) .tok-keyword'), grey);
  assert.notEqual(await color('.cm-current-step .tok-keyword'), grey);
  await press(page, 'End', `step-${n - 1}`);

  // Not while typing in the editor.
  await press(page, 'Home', 'step-0');
  await page.locator('.cm-content').click();
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('k ');
  assert.equal(await selected(page), 'step-0');
  assert.ok(await page.locator('#lecture-legend').isVisible());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the legend hides and shows with K (remembered), Alt+L and the header button switch the mode', async () => {
  const page = await open(browser, `${server.url}?lecture`);
  await page.waitForSelector('#lecture-legend');
  assert.match(await page.locator('#lecture-legend').textContent(), /PageDown.*Next build step/);
  await page.keyboard.press('k');
  await page.locator('#lecture-legend').waitFor({ state: 'detached' });
  assert.ok(await page.locator('#lecture-legend-show').isVisible());
  await page.reload();
  await page.waitForSelector('.app.lecture #lecture-legend-show');
  assert.equal(await page.locator('#lecture-legend').count(), 0, 'hidden legend remembered');
  await page.keyboard.press('K');
  await page.locator('#lecture-legend').waitFor();
  await page.locator('#lecture-legend button').click();
  await page.locator('#lecture-legend-show').click();
  await page.locator('#lecture-legend').waitFor();

  await page.keyboard.press('Alt+KeyL');
  await page.waitForSelector('.app:not(.lecture)');
  assert.equal(await page.locator('#lecture-legend, #lecture-legend-show').count(), 0);
  assert.ok(await page.locator('.project-pane').isVisible());
  // Outside lecture mode the lecture keys do nothing.
  await page.keyboard.press('k');
  assert.equal(await page.locator('#lecture-legend, #lecture-legend-show').count(), 0);
  await page.locator('#lecture-toggle').click();
  await page.waitForSelector('.app.lecture #lecture-legend');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('lecture mode has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, `${server.url}?lecture`, { colorScheme });
    await page.waitForSelector('.app.lecture .cm-content');
    await build(page);
    await press(page, 'Home', 'step-0');
    await press(page, 'PageDown', 'step-1');
    await press(page, 'PageDown', 'step-2');
    await page.addScriptTag({ path: AXE });
    // Over the whole app's content (page-level rules such as page-has-heading-one do not apply
    // to an app whose panes carry their own headings).
    const result = await page.evaluate(() => globalThis.axe.run('.app'));
    const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(violations, [], `${colorScheme}: ${violations.join('\n')}`);
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `lecture-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
