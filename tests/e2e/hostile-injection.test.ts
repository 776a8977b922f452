import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, sleep, useExtension } from './harness';
import { pwnedCalls, shadowInventory } from './harness/hostile';

/**
 * Hostile pages, script injection: page text that looks like markup (`<img onerror>`, `</style><script>`,
 * `javascript:` URLs) in the title, byline and paragraphs is shown by the panel and the popup as literal text,
 * and nothing the extension does makes the page run it (the payloads would call `window.__pwned`).
 */

/** Long enough for an `<img src=x onerror>` that the extension created to fail and fire its handler. */
const SETTLE_MS = 1_000;

describe.each(BROWSERS)('%s: hostile pages, script injection', (name) => {
  const e2e = useExtension(name);

  it('shows markup-like page text as literal text and runs none of it', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-injection'));
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const expanded = await panel.expand();
    const joined = expanded.points.join('\n');
    // The lead sentences carry the payloads: they must be summarized as the text the reader sees.
    expect(joined, 'points').toContain("<img src=x onerror=__pwned('p1')>");
    expect(joined, 'points').toContain("</style><script>__pwned('p1b')</script>");

    for (let i = 0; i < expanded.points.length; i++) await panel.clickPoint(i);
    await sleep(SETTLE_MS);
    expect(new URL(page.url()).pathname, 'clicking points stays on the page').toBe(
      '/fixtures/hostile-injection/',
    );

    const inventory = await shadowInventory(page);
    expect(inventory, 'nothing active inside the shadow root').toEqual({
      hosts: 1,
      active: [],
      withHandlers: [],
      oddLinks: [],
      rawTags: [],
      pageStyles: 0,
    });
    expect(await pwnedCalls(page), 'page-world payloads that ran').toEqual([]);

    const popup = await e2e.ext.openPopup(page);
    const text = await popup.waitForText('Harbour board');
    // The popup names the article by its title, markup and all, as text.
    expect(text).toMatch(/Harbour board (<img src=x onerror=__pwned\('\w+'\)>|<\/script><script>)/);
    const popupActive = await popup.page.evaluate(
      () => document.querySelectorAll('body img, body script, body iframe, [onerror]').length,
    );
    expect(popupActive, 'elements created from page text in the popup').toBe(0);
    await sleep(SETTLE_MS);
    expect(await pwnedCalls(page), 'page-world payloads that ran').toEqual([]);
  });
});
