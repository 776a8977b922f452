import type { RawBlock } from './buildArticle';
import { isBoilerplate, isCredit } from './boilerplate';
import { countWords } from '../text/words';

/** DOM node types, as numbers: the `Node` global does not exist in Node.js test environments. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is never article prose. */
const SKIP_TAGS = new Set(
  'FIGURE FIGCAPTION ASIDE NAV FOOTER FORM BUTTON IFRAME VIDEO AUDIO SVG SCRIPT STYLE NOSCRIPT TEMPLATE OBJECT EMBED CANVAS PICTURE IMG SELECT INPUT TEXTAREA LABEL DIALOG MENU CAPTION SOURCE TRACK MATH'.split(
    ' ',
  ),
);

/** Elements that start a new block; everything else is inline and joins the current paragraph. */
export const BLOCK_TAGS = new Set(
  'P DIV SECTION ARTICLE MAIN HEADER UL OL LI DL DT DD BLOCKQUOTE PRE TABLE THEAD TBODY TFOOT TR TD TH ADDRESS DETAILS SUMMARY CENTER HR H1 H2 H3 H4 H5 H6'.split(
    ' ',
  ),
);

export const HEADING_TAGS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/**
 * Class or id words that mark page furniture inside the article element (kept by Readability's
 * keepClasses option). Matched against whole class tokens' parts, so "caption" hits
 * "wp-caption-text" but "author" does not hit "authoritative".
 */
const FURNITURE_ATTR =
  /(?:^|[-_\s])(?:caption|credits?|byline|bylines|author|authors|share|sharing|social|related|newsletter|promo|advert|ad|ads|advertisement|subscribe|subscription|signup|sponsor|sponsored|affiliate|tooltip|comments?|tags|breadcrumbs?|toolbar|recirc|read-?more|more-?stories|disclaimer|disclosure|copyright|timestamp|dateline|inline-?media|media-?credit|photo-?credit|image-?credit|newsletter-?signup|outbrain|taboola)(?:$|[-_\s])/i;

/**
 * Furniture containers are small; a large element whose class happens to match (a theme that
 * names the whole body "article-share-wrapper") is kept.
 */
const MAX_FURNITURE_CHARS = 1500;
/**
 * Nor is an element that holds this share of the article's text or more: furniture sits beside the story, and
 * a short story's own container can carry a furniture word in a compound class ("entry-content-read-more").
 */
const MAX_FURNITURE_SHARE = 0.5;

/**
 * Paragraphs that are mostly link text with little else are navigation or "related" lists, not
 * prose. A linked headline followed by a sentence of its own (news round-ups) is kept.
 */
const MAX_LINK_SHARE = 0.5;
const MIN_UNLINKED_CHARS = 80;

/** Alternative texts with fewer letters say too little to recognize a caption by ("Photo", "Logo"). */
const MIN_ALT_LETTERS = 15;
/** A caption is a sentence or two; a longer paragraph before a credit line is prose. */
const MAX_CAPTION_WORDS = 40;

interface Paragraph {
  text: string;
  linkChars: number;
  /** Letters and digits inside `<time>` elements: a paragraph that is nothing but a date is a timestamp. */
  timeChars: number;
}

/**
 * A collected block, or the place of a caption already recognized or of a credit line (which marks the
 * paragraph just before it as a caption).
 */
type Entry = RawBlock | 'caption' | 'credit';

/** What a walk through the article collects, and what it knows of the article's pictures. */
interface Walk {
  entries: Entry[];
  /** The article's images' alternative texts, as letters only: a paragraph that repeats one is its caption. */
  alts: string[];
  furniture: Furniture;
}

/**
 * What the walk knows of furniture by class: the article's text length, against which it is measured, and what it
 * dropped (text and elements, by furniture class word).
 */
export interface Furniture {
  rootChars: number;
  skipped: Map<string, { chars: number; count: number }>;
  /** Whether furniture by class is left out at all. */
  byClass: boolean;
}

/** What a walk through `rootChars` characters of an article knows of furniture before it starts. */
export function newFurniture(rootChars: number, byClass = true): Furniture {
  return { rootChars, skipped: new Map(), byClass };
}

/** A series of this many boxes with one furniture class is a story's own entries, when they are half its text. */
const MIN_SERIES = 3;

/**
 * Collects blocks from the article element Readability returns, skipping page furniture: furniture by its
 * class, lines of links, calls to action, bylines and credits, and pictures' captions, which Readability
 * keeps as paragraphs once it has unwrapped their containers (a paragraph that repeats an image's alternative
 * text, or that a credit line follows).
 */
export function collectBlocks(root: Element): RawBlock[] {
  const alts = altTexts(root);
  const rootChars = (root.textContent ?? '').length;
  const newWalk = (byClass: boolean): Walk => ({
    entries: [],
    alts,
    furniture: newFurniture(rootChars, byClass),
  });
  let state = newWalk(true);
  walk(root, state);
  // Furniture sits beside the story: a series of boxes with one furniture class that adds up to half the article
  // or more is the story's own entries (a live ticker's in "live-match-comment" boxes): the article is read
  // without furniture by class.
  const series = Array.from(state.furniture.skipped.values());
  if (series.some(({ chars, count }) => count >= MIN_SERIES && chars >= MAX_FURNITURE_SHARE * rootChars))
    walk(root, (state = newWalk(false)));
  const blocks: RawBlock[] = [];
  let previous: Entry | null = null;
  for (const entry of state.entries) {
    if (typeof entry === 'object') blocks.push(entry);
    else if (entry === 'credit' && typeof previous === 'object' && previous?.kind === 'paragraph')
      if (countWords(previous.text) <= MAX_CAPTION_WORDS) blocks.pop();
    previous = entry;
  }
  return blocks;
}

/** The alternative texts of `root` (an image) or of the images under it, long enough to tell a caption by, as `letters`. */
export function altTexts(root: Element): string[] {
  const images = root.localName === 'img' ? [root] : Array.from(root.getElementsByTagName('img'));
  return images
    .map((img) => letters(img.getAttribute('alt') ?? ''))
    .filter((alt) => alt.length >= MIN_ALT_LETTERS);
}

/** Lower-cased letters and digits only, so spacing, punctuation and quotes do not decide a match. */
export function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whether a paragraph repeats an image's alternative text (alone, or with a credit after it). */
export function repeatsAlt(text: string, alts: readonly string[]): boolean {
  if (alts.length === 0) return false;
  const key = letters(text);
  return key.length >= MIN_ALT_LETTERS && alts.some((alt) => key.startsWith(alt) || alt.startsWith(key));
}

function walk(element: Element, state: Walk): void {
  let current: Paragraph = { text: '', linkChars: 0, timeChars: 0 };
  const flush = (): void => {
    for (const entry of paragraphEntries(current, state.alts)) state.entries.push(entry);
    current = { text: '', linkChars: 0, timeChars: 0 };
  };
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      current.text += child.nodeValue ?? '';
      continue;
    }
    if (child.nodeType !== ELEMENT_NODE) continue;
    const el = child as Element;
    if (isSkipped(el, state.furniture)) continue;
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      current.text += '\n';
    } else if (HEADING_TAGS.has(tag)) {
      flush();
      const text = collapse(el.textContent ?? '');
      if (text) state.entries.push({ kind: 'heading', text });
    } else if (BLOCK_TAGS.has(tag)) {
      flush();
      walk(el, state);
    } else {
      appendInline(el, current, state.furniture);
    }
  }
  flush();
}

/** Inline content: its text, with link and date text counted, skipping furniture nested inside it. */
function appendInline(element: Element, into: Paragraph, furniture: Furniture, inTime = false): void {
  const isLink = element.tagName.toUpperCase() === 'A';
  const isTime = inTime || element.tagName.toUpperCase() === 'TIME';
  for (const child of Array.from(element.childNodes)) {
    if (child.nodeType === TEXT_NODE) {
      const value = child.nodeValue ?? '';
      into.text += value;
      if (isLink) into.linkChars += value.trim().length;
      if (isTime) into.timeChars += letters(value).length;
    } else if (child.nodeType === ELEMENT_NODE) {
      const el = child as Element;
      const tag = el.tagName.toUpperCase();
      // A block inside inline content (invalid, but common) is a paragraph of its own: the text on either side
      // must not run into it, nor into each other when the block is furniture that is dropped.
      const block = BLOCK_TAGS.has(tag) || HEADING_TAGS.has(tag);
      if (block) into.text += PARAGRAPH_BREAK;
      if (isSkipped(el, furniture)) continue;
      if (tag === 'BR') into.text += '\n';
      else if (isLink && !block) appendLinkText(el, into);
      else appendInline(el, into, furniture, isTime);
      if (block) into.text += PARAGRAPH_BREAK;
    }
  }
}

function appendLinkText(element: Element, into: Paragraph): void {
  const value = element.textContent ?? '';
  into.text += value;
  into.linkChars += value.trim().length;
}

/** Whether an element is left out: never prose by its tag, hidden, or furniture by its class (counted in `furniture`). */
export function isSkipped(element: Element, furniture: Furniture): boolean {
  const tag = element.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (element.getAttribute('hidden') !== null || element.getAttribute('aria-hidden') === 'true') return true;
  const attrs = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (!furniture.byClass || !FURNITURE_ATTR.test(attrs)) return false;
  const chars = (element.textContent ?? '').length;
  const skipped = chars <= MAX_FURNITURE_CHARS && chars < MAX_FURNITURE_SHARE * furniture.rootChars;
  // A series is told by its furniture class word ("live-match-comment left", "… right"), not by ids.
  const series = (element.getAttribute('class') ?? '')
    .split(/\s+/u)
    .find((name) => FURNITURE_ATTR.test(name));
  if (skipped && series) {
    const sum = furniture.skipped.get(series) ?? { chars: 0, count: 0 };
    furniture.skipped.set(series, { chars: sum.chars + chars, count: sum.count + 1 });
  }
  return skipped;
}

/** Double line breaks inside one element separate paragraphs (pages built with <br><br>). */
const BR_PARAGRAPH_BREAK = /\n\s*\n/;
/** What a block nested in inline content adds around itself: a paragraph break. */
const PARAGRAPH_BREAK = '\n\n';

function paragraphEntries(paragraph: Paragraph, alts: readonly string[]): Entry[] {
  const full = collapse(paragraph.text);
  if (!full) return [];
  const unlinked = full.length - paragraph.linkChars;
  if (paragraph.linkChars > MAX_LINK_SHARE * full.length && unlinked < MIN_UNLINKED_CHARS) return [];
  if (paragraph.timeChars >= letters(full).length) return [];
  const entries: Entry[] = [];
  for (const text of paragraph.text.split(BR_PARAGRAPH_BREAK).map(collapse)) {
    if (!text) continue;
    if (isCredit(text)) entries.push('credit');
    else if (repeatsAlt(text, alts)) entries.push('caption');
    else if (!isBoilerplate(text)) entries.push({ kind: 'paragraph', text });
  }
  return entries;
}

/** A text with each run of white space made one space, and none at its ends. */
export function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
