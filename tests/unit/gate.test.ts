import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../cli/parseDocument';
import { detectArticle } from '../../lib/page/detect';
import { mayBeArticle } from '../../lib/page/gate';

const page = (body: string, head = '', url = 'https://example.org/') =>
  parseDocument(`<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`, url);
const prose = (n: number, length = 100) =>
  Array.from({ length: n }, () => `<p>${'word '.repeat(length / 5)}</p>`).join('');

describe('mayBeArticle', () => {
  it.each([
    ['an empty page', page(''), false],
    ['a page of short teasers', page(prose(30, 60)), false],
    ['1,200 characters of paragraphs', page(prose(12)), true],
    ['a <time> element', page('<time>May 1</time>'), true],
    ['an <article> element', page('<article>Hi</article>'), true],
    ['og:type=article', page('', '<meta property="og:type" content="article">'), true],
    ['a publication date meta', page('', '<meta name="pubdate" content="2024-05-01">'), true],
    [
      'JSON-LD of a news article',
      page('', '<script type="application/ld+json">{"@type":"ReportageNewsArticle"}</script>'),
      true,
    ],
    [
      'JSON-LD of a web site only',
      page('', '<script type="application/ld+json">{"@type":"WebSite","name":"x"}</script>'),
      false,
    ],
    ['a slug address', page('', '', 'https://example.org/news/a-long-story-title'), true],
    ['a story id', page('', '', 'https://example.org/news/123456'), true],
    ['a canonical slug', page('', '<link rel="canonical" href="/world/big-news-today">'), true],
    ['a section address', page('', '', 'https://example.org/world/'), false],
  ])('%s', (_, doc, expected) => {
    expect(mayBeArticle(doc)).toBe(expected);
  });
});

// The shared corpus is not part of the repository. Locally its absence skips these tests with a
// message; on CI (CI=true) it is a failure, so the tests cannot silently stop running.
const CORPUS = resolve(__dirname, '../../../shared/corpus');
const REAL_PAGES = join(CORPUS, 'real-pages-dev');
const SNIPPETS = join(CORPUS, 'extraction-snippets-dev');
const present = existsSync(REAL_PAGES) && existsSync(SNIPPETS);
if (!present && process.env.CI !== 'true') console.warn(`Skipping the gate's corpus test: ${CORPUS} is absent.`);
/** Parsing about 400 saved pages with jsdom takes a while; not a timing assertion. */
const CORPUS_TIMEOUT_MS = 300_000;

interface SavedPage {
  file: string;
  url: string;
  /** Whether the corpus labels it an article. */
  article: boolean;
}

function savedPages(): SavedPage[] {
  const list = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as { id: string; url: string }[];
  return [
    ...list(join(REAL_PAGES, 'articles.json')).map(({ id, url }) => ({
      file: join(REAL_PAGES, 'articles', `${id}.html`),
      url,
      article: true,
    })),
    ...list(join(REAL_PAGES, 'nonarticles.json')).map(({ id, url }) => ({
      file: join(REAL_PAGES, 'nonarticles', `${id}.html`),
      url,
      article: false,
    })),
    ...list(join(SNIPPETS, 'index.json')).map(({ id, url }) => ({
      file: join(SNIPPETS, 'pages', `${id}.html`),
      url,
      article: true,
    })),
  ].filter((p) => existsSync(p.file));
}

describe.skipIf(!present && process.env.CI !== 'true')('the gate on the shared corpus', () => {
  it(
    'lets through every page the full detection accepts',
    () => {
      expect(present, `${CORPUS} must exist on CI`).toBe(true);
      const pages = savedPages();
      expect(pages.length).toBeGreaterThan(300);
      const missed: string[] = [];
      let detected = 0;
      let rejected = 0;
      let stopped = 0;
      let nonArticlesStopped = 0;
      for (const { file, url, article } of pages) {
        const doc = parseDocument(readFileSync(file, 'utf8'), url || undefined);
        const passes = mayBeArticle(doc);
        if (detectArticle(doc).isArticle) {
          detected++;
          if (!passes) missed.push(file);
        } else {
          rejected++;
          if (!passes) stopped++;
        }
        if (!article && !passes) nonArticlesStopped++;
      }
      console.info(
        `Gate: ${pages.length} pages, ${detected} detected as articles (all must pass); of the ${rejected} that ` +
          `detection rejects, the gate stops ${stopped}; of the 24 labelled non-articles, ${nonArticlesStopped}.`,
      );
      expect(missed).toEqual([]);
    },
    CORPUS_TIMEOUT_MS,
  );
});
