import { jsonLdMatches } from '../metadata';

/**
 * Pages that hold only the beginning of their article: the rest is for subscribers or behind a sign-in. The
 * summary covers what the page shows, and the panel says so.
 */

/** schema.org's paywall markup (what search engines ask paywalled sites to publish): `"isAccessibleForFree": false`. */
const NOT_FREE = /"isAccessibleForFree"\s*:\s*(false|"false")/i;
/** The Open Graph article tier many publishers set on paywalled or metered stories. */
const LOCKED_TIER =
  'meta[property="article:content_tier" i][content="locked" i], meta[property="article:content_tier" i][content="metered" i]';

/** Whether the page's metadata says its article is not free to read in full. */
export function isMarkedPaywalled(doc: Document): boolean {
  return doc.querySelector(LOCKED_TIER) !== null || jsonLdMatches(doc, NOT_FREE);
}
