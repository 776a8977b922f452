import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRealPages, type RealPage } from '../../bench/realPages';
import { toArticle } from '../../cli/input';
import { summarize } from '../../lib/summarize/index';
import {
  BROWSERS,
  OFFLINE_POLICY,
  Panel,
  REAL_PAGES_ROOT,
  pointsOutsideStory,
  requireRealPages,
  useExtension,
} from './harness';

/**
 * Saved pages of real news sites in several languages and scripts (../shared/corpus/real-pages-dev), and pages
 * that are not articles: the bar appears on each article and a click gives points that are sentences of its story
 * within 5 s; the other pages get no bar. Each page is served at its original path, with third-party loads
 * refused at once (the machine is offline). `npm run bench:pages` runs every page; these are the ones that
 * exercise each rule: stories set in <div>s, furniture lines in German, Swedish and English, captions, a region
 * where Readability once chose a teaser list, Korean, Japanese, Hindi, Russian and French pages. The command line
 * reads each saved page whose CSS hides nothing of the story to the same summary the extension shows: both parse
 * HTML as browsers do and read the region detection finds.
 */

const ARTICLES = [
  'de-ZDF-V1',
  'ch-TagesAnzeiger-V1',
  'de-DieWelt-V1',
  'se-Expressen-V1',
  'za-DurbanLocal-V1',
  'be-PoliticoEu-V1',
  'kr-HankookIlbo-V3',
  'jp-TokyoShimbun-V1',
  'ind-Bhaskar-V1',
  'ru-Kommersant-V1',
  'fr-EuronewsFR-V1',
];
/**
 * Pages whose own CSS hides part of the story (a paywall's rest, a caption): the extension reads only what the
 * page shows, the command line (no layout) all the saved HTML holds, so their summaries may differ.
 */
const HIDDEN_BY_CSS = new Set(['kr-HankookIlbo-V3', 'jp-TokyoShimbun-V1', 'ind-Bhaskar-V1']);
const NON_ARTICLES = [
  'other-creativecommons-org',
  'other-viehbacher-com-steuerrecht',
  'forum-oshiete-goo-qa-ja',
  'product-potterybarn',
  'home-folha',
];
/** A click must end in a summary or a message within this (the panel gives up reading after 4 s). */
const CLICK_LIMIT_MS = 5000;
/** Detection runs at idle time after load (at most 2 s), then the bar asks for the settings. */
const NO_BAR_WATCH_MS = 3500;

const pages = requireRealPages();

describe.each(BROWSERS)('%s', (name) => {
  describe.skipIf(!pages.ok)(`real news pages${pages.label}`, () => {
    const e2e = useExtension(name);
    const byId = new Map<string, RealPage>();
    let tab: Page;

    beforeAll(async () => {
      if (!pages.ok) return;
      for (const page of readRealPages(REAL_PAGES_ROOT)) byId.set(page.id, page);
      // The saved pages' own scripts fail offline: their errors are not ours.
      tab = await e2e.ext.openPage('about:blank', { foreign: true });
    });

    /** Serves the page at its original path (or under its id) and opens it. */
    async function open(id: string): Promise<RealPage> {
      const page = byId.get(id);
      if (!page) throw new Error(`${id} is not in real-pages-dev`);
      const path = page.url ? new URL(page.url).pathname : '/';
      const url = e2e.server.route(path === '/' ? `/${id}/` : path, {
        body: page.html(),
        headers: { 'content-security-policy': OFFLINE_POLICY },
      });
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      return page;
    }

    it.each(ARTICLES)('%s: the bar appears and a click gives sentences of the story', async (id) => {
      const page = await open(id);
      const panel = new Panel(tab);
      await panel.waitForHost(15_000);
      const started = Date.now();
      const { points } = await panel.expand(CLICK_LIMIT_MS);
      expect(Date.now() - started).toBeLessThan(CLICK_LIMIT_MS);
      expect(points.length).toBeGreaterThanOrEqual(1);
      expect(pointsOutsideStory(points, page.body, page.teaser), 'points not in the story').toEqual([]);
      if (HIDDEN_BY_CSS.has(id)) return;
      // What the command line makes of the saved HTML (jsdom, the same region): the same summary.
      const cli = summarize(toArticle({ kind: 'html', content: page.html() })!);
      expect(cli.kind === 'ok' ? cli.sentences.map((s) => s.text.replace(/\s+/g, ' ').trim()) : cli).toEqual(
        points,
      );
    });

    it.each(NON_ARTICLES)('%s: no bar', async (id) => {
      await open(id);
      expect(await new Panel(tab).staysAbsent(NO_BAR_WATCH_MS)).toBe(true);
    });
  });
});
