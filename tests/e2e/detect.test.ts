import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTICLES, BROWSERS, NON_ARTICLES, Panel, sleep, useExtension } from './harness';

/**
 * User path 1: "Opens a news article." A collapsed bar appears on article pages, and nothing appears on
 * pages that are not articles.
 */

/** Detection runs at idle time after load (at most 2 s), then the panel script loads: wait well past that. */
const NON_ARTICLE_WATCH_MS = 4_000;

describe.each(BROWSERS)('%s: the bar on page load', (name) => {
  const e2e = useExtension(name);
  let page: Page;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it.each(ARTICLES.map((a) => a.slug))('appears collapsed on the article %s', async (slug) => {
    await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForHost();
    const seen = await panel.waitForState('collapsed');
    expect(seen.hosts, 'exactly one panel host').toBe(1);
    expect(seen.toggleText, 'toggle text').toMatch(/^No time to read\?/);
    expect(seen.ariaExpanded).toBe('false');
    expect(seen.points, 'no summary before the user asks').toEqual([]);
  });

  describe('on pages that are not articles', () => {
    const pages = new Map<string, Page>();

    // All non-article pages load side by side and are watched together, to keep the suite fast.
    beforeAll(async () => {
      for (const slug of NON_ARTICLES) pages.set(slug, await e2e.ext.openPage(e2e.server.fixture(slug)));
      await sleep(NON_ARTICLE_WATCH_MS);
    });

    it.each(NON_ARTICLES)('does not appear on the non-article %s', async (slug) => {
      const panel = new Panel(pages.get(slug)!);
      const absent = await panel.staysAbsent(200);
      expect(absent, `panel appeared: ${await panel.describe()}`).toBe(true);
    });
  });
});
