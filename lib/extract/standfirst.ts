import type { RawBlock } from './buildArticle';
import { isBoilerplate, isCredit, namesCredit } from './boilerplate';
import {
  altTexts,
  BLOCK_TAGS,
  collapse,
  HEADING_TAGS,
  isSkipped,
  letters,
  newFurniture,
  repeatsAlt,
  type Furniture,
} from './collectBlocks';
import { countWords } from '../text/words';

/**
 * The standfirst: the prose between an article's headline and the first paragraph of its body (a lead, a deck, a
 * summary in bold). Readability scores containers by their paragraphs and keeps the best one with its siblings,
 * so it leaves out the article's head, where the standfirst sits beside the headline, the byline and the picture.
 * Before Readability takes the copy apart, `headlineProse` lists the blocks that follow each `<h1>`; once the
 * body is known, `standfirst` keeps those between the headline and the body's first paragraph that read as prose.
 */

/** A block after a headline: a headline itself, or a block's text and whether it reads as prose. */
export type HeadItem = { headline: true } | { headline: false; text: string; prose: boolean };

/** Elements read after each headline: a standfirst comes within the article's head. */
const MAX_ELEMENTS_AFTER_HEADLINE = 150;
/** Elements read in all, on a page with many headlines (teaser cards with an `<h1>` each). */
const MAX_ELEMENTS = 600;
/** A standfirst is a sentence or more: fewer words is a kicker, a label or a date. */
const MIN_WORDS = 8;
/** Without a sentence's end, only a long block reads as prose (not a byline with its date). */
const MIN_WORDS_UNPUNCTUATED = 16;
const SENTENCE_END = /[.!?…。！？」』"“”»«)]$/u;
/**
 * A short heading is a deck only when it ends as a statement does: one that asks a question or has no sentence's
 * end is a second headline (a kicker's, or the story's own beside a carousel's `<h1>`). Long decks often have no
 * full stop.
 */
const STATEMENT_END = /[.!…。！]["“”»«」』)]?$/u;
/** Link text in a line of links (related stories, tags) outweighs the rest; a standfirst has little. */
const MAX_LINK_SHARE = 0.5;

/** DOM node types, as numbers: the `Node` global does not exist in Node.js test environments. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** The next element after `element` in document order, its descendants skipped; null past `root`. */
function nextOutside(element: Element, root: Element): Element | null {
  for (let at: Element | null = element; at && at !== root; at = at.parentElement)
    if (at.nextElementSibling) return at.nextElementSibling;
  return null;
}

/** Elements that are never prose and that only a block holds, not a paragraph's inline content. */
const BLOCK_FURNITURE = new Set(['FIGURE', 'FIGCAPTION', 'ASIDE', 'NAV', 'FOOTER', 'FORM', 'DIALOG', 'MENU']);

/** Whether an element is a block that holds only inline content: one paragraph of the page. */
function isLeafBlock(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (!BLOCK_TAGS.has(tag) && !HEADING_TAGS.has(tag)) return false;
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) {
    const childTag = child.tagName.toUpperCase();
    if (BLOCK_TAGS.has(childTag) || HEADING_TAGS.has(childTag) || BLOCK_FURNITURE.has(childTag)) return false;
  }
  return true;
}

/** The text of an inline element and the length of its links' text, without what is never prose (buttons). */
function inlineText(element: Element, furniture: Furniture): { text: string; linkChars: number } {
  let text = '';
  let linkChars = 0;
  const visit = (node: Node, inLink: boolean): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === TEXT_NODE) {
        text += child.nodeValue ?? '';
        if (inLink) linkChars += (child.nodeValue ?? '').trim().length;
      } else if (child.nodeType === ELEMENT_NODE && !isSkipped(child as Element, furniture))
        visit(child, inLink || (child as Element).tagName.toUpperCase() === 'A');
    }
  };
  visit(element, false);
  return { text: collapse(text), linkChars };
}

/**
 * Whether a block's text reads as a standfirst: sentences, not links, a byline, a label or a credited caption, nor a
 * heading that reads as a headline.
 */
function readsAsProse(text: string, linkChars: number, heading: boolean): boolean {
  const words = countWords(text);
  const end = heading ? STATEMENT_END : SENTENCE_END;
  if (words < MIN_WORDS || (words < MIN_WORDS_UNPUNCTUATED && !end.test(text))) return false;
  return linkChars <= MAX_LINK_SHARE * text.length && !isBoilerplate(text) && !namesCredit(text);
}

/** Pictures (a `<picture>` holds an `<img>`), found by tag name: jsdom's selector engine is slow. */
const PICTURE_TAGS = ['img', 'video'];
/** What a picture's box may hold besides its caption: a credit line. */
const MAX_CREDIT_CHARS = 60;

/** A picture's box holds the picture (in a wrapper or two), its caption and a credit: a few elements. */
const MAX_PICTURE_BOX_CHILDREN = 3;

/** Whether an element is or holds a picture. */
function holdsPicture(element: Element): boolean {
  return PICTURE_TAGS.some(
    (tag) => element.localName === tag || element.getElementsByTagName(tag).length > 0,
  );
}

/** Whether an element is a picture or a small box that holds one and no text. */
function isPicture(element: Element): boolean {
  return (
    element.childElementCount <= MAX_PICTURE_BOX_CHILDREN &&
    holdsPicture(element) &&
    !element.textContent?.trim()
  );
}

/**
 * Whether a block is a picture's caption: it follows the picture, or shares a small box with one and little else
 * (the head's picture is often in a box of its own rather than a <figure>).
 */
function isCaption(block: Element, text: string): boolean {
  const previous = block.previousElementSibling;
  if (previous && isPicture(previous)) return true;
  const box = block.parentElement;
  return (
    box !== null &&
    box.childElementCount <= MAX_PICTURE_BOX_CHILDREN &&
    holdsPicture(box) &&
    collapse(box.textContent ?? '').length <= text.length + MAX_CREDIT_CHARS
  );
}

/**
 * The blocks that follow each `<h1>` of `copy`'s body, in document order, with the headlines among them, up to
 * `MAX_ELEMENTS_AFTER_HEADLINE` elements after the last headline and `MAX_ELEMENTS` in all. Furniture (pictures, navigation, boxes with a
 * furniture class) is skipped as the article's own blocks skip it.
 */
export function headlineProse(copy: Document): HeadItem[] {
  const body = copy.body;
  const first = body?.getElementsByTagName('h1')[0];
  if (!body || !first) return [];
  // Furniture is told by its class alone here: the head holds no story text that a class could misname.
  const furniture = newFurniture(Infinity);
  // The headline again (as the page titles itself) is not a standfirst, nor the caption of a picture before it,
  // which repeats the picture's alternative text (a picture after the standfirst may repeat it too).
  const title = letters(copy.title);
  const alts: string[] = [];
  const repeats = (text: string): boolean => {
    const key = letters(text);
    return (key.length > 0 && title.includes(key)) || repeatsAlt(text, alts);
  };
  const items: HeadItem[] = [];
  let left = 0;
  let element: Element | null = first;
  for (let read = 0; element && left >= 0 && read < MAX_ELEMENTS; read++) {
    const tag = element.tagName.toUpperCase();
    if (tag === 'H1') {
      items.push({ headline: true });
      left = MAX_ELEMENTS_AFTER_HEADLINE;
      element = nextOutside(element, body);
      continue;
    }
    left--;
    if (isSkipped(element, furniture)) {
      alts.push(...altTexts(element));
      element = nextOutside(element, body);
      continue;
    }
    if (isLeafBlock(element)) {
      alts.push(...altTexts(element));
      const { text, linkChars } = inlineText(element, furniture);
      // A credit line marks the block before it as a picture's caption, as in the body (collectBlocks).
      const previous = items[items.length - 1];
      if (text && previous && !previous.headline && isCredit(text)) previous.prose = false;
      if (text)
        items.push({
          headline: false,
          text,
          prose:
            readsAsProse(text, linkChars, HEADING_TAGS.has(element.tagName.toUpperCase())) &&
            !isCaption(element, text) &&
            !repeats(text),
        });
      element = nextOutside(element, body);
      continue;
    }
    element = element.firstElementChild ?? nextOutside(element, body);
  }
  return items;
}

/**
 * The standfirst of an article whose body is `blocks`: among `items` between the last headline before the body's
 * first paragraph and that paragraph, the first run of prose blocks (a byline, a picture or a box of links ends
 * it), unless the body holds them already. None when the first paragraph does not follow a headline closely.
 */
export function standfirst(items: readonly HeadItem[], blocks: readonly RawBlock[]): RawBlock[] {
  const first = blocks.find((block) => block.kind === 'paragraph');
  if (!first) return [];
  const at = items.findIndex((item) => !item.headline && item.text.includes(first.text));
  if (at < 0) return [];
  let start = at;
  while (start > 0 && !items[start - 1]!.headline) start--;
  if (start === 0) return [];
  const body = blocks.map((block) => block.text).join('\n');
  const run: RawBlock[] = [];
  for (const item of items.slice(start, at)) {
    if (item.headline || !item.prose) {
      if (run.length) break;
    } else if (!body.includes(item.text)) run.push({ kind: 'paragraph', text: item.text });
  }
  return run;
}
