import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  Panel,
  normalize,
  pageText,
  pointsNotInText,
  sleep,
  useExtension,
  type PanelSnapshot,
} from './harness';
import { installHeartbeat, readHeartbeat, resetHeartbeat, type Heartbeat } from './harness/hostile';
import { HUGE_ARTICLE_LEAD, articleInManyElements, hugeArticle } from './harness/hostile-pages';

/**
 * Hostile pages, size and motion: a 200,000-word article, an article among 50,000 elements, an endless feed and a
 * ticker that mutates every 100 ms. The tab must stay responsive while the bar appears and while it expands (a
 * main-world heartbeat, and Chromium's Long Tasks, may not show a stall over MAX_GAP_MS), the work must be capped, and the panel must say
 * when it summarized only part of the page.
 */

/** The longest main-thread stall allowed while the extension works: a click that takes longer feels broken. */
const MAX_GAP_MS = 200;
/** Huge pages take longer to load and detect than the fixtures (the idle callback waits for a quiet thread). */
const HUGE_TIMEOUT_MS = 20_000;
/** What the panel says when it read only the first part of a page (en locale). */
const TRUNCATED_NOTE = 'the summary covers only its first part';
/** Time after the bar appears, or after expanding, in which a late stall would still be the extension's. */
const AFTERMATH_MS = 700;

interface Measured {
  expanded: PanelSnapshot;
  /** The stalls of an earlier run that was over the limit, which this run repeated. */
  earlier?: { load: number; expand: number };
  /** The longest stall from page load until the bar was there (and AFTERMATH_MS more), and its gaps. */
  load: Heartbeat;
  /** The same from the click until the points were there (and AFTERMATH_MS more). */
  expand: Heartbeat;
}

/**
 * The stall a phase shows. Chromium: its longest single task (Long Tasks API), which other processes competing
 * for this machine's cores do not create. Firefox has no such API: the longest gap between heartbeat ticks.
 */
function stall(h: Heartbeat): number {
  return h.longestTask ?? h.maxGap;
}

/** Loads `url` with a heartbeat, waits for the bar, expands it, and reports the stalls of both phases. */
async function loadAndExpandOnce(
  e2e: ReturnType<typeof useExtension>,
  url: string,
  whileLoading?: (page: Page) => Promise<void>,
): Promise<{ page: Page } & Measured> {
  const page = await e2e.ext.openPage('about:blank');
  await installHeartbeat(page);
  await page.goto(url, { waitUntil: 'load', timeout: HUGE_TIMEOUT_MS });
  // The page's own parsing and first rendering are not the extension's: the window opens once the first frame
  // is drawn after load, before the always-on script's idle-time detection has run.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await resetHeartbeat(page);
  const panel = new Panel(page);
  await Promise.all([panel.waitForState('collapsed', HUGE_TIMEOUT_MS), whileLoading?.(page)]);
  await sleep(AFTERMATH_MS);
  const load = await readHeartbeat(page);
  await resetHeartbeat(page);
  const expanded = await panel.expand(HUGE_TIMEOUT_MS);
  await sleep(AFTERMATH_MS);
  const expand = await readHeartbeat(page);
  return { page, expanded, load, expand };
}

/**
 * As `loadAndExpandOnce`; a run with a stall over the limit is repeated once, on a fresh tab, and the repeat is
 * returned. Four engineers share this machine's two cores: a stall the extension causes happens again, one
 * that another process caused rarely does.
 */
async function loadAndExpand(
  e2e: ReturnType<typeof useExtension>,
  url: string,
  whileLoading?: (page: Page) => Promise<void>,
): Promise<{ page: Page } & Measured> {
  const first = await loadAndExpandOnce(e2e, url, whileLoading);
  if (stall(first.load) <= MAX_GAP_MS && stall(first.expand) <= MAX_GAP_MS) return first;
  await first.page.close();
  const second = await loadAndExpandOnce(e2e, url, whileLoading);
  return { ...second, earlier: { load: stall(first.load), expand: stall(first.expand) } };
}

function expectResponsive({ load, expand, earlier }: Measured): void {
  const before = earlier ? `; the run before: ${JSON.stringify(earlier)}` : '';
  expect(stall(load), `stalls while the bar appeared: ${JSON.stringify(load)}${before}`).toBeLessThanOrEqual(
    MAX_GAP_MS,
  );
  expect(
    stall(expand),
    `stalls while the bar expanded: ${JSON.stringify(expand)}${before}`,
  ).toBeLessThanOrEqual(MAX_GAP_MS);
}

describe.each(BROWSERS)('%s: hostile pages, huge and endless', (name) => {
  const e2e = useExtension(name);

  it('a 200,000-word article: responsive, summarized from its first part, with a note saying so', async () => {
    const url = e2e.server.route('/generated/huge-article/', { body: hugeArticle(200_000) });
    const measured = await loadAndExpand(e2e, url);
    const { page, expanded } = measured;
    expect(expanded.text, JSON.stringify(expanded)).toContain(TRUNCATED_NOTE);
    const text = await pageText(page);
    expect(pointsNotInText(expanded.points, text)).toEqual([]);
    // Work is capped: the points come from the part read (10,000 words of 200,000: the first 5% of the text).
    const lastPoint = Math.max(...expanded.points.map((p) => text.indexOf(normalize(p))));
    expect(lastPoint / text.length, `points: ${JSON.stringify(expanded.points)}`).toBeLessThan(0.1);
    expect(expanded.points.join(' ')).toContain(HUGE_ARTICLE_LEAD.slice(0, 40));
    expectResponsive(measured);
    await page.close();
  });

  it('an article among 50,000 elements: responsive, summarized from the article', async () => {
    const url = e2e.server.route('/generated/many-elements/', { body: articleInManyElements(50_000) });
    const measured = await loadAndExpand(e2e, url);
    const { page, expanded } = measured;
    expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeGreaterThan(50_000);
    const story = normalize(await page.evaluate(() => document.querySelector('article')?.textContent ?? ''));
    expect(pointsNotInText(expanded.points, story), 'points from outside the article').toEqual([]);
    expectResponsive(measured);
    await page.close();
  });

  it('an endless feed: responsive while it grows and the reader scrolls, one bar', async () => {
    const scroll = async (page: Page): Promise<void> => {
      for (let i = 0; i < 8; i++) {
        await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
        await sleep(250);
      }
    };
    const measured = await loadAndExpand(e2e, e2e.server.fixture('hostile-infinite-scroll'), scroll);
    const { page, expanded } = measured;
    expect(expanded.hosts).toBe(1);
    expect(pointsNotInText(expanded.points, await pageText(page))).toEqual([]);
    const added = await page.evaluate(() => (window as unknown as { __feedCount(): number }).__feedCount());
    expect(added, 'the feed kept growing').toBeGreaterThan(3);
    await scroll(page);
    expect((await new Panel(page).snapshot()).hosts, 'still one bar').toBe(1);
    expectResponsive(measured);
    await page.close();
  });

  it('a ticker mutating every 100 ms: responsive, the bar appears and expands once', async () => {
    const measured = await loadAndExpand(e2e, e2e.server.fixture('hostile-ticker'));
    const { page, expanded } = measured;
    const story = normalize(await page.evaluate(() => document.querySelector('article')?.textContent ?? ''));
    expect(pointsNotInText(expanded.points, story), 'points from outside the article').toEqual([]);
    const before = await page.evaluate(() =>
      (window as unknown as { __tickerTicks(): number }).__tickerTicks(),
    );
    await sleep(1_000);
    const after = await page.evaluate(() =>
      (window as unknown as { __tickerTicks(): number }).__tickerTicks(),
    );
    expect(after - before, 'the ticker kept ticking').toBeGreaterThanOrEqual(5);
    const snap = await new Panel(page).snapshot();
    expect([snap.hosts, snap.state], 'one bar, still expanded').toEqual([1, 'expanded']);
    expectResponsive(measured);
    await page.close();
  });
});
