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
  const small = await open(browser, server.url, { width: 1024, height: 640 });
  await small.screenshot({ path: join(out, 'app-1024x640.png') });
  await small.context().close();
  // The Containers view after a build and two runs typed into the terminal, on the process calculator.
  for (const colorScheme of ['light', 'dark']) {
    const page = await open(browser, server.url, { colorScheme });
    for (const line of [
      'docker build -f trainer.dockerfile . -t trainer:latest',
      'docker run --name experiment1 -v $(pwd)/models:/models trainer:latest',
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
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
