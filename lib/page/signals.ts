import { readJsonLd } from './json-ld';
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
const ARTICLE_TYPE_NAMES = new Set([
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
]);
/**
 * An article type in JSON-LD that does not parse (broken JSON-LD is common), read from its text: anywhere, in an
 * array of types, as a full schema.org IRI. Parsed JSON-LD is read without it: a large pattern costs more to
 * compile, on every page, than reading the JSON does.
 */
const ARTICLE_TYPES_IN_TEXT = new RegExp(
  `"@type"\\s*:\\s*(\\[[^\\]]*)?"(?:https?://schema\\.org/|schema:)?(${[...ARTICLE_TYPE_NAMES].join('|')})"`,
);
/** Microformats' mark of one post of a blog or site (h-entry, and hentry, its older name). */
const ENTRY_CLASSES = ['h-entry', 'hentry'];
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
/**
 * Where a page states when it was published: `<meta>` elements by `property`, `itemprop` or `name` (any case).
 * Matched by reading the page's few `<meta>` elements rather than by a selector list, which costs a DOM
 * implementation without a native selector engine (jsdom, for the command line) 10-20 ms a page.
 */
const DATE_META_PROPERTIES = new Set(['article:published_time', 'article:modified_time']);
const DATE_META_ITEMPROP = 'datePublished';
const DATE_META_NAMES = new Set([
  'date',
  'pubdate',
  'publishdate',
  'dc.date',
  'dcterms.date',
  'dc.date.issued',
]);
/** A publication date in JSON-LD that does not parse. */
const JSON_LD_DATE = /"datePublished"\s*:/;
/** A date in an address: /2024/05/16/, /2024-05-16-, 20240516 or an id starting with one. */
const URL_DATE =
  /(?:^|[/_-])(?:19|20)\d\d(?:[/-]?(?:0[1-9]|1[0-2]))(?:[/-]?(?:0[1-9]|[12]\d|3[01]))?(?=[/_.-]|\d|$)/;
/** A long number in an address: the story id most news systems give their articles. */
const URL_ID = /\d{5,}/;
/**
 * A slug of three or more words: how most articles are named in their address. A word character is an ASCII letter
 * or digit or any character beyond ASCII (letters of every script): Unicode property classes (`\p{L}`) would be
 * exact, but compiling one costs about a millisecond on every page.
 */
const URL_SLUG = /[0-9A-Za-z\u0080-\uFFFF][-_+][0-9A-Za-z\u0080-\uFFFF]+[-_+][0-9A-Za-z\u0080-\uFFFF]/;
/** A path segment that is one word (`/about/`, `/watch`): at the top of a site, a section or a service page. */
const URL_ONE_WORD = /^[A-Za-z\u0080-\uFFFF]+(?:\.\w{2,5})?$/;
/** A language prefix (`/de/`, `/en-US/`), which does not make an address deeper. */
const URL_LANGUAGE = /^[a-z]{2}(?:[-_][a-zA-Z]{2})?$/;

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
function pageAddress(doc: Document, metas: readonly Element[], url?: string): URL | null {
  const canonical = Array.from(doc.getElementsByTagName('link')).find(
    (l) => l.getAttribute('rel') === 'canonical',
  );
  const named = canonical?.getAttribute('href') || metaContent(metas, 'og:url');
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
 * Whether the page marks itself up as an article without JSON-LD: a schema.org article type in microdata or
 * RDFa, or exactly one microformats entry that is a post (a list of posts has several).
 */
function markedUpArticle(doc: Document): boolean {
  for (const el of Array.from(doc.querySelectorAll('[itemtype], [typeof]'))) {
    const types = `${el.getAttribute('itemtype') ?? ''} ${el.getAttribute('typeof') ?? ''}`.split(/\s+/);
    // A type's own name follows the vocabulary's address or prefix: https://schema.org/NewsArticle, schema:Article.
    if (
      types.some((type) =>
        ARTICLE_TYPE_NAMES.has(type.slice(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1)),
      )
    )
      return true;
  }
  // By class name, not by selector: getElementsByClassName is cheap everywhere, a selector in jsdom is not.
  const entries = new Set(ENTRY_CLASSES.flatMap((name) => Array.from(doc.getElementsByClassName(name))));
  const [entry, ...others] = entries;
  return entry !== undefined && others.length === 0 && !NOT_A_POST_ENTRY.test(entry.className);
}

/** The `content` of the first `<meta>` whose `property` is `property`, as `meta[property="…"]` finds it. */
export function metaContent(metas: readonly Element[], property: string): string | null {
  return metas.find((meta) => meta.getAttribute('property') === property)?.getAttribute('content') ?? null;
}

/** Whether a `<meta>` element states the publication date (see DATE_META_PROPERTIES). */
function isDateMeta(meta: Element): boolean {
  return (
    DATE_META_PROPERTIES.has(meta.getAttribute('property') ?? '') ||
    meta.getAttribute('itemprop') === DATE_META_ITEMPROP ||
    DATE_META_NAMES.has((meta.getAttribute('name') ?? '').toLowerCase())
  );
}

/** Reads the page's signals; `url` is the page's address when `doc.URL` is not (see pageAddress). */
export function readSignals(doc: Document, url?: string): PageSignals {
  const metas = Array.from(doc.getElementsByTagName('meta'));
  const jsonLd = readJsonLd(doc);
  const articleSchema =
    [...jsonLd.types].some((type) => ARTICLE_TYPE_NAMES.has(type)) ||
    jsonLd.unparsed.some((text) => ARTICLE_TYPES_IN_TEXT.test(text)) ||
    markedUpArticle(doc);
  const ogType = metaContent(metas, 'og:type')?.trim() ?? '';
  const address = pageAddress(doc, metas, url);
  const shape = addressShape(address);
  const dated =
    metas.some(isDateMeta) ||
    doc.getElementsByTagName('time').length > 0 ||
    jsonLd.dated ||
    jsonLd.unparsed.some((text) => JSON_LD_DATE.test(text)) ||
    URL_DATE.test(address?.pathname ?? '') ||
    showsDate(doc);
  const otherKind =
    !articleSchema &&
    (OTHER_OG_TYPE.test(ogType) || [...jsonLd.topTypes].some((type) => OTHER_PAGE_TYPES.has(type)));
  return {
    articleSchema,
    articleOpenGraph: /^article$/i.test(ogType),
    dated,
    articleAddress: shape.article,
    sectionAddress: shape.section,
    otherKind,
  };
}
