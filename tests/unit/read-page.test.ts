/**
 * lib/preview's readPage: what a fetched page holds for a reader (an article, possibly paywalled; not an
 * article; text built by scripts; no text), on small pages and on saved real pages. Documents are parsed
 * without their address, as DOMParser parses a fetched page, and the address is passed in.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRealPages, REAL_PAGES } from '../../bench/realPages';
import { toArticle } from '../../cli/input';
import { parseDocument } from '../../cli/parseDocument';
import { readPage, type PageReading } from '../../lib/preview/index';

const sentence = (i: number) =>
  `This is sentence number ${i} of a long news story, written so that it reads like real prose about events.`;
const paragraphs = (n: number) =>
  Array.from({ length: n }, (_, i) => `<p>${sentence(i)} ${sentence(i + 1)}</p>`).join('');
const STORY = `<article><h1>Bridge approved</h1>${paragraphs(8)}</article>`;
const TEASERS = Array.from({ length: 20 }, (_, i) => `<div class="card"><h2>Story ${i}</h2><p>${sentence(i)}</p></div>`).join(''); // prettier-ignore
const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body>${body}</body></html>`;
const ARTICLE_URL = 'https://news.example/2024/05/01/council-approves-bridge';

const kindOf = (reading: PageReading) =>
  reading.kind === 'article' ? `article${reading.paywalled ? ' (paywalled)' : ''}` : reading.kind;

function read(html: string, url = ARTICLE_URL): PageReading {
  const doc = parseDocument(html);
  try {
    return readPage(doc, url);
  } finally {
    doc.defaultView?.close();
  }
}

describe('readPage', () => {
  it.each([
    ['an article', 'article', page(STORY)],
    [
      'an article marked paywalled',
      'article (paywalled)',
      page(STORY, '<meta property="article:content_tier" content="locked">'),
    ],
    ['a front page of teasers', 'not-article', page(TEASERS)],
    [
      'a front page of teasers with scripts',
      'not-article',
      page(`${TEASERS}<script src="/app.js"></script>`),
    ],
    [
      'an empty root and a script bundle',
      'script-only',
      page('<div id="root"></div><script src="/app.js"></script>'),
    ],
    [
      'a <noscript> asking for JavaScript',
      'script-only',
      page('<noscript>You need to enable JavaScript to run this app.</noscript><div id="app"></div>'),
    ],
    [
      'a long inline application script',
      'script-only',
      page(`<div id="app"></div><script>${'render(view);'.repeat(100)}</script>`),
    ],
    ['an empty page', 'no-text', page('')],
    [
      'a short text and data blocks only',
      'no-text',
      page('<p>Hello.</p><script type="application/ld+json">{"@type":"WebPage"}</script>'),
    ],
    [
      'a short text and a short analytics snippet',
      'no-text',
      page('<p>Hello.</p><script>track("view")</script>'),
    ],
  ])('%s → %s', (_name, expected, html) => {
    expect(kindOf(read(html))).toBe(expected);
  });

  it('gives the article the command line reads from a saved page', () => {
    const reading = read(page(STORY));
    expect(reading.kind === 'article' && reading.article).toEqual(
      toArticle({ kind: 'html', content: page(STORY) }),
    );
  });

  it.each([
    ['https://example.com/about/', 'not-article'],
    [ARTICLE_URL, 'article'],
    [undefined, 'article'],
  ])("reads the page's address from the URL it is given (%s → %s)", (url, expected) => {
    // An undated page at the top of its site is a service page even with og:type=article; a DOMParser
    // document's own URL is the parsing document's, so only the URL passed in can tell.
    const doc = parseDocument(page(paragraphs(8), '<meta property="og:type" content="article">'));
    expect(kindOf(readPage(doc, url))).toBe(expected);
    doc.defaultView?.close();
  });
});

// The shared corpus is not part of the repository: locally its absence skips these tests with a message; on
// CI (CI=true) it is a failure.
const CORPUS = resolve(__dirname, '../../../shared/corpus');
const present = existsSync(resolve(CORPUS, REAL_PAGES, 'articles.json'));
if (!present && process.env.CI !== 'true')
  console.warn(`Skipping readPage on real pages: ${CORPUS} is absent.`);
/** jsdom parses a saved news page in a second or two on a busy two-core machine: a bound, not a measure. */
const REAL_PAGES_TIMEOUT_MS = 120_000;
/** Pages of each kind read: a sample, since each takes seconds. */
const SAMPLE = 2;

describe.skipIf(!present && process.env.CI !== 'true')('readPage on saved real pages', () => {
  it('the corpus is present', () => {
    expect(present, `${CORPUS} must exist on CI`).toBe(true);
  });

  it(
    'reads articles as the command line does, front pages as no article, script-built pages as such',
    () => {
      const pages = present ? readRealPages(CORPUS) : [];
      const sample = [
        ...pages.filter((p) => p.kind === 'article' && !p.jsRequired && p.url).slice(0, SAMPLE),
        ...pages.filter((p) => p.kind === 'non-article' && p.what.startsWith('home')).slice(0, SAMPLE),
        ...pages.filter((p) => p.jsRequired && p.url).slice(0, SAMPLE),
      ];
      expect(sample.length).toBeGreaterThan(2 * SAMPLE);
      for (const real of sample) {
        const reading = read(real.html(), real.url ?? undefined);
        const expected = real.jsRequired
          ? 'script-only'
          : real.kind === 'article'
            ? 'article'
            : 'not-article';
        expect(reading.kind, real.id).toBe(expected);
        if (reading.kind === 'article') {
          const cli = toArticle({ kind: 'html', content: real.html(), url: real.url ?? undefined });
          expect(reading.article, real.id).toEqual(cli);
        }
      }
    },
    REAL_PAGES_TIMEOUT_MS,
  );
});
