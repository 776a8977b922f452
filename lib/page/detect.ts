import { articleEvidence, metaContent, readSignals, ruledOut } from './signals';

/**
 * Cheap article detection, run once per page load by the always-on content script. It weighs two kinds of
 * evidence: what the page says about itself (lib/page/signals.ts: schema.org and Open Graph types, a date,
 * the shape of its address) and where its prose is. The more the page says "article", the less prose it
 * needs; a page that calls itself a product, a question or a profile is not one, whatever its prose.
 *
 * Prose is read from paragraphs: <p> elements first, and, on a page whose signals say "article" but whose
 * <p> elements hold too little, from any block of running text (many sites set paragraphs in <div>s). It
 * reads attributes and text only (no layout, no Readability) and is bounded on huge pages.
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

/** Paragraphs shorter than this (in weighted characters) are captions, teasers or UI, not prose. */
const MIN_PARAGRAPH = 80;
/** Prose needed in one container when the page's signals are mixed or absent (about 200 words). */
const MIN_PROSE = 1200;
/** With strong signals (evidence ≥ STRONG_EVIDENCE), less prose is enough: short news items. */
const MIN_PROSE_WITH_METADATA = 400;
const STRONG_EVIDENCE = 2;
/** Paragraphs needed in the main container without strong signals: one long block is rarely a story. */
const MIN_PARAGRAPHS = 3;
/**
 * A paragraph counts toward its parent fully and toward the next two ancestors by these shares, so a story
 * whose every paragraph sits in a wrapper of its own still adds up in the container above the wrappers,
 * while paragraphs that are siblings keep their parent as the best container.
 */
const ANCESTOR_WEIGHTS = [1, 1 / 2, 1 / 3];
/** Bounds on the work done on huge pages. */
const MAX_PARAGRAPHS_SCANNED = 3000;
const MAX_TEXT_NODES_SCANNED = 20_000;
/** CJK and Thai pack a word into one to two characters; weight them so thresholds hold across scripts. */
const DENSE_SCRIPT = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/g;
const DENSE_SCRIPT_WEIGHT = 3;

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Content that readers cannot see, whatever its text. */
const HIDDEN_ANCESTOR = '[hidden], [aria-hidden="true"]';
/** Elements that flow inside a line of text: a text node's paragraph is its nearest ancestor that is not one. */
const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'dfn', 'em', 'font', 'i', 'kbd', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr',
]); // prettier-ignore
/** Where text is never a story's paragraph. */
const NOT_PROSE = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'option',
  'button',
]);

/** One paragraph of prose. */
interface Paragraph {
  element: Element;
  length: number;
}

/** Prose counted in one container: score for choosing it, length and count for judging it. */
interface Group {
  container: Element;
  score: number;
  length: number;
  count: number;
  first: Element;
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

/** The page's title as a reader would name it: Open Graph title, else the first heading, else <title>. */
export function pageTitle(doc: Document): string {
  const og = metaContent(Array.from(doc.getElementsByTagName('meta')), 'og:title');
  const h1 = doc.getElementsByTagName('h1')[0]?.textContent;
  return (og || h1 || doc.title || '').replace(/\s+/g, ' ').trim();
}

/** The <p> elements with prose, in document order. */
function paragraphElements(body: HTMLElement): Paragraph[] {
  const found: Paragraph[] = [];
  const paragraphs = body.getElementsByTagName('p');
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS_SCANNED; i++) {
    const element = paragraphs[i]!;
    const length = weightedLength(element.textContent ?? '');
    if (length >= MIN_PARAGRAPH && !isHidden(element)) found.push({ element, length });
  }
  return found;
}

/**
 * Blocks of running text whatever their element: each text node counts toward its nearest ancestor that is
 * not inline (a <div> that holds a paragraph's words and links), in document order of first text.
 */
function textBlocks(doc: Document, body: HTMLElement): Paragraph[] {
  const lengths = new Map<Element, number>();
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (
    let n = 0, node = walker.nextNode();
    node && n < MAX_TEXT_NODES_SCANNED;
    n++, node = walker.nextNode()
  ) {
    let block = node.parentElement;
    while (block && INLINE.has(block.localName)) block = block.parentElement;
    if (!block || NOT_PROSE.has(block.localName)) continue;
    const text = node.nodeValue ?? '';
    if (text.trim()) lengths.set(block, (lengths.get(block) ?? 0) + weightedLength(text));
  }
  const found: Paragraph[] = [];
  for (const [element, length] of lengths)
    if (length >= MIN_PARAGRAPH && !isHidden(element)) found.push({ element, length });
  return found;
}

/**
 * The outermost element that wraps `element` alone (each `<div>` between them has no other element child): many
 * sites set each paragraph in wrappers of its own, two or three deep, and the story's container is the one
 * that holds the wrappers side by side. Wrappers are not levels: counting starts above them.
 */
function outermostWrapper(element: Element, root: Element): Element {
  let outer = element;
  for (let parent = outer.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (parent.childElementCount !== 1) break;
    outer = parent;
  }
  return outer;
}

/**
 * The elements under `root` that hold a heading: every ancestor of one, found from the headings up (asking each
 * container for a heading by selector costs jsdom, which the command line reads pages with, 5-10 ms a page).
 */
function headedElements(root: Element): Set<Element> {
  const headed = new Set<Element>();
  for (const tag of HEADING_TAGS)
    for (const heading of Array.from(root.getElementsByTagName(tag)))
      for (let el = heading.parentElement; el && !headed.has(el); el = el.parentElement) headed.add(el);
  return headed;
}

/**
 * Adds each paragraph to its parent and next ancestors (see ANCESTOR_WEIGHTS); returns the container with the
 * highest score. A container with its own heading (a teaser card, a section of a story) keeps its paragraphs
 * to itself: a grid of cards does not add up the way a story's text blocks do.
 */
function bestContainer(paragraphs: readonly Paragraph[], root: Element): Group | null {
  const groups = new Map<Element, Group | null>();
  const headed = headedElements(root);
  let best: Group | null = null;
  for (const { element, length } of paragraphs) {
    let container = outermostWrapper(element, root).parentElement;
    for (const weight of ANCESTOR_WEIGHTS) {
      if (!container || container === root.parentElement) break;
      let group = groups.get(container);
      if (group === undefined) {
        // null marks a container inside hidden content.
        group = container.closest(HIDDEN_ANCESTOR)
          ? null
          : { container, score: 0, length: 0, count: 0, first: element };
        groups.set(container, group);
      }
      if (!group) break;
      group.score += length * weight;
      group.length += length;
      group.count++;
      if (!best || group.score > best.score) best = group;
      if (headed.has(container)) break;
      container = container.parentElement;
    }
  }
  return best;
}

/** Whether a container's prose makes an article, given how strongly the page's signals say so. */
function enoughProse(main: Group | null, evidence: number): boolean {
  if (!main) return false;
  return evidence >= STRONG_EVIDENCE
    ? main.length >= MIN_PROSE_WITH_METADATA
    : main.length >= MIN_PROSE && main.count >= MIN_PARAGRAPHS;
}

/**
 * Decides whether a document is an article, finds the container with the most paragraph prose (the bar
 * goes above its first paragraph) and the region extraction reads.
 * Home pages and search results spread short teasers over many containers; an article keeps its prose together.
 * `url` is the page's address for a document that does not carry it (parsed from a fetched page with
 * DOMParser); a page in a tab, or parsed with its URL, needs none.
 */
export function detectArticle(doc: Document, url?: string): Detection {
  // Plain-text, XML and SVG documents are never articles (contentType is absent in some DOM implementations).
  const body = doc.body;
  if (!body || (doc.contentType && doc.contentType !== 'text/html')) return NO_ARTICLE;
  const signals = readSignals(doc, url);
  if (ruledOut(signals)) return NO_ARTICLE;
  const evidence = articleEvidence(signals);
  let paragraphs = paragraphElements(body);
  let main = bestContainer(paragraphs, body);
  // A page that says it is an article but keeps its prose outside <p> elements: read its blocks of text.
  if (!enoughProse(main, evidence) && evidence >= STRONG_EVIDENCE) {
    paragraphs = textBlocks(doc, body);
    main = bestContainer(paragraphs, body);
  }
  if (!main) return NO_ARTICLE;
  const isArticle = enoughProse(main, evidence);
  return {
    isArticle,
    title: pageTitle(doc),
    anchor: main.first,
    region: isArticle ? articleRegion(doc, main, paragraphs) : null,
  };
}

/**
 * The main prose block's nearest <article>, <main> or role=main ancestor, else its parent; null when that
 * holds less than half the page's prose, or another <article> holds prose too (a cookie notice or one story
 * of several won the count, so extraction had better read the whole page).
 */
function articleRegion(doc: Document, main: Group, paragraphs: readonly Paragraph[]): Element | null {
  const region = main.container.closest(ARTICLE_LANDMARK) ?? main.container.parentElement ?? main.container;
  // Prose spread over the whole page: reading the region would be reading the page.
  if (region === doc.body || region === doc.documentElement) return null;
  let inside = 0;
  let total = 0;
  for (const { element, length } of paragraphs) {
    if (element.closest(HIDDEN_ANCESTOR)) continue;
    total += length;
    if (region.contains(element)) inside += length;
    // Prose in another <article>: a page of several stories, where the one to read is not certain.
    else if (region.localName === 'article' && element.closest('article')) return null;
  }
  return inside >= total * MIN_REGION_SHARE ? region : null;
}
