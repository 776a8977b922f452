import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HTTPRequest } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import {
  BROWSERS,
  Panel,
  REPO_ROOT,
  normalize,
  pageText,
  poll,
  pointsNotInText,
  useExtension,
} from './harness';
import { isRed, panelLook } from './harness/hostile';

/**
 * Hostile pages, hard markup: a 1999-style page in quirks mode, a `<base href>` to another host, Russian in
 * windows-1251 and Japanese in Shift_JIS, and a paywall that hides the rest of the story with CSS. The bar
 * appears on each, and its points are the sentences the reader sees, read correctly.
 */

/** The fixture's text as the reader sees it, decoded from the fixture's own encoding, tags dropped. */
function fixtureText(slug: string, encoding: string): string {
  const bytes = readFileSync(join(REPO_ROOT, 'tests/fixtures', slug, 'index.html'));
  const html = new TextDecoder(encoding).decode(bytes);
  return normalize(html.replace(/<(style|title)[^>]*>[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '));
}

/** Subscriber-only sentences of the paywall fixture, hidden by the page's CSS. */
const PAYWALLED = ['Behind closed doors', 'have since resigned', 'refused to publish the rents'];

describe.each(BROWSERS)('%s: hostile pages, hard markup', (name) => {
  const e2e = useExtension(name);

  it('very old markup (no doctype, layout tables, <font>, <center>, unclosed <p>): a bar that works and looks right', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-old-markup'));
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat');
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const expanded = await panel.expand();
    expect(expanded.points.length).toBeGreaterThanOrEqual(3);
    const text = await pageText(page);
    expect(pointsNotInText(expanded.points, text)).toEqual([]);
    expect(expanded.points.join(' ')).not.toMatch(/Copyright|Best viewed|Home News Sport/);
    const look = await panelLook(page);
    expect(look?.toggle?.fontSize, JSON.stringify(look)).toBeGreaterThanOrEqual(12);
    for (const point of look?.points ?? []) {
      expect(point.fontSize, JSON.stringify(look)).toBeGreaterThanOrEqual(12);
      expect(isRed(point.color)).toBe(false);
    }
  });

  it('<base href> to another host: points jump within the page, and nothing of ours is fetched from that host', async () => {
    const page = await e2e.ext.openPage('about:blank');
    const toBase: string[] = [];
    const onRequest = (request: HTTPRequest): void => {
      if (request.url().includes('example.invalid')) toBase.push(request.url());
    };
    page.on('request', onRequest);
    const url = e2e.server.fixture('hostile-base-href');
    await page.goto(url, { waitUntil: 'load' });
    expect(await page.evaluate(() => document.baseURI)).toBe('http://cdn.example.invalid/archive/2019/');
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const expanded = await panel.expand();
    for (let i = expanded.points.length - 1; i >= 0; i--) {
      await panel.clickPoint(i);
      await poll('the highlight of the point', () =>
        page.evaluate(() => document.querySelector('no-time-to-read-highlight') !== null),
      );
    }
    expect(page.url(), 'clicking points stays on the page').toBe(url);
    expect((await panel.snapshot()).state).toBe('expanded');
    page.off('request', onRequest);
    expect(toBase, 'requests to the <base> host').toEqual([]);
  });

  it.each([
    [
      'Russian in windows-1251 (charset in the HTTP header)',
      'hostile-windows-1251',
      'windows-1251',
      /[А-Яа-яЁё]/,
    ],
    [
      'Japanese in Shift_JIS (charset in <meta>)',
      'hostile-shift-jis',
      'Shift_JIS',
      /[\u3040-\u30ff\u4e00-\u9fff]/,
    ],
  ])('%s: the points are the story, read correctly', async (_, slug, charset, script) => {
    const page = await e2e.ext.openPage(e2e.server.fixture(slug));
    expect(await page.evaluate(() => document.characterSet)).toBe(charset);
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const expanded = await panel.expand();
    expect(expanded.points.length).toBeGreaterThanOrEqual(2);
    const points = expanded.points.join(' ');
    expect(points).toMatch(script);
    expect(points, 'replacement characters or mojibake').not.toMatch(/\uFFFD|Ð|Ñ|ã\u0081|ï¿½/);
    // Verbatim sentences of the story as written, decoded by Node from the fixture's bytes.
    expect(pointsNotInText(expanded.points, fixtureText(slug, charset))).toEqual([]);
  });

  it('a paywalled teaser: summarized from what the reader can see, never from the CSS-hidden rest', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-paywall'));
    // The longest summary takes most sentences of the article: hidden ones would show up.
    let popup = await e2e.ext.openPopup(page);
    await popup.setSetting('length', 'long');
    try {
      await page.reload({ waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      const expanded = await panel.expand();
      const visible = await pageText(page);
      expect(
        PAYWALLED.filter((s) => visible.includes(s)),
        'the fixture hides these',
      ).toEqual([]);
      expect(
        PAYWALLED.filter((s) => expanded.points.join(' ').includes(s)),
        `hidden subscriber text in the summary: ${JSON.stringify(expanded.points)}`,
      ).toEqual([]);
      expect(pointsNotInText(expanded.points, visible), 'points the reader cannot see').toEqual([]);
      // And the panel says the page shows only the beginning.
      expect(expanded.text).toContain('only the beginning of the article');
    } finally {
      popup = await e2e.ext.openPopup(page);
      await popup.setSetting('length', 'medium');
    }
  });
});
