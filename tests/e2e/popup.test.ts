import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, NO_ARTICLE_TEXT, Panel, article, poll, useExtension } from './harness';

/**
 * User path 3: "Clicks the toolbar button." The popup names the page's article or says there is none; its
 * main button shows or hides the panel on the page, also on pages not detected as articles.
 * Chromium opens the real popup (chrome.action.openPopup); Firefox opens popup.html?tab=<id> in a tab.
 */

describe.each(BROWSERS)('%s: the popup', (name) => {
  const e2e = useExtension(name);
  let page: Page;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it.each(['plain-article', 'jsonld-news', 'russian-article'])('names the article of %s', async (slug) => {
    await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
    await new Panel(page).waitForHost();
    const popup = await e2e.ext.openPopup(page);
    const text = await popup.waitForText(article(slug).title);
    expect(text).not.toContain(NO_ARTICLE_TEXT);
  });

  it('its button shows the summary on the page, then hides it, then shows it again', async () => {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');

    // Collapsed bar → the button opens the summary.
    let popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    const opened = await panel.waitForState('expanded', 20_000);
    expect(opened.points.length, JSON.stringify(opened)).toBeGreaterThan(0);

    // Summary showing → the button hides the panel.
    popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    await poll(
      'the panel to be hidden',
      async () => !(await panel.isPresent()),
      {},
      () => panel.describe(),
    );

    // Hidden → the button shows it again, expanded.
    popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    const again = await panel.waitForState('expanded', 20_000);
    expect(again.points.length, JSON.stringify(again)).toBeGreaterThan(0);
  });

  it.each(['home-teasers', 'docs-page'])(
    'says "%s" has no article, and its button still tries',
    async (slug) => {
      await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
      const panel = new Panel(page);
      const popup = await e2e.ext.openPopup(page);
      await popup.waitForText(NO_ARTICLE_TEXT);
      await popup.clickToggle();
      const seen = await poll(
        'the panel to open in the expanded or error state',
        async () => {
          const s = await panel.snapshot();
          return s.state === 'expanded' || s.state === 'error' ? s : null;
        },
        { timeout: 20_000 },
        () => panel.describe(),
      );
      // Never a blank or half-drawn panel: an error state must say something.
      expect(seen.text.length, JSON.stringify(seen)).toBeGreaterThan(10);
    },
  );
});
