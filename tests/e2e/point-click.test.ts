import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, Panel, VIEWPORT, poll, sentenceBox, useExtension } from './harness';

/**
 * User path 2, second half: clicking a point scrolls the page to that sentence and highlights it for a
 * moment (a temporary <no-time-to-read-highlight> element, about two seconds).
 */

/** How long the highlight may stay: "about two seconds", with slack for a slow machine. */
const HIGHLIGHT_GONE_WITHIN_MS = 6_000;

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The highlight's boxes (drawn in its open shadow root, or the element itself), united, in viewport coordinates. */
const highlightBox = (): Box | null => {
  const h = document.querySelector('no-time-to-read-highlight');
  if (!h) return null;
  const parts = [
    h,
    ...Array.from(h.shadowRoot?.querySelectorAll('*') ?? []),
    ...Array.from(h.querySelectorAll('*')),
  ]
    .map((e) => e.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0);
  if (parts.length === 0) return { top: 0, bottom: 0, left: 0, right: 0 };
  return {
    top: Math.min(...parts.map((r) => r.top)),
    bottom: Math.max(...parts.map((r) => r.bottom)),
    left: Math.min(...parts.map((r) => r.left)),
    right: Math.max(...parts.map((r) => r.right)),
  };
};

describe.each(BROWSERS)('%s: clicking a point', (name) => {
  const e2e = useExtension(name);
  let page: Page;
  let panel: Panel;

  beforeAll(async () => {
    page = await e2e.ext.openPage(e2e.server.fixture('long-article'));
    panel = new Panel(page);
    await panel.waitForState('collapsed');
  });

  it("scrolls to the last point's sentence and highlights it briefly", async () => {
    const { points } = await panel.expand();
    const last = points.length - 1;
    const sentence = points[last]!;
    const before = await sentenceBox(page, sentence);
    expect(before, `sentence not found in the page: ${sentence}`).not.toBeNull();
    expect(before!.top, 'the last point should start below the fold').toBeGreaterThan(VIEWPORT.height);

    await panel.clickPoint(last);
    const highlight = await poll(
      'a <no-time-to-read-highlight> on the page',
      () => page.evaluate(highlightBox),
      {
        timeout: 5_000,
      },
      () => panel.describe(),
    );

    // Let smooth scrolling finish before measuring where the sentence ended up.
    await poll('scrolling to stop', async () => {
      const a = await page.evaluate(() => window.scrollY);
      await new Promise((r) => setTimeout(r, 250));
      return a === (await page.evaluate(() => window.scrollY));
    });
    const after = await sentenceBox(page, sentence);
    expect(after!.top, `sentence box after the click: ${JSON.stringify(after)}`).toBeGreaterThanOrEqual(0);
    expect(after!.top).toBeLessThan(VIEWPORT.height);
    const nowHighlight = await page.evaluate(highlightBox);
    if (nowHighlight) {
      expect(
        overlaps(nowHighlight, after!),
        `highlight ${JSON.stringify(nowHighlight)} vs sentence ${JSON.stringify(after)}`,
      ).toBe(true);
    } else {
      // Already gone (a very slow scroll): it was on the page; check it covered the sentence's place then.
      expect(highlight).toBeTruthy();
    }

    await poll(
      'the highlight to go away',
      async () => page.evaluate(() => document.querySelector('no-time-to-read-highlight') === null),
      { timeout: HIGHLIGHT_GONE_WITHIN_MS },
    );
  });
});
