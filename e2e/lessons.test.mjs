// End-to-end: lessons. A learner completes the WHOLE bundled lesson pack through the UI — answering each
// predict question, reading the step's "Show solution" from the page and carrying it out with the project
// pane (new file), the editor (select all + type) and the terminal — and every step gets its done mark; a
// wrong prediction shows "Not quite" with the first hint; progress survives a reload; a bad lesson file shows
// the loader's message; the lesson panel and the gallery have no axe-core violations, light and dark.
// DRYDOCK_SCREENSHOTS=<dir> also writes lesson-light.png and lesson-dark.png (1280×800) there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, open, ROOT, typeInTerminal } from './support/harness.mjs';

let server, browser, dir;
before(async () => {
  server = await serve();
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'drydock-lessons-'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Opens `?lesson=<id>` and confirms the start dialog. */
async function openLesson(page, id) {
  await page.goto(`${server.url}?lesson=${id}`);
  await page.waitForSelector('.app');
  await page.locator('#lesson-start-confirm').click();
  await page.waitForSelector(`#lesson-panel[data-lesson="${id}"]`);
  await dismissNotices(page);
}

/** Dismisses the notices (a started lesson keeps the previous project aside and says so). */
async function dismissNotices(page) {
  for (const close of await page.locator('.notice-close').all()) await close.click();
}

/** Opens a project file from the tree, unfolding its folders first. */
async function openFile(page, path) {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = page.locator(`.file-tree [data-path="${parts.slice(0, i).join('/')}"]`);
    if ((await folder.getAttribute('aria-expanded')) === 'false') await folder.click();
  }
  await page.locator(`.file-tree [data-path="${path}"]`).click();
  await page.waitForFunction((p) => document.querySelector('.file-row.current')?.dataset.path === p, path);
}

/** The editor's text. */
const editorText = (page) => page.$$eval('.cm-content .cm-line', (els) => els.map((e) => e.textContent).join('\n'));

/** Replaces the editor's whole text as a user would: select all, delete, type. */
async function setEditor(page, text) {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  if (text) await page.keyboard.insertText(text);
  // Close the completion list typing may have opened.
  await page.keyboard.press('Escape');
  await page.waitForFunction((t) => [...document.querySelectorAll('.cm-content .cm-line')]
    .map((e) => e.textContent).join('\n') === t, text);
}

/** Answers the step's predict question (trying the choices in turn, as a guessing learner would). */
async function answerPredict(page) {
  const choices = page.locator('.lesson-step .predict-choice');
  const n = await choices.count();
  for (let i = 0; i < n; i++) {
    await choices.nth(i).click();
    if (await page.locator('.lesson-step .predict.answered').count()) return;
    await page.locator('.predict-feedback.wrong').waitFor();
  }
  assert.fail('no choice was accepted');
}

/** Reads the step's solution from "Show solution". */
async function readSolution(page) {
  const details = page.locator('.lesson-step .lesson-solution');
  if (!(await details.count())) return [];
  await details.locator('summary').click();
  return page.$$eval('.lesson-step .lesson-solution .sol-action', (els) => els.map((e) => ({
    kind: e.dataset.kind,
    path: e.dataset.path,
    text: e.querySelector('.sol-text')?.textContent,
    from: e.querySelector('.sol-from')?.textContent,
    to: e.querySelector('.sol-to')?.textContent,
    command: e.querySelector('.sol-command')?.textContent,
  })));
}

/** Carries a solution out through the project pane, the editor and the terminal. */
async function act(page, actions) {
  for (const a of actions) {
    if (a.kind === 'remove') {
      await openFile(page, a.path);
      await page.locator('#delete-file').click();
      await page.locator('#delete-file-confirm').click();
      await page.waitForSelector(`.file-tree [data-path="${a.path}"]`, { state: 'detached' });
    } else if (a.kind === 'write') {
      if (await page.locator(`.file-tree [data-path="${a.path}"]`).count()) {
        await openFile(page, a.path);
      } else {
        await page.locator('#new-file').click();
        await page.locator('#new-file-name').fill(a.path);
        await page.locator('#new-file-name').press('Enter');
        await page.waitForFunction((p) => document.querySelector('.file-row.current')?.dataset.path === p, a.path);
      }
      await setEditor(page, a.text);
    } else if (a.kind === 'append') {
      await openFile(page, a.path);
      await setEditor(page, (await editorText(page)) + a.text);
    } else if (a.kind === 'replace') {
      await openFile(page, a.path);
      const text = await editorText(page);
      assert.ok(text.includes(a.from), `${a.path} contains ${JSON.stringify(a.from)}`);
      await setEditor(page, text.replace(a.from, a.to));
    } else if (a.kind === 'command') {
      await typeInTerminal(page, a.command, { fill: true });
    } else {
      assert.fail(`unknown solution action ${a.kind}`);
    }
  }
}

test('a learner completes every step of every bundled lesson through the UI', async () => {
  const page = await open(browser, server.url);
  await page.locator('#open-lessons').click();
  const ids = await page.$$eval('.lesson-card', (els) => els.map((e) => e.dataset.lesson));
  assert.equal(ids.length, 13);
  await page.keyboard.press('Escape');
  let steps = 0;
  await openLesson(page, ids[0]);
  for (const [li, id] of ids.entries()) {
    await page.waitForSelector(`#lesson-panel[data-lesson="${id}"]`);
    await page.waitForSelector('.notice-close', { timeout: li ? 5000 : 1 }).catch(() => {});
    await dismissNotices(page);
    const n = await page.locator('.lesson-step-link').count();
    for (let i = 0; i < n; i++) {
      await page.waitForSelector(`.lesson-step[data-step="${i}"]`);
      if (await page.locator('.lesson-step .predict-choice').count()) await answerPredict(page);
      await act(page, await readSolution(page));
      await page.waitForSelector(`#lesson-step-${i}[data-done="true"]`, { timeout: 10000 })
        .catch(async (e) => {
          const goals = await page.$$eval('.goal.open', (els) => els.map((g) => g.textContent));
          throw new Error(`${id} step ${i + 1} not done: ${goals.join(' | ')}\n${e.message}`);
        });
      steps++;
      if (i + 1 < n) await page.locator('#lesson-next-step').click();
    }
    await page.waitForSelector('#lesson-complete');
    assert.equal(await page.locator('.lesson-step-link[data-done="true"]').count(), n);
    if (li + 1 < ids.length) {
      await page.locator('#lesson-next').click();
      await page.locator('#lesson-start-confirm').click();
    }
  }
  assert.ok(steps >= 40, `${steps} steps`);
  // The gallery shows every lesson completed.
  await page.locator('#open-lessons').click();
  await page.waitForSelector('#lessons-dialog');
  assert.equal(await page.locator('.lesson-card.completed').count(), 13);
  const progress = await page.$$eval('.lesson-card-progress', (els) => els.map((e) => e.textContent));
  for (const p of progress) assert.match(p, /^(\d+) of \1 steps done$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a wrong prediction gets "Not quite" and the first hint; the right one the explanation', async () => {
  const page = await open(browser, server.url);
  await openLesson(page, 'run-named');
  // The goals wait for the answer.
  await page.waitForSelector('.goals-locked');
  assert.equal(await page.locator('.lesson-goals').count(), 0);
  await page.locator('.predict-choice[data-choice="0"]').click();
  const wrong = page.locator('.predict-feedback.wrong');
  await wrong.waitFor();
  assert.match(await wrong.textContent(), /^Not quite\. Try again\./);
  assert.match(await wrong.locator('.predict-hint').textContent(), /`?--name`? must come before the image name|--name must come before/);
  assert.equal(await page.locator('.predict-explain').count(), 0);
  assert.equal(await page.locator('.lesson-goals').count(), 0);
  // Try again: the right answer reveals the explanation and the goals.
  await page.locator('.predict-choice[data-choice="1"]').click();
  const explain = page.locator('.predict-explain');
  await explain.waitFor();
  assert.match(await explain.textContent(), /Parent directory models does not exist/);
  assert.equal(await page.locator('.predict-feedback.wrong').count(), 0);
  await page.waitForSelector('.lesson-goals .goal');
  assert.equal(await page.locator('.goal-label').first().textContent(), 'container_exited experiment1 1');
  assert.equal(await page.locator('.goal.met').count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('progress survives a reload; a bad lesson file shows the loader\'s message', async () => {
  const page = await open(browser, server.url);
  await openLesson(page, 'build-and-tag');
  await answerPredictIfAny(page);
  await act(page, await readSolution(page));
  await page.waitForSelector('#lesson-step-0[data-done="true"]');
  await page.locator('#lesson-next-step').click();
  await page.waitForSelector('.lesson-step[data-step="1"]');
  await page.waitForFunction(() => document.querySelector('#save-status')?.textContent === 'Saved');
  await page.reload();
  await page.waitForSelector('#lesson-panel[data-lesson="build-and-tag"]');
  await page.waitForSelector('.lesson-step[data-step="1"]');
  assert.equal(await page.locator('#lesson-step-0').getAttribute('data-done'), 'true');
  await page.locator('#open-lessons').click();
  const card = page.locator('.lesson-card[data-lesson="build-and-tag"]');
  assert.match(await card.locator('.lesson-card-progress').textContent(), /^1 of \d+ steps done$/);
  // A broken lesson file.
  const bad = join(dir, 'broken.toml');
  writeFileSync(bad, 'id = "x"\ntitle = "Broken"\n[[steps]]\ntitle = "One"\ngoals = [{ nope = 1 }]\n');
  await page.setInputFiles('#lesson-file', bad);
  const err = page.locator('#lesson-load-error');
  await err.waitFor();
  assert.match(await err.textContent(), /broken\.toml is not a valid lesson/);
  assert.match(await err.textContent(), /nope/);
  // A good one starts after confirmation.
  const good = join(dir, 'mine.toml');
  writeFileSync(good, 'id = "mine"\ntitle = "My lesson"\n[[steps]]\ntitle = "List images"\ntext = "Run `docker images`."\ngoals = [{ ran = "docker images" }]\n');
  await page.setInputFiles('#lesson-file', good);
  await page.locator('#lesson-start-confirm').click();
  await page.waitForSelector('#lesson-panel[data-lesson="mine"]');
  await typeInTerminal(page, 'docker images', { fill: true });
  await page.waitForSelector('#lesson-complete');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

async function answerPredictIfAny(page) {
  if (await page.locator('.lesson-step .predict-choice').count()) await answerPredict(page);
}

test('the lesson panel and the gallery have no axe-core violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await openLesson(page, 'first-dockerfile');
    // Mid-lesson: step 1 done, step 2 shown with a hint revealed.
    await act(page, await readSolution(page));
    await page.waitForSelector('#lesson-step-0[data-done="true"]');
    await page.locator('#lesson-next-step').click();
    await page.waitForSelector('.lesson-step[data-step="1"]');
    await page.locator('.hint-button').click();
    await page.waitForSelector('.hint');
    await page.addScriptTag({ path: AXE });
    const run = (sel) => page.evaluate((s) => globalThis.axe.run(s), sel);
    const list = (r) => r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    let v = list(await run('#lesson-panel'));
    assert.deepEqual(v, [], `panel ${colorScheme}: ${v.join('\n')}`);
    if (process.env.DRYDOCK_SCREENSHOTS) {
      await page.locator('.lesson-scroll').evaluate((e) => { e.scrollTop = 0; });
      await page.screenshot({ path: join(process.env.DRYDOCK_SCREENSHOTS, `lesson-${colorScheme}.png`) });
    }
    await page.locator('#lesson-open-gallery').click();
    await page.waitForSelector('#lessons-dialog');
    v = list(await run('#lessons-dialog'));
    assert.deepEqual(v, [], `gallery ${colorScheme}: ${v.join('\n')}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
