import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, NO_ARTICLE_TEXT, Panel, REPO_ROOT, poll, sleep, useExtension } from './harness';

/**
 * Hostile pages, odd documents: a local `file://` page, a plain-text document, an XML feed, an SVG image and a
 * login wall. None gets a bar; none shows an error; the popup always says something sensible about the tab;
 * and asking for the summary anyway (popup button) ends in a panel or a message, never a blank or broken one.
 */

/** Detection runs at idle time after load (at most 2 s), then the panel script loads: wait well past that. */
const WATCH_MS = 4_000;
/** What the popup may say about a tab it cannot summarize, or that has no article (en locale). */
const SENSIBLE_STATUS = /No article found on this page|The summary can.t run on this page/;

/** Whatever the tab is, the panel is absent (or, in a non-HTML document, there is not even a DOM for it). */
async function expectNoBar(page: Page): Promise<void> {
  await sleep(WATCH_MS);
  const hosts = await page.evaluate(() => document.getElementsByTagName('no-time-to-read').length);
  expect(hosts, 'panel hosts').toBe(0);
}

describe.each(BROWSERS)('%s: hostile pages, odd documents', (name) => {
  const e2e = useExtension(name);

  /** Opens the popup for `page`, checks it names the page's status sensibly, and returns its text. */
  async function popupStatus(page: Page): Promise<string> {
    const popup = await e2e.ext.openPopup(page);
    // "Looking at this page…" first; a popup that never gets past it is as broken as a blank one.
    return poll(
      "the popup to name the tab's status",
      async () => {
        const text = await popup.text();
        return SENSIBLE_STATUS.test(text) ? text : null;
      },
      { timeout: 10_000 },
      async () => `popup text: ${JSON.stringify(await popup.text())}`,
    );
  }

  /**
   * Presses the popup's button on a document that is not an article: the page must end with either a panel that
   * says something (expanded or error) or no panel and a message in the popup — never a half-drawn panel.
   */
  async function askAnyway(page: Page): Promise<void> {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    const outcome = await poll(
      'a panel with words, or a message in the popup',
      async () => {
        const hosts = await page.evaluate(() => document.getElementsByTagName('no-time-to-read').length);
        if (hosts > 0) {
          const s = await new Panel(page).snapshot();
          return (s.state === 'expanded' || s.state === 'error') && s.text.length > 10 ? s.text : null;
        }
        const text = await popup.text();
        return /could not be shown|can.t run/.test(text) ? text : null;
      },
      { timeout: 15_000 },
      async () => `popup: ${JSON.stringify(await popup.text())}`,
    );
    expect(outcome.length).toBeGreaterThan(10);
  }

  it('a file:// page: the content script does not run there; no bar, and the popup says so', async () => {
    const url = pathToFileURL(join(REPO_ROOT, 'tests/fixtures/hostile-file/index.html')).href;
    const page = await e2e.ext.openPage(url);
    expect(await page.evaluate(() => location.protocol)).toBe('file:');
    await expectNoBar(page);
    const text = await popupStatus(page);
    expect(text).toMatch(/can.t run/);
  });

  it('a text/plain document: no bar, a sensible popup, and asking anyway fails politely', async () => {
    const page = await e2e.ext.openPage(`${e2e.server.fixture('hostile-plain-text')}story.txt`);
    expect(await page.evaluate(() => document.contentType)).toBe('text/plain');
    await expectNoBar(page);
    expect(await popupStatus(page)).toContain(NO_ARTICLE_TEXT);
    await askAnyway(page);
    // The markup-like line is still text: nothing was made of it.
    expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
  });

  it.each([
    ['an XML feed', 'hostile-xml', 'feed.xml', 'application/xml'],
    ['an SVG document', 'hostile-svg', 'image.svg', 'image/svg+xml'],
  ])('%s: no bar, a sensible popup, and asking anyway fails politely', async (_, slug, file, type) => {
    const page = await e2e.ext.openPage(`${e2e.server.fixture(slug)}${file}`);
    // Chromium sniffs an RSS feed as application/rss+xml and draws it with its XML viewer.
    const seen = await page.evaluate(() => document.contentType);
    expect(seen === type || seen.endsWith('+xml'), seen).toBe(true);
    await expectNoBar(page);
    expect(await popupStatus(page)).toContain(NO_ARTICLE_TEXT);
    await askAnyway(page);
  });

  it('a login wall with article metadata: no bar, and the popup says there is no article', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-login'));
    await expectNoBar(page);
    expect(await popupStatus(page)).toContain(NO_ARTICLE_TEXT);
  });
});
