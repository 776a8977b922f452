import type { Article } from '../article';
import { extractArticle } from '../extract/index';
import { detectArticle } from '../page/detect';
import { buildsTextWithScripts, showsLittleText } from './buildsTextWithScripts';

/** What a fetched page holds for a reader, as a link preview and `summarize URL` tell it. */
export type PageReading =
  /** An article; `paywalled` when the page shows only its beginning (marked paywalled, or the rest hidden). */
  | { kind: 'article'; article: Article; paywalled: boolean }
  /** Detection found no article (a home, section or search page, a product, a forum…). */
  | { kind: 'not-article' }
  /** The page's text is built by scripts, which do not run in an inert parse. */
  | { kind: 'script-only' }
  /** Nothing to read: no text, or detection's article had no text extraction could keep. */
  | { kind: 'no-text' };

/** Options for {@link readPage}. */
export interface ReadPageOptions {
  /** Read at most this many words (extraction's default otherwise). */
  maxWords?: number;
}

/**
 * Reads a parsed page the way the extension reads an open tab: detection decides whether it is an article
 * and where, extraction reads that region. For link previews (a document from DOMParser) and the command line
 * (jsdom) alike, so both give the same article, hence the same points, for the same page.
 *
 * `url` is the address the page was fetched from (after redirects): a DOMParser document does not carry it,
 * and detection reads the shape of the page's address.
 */
export function readPage(doc: Document, url?: string, options: ReadPageOptions = {}): PageReading {
  const detection = detectArticle(doc, url);
  if (detection.isArticle) {
    const article = extractArticle(doc, { scope: detection.region, maxWords: options.maxWords });
    if (article) return { kind: 'article', article, paywalled: article.teaser === true };
  }
  if (buildsTextWithScripts(doc)) return { kind: 'script-only' };
  return detection.isArticle || showsLittleText(doc) ? { kind: 'no-text' } : { kind: 'not-article' };
}
