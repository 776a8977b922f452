import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Panel, poll, useExtension } from './harness';

/**
 * Chromium's reader: Readability and the summarizer run in an offscreen extension document, not in the page.
 * The background opens it when a page first asks; it closes itself a minute after its last request, so a browser
 * where nobody asks for summaries holds no extra document, and the next request opens it again. (Firefox reads
 * in its background page, which every Firefox expand in the other files goes through.)
 */

/** The reader closes after 60 s without a request; the margin absorbs a busy machine. */
const CLOSE_TIMEOUT_MS = 80_000;

describe('chromium: the offscreen reader', () => {
  const e2e = useExtension('chromium');
  let page: Page;
  const readerUrl = () => `${e2e.ext.extensionOrigin}/reader.html`;
  const readerOpen = () => e2e.ext.browser.targets().some((target) => target.url() === readerUrl());

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  async function expandArticle(): Promise<string[]> {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const { points } = await panel.expand();
    await panel.collapse();
    return points;
  }

  it(
    'opens for the first summary, closes itself when idle, and opens again for the next one',
    async () => {
      expect(readerOpen(), 'no reader before anyone asks').toBe(false);
      const first = await expandArticle();
      expect(first.length).toBeGreaterThan(0);
      expect(readerOpen(), 'the reader read the article').toBe(true);

      await poll('the idle reader to close itself', () => !readerOpen(), {
        timeout: CLOSE_TIMEOUT_MS,
        interval: 1000,
      });

      expect(await expandArticle(), 'the same summary from a reopened reader').toEqual(first);
      expect(readerOpen()).toBe(true);
    },
    CLOSE_TIMEOUT_MS + 30_000,
  );
});
