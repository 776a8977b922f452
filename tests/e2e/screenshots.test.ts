import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { DOCS_DIR, Panel, article, useExtension, type ExtensionBrowser, type FixtureServer } from './harness';

/**
 * The README's screenshots, taken in headless Chromium at 1000×700 on a fixture article:
 * docs/screenshot-collapsed.png (the bar under the headline) and docs/screenshot-expanded.png; and the popup
 * on that article, docs/screenshot-popup.png, and under an Arabic browser, docs/screenshot-popup-ar.png.
 */

/** Opens the popup for the long fixture article and saves it, as drawn, to docs/<file>. */
async function savePopup(ext: ExtensionBrowser, server: FixtureServer, file: string): Promise<void> {
  await mkdir(DOCS_DIR, { recursive: true });
  const story = article('long-article');
  const page = await ext.openPage(server.fixture(story.slug));
  await new Panel(page).waitForState('collapsed');
  const popup = await ext.openPopup(page);
  await popup.waitForText(story.title);
  await popup.page.evaluate(() => document.fonts.ready.then(() => undefined));
  const body = await popup.page.$('body');
  if (!body) throw new Error('The popup has no body');
  await body.screenshot({ path: join(DOCS_DIR, file) });
  await page.close();
}

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

  it('saves the popup on an article', async () => {
    await savePopup(e2e.ext, e2e.server, 'screenshot-popup.png');
  });
});

describe('chromium: README screenshot of the popup under an Arabic browser', () => {
  const e2e = useExtension('chromium', { lang: 'ar' });

  it('saves the right-to-left Arabic popup', async () => {
    await savePopup(e2e.ext, e2e.server, 'screenshot-popup-ar.png');
  });
});
