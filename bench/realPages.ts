import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ../shared/corpus/real-pages-dev: saved pages of news sites from many countries and languages (each with the
 * article text a news crawler extracts and the publisher's teaser), and pages that are not articles.
 */

/**
 * Where a page comes from: real-pages-dev, the article-extraction benchmark's pages (its ground truth as the
 * body), or extraction-snippets-dev's pages judged to be one article or blog post (no body: the long tail of
 * small sites, for the bar and the click only).
 */
export type PageSet = 'real-pages' | 'benchmark' | 'long-tail';

/** One saved page. `body` and `teaser` are empty for pages that are not articles. */
export interface RealPage {
  id: string;
  set: PageSet;
  kind: 'article' | 'non-article';
  /** The address the page was saved from (absent for a few non-articles). */
  url: string | null;
  lang: string;
  /** The article's section headings and paragraphs as the crawler extracted them, blank-line separated. */
  body: string;
  /** The publisher's standfirst, possibly empty. */
  teaser: string;
  /** Where the article text is only inside a script: a browser without the site's scripts cannot show it. */
  jsRequired: boolean;
  /** What the page is, for non-articles (home, product, search, …). */
  what: string;
  html(): string;
}

interface ArticleRow {
  id: string;
  url?: string;
  lang?: string;
  body?: string;
  teaser?: string;
  js_required?: boolean;
}

interface NonArticleRow {
  id: string;
  url?: string | null;
  lang_guess?: string;
  kind?: string;
  why?: string;
}

/** The folder's name under the corpus root. */
export const REAL_PAGES = 'real-pages-dev';

/** Whether `root` holds the real pages. */
export function hasRealPages(root: string): boolean {
  return existsSync(join(root, REAL_PAGES, 'articles.json'));
}

function readRows<T>(folder: string, file: string): T[] {
  return JSON.parse(readFileSync(join(folder, file), 'utf8')) as T[];
}

/** Reads the articles, then the non-articles, of real-pages-dev under the corpus root. */
export function readRealPages(root: string): RealPage[] {
  const folder = join(root, REAL_PAGES);
  const html = (sub: string, id: string) => () => readFileSync(join(folder, sub, `${id}.html`), 'utf8');
  const articles = readRows<ArticleRow>(folder, 'articles.json').map((row): RealPage => ({
    id: row.id,
    set: 'real-pages',
    kind: 'article',
    url: row.url ?? null,
    lang: row.lang ?? 'und',
    body: row.body ?? '',
    teaser: row.teaser ?? '',
    jsRequired: row.js_required === true,
    what: 'article',
    html: html('articles', row.id),
  }));
  const others = readRows<NonArticleRow>(folder, 'nonarticles.json').map((row): RealPage => ({
    id: row.id,
    set: 'real-pages',
    kind: 'non-article',
    url: row.url ?? null,
    lang: row.lang_guess ?? 'und',
    body: '',
    teaser: '',
    jsRequired: false,
    what: `${row.kind ?? 'other'}: ${row.why ?? ''}`,
    html: html('nonarticles', row.id),
  }));
  return [...articles, ...others];
}

/** The article-extraction benchmark's folder and extraction-snippets-dev's, under the corpus root. */
const BENCHMARK = 'article-extraction-dev';
const SNIPPETS = 'extraction-snippets-dev';

/**
 * Pages of article-extraction-dev whose ids start with one of `prefixes` (the reproductions of faults), with the
 * benchmark's ground truth as their body. Absent folder or pages: none.
 */
export function readBenchmarkPages(root: string, prefixes: readonly string[]): RealPage[] {
  const folder = join(root, BENCHMARK);
  if (!existsSync(join(folder, 'ground-truth.json'))) return [];
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string; url?: string }
  >;
  return Object.entries(truth)
    .filter(([id]) => prefixes.some((prefix) => id.startsWith(prefix)))
    .map(([id, row]) => ({
      id: id.slice(0, 8),
      set: 'benchmark',
      kind: 'article',
      url: row.url ?? null,
      lang: 'en',
      body: row.articleBody ?? '',
      teaser: '',
      jsRequired: false,
      what: 'article',
      html: () => readFileSync(join(folder, 'html', `${id}.html`), 'utf8'),
    }));
}

/** extraction-snippets-dev's pages judged to be one article or blog post (articles.json); absent: none. */
export function readLongTail(root: string): RealPage[] {
  const folder = join(root, SNIPPETS);
  if (!existsSync(join(folder, 'articles.json'))) return [];
  return readRows<{ id: string; url?: string | null; lang?: string }>(folder, 'articles.json').map((row) => ({
    id: `lt-${row.id}`,
    set: 'long-tail',
    kind: 'article',
    url: row.url ?? null,
    lang: row.lang ?? 'und',
    body: '',
    teaser: '',
    jsRequired: false,
    what: 'article',
    html: () => readFileSync(join(folder, 'pages', `${row.id}.html`), 'utf8'),
  }));
}
