import { showsDate } from './shown-date';

/**
 * The first, cheap stage of article detection, run by the always-on script on every page: whether a page may be
 * an article, so that the full detection (lib/page/detect.ts, signals.ts) and the bar are loaded only for pages
 * that pass. It must never stop a page the full detection would accept (tests/unit/gate.test.ts checks it on
 * every saved page of the shared corpus), so it asks for much less than detection does: any sign at all that
 * the page says it is an article, or the least prose any article has. A change to detection that accepts pages
 * on other evidence must widen this gate too.
 */

/**
 * What a page says about itself that may make it an article: an Open Graph article type, a publication date in
 * its meta or microdata, a <time> element, an article type in microdata or RDFa, a microformats entry (as
 * lib/page/signals.ts reads them). Not an <article> element: teaser cards
 * and comments use it too, and detection does not count it as evidence.
 */
const ARTICLE_MARKUP =
  'meta[property="og:type" i][content*="article" i], meta[property^="article:" i], meta[name*="date" i], meta[itemprop*="date" i], [itemprop="datePublished"], time, [itemtype*="Article" i], [itemtype*="Posting" i], [itemtype$="/Report" i], [typeof*="Article" i], [typeof*="Posting" i], .h-entry, .hentry';
/** JSON-LD that names an article type or a publication date. */
const JSON_LD_ARTICLE = /article|posting|report|datePublished/i;
/** Bounds on the JSON-LD read (detection reads no more). */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 100_000;
/**
 * A date in an address (/2024/05/, 2024-05, 202405…): detection counts it both as a date and as an article-like
 * address, enough to need little prose. A slug or a story id alone counts once, and then detection asks for the
 * paragraph prose `enoughParagraphs` looks for.
 */
const ADDRESS_DATE = /(?:19|20)\d\d[/_-]?[01]\d/;
/**
 * The least prose an article page holds in <p> elements without any of the signs above: detection asks for
 * 1,200 characters (CJK and Thai counted three times) in at least three paragraphs of 80 or more.
 */
const MIN_PROSE = 1200;
const MIN_PARAGRAPH = 80;
const DENSE_SCRIPT = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/g;
const DENSE_SCRIPT_WEIGHT = 3;
/** Long paragraphs read at most: a page with more than this many is let through. */
const MAX_PARAGRAPHS = 500;

/** Whether the page's JSON-LD names an article type or a publication date. */
function articleJsonLd(doc: Document): boolean {
  const scripts = doc.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++)
    if (JSON_LD_ARTICLE.test((scripts[i]!.textContent ?? '').slice(0, MAX_JSON_LD_CHARS))) return true;
  return false;
}

/** The path and query of an absolute address (a date in a host name or port is not a publication date). */
function pathOf(address: string): string {
  const scheme = address.indexOf('://');
  // A path, or a relative address (its own path may hold another address: /web/2011…/http://…).
  if (scheme < 0 || address.lastIndexOf('/', scheme) >= 0) return address;
  const ends = [address.indexOf('/', scheme + 3), address.indexOf('?', scheme + 3)].filter((at) => at >= 0);
  return ends.length ? address.slice(Math.min(...ends)) : '';
}

/** The addresses a page names for itself, its canonical link and og:url: selectors open at their value's attribute. */
const NAMED_ADDRESS = ['link[rel~="canonical" i][href', 'meta[property="og:url" i][content'];
/**
 * The canonical link and og:url, when they hold a year's first digits. The selector does the first sifting so that
 * on most pages no element is handed to the script: the first element a content script touches costs it a few
 * tenths of a millisecond (0.3-0.7 ms for `document.body`, timed in the extension's world), more than most checks.
 */
const ADDRESS_MAY_HOLD_DATE = NAMED_ADDRESS.flatMap((named) => [`${named}*="19"]`, `${named}*="20"]`]).join(
  ', ',
);

/** The page's own address and those of the elements `selector` finds among NAMED_ADDRESS. */
function addresses(doc: Document, selector: string): string[] {
  const named = Array.from(
    doc.querySelectorAll(selector),
    (element) => element.getAttribute('href') ?? element.getAttribute('content') ?? '',
  );
  return [doc.URL, ...named];
}

/**
 * Whether the page's own address, its canonical link or og:url holds a date. Dates are ASCII digits, so the
 * address is read as it is, without decoding.
 */
function datedAddress(doc: Document): boolean {
  return addresses(doc, ADDRESS_MAY_HOLD_DATE).some((address) => ADDRESS_DATE.test(pathOf(address)));
}

/**
 * An address that may read like an article's (lib/page/signals.ts: a slug of three words, a story id), read as it
 * is: a percent-encoded letter counts as a letter, so a slug in any script passes without decoding.
 */
const ARTICLE_LIKE_PATH = /[\w%\u0080-\uFFFF][-_+][\w%\u0080-\uFFFF]+[-_+][\w%\u0080-\uFFFF]|\d{5}/;

/**
 * The addresses detection reads a page's shape from: where it was loaded from, its canonical link and og:url (a story
 * id may be only in the canonical address, as in `news_view.htm?id=181595` served without its query).
 */
const OWN_ADDRESSES = NAMED_ADDRESS.map((named) => `${named}]`).join(', ');

/**
 * The paragraphs long enough to count toward MIN_PROSE: MIN_PARAGRAPH weighted characters need at least a third as
 * many characters. The browser finds them (XPath), so the many short <p> elements of pages that are not articles
 * are never handed to the script: each element it touches costs it time.
 */
const LONG_PARAGRAPHS = `//p[string-length() >= ${Math.ceil(MIN_PARAGRAPH / DENSE_SCRIPT_WEIGHT)}]`;
/** XPathResult.ORDERED_NODE_SNAPSHOT_TYPE (Node's DOM implementations have no XPathResult global). */
const ORDERED_NODE_SNAPSHOT = 7;

/** Whether the page's <p> elements hold as much prose as an article with no other sign needs. */
function enoughParagraphs(doc: Document): boolean {
  const paragraphs = doc.evaluate(LONG_PARAGRAPHS, doc, null, ORDERED_NODE_SNAPSHOT, null);
  if (paragraphs.snapshotLength > MAX_PARAGRAPHS) return true;
  let prose = 0;
  for (let i = 0; i < paragraphs.snapshotLength; i++) {
    const text = paragraphs.snapshotItem(i)!.textContent ?? '';
    const length = text.length + (text.match(DENSE_SCRIPT)?.length ?? 0) * (DENSE_SCRIPT_WEIGHT - 1);
    if (length >= MIN_PARAGRAPH && (prose += length) >= MIN_PROSE) return true;
  }
  return false;
}

/**
 * Whether a page may be an article: false only for pages the full detection would reject anyway (an HTML page
 * with no article markup, no date in its address or beside its headline, and too little paragraph prose), so they
 * load nothing more. The cheap checks come first; most hand no element to the script on a page that fails them
 * (see ADDRESS_MAY_HOLD_DATE). The date beside a headline, which reads headings and labels, comes last, and only
 * on a page whose address (its own, canonical or og:url, as detection reads them) reads like an article's: with no
 * other sign, detection needs both.
 */
export function mayBeArticle(doc: Document): boolean {
  if (doc.contentType && doc.contentType !== 'text/html') return false;
  return (
    doc.querySelector(ARTICLE_MARKUP) !== null ||
    articleJsonLd(doc) ||
    datedAddress(doc) ||
    enoughParagraphs(doc) ||
    // A date beside the headline is evidence enough for detection only with an article-like address.
    (addresses(doc, OWN_ADDRESSES).some((address) => ARTICLE_LIKE_PATH.test(pathOf(address))) &&
      showsDate(doc))
  );
}
