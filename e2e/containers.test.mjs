// End-to-end: a learner builds and runs a container from the terminal, then finds it in the lifecycle strip
// and the Containers view (list row, state, exit code, logs, docker diff, mounts); the process calculator
// recomputes argv, PID 1 and the stop-signal verdict as the docker run arguments change, also for an image
// before any container exists; the list and the detail tabs work from the keyboard; no axe-core violations.
// DRYDOCK_SCREENSHOTS=<dir> also writes containers-light.png and containers-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, open, ROOT, typeInTerminal } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const BUILD = 'docker build -f trainer.dockerfile . -t trainer:latest';
// The course's training run, with the folders its script writes to: models/ bind-mounted from the project,
// reports/figures/ created in the container (so `docker diff` has something to show).
const RUN = 'docker run --name experiment1 -v $(pwd)/models:/models --entrypoint sh trainer:latest '
  + '-c "mkdir -p reports/figures && python -u src/my_project/train.py"';
const SERVE = 'docker run -d --name web --entrypoint sh trainer:latest -c "cd / && sleep infinity"';


/** The text of the lifecycle strip's Containers node. */
async function containersNode(page) {
  return page.locator('.lifecycle .stage', { hasText: 'Containers' });
}

test('run a container from the terminal and see it in the containers view and the lifecycle strip', async () => {
  const page = await open(browser, server.url);
  const node = await containersNode(page);
  assert.equal(await node.locator('.stage-detail').textContent(), 'none');
  await page.locator('#tab-containers').click();
  assert.match(await page.locator('#panel-containers .empty-state').textContent(),
    /^No containers yetRun one with docker run … in the terminal/);

  await typeInTerminal(page, BUILD);
  await typeInTerminal(page, RUN);
  assert.match(await page.locator('.term-entry').last().textContent(), /Training complete/);

  // The lifecycle strip counts the exited container; clicking it opens the Containers view.
  assert.equal(await node.locator('.stage-detail').textContent(), '1 exited');
  await node.click();
  assert.equal(await page.locator('#tab-containers').getAttribute('aria-selected'), 'true');

  const row = page.locator('.container-row[data-name="experiment1"]');
  await row.waitFor();
  assert.equal(await row.getAttribute('data-state'), 'exited');
  assert.equal(await row.getAttribute('aria-selected'), 'true');
  assert.equal(await row.locator('.state-badge').textContent(), 'exited (0)');
  assert.equal(await row.locator('.exit-code').textContent(), 'exit 0');
  assert.equal(await row.locator('.row-command').textContent(),
    "sh -c 'mkdir -p reports/figures && python -u src/my_project/train.py'");

  const detail = page.locator('.container-detail[data-name="experiment1"]');
  assert.equal(await detail.locator('.detail-state').textContent(), 'exited');
  assert.equal(await detail.locator('.fact .exit-code').textContent(), '0');
  // Logs: what the training printed.
  assert.equal(await detail.locator('#ctab-logs').getAttribute('aria-selected'), 'true');
  const logs = await detail.locator('.container-logs').textContent();
  assert.match(logs, /^Training day and night\nEpoch 0 done\n[^]*Training complete\n$/);
  // docker diff: the figure written outside the mount; nothing under the bind-mounted /models.
  await detail.locator('#ctab-diff').click();
  const paths = await detail.locator('.diff-row code').allTextContents();
  assert.ok(paths.includes('/reports/figures/training_statistics.png'), paths.join(' '));
  assert.ok(!paths.some((p) => p.startsWith('/models/')), paths.join(' '));
  assert.equal(await detail.locator('.diff-row', { hasText: '/reports/figures/training_statistics.png' }).locator('.change').textContent(), 'A');
  // Mounts: the bind mount.
  await detail.locator('#ctab-mounts').click();
  const mount = detail.locator('.mount-row');
  assert.equal(await mount.count(), 1);
  assert.match(await mount.textContent(), /^bind.*\/models.*\/models.*read-write$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the process calculator recomputes argv, PID 1 and the signal verdict as arguments change', async () => {
  const page = await open(browser, server.url);
  await typeInTerminal(page, BUILD);
  await typeInTerminal(page, RUN);
  await typeInTerminal(page, SERVE);
  // Live counts in the strip.
  assert.equal(await (await containersNode(page)).locator('.stage-detail').textContent(), '1 running · 1 exited');
  await page.locator('#tab-containers').click();

  // The newest container is selected; arrow keys move through the list.
  const web = page.locator('.container-row[data-name="web"]');
  assert.equal(await web.getAttribute('aria-selected'), 'true');
  assert.equal(await web.getAttribute('data-state'), 'running');
  await web.focus();
  await page.keyboard.press('ArrowDown');
  const exp = page.locator('.container-row[data-name="experiment1"]');
  assert.equal(await exp.getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.name), 'experiment1');
  await page.keyboard.press('ArrowUp');
  assert.equal(await web.getAttribute('aria-selected'), 'true');

  // Detail tabs from the keyboard: Logs → … → Process with End, then Left/Right.
  await page.locator('#ctab-logs').focus();
  await page.keyboard.press('End');
  assert.equal(await page.locator('#ctab-env').getAttribute('aria-selected'), 'true');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.locator('#ctab-process').getAttribute('aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ctab-process');

  // The running shell stays PID 1: docker stop's SIGTERM stops at the shell.
  const calc = page.locator('.calc');
  assert.equal(await calc.locator('.calc-ep-toggle').isChecked(), true);
  assert.equal(await calc.locator('.calc-ep').inputValue(), 'sh');
  assert.equal(await calc.locator('.calc-args').inputValue(), "-c 'cd / && sleep infinity'");
  assert.deepEqual(await calc.locator('.argv-word code').allTextContents(), ['sh', '-c', 'cd / && sleep infinity']);
  assert.equal(await calc.locator('.calc-result').getAttribute('data-verdict'), 'bad');
  assert.equal(await calc.locator('.verdict-badge').textContent(), 'SIGTERM stops at the shell');
  assert.match(await calc.locator('.calc-why').textContent(), /after the 10 s grace period Docker sends SIGKILL and it exits 137/);

  // Edit the arguments: with exec the program replaces the shell and gets the signal.
  await calc.locator('.calc-args').fill("-c 'exec sleep infinity'");
  assert.deepEqual(await calc.locator('.argv-word code').allTextContents(), ['sh', '-c', 'exec sleep infinity']);
  assert.equal(await calc.locator('.calc-pid1').textContent(), 'sleep infinity');
  assert.equal(await calc.locator('.calc-result').getAttribute('data-verdict'), 'ok');

  // Back to the image's entrypoint: run arguments replace CMD and are appended to the ENTRYPOINT.
  await calc.locator('.calc-ep-toggle').uncheck();
  await calc.locator('.calc-args').fill('--epochs 1');
  assert.deepEqual(await calc.locator('.argv-word code').allTextContents(),
    ['python', '-u', 'src/my_project/train.py', '--epochs', '1']);
  assert.match(await calc.locator('.calc-cmd-why').textContent(), /^The docker run arguments replace the image's CMD and are appended to the entrypoint\.$/);
  assert.match(await calc.locator('.calc-image-config').textContent(), /ENTRYPOINTexec form/);
  // --entrypoint "" with no arguments leaves nothing to run.
  await calc.locator('.calc-args').fill('');
  await calc.locator('.calc-ep-toggle').check();
  await calc.locator('.calc-ep').fill('');
  assert.match(await calc.locator('.calc-error').textContent(), /No command specified/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('before any container exists the calculator works on the built image', async () => {
  const page = await open(browser, server.url);
  await typeInTerminal(page, BUILD);
  await page.locator('#tab-containers').click();
  const calc = page.locator('#panel-containers .calc-card .calc');
  await calc.waitFor();
  assert.deepEqual(await calc.locator('.argv-word code').allTextContents(), ['python', '-u', 'src/my_project/train.py']);
  assert.equal(await calc.locator('.calc-pid1').textContent(), 'python -u src/my_project/train.py');
  assert.equal(await calc.locator('.verdict-badge').textContent(), 'SIGTERM reaches the program');
  await calc.locator('.calc-args').fill('--lr 0.01');
  assert.match(await calc.locator('.calc-line').textContent(), /^docker run trainer:latest --lr 0\.01$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('the containers view has no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await typeInTerminal(page, BUILD);
    await typeInTerminal(page, RUN);
    await typeInTerminal(page, SERVE);
    await page.locator('#tab-containers').click();
    await page.locator('.container-detail').waitFor();
    await page.addScriptTag({ path: AXE });
    for (const tab of ['logs', 'diff', 'mounts', 'process', 'env']) {
      await page.locator(`#ctab-${tab}`).click();
      const result = await page.evaluate(() => globalThis.axe.run('#panel-containers'));
      const violations = result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      assert.deepEqual(violations, [], `${colorScheme} ${tab}: ${violations.join('\n')}`);
    }
    await page.locator('#ctab-process').click();
    await page.locator('.calc-result').scrollIntoViewIfNeeded();
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `containers-${colorScheme}.png`) });
    }
    await page.context().close();
  }
});
