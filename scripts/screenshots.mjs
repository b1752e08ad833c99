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
  const small = await open(browser, server.url, { width: 1024, height: 640 });
  await small.screenshot({ path: join(out, 'app-1024x640.png') });
  await small.context().close();
} finally {
  await browser.close();
  await server.close();
}
console.log(`screenshots written to ${out}`);
