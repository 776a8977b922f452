import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../lib/fetch';
import { previewableUrl } from '../../lib/preview/eligibleLink';
import { createLru } from '../../lib/preview/lru';
import { placeCard } from '../../lib/preview/place';
import { previewFromPage } from '../../lib/preview/readPreview';
import { createPreviewService } from '../../lib/preview/service';
import { encodeTextTerm, textFragmentUrl } from '../../lib/preview/textFragment';

/** The pure parts of link previews: which links get one, text fragments, the card's place, the cache. */

const PAGE = 'https://news.example/world/2026/harbour-board-votes';

describe('previewableUrl', () => {
  it.each([
    ['https://other.example/story-about-things', 'https://other.example/story-about-things'],
    ['/local/other-story', 'https://news.example/local/other-story'],
    ['other-story#comments', 'https://news.example/world/2026/other-story'],
    ['http://plain.example/', 'http://plain.example/'],
    ['#top', null],
    ['', null],
    [PAGE, null],
    [`${PAGE}#section-2`, null],
    ['javascript:alert(1)', null],
    ['mailto:desk@news.example', null],
    ['tel:+4912345', null],
    ['ftp://files.example/a.pdf', null],
    ['data:text/html,<p>hi</p>', null],
    ['http://[bad', null],
  ])('%s → %s', (href, expected) => {
    expect(previewableUrl(href, PAGE)).toBe(expected);
  });
});

describe('text fragments', () => {
  it.each([
    ['a-b, c & d', 'a%2Db%2C%20c%20%26%20d'],
    ['Zürich', 'Z%C3%BCrich'],
    ['東京', '%E6%9D%B1%E4%BA%AC'],
  ])('encodes the term %s', (term, expected) => {
    expect(encodeTextTerm(term)).toBe(expected);
  });

  it.each([
    ['Short one, here.', `${PAGE}#:~:text=Short%20one%2C%20here.`],
    [
      'The board voted on Tuesday to freeze ferry fees until the end of next summer.',
      `${PAGE}#:~:text=The%20board%20voted%20on,end%20of%20next%20summer.`,
    ],
    ['  spaced\n  out  ', `${PAGE}#:~:text=spaced%20out`],
  ])('links to %s', (sentence, expected) => {
    expect(textFragmentUrl(`${PAGE}#old`, sentence)).toBe(expected);
  });
});

describe('placeCard', () => {
  const link = { left: 100, top: 100, right: 200, bottom: 120 };
  it.each([
    ['below when it fits', link, 300, { top: 128, side: 'below', maxHeight: 564 }],
    ['above when only that fits', { ...link, top: 600, bottom: 620 }, 300, { top: 292, side: 'above' }],
    [
      'on the roomier side, shortened',
      { ...link, top: 300, bottom: 320 },
      600,
      { side: 'below', maxHeight: 364 },
    ],
  ] as const)('%s', (_, box, height, expected) => {
    const spot = placeCard(box, 380, height, 1000, 700);
    expect(spot).toMatchObject(expected);
    const bottom = spot.top + Math.min(height, spot.maxHeight);
    expect(bottom <= box.top || spot.top >= box.bottom).toBe(true);
    expect(spot.top >= 0 && bottom <= 700).toBe(true);
  });

  it.each([
    ['ltr, at the right edge', { left: 900, top: 10, right: 990, bottom: 30 }, 'ltr', 612],
    ['rtl, from the link end', { left: 500, top: 10, right: 700, bottom: 30 }, 'rtl', 320],
    ['rtl, at the left edge', { left: 5, top: 10, right: 60, bottom: 30 }, 'rtl', 8],
  ] as const)('keeps the card inside the viewport: %s', (_, box, dir, left) => {
    expect(placeCard(box, 380, 200, 1000, 700, dir).left).toBe(left);
  });
});

describe('createLru', () => {
  it('keeps the most recently used entries', () => {
    const lru = createLru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now newer than b
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c'), lru.size]).toEqual([1, undefined, 3, 2]);
  });
});

const article = readFileSync(join(import.meta.dirname, '../fixtures/plain-article/index.html'), 'utf8');
// jsdom's DOMParser: the HTML parsing algorithm browsers use (linkedom lacks createHTMLDocument).
const homePage = readFileSync(join(import.meta.dirname, '../fixtures/home-teasers/index.html'), 'utf8');
const parser = new new JSDOM('').window.DOMParser();

describe('previewFromPage', () => {
  it.each<[string, FetchedPage, unknown]>([
    [
      '404',
      { kind: 'http-error', url: PAGE, status: 404 },
      { kind: 'error', reason: 'http-error', status: 404 },
    ],
    ['timeout', { kind: 'timeout', url: PAGE, ms: 8000 }, { kind: 'error', reason: 'timeout' }],
    [
      'pdf',
      { kind: 'not-html', url: PAGE, contentType: 'application/pdf', what: 'pdf' },
      { kind: 'not-html', what: 'pdf' },
    ],
    [
      'no text',
      { kind: 'html', url: PAGE, html: '<title>Hi</title><p>Hello.</p>', charset: 'utf-8' },
      { kind: 'not-article', reason: 'no-text' },
    ],
    [
      'not an article',
      { kind: 'html', url: 'https://news.example/', html: homePage, charset: 'utf-8' },
      { kind: 'not-article', reason: 'no-article' },
    ],
  ])('%s', (_, page, expected) => {
    expect(previewFromPage(page, 'medium', parser)).toEqual(expected);
  });

  it('reads an article into its points', () => {
    const result = previewFromPage(
      { kind: 'html', url: PAGE, html: article, charset: 'utf-8' },
      'short',
      parser,
    );
    expect(result).toMatchObject({ kind: 'ready', url: PAGE, site: 'news.example' });
    if (result.kind !== 'ready') return;
    expect(result.points.length).toBeGreaterThanOrEqual(1);
    for (const point of result.points) expect(article.replace(/\s+/g, ' ')).toContain(point.slice(0, 30));
  });
});

describe('createPreviewService', () => {
  it('aborts the previous fetch and answers a second look from memory', async () => {
    const signals: AbortSignal[] = [];
    let fetches = 0;
    const service = createPreviewService((url, { signal }) => {
      fetches++;
      signals.push(signal!);
      return new Promise<FetchedPage>((resolve) => {
        const page: FetchedPage = { kind: 'http-error', url, status: 410 };
        if (url.endsWith('slow')) signal!.addEventListener('abort', () => resolve({ kind: 'aborted', url }));
        else
          resolve(
            url.endsWith('pdf')
              ? { kind: 'not-html', url, contentType: 'application/pdf', what: 'pdf' }
              : page,
          );
      });
    }, parser);
    const first = service.preview({ url: 'https://a.example/slow', length: 'medium' });
    const second = await service.preview({ url: 'https://a.example/doc.pdf', length: 'medium' });
    expect(await first).toEqual({ kind: 'aborted' });
    expect(signals[0]!.aborted).toBe(true);
    expect(second).toEqual({ kind: 'not-html', what: 'pdf' });
    await service.preview({ url: 'https://a.example/doc.pdf', length: 'medium' });
    expect(fetches).toBe(2);
    // Errors are not remembered: the site may answer next time.
    await service.preview({ url: 'https://a.example/gone', length: 'medium' });
    await service.preview({ url: 'https://a.example/gone', length: 'medium' });
    expect(fetches).toBe(4);
  });
});
