import { jsonLdMatches } from '../metadata';

/**
 * Pages that hold only the beginning of their article: the rest is for subscribers or behind a sign-in. The
 * summary covers what the page shows, and the panel says so.
 */

/** schema.org's paywall markup (what search engines ask paywalled sites to publish): `"isAccessibleForFree": false`. */
const NOT_FREE = /"isAccessibleForFree"\s*:\s*(false|"false")/i;
/** The Open Graph article tier many publishers set on paywalled or metered stories. */
const TIER_PROPERTY = 'article:content_tier';
const LOCKED_TIER = /^\s*(?:locked|metered)\s*$/i;

/**
 * Whether a `<meta>` sets a locked or metered tier. Read by tag name: jsdom, which the command line reads pages
 * with, takes milliseconds to match case-insensitive attribute selectors against a whole page.
 */
function hasLockedTier(doc: Document): boolean {
  for (const meta of Array.from(doc.getElementsByTagName('meta')))
    if (
      meta.getAttribute('property')?.trim().toLowerCase() === TIER_PROPERTY &&
      LOCKED_TIER.test(meta.getAttribute('content') ?? '')
    )
      return true;
  return false;
}

/** Whether the page's metadata says its article is not free to read in full. */
export function isMarkedPaywalled(doc: Document): boolean {
  return hasLockedTier(doc) || jsonLdMatches(doc, NOT_FREE);
}
