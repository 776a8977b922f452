/**
 * Reading a page's schema.org metadata (JSON-LD) cheaply: the always-on script asks whether a page is an
 * article, the panel whether it is paywalled.
 */

/** Bounds on the work done on pages with many or huge JSON-LD blocks. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 100_000;

/** The JSON-LD type, as `script[type="application/ld+json"]` matches it. */
const JSON_LD = 'application/ld+json';

/**
 * The page's JSON-LD `<script>` elements, in document order. Found by tag name rather than by a selector, which
 * costs a DOM implementation without a native selector engine (jsdom, for the command line) several ms a page.
 */
export function jsonLdScripts(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName('script')).filter((s) => s.getAttribute('type') === JSON_LD);
}

/** Whether one of the page's first JSON-LD blocks matches `pattern` (in its first 100,000 characters). */
export function jsonLdMatches(doc: Document, pattern: RegExp): boolean {
  const scripts = jsonLdScripts(doc);
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    if (pattern.test((scripts[i]!.textContent ?? '').slice(0, MAX_JSON_LD_CHARS))) return true;
  }
  return false;
}
