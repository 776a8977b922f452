import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readLongTail, readRealPages, type RealPage } from '../../bench/realPages';
import {
  BROWSERS,
  OFFLINE_POLICY,
  Panel,
  REAL_PAGES_ROOT,
  poll,
  requireRealPages,
  useExtension,
} from './harness';

/**
 * Saved real pages that reproduced faults, served from 127.0.0.1 at their own paths, in both browsers: BBC and
 * Evening Standard stories (each paragraph in wrappers of its own) get the bar; a click on the Reuters page is
 * answered within 5 s (points, or a message with "Try again"); the nypost.com page's bar gives points, not
 * "No article text found"; so do two articles of small sites (extraction-snippets-dev): a pagesix.com story whose
 * click found no text, and an infobae.com story whose click was not answered.
 */

/** Every click is answered within this, whatever stage is stuck (the panel gives up 4 s after the click). */
const CLICK_LIMIT_MS = 5000;
const BENCHMARK = join(REAL_PAGES_ROOT, 'article-extraction-dev', 'html');
const NYPOST = '432362af';

const pages = requireRealPages();

describe.each(BROWSERS)('%s', (name) => {
  describe.skipIf(!pages.ok)(`reproductions on saved real pages${pages.label}`, () => {
    const e2e = useExtension(name);
    const byId = new Map<string, RealPage>();
    let tab: Page;

    beforeAll(async () => {
      if (!pages.ok) return;
      for (const page of [...readRealPages(REAL_PAGES_ROOT), ...readLongTail(REAL_PAGES_ROOT)])
        byId.set(page.id, page);
      // The saved pages' own scripts fail offline: their errors are not ours.
      tab = await e2e.ext.openPage('about:blank', { foreign: true });
    });

    /** Serves `html` at `path` with third-party loads refused at once, and opens it. */
    async function open(path: string, html: string): Promise<Panel> {
      const url = e2e.server.route(path, {
        body: html,
        headers: { 'content-security-policy': OFFLINE_POLICY },
      });
      await tab.goto(url, { waitUntil: 'domcontentloaded' });
      const panel = new Panel(tab);
      await panel.waitForHost(15_000);
      return panel;
    }

    /** A real-pages-dev or extraction-snippets-dev article at its own path. */
    function openReal(id: string): Promise<Panel> {
      const page = byId.get(id);
      if (!page?.url) throw new Error(`${id} is not in the shared corpus`);
      return open(new URL(page.url).pathname, page.html());
    }

    /** Clicks the bar; resolves with the panel once it shows points or a message, and how long that took. */
    async function clickAndAnswer(panel: Panel) {
      const started = Date.now();
      await panel.clickToggle();
      const answer = await poll(
        'the click to be answered',
        async () => {
          const s = await panel.snapshot();
          return s.state === 'expanded' || s.state === 'error' ? s : null;
        },
        { timeout: CLICK_LIMIT_MS * 3 },
        () => panel.describe(),
      );
      return { answer, ms: Date.now() - started };
    }

    it.each(['uk-BBC-V2', 'uk-EveningStandard-V1'])('%s: the bar appears and gives points', async (id) => {
      const panel = await openReal(id);
      const { points } = await panel.expand(CLICK_LIMIT_MS);
      expect(points.length).toBeGreaterThanOrEqual(1);
    });

    it('us-Reuters-V1: a click is answered within 5 s', async () => {
      const panel = await openReal('us-Reuters-V1');
      const { answer, ms } = await clickAndAnswer(panel);
      expect(ms, 'click → answer').toBeLessThan(CLICK_LIMIT_MS);
      if (answer.state === 'error') expect(answer.text).toContain('Try again');
      else expect(answer.points.length).toBeGreaterThanOrEqual(1);
    });

    it.each(['lt-259', 'lt-812'])('%s: a click gives points within 5 s', async (id) => {
      const panel = await openReal(id);
      const { answer, ms } = await clickAndAnswer(panel);
      expect(ms, 'click → answer').toBeLessThan(CLICK_LIMIT_MS);
      expect(answer.state, answer.text).toBe('expanded');
      expect(answer.points.length).toBeGreaterThanOrEqual(1);
    });

    it.skipIf(!existsSync(BENCHMARK) && process.env.CI !== 'true')(
      'nypost.com: the bar gives points, not "No article text found"',
      async () => {
        const file = readdirSync(BENCHMARK).find((f) => f.startsWith(NYPOST));
        expect(file, `${NYPOST}… in ${BENCHMARK}`).toBeDefined();
        const html = readFileSync(join(BENCHMARK, file!), 'utf8');
        const panel = await open('/2019/11/18/bubonic-plague-case-reported-in-china/', html);
        const { answer, ms } = await clickAndAnswer(panel);
        expect(ms).toBeLessThan(CLICK_LIMIT_MS);
        expect(answer.state, answer.text).toBe('expanded');
        expect(answer.points.some((p) => p.includes('plague'))).toBe(true);
      },
    );
  });
});
