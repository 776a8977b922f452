import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Panel, poll, sleep, useExtension } from './harness';

/**
 * Chromium's reader: Readability and the summarizer run in an offscreen extension document, not in the page.
 * The background opens it when the user first reaches for a bar, and pages send their copies to it directly; it
 * closes itself a minute after its last request, so a browser where nobody asks for summaries holds no extra
 * document, and a page that asks again gets it back. (Firefox reads in its background page, which every Firefox
 * expand in the other files goes through.)
 */

/** The reader closes after 60 s without a request; the margin absorbs a busy machine. */
const CLOSE_TIMEOUT_MS = 80_000;
/** Long enough for the always-on script to have asked for anything it would ask for at load. */
const SETTLE_MS = 1000;

describe('chromium: the offscreen reader', () => {
  const e2e = useExtension('chromium');
  let page: Page;
  const readerUrl = () => `${e2e.ext.extensionOrigin}/reader.html`;
  const readerOpen = () => e2e.ext.browser.targets().some((target) => target.url() === readerUrl());

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it(
    'opens when the pointer reaches the bar, closes itself when idle, and opens again for a page that asks again',
    async () => {
      await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      await sleep(SETTLE_MS);
      expect(readerOpen(), 'an article with its bar does not open the reader').toBe(false);

      const toggle = await panel.toggleHandle();
      await toggle.scrollIntoView();
      await toggle.hover();
      await poll('the reader to open while the pointer rests on the bar', readerOpen);
      const first = await panel.expand();
      expect(first.points.length).toBeGreaterThan(0);
      await panel.collapse();

      await poll('the idle reader to close itself', () => !readerOpen(), {
        timeout: CLOSE_TIMEOUT_MS,
        interval: 1000,
      });

      // Another length needs another reading, from the same page, whose reader has closed meanwhile.
      const popup = await e2e.ext.openPopup(page);
      await popup.setSetting('length', 'short');
      await popup.page.close();
      await page.bringToFront();
      const second = await panel.expand();
      expect(second.points.length, 'a summary from the reopened reader').toBeGreaterThan(0);
      expect(second.points.length).toBeLessThanOrEqual(first.points.length);
      expect(readerOpen()).toBe(true);
    },
    CLOSE_TIMEOUT_MS + 30_000,
  );
});
