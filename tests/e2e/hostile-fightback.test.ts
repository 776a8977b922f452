import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, pageText, poll, pointsNotInText, sleep, useExtension } from './harness';
import { hostInsertions, installHostCounter, outOfPageReach } from './harness/hostile';

/**
 * Hostile pages that fight back: a page that replaces built-ins the extension might use, frameworks that wipe
 * and re-render `<body>` after load (once, or every time they see a foreign element), and a page full of
 * same-origin iframes holding articles of their own.
 */

/** Long enough for several rounds of mount → wipe → mount, if the panel fought a wiping page in a loop. */
const WATCH_MS = 6_000;
/** Host insertions allowed on a page that wipes the bar: the first mount and one re-mount. */
const MAX_INSERTIONS = 2;

describe.each(BROWSERS)('%s: hostile pages that fight back', (name) => {
  const e2e = useExtension(name);

  it('a page that replaced built-ins (map, JSON, appendChild, attachShadow, customElements…) still gets a working panel', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-builtins'));
    // The probes run out of the page's reach: the page's replacements would break them in its own world.
    const shielded = outOfPageReach(page);
    const panel = new Panel(shielded);
    await panel.waitForState('collapsed');
    const expanded = await panel.expand();
    expect(expanded.points.length).toBeGreaterThanOrEqual(3);
    expect(pointsNotInText(expanded.points, await pageText(shielded))).toEqual([]);
    await panel.clickPoint(expanded.points.length - 1);
    await panel.collapse();
    await sleep(500);
    const sabotage = await page.evaluate(() =>
      (window as unknown as { __sabotage: string[] }).__sabotage.slice(),
    );
    expect(sabotage, "the page's replaced built-ins that something called").toEqual([]);
  });

  it('a framework that re-renders body once after load: the bar comes back, once', async () => {
    const page = await e2e.ext.openPage('about:blank');
    await installHostCounter(page);
    await page.goto(e2e.server.fixture('hostile-rerender-once'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await poll(
      'the framework to re-render body after the bar appeared',
      () => page.evaluate(() => (window as unknown as { __renders: number }).__renders === 2),
      { timeout: 15_000 },
      async () => JSON.stringify(await hostInsertions(page)),
    );
    await sleep(WATCH_MS / 2);
    const counted = await hostInsertions(page);
    expect(counted.maxAtOnce, `never two bars: ${JSON.stringify(counted)}`).toBeLessThanOrEqual(1);
    expect(counted.inserted, `mounted once, then once again: ${JSON.stringify(counted)}`).toBeLessThanOrEqual(
      MAX_INSERTIONS,
    );
    const seen = await panel.snapshot();
    expect(
      [seen.hosts, seen.state],
      `the bar is back after the re-render: ${JSON.stringify(counted)}`,
    ).toEqual([1, 'collapsed']);
  });

  it('a framework that wipes body whenever it sees a foreign element: no mount loop, no freeze', async () => {
    const page = await e2e.ext.openPage('about:blank');
    await installHostCounter(page);
    await page.goto(e2e.server.fixture('hostile-body-wiper'), { waitUntil: 'load' });
    await poll(
      'the bar to be inserted at least once',
      async () => (await hostInsertions(page)).inserted > 0,
      { timeout: 15_000 },
    );
    await sleep(WATCH_MS);
    const counted = await hostInsertions(page);
    const wipes = await page.evaluate(() => {
      const w = window as unknown as { __wipes: number; __removed: number };
      return { wipes: w.__wipes, removed: w.__removed };
    });
    const evidence = JSON.stringify({ ...counted, ...wipes });
    expect(counted.maxAtOnce, `never two bars: ${evidence}`).toBeLessThanOrEqual(1);
    expect(counted.inserted, `host insertions: ${evidence}`).toBeLessThanOrEqual(MAX_INSERTIONS);
    expect(wipes.wipes + wipes.removed, `wipes and removals: ${evidence}`).toBeLessThanOrEqual(
      MAX_INSERTIONS,
    );
    // The tab still answers at once, and the article is still there for the reader.
    const started = Date.now();
    const heading = await page.evaluate(() => document.querySelector('h1')?.textContent);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(heading).toBe('Market hall reopens after two-year restoration');
  });

  it('same-origin iframes with articles: one panel on the top page, none in the frames', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-iframes'));
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await sleep(4_000);
    expect((await panel.snapshot()).hosts).toBe(1);
    const frames = page.frames().filter((f) => f !== page.mainFrame());
    expect(frames.length).toBe(4);
    const inFrames = await Promise.all(
      frames.map(async (f) => ({
        url: f.url(),
        articles: await f.evaluate(() => document.querySelectorAll('article p').length),
        hosts: await f.evaluate(() => document.querySelectorAll('no-time-to-read').length),
      })),
    );
    for (const frame of inFrames) {
      expect(frame.articles, JSON.stringify(frame)).toBeGreaterThanOrEqual(4);
      expect(frame.hosts, `a panel inside a frame: ${JSON.stringify(inFrames)}`).toBe(0);
    }
    const expanded = await panel.expand();
    expect(pointsNotInText(expanded.points, await pageText(page))).toEqual([]);
  });
});
