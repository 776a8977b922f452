import { readingMinutes } from '../reading-time';
import { summarize, type SummaryLength } from '../summarize';
import { countReadingUnits } from '../text/words';
import type { FetchedPage } from '../fetch';
import { readPage } from './readPage';
import type { PreviewResult } from './types';

/**
 * What the card shows for a fetched page: the page is parsed with `DOMParser` (an inert document: no script
 * runs, nothing loads), read with the same detection, extraction and summarizer as the command line, and
 * summarized at `length`.
 */
export function previewFromPage(
  page: FetchedPage,
  length: SummaryLength,
  parser: DOMParser = new DOMParser(),
): PreviewResult {
  switch (page.kind) {
    case 'html':
      break;
    case 'not-html':
      return { kind: 'not-html', what: page.what };
    case 'http-error':
      return { kind: 'error', reason: 'http-error', status: page.status };
    case 'aborted':
      return { kind: 'aborted' };
    default:
      return { kind: 'error', reason: page.kind };
  }
  const doc = parser.parseFromString(page.html, 'text/html');
  const reading = readPage(doc, page.url);
  if (reading.kind === 'script-only') return { kind: 'not-article', reason: 'script-only' };
  if (reading.kind === 'not-article') return { kind: 'not-article', reason: 'no-article' };
  if (reading.kind === 'no-text') return { kind: 'not-article', reason: 'no-text' };
  const { article } = reading;
  const summary = summarize(article, { length });
  if (summary.kind !== 'ok') return { kind: 'not-article', reason: 'no-text' };
  return {
    kind: 'ready',
    url: page.url,
    title: article.title,
    site: new URL(page.url).hostname,
    lang: article.lang,
    dir: article.dir,
    minutes: readingMinutes(countReadingUnits(article.text), article.lang),
    points: summary.sentences.map((sentence) => sentence.text),
    paywalled: reading.paywalled,
  };
}
