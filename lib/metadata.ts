/**
 * Reading a page's schema.org metadata (JSON-LD) cheaply: the always-on script asks whether a page is an
 * article, the panel whether it is paywalled.
 */

/** Bounds on the work done on pages with many or huge JSON-LD blocks. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 100_000;

/** Whether one of the page's first JSON-LD blocks matches `pattern` (in its first 100,000 characters). */
export function jsonLdMatches(doc: Document, pattern: RegExp): boolean {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    if (pattern.test((scripts[i]!.textContent ?? '').slice(0, MAX_JSON_LD_CHARS))) return true;
  }
  return false;
}
