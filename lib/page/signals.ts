import { jsonLdMatches } from '../metadata';
import { showsDate } from './shown-date';

/**
 * What a page says about itself, weighed as evidence for "this page is one article": its schema.org and
 * Open Graph types, a publication date, and the shape of its address. Each signal is cheap (attributes,
 * a few JSON-LD blocks, one URL), and none decides alone: detection asks for less prose from a page that
 * several signals call an article, and more from one that none does (lib/page/detect.ts).
 */

/**
 * schema.org types that mean "this page is one article": Article and all its subtypes that are written pieces
 * (news and its kinds, blog and social media posts, reports, scholarly and technical articles). Forum posts
 * (DiscussionForumPosting) are not among them: a thread is not an article.
 */
const ARTICLE_TYPE_NAMES = [
  'Article',
  'NewsArticle',
  'AnalysisNewsArticle',
  'AskPublicNewsArticle',
  'BackgroundNewsArticle',
  'OpinionNewsArticle',
  'ReportageNewsArticle',
  'ReviewNewsArticle',
  'SatiricalArticle',
  'AdvertiserContentArticle',
  'BlogPosting',
  'LiveBlogPosting',
  'SocialMediaPosting',
  'Report',
  'ScholarlyArticle',
  'MedicalScholarlyArticle',
  'TechArticle',
].join('|');
/** An article type in JSON-LD, anywhere (nested in @graph, in an array of types, as a full schema.org IRI). */
const ARTICLE_TYPES = new RegExp(
  `"@type"\\s*:\\s*(\\[[^\\]]*)?"(?:https?://schema\\.org/|schema:)?(${ARTICLE_TYPE_NAMES})"`,
);
/** An article type in microdata (`itemtype`) or RDFa (`typeof`), which many sites use instead of JSON-LD. */
const ARTICLE_ITEM_TYPE = new RegExp(`(?:^|[\\s/:])(${ARTICLE_TYPE_NAMES})(?:\\s|$)`);
/** Microformats' mark of one post of a blog or site (h-entry, and hentry, its older name). */
const ENTRY = '.h-entry, .hentry';
/**
 * WordPress marks every kind of entry it prints, and names the kind (`type-post`, `type-page`…): its static pages
 * (about, licence, terms), products and attachments are not posts.
 */
const NOT_A_POST_ENTRY = /(?:^|\s)type-(?:page|products?|attachment)(?:\s|$)/;
/**
 * schema.org types that say a page is something else when they describe the page itself (a top-level
 * type): a product, a question and its answers, a forum thread, a profile, a podcast or a song. Nested, as
 * in an article's FAQ, they say nothing about the page.
 */
const OTHER_PAGE_TYPES = new Set([
  'Product',
  'ProductGroup',
  'Question',
  'QAPage',
  'DiscussionForumPosting',
  'ProfilePage',
  'PodcastSeries',
  'PodcastEpisode',
  'MusicRecording',
  'MusicAlbum',
  'MusicGroup',
  'Movie',
  'TVSeries',
  'SearchResultsPage',
  'SoftwareApplication',
  'JobPosting',
  'Event',
  'Recipe',
]);
/** Open Graph types of pages that are not articles (`website` is not among them: many news sites use it). */
const OTHER_OG_TYPE = /^(product|profile|music\.|video\.|book|books\.|place|business\.)/i;
/** Where a page states when it was published. */
const DATE_META =
  'meta[property="article:published_time"], meta[property="article:modified_time"], meta[itemprop="datePublished"], meta[name="date" i], meta[name="pubdate" i], meta[name="publishdate" i], meta[name="dc.date" i], meta[name="dcterms.date" i], meta[name="dc.date.issued" i]';
const JSON_LD_DATE = /"datePublished"\s*:/;
/** A date in an address: /2024/05/16/, /2024-05-16-, 20240516 or an id starting with one. */
const URL_DATE =
  /(?:^|[/_-])(?:19|20)\d\d(?:[/-]?(?:0[1-9]|1[0-2]))(?:[/-]?(?:0[1-9]|[12]\d|3[01]))?(?=[/_.-]|\d|$)/;
/** A long number in an address: the story id most news systems give their articles. */
const URL_ID = /\d{5,}/;
/** A slug of three or more words: how most articles are named in their address. */
const URL_SLUG = /[^/]*[\p{L}\p{N}][-_+][\p{L}\p{N}]+[-_+][\p{L}\p{N}][^/]*/u;
/** A path segment that is one word (`/about/`, `/watch`): at the top of a site, a section or a service page. */
const URL_ONE_WORD = /^\p{L}+(?:\.\w{2,5})?$/u;
/** A language prefix (`/de/`, `/en-US/`), which does not make an address deeper. */
const URL_LANGUAGE = /^[a-z]{2}(?:[-_][a-zA-Z]{2})?$/;
/** Bounds on the JSON-LD read for page types. */
const MAX_JSON_LD_SCRIPTS = 20;
const MAX_JSON_LD_CHARS = 100_000;

/** The page's signals, each an answer a page gives or does not. */
export interface PageSignals {
  /** schema.org (JSON-LD, microdata or RDFa) names an article type, or microformats mark one entry. */
  articleSchema: boolean;
  /** og:type is "article". */
  articleOpenGraph: boolean;
  /**
   * The page says when it was published (meta, JSON-LD, a <time> element, a date printed beside its headline
   * as lib/page/shown-date.ts reads it, or a date in its address).
   */
  dated: boolean;
  /** The address reads like an article's: a slug of several words, a story id or a date. */
  articleAddress: boolean;
  /** The address is the site's root or a one-word section or service page. */
  sectionAddress: boolean;
  /** The page describes itself as something else: a product, a question, a profile, a song… */
  otherKind: boolean;
}

/**
 * How strongly the signals say "article": an article type in JSON-LD or Open Graph counts twice (a site declares
 * it on purpose), a date and an article-like address once each. Site builders that put og:type=article on every
 * page are caught by `ruledOut`: on an undated page at the top of the site it does not count.
 */
export function articleEvidence(s: PageSignals): number {
  return (s.articleSchema || s.articleOpenGraph ? 2 : 0) + (s.dated ? 1 : 0) + (s.articleAddress ? 1 : 0);
}

/**
 * Whether the signals rule the page out, whatever its prose: it says it is something else (a product, a
 * question, a profile…), or it sits at the top of its site (the root, or one word such as /about/) and gives
 * neither a date nor an article schema, as home, section, about and service pages do. Some site builders
 * put og:type=article on all of these, so Open Graph alone does not save them.
 */
export function ruledOut(s: PageSignals): boolean {
  return s.otherKind || (s.sectionAddress && !s.dated && !s.articleSchema);
}

/**
 * The page's own address as it names it: canonical link, else og:url, else where it was loaded from. `url` is
 * where it was loaded from when the document does not know (a page fetched and parsed with DOMParser has the
 * parsing document's address, not its own): relative names resolve against it.
 */
function pageAddress(doc: Document, url?: string): URL | null {
  const named =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ||
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content');
  const location = url ?? doc.URL;
  for (const candidate of [named, location]) {
    if (!candidate) continue;
    try {
      const parsed = new URL(candidate, location && location !== 'about:blank' ? location : undefined);
      if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed;
    } catch {
      // An unparsable address says nothing: try the next one.
    }
  }
  return null;
}

/** The shape of an address: article-like, section-like, or neither (neutral). */
function addressShape(url: URL | null): { article: boolean; section: boolean } {
  if (!url) return { article: false, section: false };
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Keep the encoded path.
  }
  const segments = path.split('/').filter(Boolean);
  if (segments.length > 1 && URL_LANGUAGE.test(segments[0]!)) segments.shift();
  const last = segments.at(-1) ?? '';
  const where = path + url.search;
  const article = URL_SLUG.test(last) || URL_ID.test(where) || URL_DATE.test(where);
  const section = !article && !url.search && segments.length <= 1 && (!last || URL_ONE_WORD.test(last));
  return { article, section };
}

/**
 * Whether a JSON-LD item is the subject of an editorial review: it carries one review (not a list of customers'
 * reviews) that has a headline or a body of its own, and no offers. Review sites mark their reviews this way
 * (a Product, Movie or Game with its `review`), while shops list offers and customers' reviews.
 */
function isEditorialReview(record: Record<string, unknown>): boolean {
  const review = record['review'];
  if (!review || typeof review !== 'object' || Array.isArray(review) || record['offers']) return false;
  const { headline, reviewBody } = review as Record<string, unknown>;
  return typeof headline === 'string' || typeof reviewBody === 'string';
}

/** The top-level schema.org types of the page's JSON-LD blocks (those of @graph items included). */
function topLevelTypes(doc: Document): string[] {
  const types: string[] = [];
  const add = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(add);
    const record = node as Record<string, unknown>;
    // The subject of the page's own review (a game, a film, a phone): the page is the review, not the thing.
    if (isEditorialReview(record)) return;
    const type = record['@type'];
    for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string') types.push(t);
    if (Array.isArray(record['@graph'])) record['@graph'].forEach(add);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_JSON_LD_SCRIPTS; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    try {
      add(JSON.parse(text));
    } catch {
      // Broken JSON-LD is common; it says nothing about the page's kind.
    }
  }
  return types;
}

/**
 * Whether the page marks itself up as an article without JSON-LD: a schema.org article type in microdata or
 * RDFa, or exactly one microformats entry that is a post (a list of posts has several).
 */
function markedUpArticle(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll('[itemtype], [typeof]'))) {
    const type = `${el.getAttribute('itemtype') ?? ''} ${el.getAttribute('typeof') ?? ''}`.trim();
    if (ARTICLE_ITEM_TYPE.test(type)) return true;
  }
  const entries = doc.querySelectorAll(ENTRY);
  return entries.length === 1 && !NOT_A_POST_ENTRY.test(entries[0]!.className);
}

/** Reads the page's signals; `url` is the page's address when `doc.URL` is not (see pageAddress). */
export function readSignals(doc: Document, url?: string): PageSignals {
  const articleSchema = jsonLdMatches(doc, ARTICLE_TYPES) || markedUpArticle(doc);
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim() ?? '';
  const address = pageAddress(doc, url);
  const shape = addressShape(address);
  const dated =
    doc.querySelector(DATE_META) !== null ||
    doc.querySelector('time') !== null ||
    jsonLdMatches(doc, JSON_LD_DATE) ||
    URL_DATE.test(address?.pathname ?? '') ||
    showsDate(doc);
  const otherKind =
    !articleSchema && (OTHER_OG_TYPE.test(ogType) || topLevelTypes(doc).some((t) => OTHER_PAGE_TYPES.has(t)));
  return {
    articleSchema,
    articleOpenGraph: /^article$/i.test(ogType),
    dated,
    articleAddress: shape.article,
    sectionAddress: shape.section,
    otherKind,
  };
}
