// Takes screenshots of the main views (light and dark) with playwright-core + Debian Chromium.
// Usage: node scripts/screenshots.mjs [OUT_DIR] (default docs/screenshots); needs a release build in dist/.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve, launch, open, ROOT } from '../e2e/support/harness.mjs';

const out = process.argv[2] ?? join(ROOT, 'docs/screenshots');
await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.instr-list .kw');
    await page.screenshot({ path: join(out, `app-${colorScheme}.png`) });
    await page.context().close();
  }
  // The Build view after a build, time travelled to the COPY of the sources.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await page.locator('#tab-build').click();
    await page.locator('#build-button').click();
    await page.waitForSelector('#build-steps #step-3');
    await page.locator('#step-3').click();
    await page.waitForSelector('.step-tree [data-path="/src/my_project/train.py"]');
    await page.screenshot({ path: join(out, `build-${colorScheme}.png`) });
    await page.context().close();
  }
  // The Image view after a build: the layer stack with the COPY of the sources selected.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await page.locator('#tab-build').click();
    await page.locator('#build-button').click();
    await page.waitForSelector('#build-steps #step-3');
    await page.locator('#tab-image').click();
    await page.locator('.layer-row', { hasText: 'COPY src/ src/' }).click();
    await page.waitForSelector('.layer-tree [data-path="/src/my_project/train.py"]');
    await page.screenshot({ path: join(out, `image-${colorScheme}.png`) });
    await page.context().close();
  }
  // Scope insight (the ARG/ENV table in the Insights tab) and explain mode (a RUN word's hover).
  const SCOPE_DEMO = 'ARG PYTHON=3.11\nFROM python:${PYTHON}-slim AS build\nARG MODE=dev\nENV MODE=prod\nRUN pip install --no-cache-dir torch==2.5.1\n\nFROM python:${PYTHON}-slim\nARG PYTHON\nENV APP_HOME=/app\nCOPY --from=build /usr/local/lib /usr/local/lib\nCMD ["python", "-c", "print(1)"]\n';
  const setText = async (page, text) => {
    await page.waitForSelector('.cm-content');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(text);
    await page.keyboard.press('Escape');
  };
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await setText(page, SCOPE_DEMO);
    await page.locator('#tab-insights').click();
    await page.locator('.scope').waitFor();
    await page.locator('.scope').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `scope-${colorScheme}.png`) });
    await page.context().close();
  }
  {
    const page = await open(browser, server.url);
    await setText(page, SCOPE_DEMO);
    await page.mouse.move(5, 5);
    const box = await page.evaluate(() => {
      const line = [...document.querySelectorAll('.cm-line')].find((l) => l.textContent.includes('torch=='));
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      let offset = line.textContent.indexOf('torch') + 1;
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (offset < n.length) {
          const r = document.createRange();
          r.setStart(n, offset);
          r.setEnd(n, offset + 1);
          const b = r.getBoundingClientRect();
          return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
        }
        offset -= n.length;
      }
      return null;
    });
    await page.mouse.move(box.x, box.y);
    await page.locator('.dd-hover').waitFor();
    await page.screenshot({ path: join(out, 'explain-light.png') });
    await page.context().close();
  }
  // The Insights tab's cache forecast (after a build, requirements.txt edited) and size insight.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await page.locator('#tab-build').click();
    await page.locator('#build-button').click();
    await page.waitForFunction(() => document.querySelectorAll('#build-steps [role=option]').length > 0);
    await page.locator('.file-tree [data-path="requirements.txt"]').click();
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText('rich==14.2.0\n');
    await page.keyboard.press('Escape');
    await page.locator('#tab-insights').click();
    await page.waitForFunction(() => /rebuild steps/.test(document.querySelector('.forecast-summary')?.textContent ?? ''));
    await page.locator('.forecast-step.rebuild .forecast-diff summary').first().click();
    await page.screenshot({ path: join(out, `forecast-${colorScheme}.png`) });
    await page.context().close();

    const size = await open(browser, server.url, { colorScheme });
    await size.waitForSelector('.cm-content');
    await size.locator('.cm-content').click();
    await size.keyboard.press('Control+a');
    await size.keyboard.press('Delete');
    await size.keyboard.insertText('FROM python:3.11-slim\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\nCMD ["python"]\n');
    await size.keyboard.press('Escape');
    await size.locator('#tab-insights').click();
    await size.locator('.size-analyse').click();
    await size.locator('.size-rewrite').first().waitFor();
    await size.locator('.size-insight').scrollIntoViewIfNeeded();
    await size.screenshot({ path: join(out, `size-${colorScheme}.png`) });
    await size.context().close();
  }
  const small = await open(browser, server.url, { width: 1024, height: 640 });
  await small.screenshot({ path: join(out, 'app-1024x640.png') });
  await small.context().close();
  // The Containers view after a build and two runs typed into the terminal, on the process calculator.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    for (const line of [
      'docker build -f trainer.dockerfile . -t trainer:latest',
      'docker run --name experiment1 -v $(pwd)/models:/models --entrypoint sh trainer:latest '
        + '-c "mkdir -p reports/figures && python -u src/my_project/train.py"',
      'docker run -d --name web --entrypoint sh trainer:latest -c "cd / && sleep infinity"',
    ]) {
      await page.locator('#tab-terminal').click();
      await page.locator('#terminal-input').fill(line);
      await page.locator('#terminal-input').press('Enter');
    }
    await page.locator('#tab-containers').click();
    await page.locator('#ctab-process').click();
    await page.locator('.calc-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(out, `containers-${colorScheme}.png`) });
    await page.context().close();
  }
  // The Terminal after the course's build and run commands.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    await page.waitForSelector('.cm-content');
    await page.locator('#tab-terminal').click();
    for (const line of [
      'docker build -f trainer.dockerfile . -t trainer:latest',
      'docker images',
      'docker run --name experiment1 trainer:latest',
      'docker ps -a',
    ]) {
      await page.locator('#terminal-input').fill(line);
      await page.locator('#terminal-input').press('Enter');
    }
    await page.locator('#terminal-input').focus();
    await page.screenshot({ path: join(out, `terminal-${colorScheme}.png`) });
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
