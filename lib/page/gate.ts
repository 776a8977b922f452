import { HEADER_DEPTH, MAX_HEADLINES } from './shown-date';

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

/** Whether a JSON-LD script names an article type or a publication date. */
function articleJsonLd(script: Element): boolean {
  return JSON_LD_ARTICLE.test((script.textContent ?? '').slice(0, MAX_JSON_LD_CHARS));
}

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

/** The addresses a page names for itself: its canonical link and og:url (lib/page/signals.ts reads the same). */
const NAMED_ADDRESS = 'link[rel~="canonical" i][href], meta[property="og:url" i][content]';
const JSON_LD = 'script[type="application/ld+json" i]';
/**
 * Every element the gate reads, found in one query: the browser walks the page once, and a page with none of them
 * hands the script no element at all (each kind of element the script touches first costs it time).
 */
const READ_ELEMENTS = `${ARTICLE_MARKUP}, ${JSON_LD}, ${NAMED_ADDRESS}`;
/** Attributes by which a <link> or <meta> element is article markup rather than a named address alone. */
const MARKUP_ATTRIBUTES = ['itemprop', 'itemtype', 'typeof', 'class', 'name'];

/** The address a canonical link or og:url element names, or null for any other element (article markup, JSON-LD). */
function namedAddress(element: Element): string | null {
  if (MARKUP_ATTRIBUTES.some((attribute) => element.hasAttribute(attribute))) return null;
  if (element.localName === 'link') return element.getAttribute('href');
  const isOgUrl =
    element.localName === 'meta' && element.getAttribute('property')?.toLowerCase() === 'og:url';
  return isOgUrl ? element.getAttribute('content') : null;
}

/** The path and query of an absolute address (a date in a host name or port is not a publication date). */
function pathOf(address: string): string {
  const scheme = address.indexOf('://');
  // A path, or a relative address (its own path may hold another address: /web/2011…/http://…).
  if (scheme < 0 || address.lastIndexOf('/', scheme) >= 0) return address;
  const ends = [address.indexOf('/', scheme + 3), address.indexOf('?', scheme + 3)].filter((at) => at >= 0);
  return ends.length ? address.slice(Math.min(...ends)) : '';
}

/**
 * An address that may read like an article's (lib/page/signals.ts: a slug of three words, a story id), read as it
 * is: a percent-encoded letter counts as a letter, so a slug in any script passes without decoding.
 */
const ARTICLE_LIKE_PATH = /[\w%\u0080-\uFFFF][-_+][\w%\u0080-\uFFFF]+[-_+][\w%\u0080-\uFFFF]|\d{5}/;

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

/** A year: every written date the full detection looks for beside a headline holds one (lib/page/shown-date.ts). */
const YEAR = /(?:19|20)\d\d/;

/**
 * Whether a year appears where the full detection looks for a date beside a headline (`showsDate`): the lines
 * just before and after one of the first headlines, and the labels in its parent and grandparent short of <body>.
 * It reads text only: the labels and the date patterns are left to the full detection, which the article page's
 * script carries (with them here, the always-on script was a kilobyte larger, compiled on every page).
 */
function yearByHeadline(doc: Document): boolean {
  const body = doc.body;
  const headlines = body?.getElementsByTagName('h1');
  for (let i = 0; headlines && i < headlines.length && i < MAX_HEADLINES; i++) {
    const headline = headlines[i]!;
    let header: Element = headline;
    for (let depth = 1; depth <= HEADER_DEPTH; depth++) {
      const parent = header.parentElement;
      if (!parent || parent === body) break;
      header = parent;
    }
    // A headline right under <body> has no header to read: only the lines beside it.
    const texts =
      header === headline
        ? [headline.previousElementSibling?.textContent, headline.nextElementSibling?.textContent]
        : [header.textContent];
    if (texts.some((text) => text && YEAR.test(text))) return true;
  }
  return false;
}

/**
 * Whether a page may be an article: false only for pages the full detection would reject anyway (an HTML page
 * with no article markup, no date in its address or beside its headline, and too little paragraph prose), so they
 * load nothing more. One query finds the elements that may say so (article markup, JSON-LD, the canonical link and
 * og:url); then the addresses are read as strings and the paragraphs counted. A year beside a headline comes
 * last, and only on a page whose address (its own, canonical or og:url, as detection reads them) reads like an
 * article's: with no other sign, detection needs both a date beside the headline and such an address.
 */
export function mayBeArticle(doc: Document): boolean {
  if (doc.contentType && doc.contentType !== 'text/html') return false;
  const paths = [pathOf(doc.URL)];
  let jsonLdRead = 0;
  const elements = doc.querySelectorAll(READ_ELEMENTS);
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i]!;
    const address = namedAddress(element);
    if (address !== null) paths.push(pathOf(address));
    else if (element.localName !== 'script') return true;
    else if (jsonLdRead++ < MAX_JSON_LD_SCRIPTS && articleJsonLd(element)) return true;
  }
  return (
    paths.some((path) => ADDRESS_DATE.test(path)) ||
    enoughParagraphs(doc) ||
    // A date beside the headline is evidence enough for detection only with an article-like address.
    (paths.some((path) => ARTICLE_LIKE_PATH.test(path)) && yearByHeadline(doc))
  );
}
