import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { readRealPages } from '../../bench/realPages';
import { parseDocument } from '../../cli/parseDocument';
import {
  DOCS_DIR,
  OFFLINE_POLICY,
  Panel,
  Preview,
  REAL_PAGES_ROOT,
  poll,
  article,
  requireRealPages,
  useExtension,
  type ExtensionBrowser,
  type FixtureServer,
} from './harness';

/**
 * The README's screenshots, taken in headless Chromium at 1000×700 on a fixture article:
 * docs/screenshot-collapsed.png (the bar under the headline) and docs/screenshot-expanded.png; and the popup
 * on that article, docs/screenshot-popup.png, and under an Arabic browser, docs/screenshot-popup-ar.png; a link
 * preview on a front page of saved real news pages, docs/screenshot-preview.png.
 */

/** Saved English news pages the preview screenshot's front page links to (in the corpus's order). */
const FRONT_PAGE_STORIES = ['ca-CBCNews-V1', 'mx-MexicoNewsDaily-V1', 'be-PoliticoEu-V1', 'uk-iNews-V1'];
/** The story previewed: the second link, with room for the whole card below it. */
const PREVIEWED = 'ca-CBCNews-V1';
const FRONT_PAGE_STYLE =
  'body{font:16px/1.5 Georgia,serif;max-width:760px;margin:24px auto;padding:0 16px;color:#222}' +
  'h1{font:700 28px system-ui,sans-serif;border-bottom:3px solid #222;padding-bottom:6px}' +
  'li{margin:14px 0;font-size:19px}a{color:#1a3d8f;text-decoration:none}a:hover{text-decoration:underline}';

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
  const box = await body?.boundingBox();
  if (!body || !box) throw new Error('The popup has no body');
  // The picture is the popup's window as it opens: browsers cap it at 600 px and the reader scrolls to the rest
  // (past the window's edge a popup has no pixels to take).
  const height = await popup.page.evaluate(() => Math.min(window.innerHeight, document.body.scrollHeight));
  await popup.page.screenshot({
    path: join(DOCS_DIR, file),
    clip: { x: box.x, y: 0, width: box.width, height },
  });
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

const realPages = requireRealPages();

describe.skipIf(!realPages.ok)(`chromium: README screenshot of a link preview${realPages.label}`, () => {
  const e2e = useExtension('chromium');

  it('saves a preview opened by Shift+Alt on a front page link', async () => {
    await mkdir(DOCS_DIR, { recursive: true });
    const stories = readRealPages(REAL_PAGES_ROOT).filter((p) => FRONT_PAGE_STORIES.includes(p.id));
    const items = stories.map((story) => {
      const path = story.url ? new URL(story.url).pathname : `/${story.id}/`;
      const href = e2e.server.route(path, {
        body: story.html(),
        headers: { 'content-security-policy': OFFLINE_POLICY },
      });
      // The page's own title (as a browser decodes it), without the site's name after a separator.
      const doc = parseDocument(story.html());
      const title = doc.title
        .split(/ [|–—-] /)[0]!
        .trim()
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;');
      doc.defaultView?.close();
      return `<li><a id="${story.id}" href="${href}">${title}</a></li>`;
    });
    const front = e2e.server.route('/briefing/', {
      body: `<!doctype html><html lang="en"><title>Morning briefing</title><style>${FRONT_PAGE_STYLE}</style><h1>Morning briefing</h1><ul>${items.join('')}</ul></html>`,
    });
    // The welcome page opens on install and takes the foreground: let it open first.
    await poll('the welcome page', async () =>
      (await e2e.ext.browser.pages()).some((p) => p.url().endsWith('/welcome.html')),
    ).catch(() => undefined);
    const page = await e2e.ext.openPage(front);
    const preview = new Preview(page);
    await preview.pointAndPress(`#${PREVIEWED}`);
    await preview.settled();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await new Promise((r) => setTimeout(r, 300));
    await page.screenshot({ path: join(DOCS_DIR, 'screenshot-preview.png') });
  });
});
