/**
 * The page's side of extraction: a copy of what it shows, small enough to send to the reader (lib/reader) as HTML.
 * Kept apart from Readability so that the page's script does not carry it.
 */
import { copyReadable, copyReadableInSlices, type ReadableCopy } from './copyReadable';
import { isMarkedPaywalled } from './paywall';

/**
 * Text read from a page at most, in characters (about 40,000 words): far beyond any news story, and it keeps the
 * copy, the message that carries it and Readability's work in the reader bounded on enormous pages.
 */
const MAX_PAGE_CHARS = 250_000;
/**
 * Text copied per word kept: about twice an average word and its space, leaving room for the menus and
 * furniture Readability discards. Copying 250,000 characters to keep 10,000 words (about 65,000 characters)
 * cost 300-600 ms on a 200,000-word page when Readability still ran in the page; the copy's time, and
 * Readability's, follow the text.
 */
const PAGE_CHARS_PER_WORD = 12;
/** Never copy less than this, so small word caps still leave Readability a whole article to find. */
const MIN_PAGE_CHARS = 20_000;

/**
 * A copy's HTML seldom passes this (markup is two or three times the text, and the text is capped); one that does
 * carries bulky attributes, such as inline images as `data:` URIs, and loses them before it is sent.
 */
const MAX_HTML_CHARS = 1_000_000;
/**
 * Attribute values longer than this are dropped from an oversized copy: nothing Readability reads (class, id, rel,
 * itemprop…) is ever that long.
 */
const MAX_ATTRIBUTE_CHARS = 1000;

/**
 * Inline event handlers, as old pages put them on links and images (`onclick="return overlib(…)"`). The reader's
 * Content-Security-Policy refuses inline script, and its parser reports each handler it meets as a violation:
 * clean-links' 570 handlers made parsing its copy take 120-230 ms instead of 3 ms. Readability reads none of them.
 * Elements that have one of these common handlers lose all of theirs; a rarer handler alone costs one report.
 */
const EVENT_HANDLERS = [
  'onclick',
  'ondblclick',
  'onmousedown',
  'onmouseup',
  'onmouseover',
  'onmouseout',
  'onmousemove',
  'onkeydown',
  'onkeyup',
  'onkeypress',
  'onfocus',
  'onblur',
  'onchange',
  'onsubmit',
  'onload',
  'onerror',
]
  .map((name) => `[${name}]`)
  .join(',');

/**
 * How long one slice of a live page's copy may run before the page gets a turn: well under the 50 ms of a long
 * task, with room for the style update the first slice may force.
 */
const SLICE_MS = 10;

/** Paragraphs hidden inside the article's region that make it a teaser whose rest is withheld. */
const MIN_HIDDEN_PARAGRAPHS = 2;

/** How much of a page's text to copy to keep `maxWords` words. */
export function pageCharsFor(maxWords: number): number {
  return Math.min(MAX_PAGE_CHARS, Math.max(MIN_PAGE_CHARS, maxWords * PAGE_CHARS_PER_WORD));
}

/**
 * A page's readable copy as HTML (see `copyReadable`), with what only the live page can tell. The page makes it;
 * the reader parses the HTML and reads it with `articleFromCopy`, off the page's main thread.
 */
export interface PageCopy {
  html: string;
  /** The copy stops before the page's text does (the character cap). */
  cut: boolean;
  /** The page seems to show only the beginning of its article. */
  teaser: boolean;
  /** The copy holds only the detected region, not the whole body. */
  scoped: boolean;
}

/**
 * The region together with the article's headline when the headline sits outside it (a story's head above its
 * body's container): the nearest ancestor in which an `<h1>` comes before the region.
 */
function withItsHeadline(region: Element, body: Element): Element {
  if (region.getElementsByTagName('h1').length) return region;
  for (let branch = region; branch !== body && branch.parentElement; branch = branch.parentElement)
    for (let before = branch.previousElementSibling; before; before = before.previousElementSibling)
      if (before.localName === 'h1' || before.getElementsByTagName('h1').length) return branch.parentElement;
  return region;
}

/**
 * The parts of the page to read, in order: the detected region (`scope`), then the whole page in case that holds
 * no article. Null stands for the whole body.
 */
export function scopesToRead(doc: Document, scope: Element | null | undefined): (Element | null)[] {
  const body = doc.body;
  if (!scope || !body || scope === body || !body.contains(scope)) return [null];
  const withHeadline = withItsHeadline(scope, body);
  return withHeadline === body ? [null] : [withHeadline, null];
}

/**
 * A story read in the detected region with fewer words than this may be only part of it (the region held the
 * lead, or a box beside the story): the whole page is read too. Most news stories are longer; the second read
 * costs only on short ones.
 */
const MIN_REGION_WORDS = 250;
/** The whole page's reading replaces a short region's when it has this many times its words. */
const WHOLE_PAGE_GAIN = 1.5;

/** Whether an article read in the detected region is short enough to read the whole page too. */
export function readsWholePageToo(regionWords: number): boolean {
  return regionWords < MIN_REGION_WORDS;
}

/** Whether the whole page's article replaces the short one read in the region. */
export function prefersWholePage(regionWords: number, pageWords: number): boolean {
  return pageWords >= WHOLE_PAGE_GAIN * regionWords;
}

/**
 * Copies the part of the page Readability reads: the `<head>` and `scope` (null: the whole body). Text the page
 * does not render (hidden by its CSS) is left out, and so is text past what `maxWords` words need.
 */
export function readableCopy(
  doc: Document,
  maxWords: number,
  scope: Element | null,
): ReadableCopy & PageFlags {
  return withTeaser(doc, scope, copyReadable(doc, pageCharsFor(maxWords), scope));
}

/** The page side of reading an article elsewhere: the copy of `scope` (null: the whole body), as HTML. */
export function copyPage(doc: Document, maxWords: number, scope: Element | null): PageCopy {
  return asHtml(readableCopy(doc, maxWords, scope));
}

/**
 * `copyPage` as the panel makes it on a live page: the walk through the page runs in slices of `SLICE_MS`, each
 * a task of its own, so a big article never blocks the page for long. Past `giveUpAt` it rejects with
 * `CopyTimedOut`.
 */
export async function copyPageInSlices(
  doc: Document,
  maxWords: number,
  scope: Element | null,
  giveUpAt = Infinity,
): Promise<PageCopy> {
  const pause = async (): Promise<void> => {
    await nextTask();
    if (performance.now() > giveUpAt) throw new CopyTimedOut();
  };
  const readable = await copyReadableInSlices(doc, pageCharsFor(maxWords), scope, SLICE_MS, pause);
  return asHtml(withTeaser(doc, scope, readable));
}

/**
 * A copy given up at its deadline (`giveUpAt`, in `performance.now()` time): on a page whose own scripts keep
 * its main thread busy the slices could otherwise run on long after the reader was asked to answer.
 */
export class CopyTimedOut extends Error {
  constructor() {
    super('The copy of the page did not finish in time.');
    this.name = 'CopyTimedOut';
  }
}

/** Lets the page run its pending tasks (input first), then resumes, without the clamping of nested timers. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** What the live page tells about its copy besides the copy itself. */
type PageFlags = Pick<PageCopy, 'teaser' | 'scoped'>;

/**
 * Adds whether only the beginning shows: the page says it is paywalled, or it hides paragraphs inside the
 * article itself (a whole page hides menus and dialogs too, so there hidden text says nothing).
 */
function withTeaser(doc: Document, scope: Element | null, readable: ReadableCopy): ReadableCopy & PageFlags {
  const teaser =
    isMarkedPaywalled(doc) || (scope !== null && readable.hiddenParagraphs >= MIN_HIDDEN_PARAGRAPHS);
  return { ...readable, teaser, scoped: scope !== null };
}

/** A copy as the HTML the reader receives, without inline handlers, and without bulky values when oversized. */
function asHtml({ copy, cut, teaser, scoped }: ReadableCopy & PageFlags): PageCopy {
  // Elements with a common inline handler lose all of theirs.
  removeAttributes(copy.querySelectorAll(EVENT_HANDLERS), (name) => name.startsWith('on'));
  // The doctype keeps the reader's parser in standards mode, as the page's was (most pages).
  const serialize = () => `<!doctype html>${copy.documentElement?.outerHTML ?? ''}`;
  let html = serialize();
  if (html.length > MAX_HTML_CHARS) {
    removeAttributes(copy.querySelectorAll('*'), (_, value) => value.length > MAX_ATTRIBUTE_CHARS);
    html = serialize();
  }
  return { html, cut, teaser, scoped };
}

/** Removes from each of `elements` the attributes that `unwanted` picks. */
function removeAttributes(
  elements: Iterable<Element>,
  unwanted: (name: string, value: string) => boolean,
): void {
  for (const element of Array.from(elements)) {
    for (const { name, value } of Array.from(element.attributes)) {
      if (unwanted(name, value)) element.removeAttribute(name);
    }
  }
}
