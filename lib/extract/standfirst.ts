/**
 * A story's standfirst (its lede, deck or teaser line) set as a heading under the title: many news and blog
 * themes print it as an `<h2>` just after the `<h1>`, and Readability drops it with the title's header or reads it
 * as a heading of nothing. It is part of the story's text.
 */

/** DOM node type of elements: the `Node` global does not exist in Node.js test environments. */
const ELEMENT_NODE = 1;
/** Headings that can hold a standfirst (an `<h1>` after the title is another title). */
const STANDFIRST_TAGS = new Set(['H2', 'H3', 'H4']);
/** A standfirst is a sentence: shorter headings are section titles, kickers or labels ("Related", "News"). */
const MIN_CHARS = 60;
const MIN_WORDS = 8;
/** Longer text in a heading is not a standfirst but a page that sets everything in headings. */
const MAX_CHARS = 600;
/** A paragraph this long before the heading means the story has begun: the heading is a section's. */
const STORY_PARAGRAPH_CHARS = 80;
/** How far after the title to look, in elements: the standfirst sits beside it, past a byline or a picture. */
const MAX_ELEMENTS_AFTER_TITLE = 40;
/** Where a paragraph is a caption, a box or a link, not a lede. */
const NOT_A_LEDE = 'figure, figcaption, aside, nav, footer, form, a, blockquote, li, table';
/** `<h1>` elements tried as the title (a page may set its logo or site name in the first). */
const MAX_TITLES = 3;
/** An `<h1>` shorter than this is a logo, an icon or a site name, not a story's title. */
const MIN_TITLE_CHARS = 20;
/** A heading whose text is mostly a link is a teaser of another page, not this story's standfirst. */
const MAX_LINK_SHARE = 0.5;

/**
 * The text of the heading that stands as the story's standfirst in `doc` (read before Readability takes the
 * document apart), or null: the first `<h2>`–`<h4>` after the page's first `<h1>` in document order, within
 * `MAX_ELEMENTS_AFTER_TITLE` elements and before any paragraph of prose, that reads as a sentence (at least
 * `MIN_CHARS` characters and `MIN_WORDS` words) and is not a link.
 */
export function standfirstAfterTitle(doc: Document): string | null {
  const titles = Array.from(doc.body?.getElementsByTagName('h1') ?? []).slice(0, MAX_TITLES);
  for (const title of titles) {
    if (collapse(title.textContent ?? '').length < MIN_TITLE_CHARS) continue;
    const found = standfirstAfter(title);
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * The standfirst after one `<h1>`: its text, null when the first candidate does not read as one, undefined when
 * there is none before the next `<h1>` or the end of the window.
 */
function standfirstAfter(title: Element): string | null | undefined {
  let element = nextElementAfter(title);
  for (let seen = 0; element && seen < MAX_ELEMENTS_AFTER_TITLE; seen++) {
    const tag = element.tagName.toUpperCase();
    if (tag === 'H1') return undefined;
    if (STANDFIRST_TAGS.has(tag)) return sentenceText(element);
    // The first paragraph of prose: the story's first (already read), or a lede that its container left out.
    if (tag === 'P' && collapse(element.textContent ?? '').length >= STORY_PARAGRAPH_CHARS)
      return element.closest(NOT_A_LEDE) ? null : sentenceText(element);
    element = nextElement(element);
  }
  return undefined;
}

/** A heading's text when it reads as a standfirst (see standfirstAfterTitle), else null. */
function sentenceText(heading: Element): string | null {
  const text = collapse(heading.textContent ?? '');
  if (text.length < MIN_CHARS || text.length > MAX_CHARS) return null;
  if (text.split(' ').length < MIN_WORDS) return null;
  let linked = 0;
  for (const link of Array.from(heading.getElementsByTagName('a')))
    linked += collapse(link.textContent ?? '').length;
  const inLink = heading.closest('a') !== null;
  return inLink || linked > MAX_LINK_SHARE * text.length ? null : text;
}

/** The next element in document order after `element`'s subtree. */
function nextElementAfter(element: Element): Element | null {
  for (let node: Element | null = element; node; node = node.parentElement)
    if (node.nextElementSibling) return node.nextElementSibling;
  return null;
}

/** The next element in document order: the first child, else the next one after the subtree. */
function nextElement(element: Element): Element | null {
  const child = element.firstElementChild;
  return child && child.nodeType === ELEMENT_NODE ? child : nextElementAfter(element);
}

function collapse(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}
