import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { DOCS_DIR, Panel, useExtension } from './harness';

/**
 * The README's screenshots, taken in headless Chromium at 1000×700 on a fixture article:
 * docs/screenshot-collapsed.png (the bar under the headline) and docs/screenshot-expanded.png.
 */

describe('chromium: README screenshots', () => {
  const e2e = useExtension('chromium');

  it('saves the collapsed bar and the expanded panel', async () => {
    await mkdir(DOCS_DIR, { recursive: true });
    const page = await e2e.ext.openPage(e2e.server.fixture('long-article'));
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({ path: join(DOCS_DIR, 'screenshot-collapsed.png') });
    await panel.expand();
    // Show the panel from its top with a little of the headline above it.
    await page.evaluate(() => {
      const host = document.querySelector('no-time-to-read');
      if (host) window.scrollTo(0, Math.max(0, host.getBoundingClientRect().top + window.scrollY - 120));
    });
    await new Promise((r) => setTimeout(r, 400));
    await page.screenshot({ path: join(DOCS_DIR, 'screenshot-expanded.png') });
  });
});
