/**
 * The reader: turns a page's readable copy into its article and on-device summary, in an extension document
 * rather than in the page, so Readability and the summarizer never block the page's main thread (nor load into
 * it). In Chromium it runs in an offscreen document (see `./offscreen`), in Firefox in the background page.
 * Public surface: `readArticle` and its request and result types.
 */
import type { Article, Summary } from '../article';
import { articleFromCopy, type PageCopy } from '../extract';
import { summarize, type SummaryLength } from '../summarize';

/** What a page asks the reader: its copy, and the summary's length (null: the article only, for an AI engine). */
export interface ReadRequest {
  copy: PageCopy;
  /** Words read at most: the copy's cap, passed on so the article is cut where the copy was. */
  maxWords: number;
  length: SummaryLength | null;
}

/** The article and, when a length was asked for, its on-device summary; null when the copy holds no article. */
export type ReadResult = { article: Article; summary: Summary | null } | null;

/**
 * Reads a copy. Parsing it with `DOMParser` gives an inert document: its scripts never run and it loads
 * nothing, whatever the page put in it.
 */
export function readArticle(request: ReadRequest, parser: DOMParser = new DOMParser()): ReadResult {
  const copy = parser.parseFromString(request.copy.html, 'text/html');
  const article = articleFromCopy(copy, request.copy, request.maxWords);
  if (!article) return null;
  return { article, summary: request.length ? summarize(article, { length: request.length }) : null };
}
