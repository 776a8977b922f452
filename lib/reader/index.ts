/**
 * The reader: turns a page's readable copy into its article and on-device summary, in an extension document
 * rather than in the page, so Readability and the summarizer never block the page's main thread (nor load into
 * it). In Chromium it runs in an offscreen document (see `./offscreen`), in Firefox in the background page.
 * Public surface: `readArticle` and its request and result types, and `warmUp`.
 */
import type { Article, Summary } from '../article';
import { articleFromCopy, fallbackArticle, type PageCopy } from '../extract';
import { summarize, type SummaryLength } from '../summarize';
import { countReadingUnits, type ReadingUnits } from '../text/words';
import { WARM_UP_ARTICLE } from './warm-up';

/** What a page asks the reader: its copy, and the summary's length (null: the article only, for an AI engine). */
export interface ReadRequest {
  copy: PageCopy;
  /** Words read at most: the copy's cap, passed on so the article is cut where the copy was. */
  maxWords: number;
  length: SummaryLength | null;
}

/** What the panel and the popup show of an article besides its summary: no text, so it travels light. */
export type ArticleAbout = Pick<Article, 'title' | 'lang' | 'dir' | 'truncated' | 'teaser' | 'wordCount'> &
  ReadingUnits;

/**
 * What the reader answers: with a length, the on-device summary; without, the article itself, for an AI engine
 * to summarize. Null when the copy holds no article.
 */
export type ReadResult =
  | ({ about: ArticleAbout } & ({ summary: Summary; article: null } | { summary: null; article: Article }))
  | null;

/**
 * Reads a copy. Parsing it with `DOMParser` gives an inert document: its scripts never run and it loads
 * nothing, whatever the page put in it.
 */
export function readArticle(request: ReadRequest, parser: DOMParser = new DOMParser()): ReadResult {
  const copy = parser.parseFromString(request.copy.html, 'text/html');
  // A region that holds no article is followed by the whole page (lib/panel/controller.tsx), and only that gets
  // the text-block fallback, as in extractArticle. Readability took its copy apart: the fallback parses afresh.
  const article =
    articleFromCopy(copy, request.copy, request.maxWords) ??
    (request.copy.scoped
      ? null
      : fallbackArticle(
          parser.parseFromString(request.copy.html, 'text/html'),
          request.copy,
          request.maxWords,
        ));
  if (!article) return null;
  const { title, lang, dir, truncated, teaser, wordCount } = article;
  const about = { title, lang, dir, truncated, teaser, wordCount, ...countReadingUnits(article.text) };
  return request.length
    ? { about, summary: summarize(article, { length: request.length }), article: null }
    : { about, summary: null, article };
}

/**
 * Reads a short built-in article, so that the first page read afterwards does not also pay for the reader's
 * first run: compiling its code and regular expressions, and loading the sentence and word rules that
 * `Intl.Segmenter` needs. That first run is slowest in a freshly started extension process, as after a pause:
 * there the warm-up takes the median reader time of the first summary from 85 to 62 ms (docs/performance.md).
 * Returns what it read (a summary, unless the reader is broken).
 */
export function warmUp(parser?: DOMParser): ReadResult {
  const copy = { html: WARM_UP_ARTICLE, cut: false, teaser: false, scoped: false };
  return readArticle({ copy, maxWords: 1000, length: 'short' }, parser);
}
