// End-to-end: the Build view's timeline and time travel. Build the trainer example, scrub back through the
// steps and see each step's file tree and instruction; edit a source file, rebuild and see exactly the steps
// that re-ran with the reason; the build options form drives the command; the view has no axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes build-light.png and build-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Opens the Build view and builds with the form; resolves when the timeline shows `n` steps. */
async function build(page, n = 9) {
  await page.locator('#tab-build').click();
  await page.locator('#build-button').click();
  await page.waitForFunction((n) => document.querySelectorAll('#build-steps [role=option]').length === n, n);
}

/** The file tree's paths at the selected step, with their marks (`/requirements.txt added`). */
const tree = (page) => page.$$eval('.step-tree [role=treeitem]', (els) =>
  els.map((e) => `${e.dataset.path}${e.querySelector('.st-mark') ? ` ${e.querySelector('.st-mark').textContent}` : ''}`));

/** Each timeline row as `BADGE | instruction | reason`. */
const rows = (page) => page.$$eval('#build-steps [role=option]', (els) => els.map((e) =>
  [e.dataset.badge, e.querySelector('.step-text').textContent.replace(/\s+/g, ' '),
    e.querySelector('.step-reason')?.textContent ?? ''].join(' | ')));

test('build → timeline → scrub back to step 2 and see that step\'s file tree', async () => {
  const page = await open(browser, server.url);
  await build(page);
  // The end of the build: the last step is selected, every COPY's files are there.
  assert.equal(await page.locator('.tt-position').textContent(), 'Step 9 / 9');
  assert.equal(await page.locator('#step-8').getAttribute('aria-selected'), 'true');
  let paths = await tree(page);
  assert.ok(paths.includes('/requirements.txt'), paths.join('\n'));
  assert.ok(paths.includes('/pyproject.toml'), paths.join('\n'));

  // Scrub with the keyboard: Home, then one step right.
  const scrubber = page.locator('#build-scrubber');
  await scrubber.focus();
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('.tt-position')?.textContent === 'Step 2 / 9');
  assert.equal(await page.locator('#step-1').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('#step-8').getAttribute('aria-selected'), 'false');
  paths = await tree(page);
  assert.ok(paths.includes('/requirements.txt added'), paths.join('\n'));
  assert.ok(!paths.some((p) => p.startsWith('/pyproject.toml') || p.startsWith('/src')), paths.join('\n'));
  assert.match(await page.locator('.step-tree [role=tree]').getAttribute('aria-label'), /step 2$/);
  // The editor highlights that step's instruction.
  await page.waitForFunction(() => document.querySelector('.cm-current-step')?.textContent === 'COPY requirements.txt requirements.txt');

  // The toolbar steps forward; `[` steps back from anywhere outside a text field.
  await page.getByRole('toolbar', { name: 'Time travel' }).getByRole('button', { name: 'Next step' }).click();
  await page.waitForFunction(() => document.querySelector('.tt-position')?.textContent === 'Step 3 / 9');
  paths = await tree(page);
  assert.ok(paths.includes('/pyproject.toml added'), paths.join('\n'));
  assert.ok(paths.includes('/requirements.txt'), paths.join('\n'));
  await page.keyboard.press('[');
  await page.waitForFunction(() => document.querySelector('.tt-position')?.textContent === 'Step 2 / 9');
  // Clicking a row selects it; the console shows BuildKit's output with that step's lines marked.
  await page.locator('#step-3').click();
  await page.waitForFunction(() => document.querySelector('.tt-position')?.textContent === 'Step 4 / 9');
  paths = await tree(page);
  assert.ok(paths.includes('/src/my_project/train.py added'), paths.join('\n'));
  await page.locator('#build-tab-console').click();
  const current = await page.$$eval('.console-line.current', (els) => els.map((e) => e.textContent));
  assert.ok(current.length > 0 && current.every((l) => /^#\d+ /.test(l)), current.join(''));
  assert.match(current[0], /\[\d\/\d\] COPY src\/ src\//);
  // … scrolled so the step's first line is in sight.
  await page.waitForFunction(() => {
    const pre = document.querySelector('.build-console');
    const line = pre?.querySelector('.console-line.current');
    if (!line) return false;
    const [p, l] = [pre.getBoundingClientRect(), line.getBoundingClientRect()];
    return l.top >= p.top && l.bottom <= p.bottom;
  }, null, { timeout: 3000 });
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('edit a source file, rebuild, see exactly the expected steps re-run with the reason', async () => {
  const page = await open(browser, server.url);
  await build(page);
  // Open src/my_project/train.py from the project pane and change it.
  await page.locator('.file-tree [data-path="src/my_project/train.py"]').click();
  await page.waitForFunction(() => document.querySelector('.editor-pane .file-name')?.textContent === 'src/my_project/train.py');
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\nprint("changed")\n');
  await build(page);
  assert.deepEqual(await rows(page), [
    'cached | RUN apt update && apt install --no-install-recommends -y build-essential gcc && apt clean && rm -rf /var/lib/apt/lists/* | ',
    'cached | COPY requirements.txt requirements.txt | ',
    'cached | COPY pyproject.toml pyproject.toml | ',
    'ran | COPY src/ src/ | src/my_project/train.py changed',
    'ran | COPY data/ data/ | previous step rebuilt',
    'config | WORKDIR / | ',
    'ran | RUN pip install -r requirements.txt --no-cache-dir | previous step rebuilt',
    'ran | RUN pip install . --no-deps --no-cache-dir | previous step rebuilt',
    'config | ENTRYPOINT ["python", "-u", "src/my_project/train.py"] | ',
  ]);
  assert.equal(await page.locator('.build-counts').textContent(), '9 steps · 4 ran · 3 cached');
  // The step that copied it lists it (added relative to the step before).
  await page.locator('#step-3').click();
  const paths = await tree(page);
  assert.ok(paths.includes('/src/my_project/train.py added'), paths.join('\n'));
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the build options form shows the equivalent command and the Build button uses it', async () => {
  const page = await open(browser, server.url);
  await page.locator('#tab-build').click();
  await page.locator('.build-fields > summary').click();
  await page.locator('#build-tag').fill('demo:v2');
  await page.locator('#build-no-cache').check();
  await page.getByRole('button', { name: '+ Add argument' }).click();
  await page.getByLabel('Build argument 1 name').fill('PY');
  await page.getByLabel('Build argument 1 value').fill('3.12');
  assert.equal(await page.locator('#build-command').textContent(),
    'docker build -f trainer.dockerfile -t demo:v2 --build-arg PY=3.12 --no-cache .');
  await page.locator('#build-button').click();
  await page.waitForFunction(() => document.querySelectorAll('#build-steps [role=option]').length === 9);
  const reasons = await page.$$eval('#build-steps [data-badge=ran] .step-reason', (els) => els.map((e) => e.textContent));
  assert.equal(reasons.length, 7);
  assert.ok(reasons.every((r) => r === '--no-cache: cache not used'), reasons.join('\n'));
  // It ran as the terminal would: the terminal shows the command.
  await page.locator('#tab-terminal').click();
  await page.getByText('docker build -f trainer.dockerfile -t demo:v2 --build-arg PY=3.12 --no-cache .').first().waitFor();
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the build view has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await build(page);
    await page.locator('#step-3').click();
    await page.locator('.build-fields > summary').click();
    await page.addScriptTag({ path: AXE });
    for (const tab of ['#build-tab-files', '#build-tab-console']) {
      await page.locator(tab).click();
      const result = await page.evaluate(() => globalThis.axe.run('#panel-build'));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(violations, [], `${colorScheme} ${tab}: ${violations.join('\n')}`);
    }
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.locator('#build-tab-files').click();
      await page.locator('.build-fields > summary').click();
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `build-${colorScheme}.png`) });
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
