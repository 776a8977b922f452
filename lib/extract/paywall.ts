/**
 * Pages that hold only the beginning of their article: the rest is for subscribers or behind a sign-in. The
 * summary covers what the page shows, and the panel says so.
 */

/** schema.org's paywall markup (what search engines ask paywalled sites to publish): `"isAccessibleForFree": false`. */
const NOT_FREE = /"isAccessibleForFree"\s*:\s*(false|"false")/i;
/** The Open Graph article tier many publishers set on paywalled or metered stories. */
const LOCKED_TIER =
  'meta[property="article:content_tier" i][content="locked" i], meta[property="article:content_tier" i][content="metered" i]';
/** Bounds on the metadata read, as in detection. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 100_000;

/** Whether the page's metadata says its article is not free to read in full. */
export function isMarkedPaywalled(doc: Document): boolean {
  if (doc.querySelector(LOCKED_TIER)) return true;
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    if (NOT_FREE.test((scripts[i]!.textContent ?? '').slice(0, MAX_JSON_LD_CHARS))) return true;
  }
  return false;
}
