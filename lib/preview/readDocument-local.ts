/**
 * TEMPORARY stand-in for the DOM-only reading of a fetched page (built on another branch): a parsed, inert
 * Document to its article, or why there is none. Deleted when that module is merged.
 */
import type { Article } from '../article';
import { articleFromCopy, scopesToRead } from '../extract';
import { isMarkedPaywalled } from '../extract/paywall';
import { detectArticle } from '../page/detect';

export type DocumentReading =
  | { kind: 'article'; article: Article; paywalled?: boolean }
  | { kind: 'not-article' }
  | { kind: 'script-only' }
  | { kind: 'no-text' };

/** Less text than this in a page's body, scripts aside, with scripts present: the scripts build the page. */
const SCRIPT_ONLY_MAX_TEXT = 200;

function scriptOnly(doc: Document): boolean {
  const body = doc.body;
  if (!body || doc.scripts.length === 0) return false;
  const clone = body.cloneNode(true) as HTMLElement;
  for (const el of Array.from(clone.querySelectorAll('script, style, noscript, template'))) el.remove();
  return (clone.textContent ?? '').replace(/\s+/g, ' ').trim().length < SCRIPT_ONLY_MAX_TEXT;
}

/** A document holding `doc`'s head and `scope` only, so that Readability reads the region and not the page. */
function scopedCopy(doc: Document, scope: Element): Document {
  const copy = doc.implementation.createHTMLDocument('');
  if (doc.head) copy.head.replaceWith(copy.importNode(doc.head, true));
  copy.body.append(copy.importNode(scope, true));
  return copy;
}

/** Reads a parsed page: its article, or why it has none. */
export function readDocument(doc: Document): DocumentReading {
  const detection = detectArticle(doc);
  if (!detection.isArticle) return scriptOnly(doc) ? { kind: 'script-only' } : { kind: 'not-article' };
  const paywalled = isMarkedPaywalled(doc);
  for (const scope of scopesToRead(doc, detection.region)) {
    const copy = scope ? scopedCopy(doc, scope) : doc;
    const article = articleFromCopy(copy, { cut: false, teaser: paywalled, scoped: scope !== null });
    if (article) return { kind: 'article', article, paywalled };
  }
  return { kind: 'no-text' };
}
