// End-to-end: the terminal as a learner uses it — Tab completes commands, images, containers and paths
// (one candidate fills in, several are listed under the prompt), ↑/↓ walk the history back to the line
// being typed, Ctrl+L clears, ANSI colours in program output show as colours, not escape codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, typeInTerminal } from './support/harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('Tab completes, ↑/↓ recall, Ctrl+L clears, ANSI colours show', async () => {
  const page = await open(browser, server.url);
  await page.locator('#tab-terminal').click();
  const input = page.locator('#terminal-input');
  assert.match(await input.getAttribute('placeholder'), /Tab completes/);

  // One candidate: the word is completed and a space follows.
  await input.click();
  await input.type('docker bu');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'docker build ');
  await input.type('-f tr');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'docker build -f trainer.dockerfile ');
  await input.type('. -t trainer:latest');
  await input.press('Enter');
  await page.locator('.term-entry').first().waitFor();
  assert.equal(await input.getAttribute('placeholder'), null);

  // Several candidates: Tab lists them under the prompt; the next key clears the list.
  await input.type('docker r');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'docker r');
  assert.deepEqual(await page.locator('.term-choices span').allTextContents(), ['rename', 'restart', 'rm', 'rmi', 'run']);
  await input.type('un --name experiment1 tr');
  assert.equal(await page.locator('.term-choices').count(), 0);
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'docker run --name experiment1 trainer:latest ');
  await input.press('Enter');
  await page.locator('.term-entry').nth(1).waitFor();

  // Container names complete after `docker logs`.
  await input.type('docker logs ex');
  await input.press('Tab');
  assert.equal(await input.inputValue(), 'docker logs experiment1 ');

  // ↑ recalls older lines, ↓ comes back to the line being typed.
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'docker run --name experiment1 trainer:latest ');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'docker build -f trainer.dockerfile . -t trainer:latest');
  await input.press('ArrowUp');
  assert.equal(await input.inputValue(), 'docker build -f trainer.dockerfile . -t trainer:latest');
  await input.press('ArrowDown');
  await input.press('ArrowDown');
  assert.equal(await input.inputValue(), 'docker logs experiment1 ');
  await input.fill('');

  // Program output with ANSI colours.
  await typeInTerminal(page, "docker run --rm alpine:3.22 printf '\\033[32mgreen\\033[0m and \\033[1;31mred\\033[0m\\n'");
  const last = page.locator('.term-entry').last();
  assert.equal(await last.locator('.ansi-fg-2').textContent(), 'green');
  assert.equal(await last.locator('.ansi-fg-1.ansi-bold').textContent(), 'red');
  assert.equal(await last.locator('.term-chunk').last().textContent(), 'green and red\n');

  // Ctrl+L clears the transcript.
  await input.press('Control+l');
  assert.equal(await page.locator('.term-entry').count(), 0);
  await page.close();
});

test("Python's prompt: banner, imports checked against the image, a notice explains what is simulated", async () => {
  const page = await open(browser, server.url);
  await typeInTerminal(page, 'docker run -it --name repl python:3.11-slim');
  assert.equal(await page.locator('.term-input-row .term-prompt').textContent(), '>>> ');
  assert.match(await page.locator('.term-entry').last().textContent(), /Python 3\.11\.14 .* on linux\nType "help"/);
  await typeInTerminal(page, 'import torch');
  assert.match(await page.locator('.term-entry').last().textContent(),
    /File "<stdin>", line 1, in <module>\nModuleNotFoundError: No module named 'torch'/);
  // The notice says the prompt is simulated and opens the explanation.
  const notice = page.locator('.notice', { hasText: "Python's prompt in Drydock" });
  await notice.locator('.notice-action').click();
  const dialog = page.locator('[role=dialog]', { hasText: 'Drydock does not run Python' });
  await dialog.waitFor();
  await dialog.locator('.dialog-actions button').click();
  assert.equal(await dialog.count(), 0);
  await typeInTerminal(page, 'exit()');
  assert.equal(await page.locator('.term-input-row .term-prompt').textContent(), '$ ');
  await typeInTerminal(page, "docker ps -a --format '{{.Names}} {{.Status}}'");
  assert.match(await page.locator('.term-entry').last().textContent(), /repl Exited \(0\)/);
  await page.close();
});
