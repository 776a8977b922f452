import { jsonLdMatches } from '@/lib/metadata';

/**
 * Cheap article detection, run once per page load by the always-on content script.
 * It reads only attributes and the text of <p> elements (no layout, no Readability), so it costs well under
 * a millisecond on ordinary pages and is bounded on huge ones.
 */

/** What the always-on script knows about a page without running Readability. */
export interface Detection {
  isArticle: boolean;
  title: string;
  /** The first paragraph of the main prose block: the bar goes just above it. */
  anchor: Element | null;
  /**
   * The part of the page that holds the article: the main prose block's nearest <article>, <main> or
   * role=main ancestor, else its parent. Extraction reads this instead of the whole page.
   */
  region: Element | null;
}

/** schema.org types that mean "this page is one article". */
const ARTICLE_TYPES =
  /"@type"\s*:\s*(\[[^\]]*)?"(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|ReviewNewsArticle|BackgroundNewsArticle|Report|ScholarlyArticle|LiveBlogPosting)"/;
/** Paragraphs shorter than this (in weighted characters) are captions, teasers or UI, not prose. */
const MIN_PARAGRAPH = 80;
/** Paragraphs at least this long are story text, not teasers: they count toward their grandparent too. */
const MIN_LONG_PARAGRAPH = 200;
/** Prose needed in one container to call the page an article without metadata (about 200 words). */
const MIN_PROSE = 1200;
/** With article metadata, less prose is enough (short news items). */
const MIN_PROSE_WITH_METADATA = 400;
/** Paragraphs needed in the main container without metadata: one long block of text is rarely a story. */
const MIN_PARAGRAPHS = 3;
/** Bounds on the work done on huge pages. */
const MAX_PARAGRAPHS_SCANNED = 3000;
/** CJK and Thai pack a word into one to two characters; weight them so thresholds hold across scripts. */
const DENSE_SCRIPT = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/g;
const DENSE_SCRIPT_WEIGHT = 3;

const HEADING = 'h1, h2, h3, h4, h5, h6';
/** Content that readers cannot see, whatever its text. */
const HIDDEN_ANCESTOR = '[hidden], [aria-hidden="true"]';

/** Paragraphs that share a parent element. */
interface Group {
  container: Element;
  length: number;
  count: number;
  first: Element;
  /** The container has its own heading: a teaser card or a section, not a slice of running text. */
  headed: boolean;
}

const NO_ARTICLE: Detection = { isArticle: false, title: '', anchor: null, region: null };
/** Share of the page's prose the article region must hold for extraction to read only the region. */
const MIN_REGION_SHARE = 0.5;
/** Landmarks that hold a page's one article. */
const ARTICLE_LANDMARK = 'article, main, [role="main"]';

/** Length of a paragraph's text, with dense scripts weighted so it compares to Latin text. */
function weightedLength(text: string): number {
  const dense = text.match(DENSE_SCRIPT)?.length ?? 0;
  return text.length + dense * (DENSE_SCRIPT_WEIGHT - 1);
}

function isHidden(el: Element): boolean {
  return (
    el.hasAttribute('hidden') ||
    el.getAttribute('aria-hidden') === 'true' ||
    /display:\s*none|visibility:\s*hidden/.test(el.getAttribute('style') ?? '')
  );
}

/** Whether the page's metadata says it is an article (Open Graph or schema.org JSON-LD). */
export function hasArticleMetadata(doc: Document): boolean {
  return (
    doc.querySelector('meta[property="og:type"][content="article" i]') !== null ||
    jsonLdMatches(doc, ARTICLE_TYPES)
  );
}

/** The page's title as a reader would name it: Open Graph title, else the first heading, else <title>. */
export function pageTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  const h1 = doc.querySelector('h1')?.textContent;
  return (og || h1 || doc.title || '').replace(/\s+/g, ' ').trim();
}

/** Adds a paragraph to its container's group, creating the group (or marking it hidden) on first sight. */
function addTo(
  groups: Map<Element, Group | null>,
  container: Element,
  p: Element,
  length: number,
): Group | null {
  let group = groups.get(container);
  if (group === undefined) {
    group = container.closest(HIDDEN_ANCESTOR)
      ? null
      : { container, length: 0, count: 0, first: p, headed: container.querySelector(HEADING) !== null };
    groups.set(container, group);
  }
  if (group) {
    group.length += length;
    group.count++;
  }
  return group;
}

/**
 * Decides whether a document is an article by finding the container with the most paragraph prose.
 * Home pages and search results spread short teasers over many containers; an article keeps its prose together.
 */
export function detectArticle(doc: Document): Detection {
  // Plain-text, XML and SVG documents are never articles (contentType is absent in some DOM implementations).
  if (!doc.body || (doc.contentType && doc.contentType !== 'text/html')) return NO_ARTICLE;
  // Paragraphs grouped by parent, and long ones also by grandparent: many sites split a story into sibling
  // text blocks around ads and link boxes. Teaser cards have short text and a heading of their own, so a grid
  // of cards does not add up the same way.
  // null marks a container inside hidden content.
  const byParent = new Map<Element, Group | null>();
  const byGrandparent = new Map<Element, Group | null>();
  const paragraphs = doc.body.getElementsByTagName('p');
  let totalProse = 0;
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS_SCANNED; i++) {
    const p = paragraphs[i]!;
    const length = weightedLength(p.textContent ?? '');
    const parent = p.parentElement;
    if (length < MIN_PARAGRAPH || !parent || isHidden(p)) continue;
    const group = addTo(byParent, parent, p, length);
    if (!group) continue;
    totalProse += length;
    const grandparent = parent.parentElement;
    if (length >= MIN_LONG_PARAGRAPH && !group.headed && grandparent && grandparent !== doc.documentElement)
      addTo(byGrandparent, grandparent, p, length);
  }
  let main: Group | undefined;
  for (const groups of [byParent, byGrandparent])
    for (const group of groups.values()) if (group && (!main || group.length > main.length)) main = group;
  if (!main) return NO_ARTICLE;
  const metadata = hasArticleMetadata(doc);
  const isArticle = metadata
    ? main.length >= MIN_PROSE_WITH_METADATA
    : main.length >= MIN_PROSE && main.count >= MIN_PARAGRAPHS;
  const region = isArticle ? articleRegion(main, byParent, totalProse) : null;
  return {
    isArticle,
    title: pageTitle(doc),
    anchor: main.first,
    region,
  };
}

/**
 * The main prose block's nearest <article>, <main> or role=main ancestor, else its parent; null when that
 * holds less than half the page's prose, or another <article> holds prose too (a cookie notice or one story
 * of several won the count, so extraction had better read the whole page).
 */
function articleRegion(
  main: Group,
  byParent: Map<Element, Group | null>,
  totalProse: number,
): Element | null {
  const region = main.container.closest(ARTICLE_LANDMARK) ?? main.container.parentElement ?? main.container;
  let inside = 0;
  for (const group of byParent.values()) {
    if (!group) continue;
    if (region.contains(group.container)) inside += group.length;
    // Prose in another <article>: a page of several stories, where the one to read is not certain.
    else if (region.localName === 'article' && group.container.closest('article')) return null;
  }
  return inside >= totalProse * MIN_REGION_SHARE ? region : null;
}
