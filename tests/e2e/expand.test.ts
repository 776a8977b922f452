import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ARTICLES,
  BROWSERS,
  DIV_SOUP_BOILERPLATE,
  Panel,
  normalize,
  pageText,
  pointsNotInText,
  sleep,
  useExtension,
} from './harness';

/**
 * User path 2: "Clicks the bar." It expands into 3-7 key sentences of the article, each verbatim from the
 * page, in article order; clicking again collapses it.
 */

const MIN_POINTS = 3;
const MAX_POINTS = 7;

describe.each(BROWSERS)('%s: expanding the bar', (name) => {
  const e2e = useExtension(name);
  let page: Page;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it.each(ARTICLES.map((a) => a.slug))(
    '%s: shows 3-7 points found verbatim in the article, in order',
    async (slug) => {
      await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      const expanded = await panel.expand();
      expect(expanded.ariaExpanded).toBe('true');
      const { points } = expanded;
      expect(points.length, `points: ${JSON.stringify(points)}`).toBeGreaterThanOrEqual(MIN_POINTS);
      expect(points.length, `points: ${JSON.stringify(points)}`).toBeLessThanOrEqual(MAX_POINTS);

      const text = await pageText(page);
      expect(pointsNotInText(points, text), 'points not found verbatim in document.body.innerText').toEqual(
        [],
      );
      const positions = points.map((p) => text.indexOf(normalize(p)));
      expect(positions, 'points in article order').toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(points).size, 'no repeated point').toBe(points.length);

      if (slug === 'news-div-soup') {
        const boilerplate = points.filter((p) => DIV_SOUP_BOILERPLATE.some((b) => p.includes(b)));
        expect(boilerplate, 'boilerplate in the summary').toEqual([]);
      }

      const collapsed = await panel.collapse();
      expect(collapsed.ariaExpanded).toBe('false');
    },
  );

  it('a long article gets more points than a short one', async () => {
    const counts: Record<string, number> = {};
    for (const slug of ['jsonld-news', 'long-article']) {
      await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      counts[slug] = (await panel.expand()).points.length;
    }
    expect(counts['long-article'], JSON.stringify(counts)).toBeGreaterThan(counts['jsonld-news']!);
  });

  it('a click that collapses the panel while its summary is on the way keeps it collapsed', async () => {
    await page.goto(e2e.server.fixture('long-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    // Two clicks from the page itself: the second lands while the first one's summary is still being made.
    const clickedAgainWhile = await page.evaluate(async (loadingTimeout: number) => {
      const host = document.querySelector('no-time-to-read')!;
      const toggle = host.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
      const loading = new Promise<boolean>((resolve) => {
        const observer = new MutationObserver(() => {
          if (host.getAttribute('data-state') !== 'loading') return;
          observer.disconnect();
          resolve(true);
        });
        observer.observe(host, { attributes: true, attributeFilter: ['data-state'] });
        setTimeout(() => resolve(false), loadingTimeout);
      });
      toggle.click();
      if (!(await loading)) return `never loading: ${host.getAttribute('data-state')}`;
      toggle.click();
      return 'loading';
    }, 10_000);
    expect(clickedAgainWhile).toBe('loading');
    await panel.waitForState('collapsed');
    // Long enough for the first click's summary to arrive: it must not open the panel again.
    await sleep(3_000);
    const after = await panel.snapshot();
    expect([after.state, after.points], JSON.stringify(after)).toEqual(['collapsed', []]);
    expect((await panel.expand()).points.length).toBeGreaterThanOrEqual(MIN_POINTS);
  });
});
