import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { NON_ARTICLES, Panel, poll, useExtension } from './harness';

/**
 * Chromium's reader: Readability and the summarizer run in an offscreen extension document, not in the page.
 * The background opens it when a page shows its bar (or asks for a reading), and pages send their copies to it
 * directly. It closes itself five minutes after its last request (the timer is unit-tested in
 * reader-lifetime.test.ts; here the test closes it as that timer would), and a page that asks again gets it
 * back. (Firefox reads in its background page, which every Firefox expand in the other files goes through.)
 */

/** Long enough for the always-on script to have asked for anything it would ask for at load. */
const SETTLE_MS = 1000;

describe('chromium: the offscreen reader', () => {
  const e2e = useExtension('chromium');
  let page: Page;
  const readerUrl = () => `${e2e.ext.extensionOrigin}/reader.html`;
  const readerOpen = () => e2e.ext.browser.targets().some((target) => target.url() === readerUrl());

  /** Closes the reader from the service worker, as its idle timer does. */
  async function closeReader(): Promise<void> {
    const target = await e2e.ext.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(e2e.ext.extensionOrigin),
    );
    await (await target.worker())?.evaluate('chrome.offscreen.closeDocument()');
    await poll('the reader to close', () => !readerOpen());
  }

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it('stays closed on a page that is not an article', async () => {
    await page.goto(e2e.server.fixture(NON_ARTICLES[0]!), { waitUntil: 'load' });
    expect(await new Panel(page).staysAbsent(SETTLE_MS), 'no bar on a non-article page').toBe(true);
    expect(readerOpen(), 'a page without a bar does not open the reader').toBe(false);
  });

  it('opens when an article shows its bar, and opens again for a page that asks after it closed', async () => {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await poll('the reader to open once the bar is shown', readerOpen);
    const first = await panel.expand();
    expect(first.points.length).toBeGreaterThan(0);
    await panel.collapse();

    await closeReader();
    // Another length needs another reading, from the same page, whose reader has closed meanwhile.
    const popup = await e2e.ext.openPopup(page);
    await popup.setSetting('length', 'short');
    await popup.page.close();
    await page.bringToFront();
    const second = await panel.expand();
    expect(second.points.length, 'a summary from the reopened reader').toBeGreaterThan(0);
    expect(second.points.length).toBeLessThanOrEqual(first.points.length);
    expect(readerOpen()).toBe(true);
  });
});
