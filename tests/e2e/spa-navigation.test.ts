import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  Panel,
  article,
  normalize,
  pageText,
  poll,
  pointsNotInText,
  sleep,
  useExtension,
} from './harness';

/**
 * User path 6: "Navigates inside a single-page news site" (history.pushState, content replaced): the panel
 * follows the new article and never shows the previous article's summary.
 */

const NEXT_TITLE = 'Youth orchestra wins national prize with piece about the tides';

describe.each(BROWSERS)('%s: in-page navigation', (name) => {
  const e2e = useExtension(name);

  it('follows the new article after pushState and never shows the old summary', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('spa-news'));
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const first = await panel.expand();
    expect(pointsNotInText(first.points, await pageText(page))).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(
      article('spa-news').title,
    );

    await page.click('#next-story');
    await poll(
      'the next story to render',
      async () => (await page.evaluate(() => document.querySelector('h1')?.textContent)) === NEXT_TITLE,
    );
    expect(await page.evaluate(() => location.search)).toBe('?story=orchestra');

    // Watch the panel while the extension notices the change: the old points must never be shown again.
    const stale: string[] = [];
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      const s = await panel.snapshot();
      stale.push(...s.points.filter((p) => first.points.includes(p)));
      await sleep(150);
    }
    expect(stale, 'old article points shown after navigation').toEqual([]);

    const seen = await panel.snapshot();
    expect(seen.present, `panel after navigation: ${JSON.stringify(seen)}`).toBe(true);
    expect(seen.hosts).toBe(1);
    const now = seen.state === 'expanded' && seen.points.length > 0 ? seen : await panel.expand();
    const text = await pageText(page);
    expect(text).toContain(NEXT_TITLE);
    expect(pointsNotInText(now.points, text), 'points not from the new article').toEqual([]);
    expect(now.points.some((p) => first.points.map(normalize).includes(normalize(p)))).toBe(false);
  });
});
