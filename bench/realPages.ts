import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * ../shared/corpus/real-pages-dev: saved pages of news sites from many countries and languages (each with the
 * article text a news crawler extracts and the publisher's teaser), and pages that are not articles.
 */

/** One saved page. `body` and `teaser` are empty for pages that are not articles. */
export interface RealPage {
  id: string;
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
