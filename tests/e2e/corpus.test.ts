import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  BROWSERS,
  CORPUS_DIR,
  CORPUS_SAMPLE,
  Panel,
  pageText,
  pointsNotInText,
  requireCorpus,
  useExtension,
} from './harness';

/**
 * Real saved news pages (Mozilla Readability's test pages in ../shared/corpus/readability-pages/): the bar
 * appears and expands to points found in the page. Skipped with a message when the corpus is absent (a
 * fresh clone), a failure under CI=true.
 */

const corpus = requireCorpus();

describe.each(BROWSERS)('%s', (name) => {
  describe.skipIf(!corpus.ok)(`saved news pages${corpus.label}`, () => {
    const e2e = useExtension(name);
    let page: Page;

    beforeAll(async () => {
      // The saved pages' own scripts fail offline (missing bundles, third-party hosts): their errors are not ours.
      if (corpus.ok) page = await e2e.ext.openPage('about:blank', { foreign: true });
    });

    it.each(CORPUS_SAMPLE)('%s: the bar appears and expands to points found in the page', async (slug) => {
      expect(existsSync(join(CORPUS_DIR, slug, 'source.html')), `${slug}/source.html in the corpus`).toBe(
        true,
      );
      // Third-party resources fail at once (see the launchers); do not wait for every image.
      // A navigation that never reports DOMContentLoaded (a page waiting on an unreachable host) is noted and the
      // test goes on: what counts is whether the bar appears.
      const navigation = await page.goto(e2e.server.corpus(slug), { waitUntil: 'domcontentloaded' }).then(
        () => 'ok',
        (error: unknown) => String(error),
      );
      const panel = new Panel(page);
      await panel.waitForHost(15_000).catch((error: unknown) => {
        throw new Error(`${String(error)} (navigation: ${navigation})`);
      });
      const { points } = await panel.expand(30_000);
      expect(points.length, JSON.stringify(points)).toBeGreaterThanOrEqual(1);
      expect(points.length, JSON.stringify(points)).toBeLessThanOrEqual(7);
      expect(pointsNotInText(points, await pageText(page)), 'points not found verbatim in the page').toEqual(
        [],
      );
    });
  });
});
