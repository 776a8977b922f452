/**
 * The copy of a page that Readability parses: its `<head>`, and of its `<body>` only what a reader can see, up to
 * a character cap. Built node by node rather than by cloning the whole document and cutting it down, because a
 * deep clone costs as much as the page is big (about 230 ms for 50,000 elements in Firefox) and blocks the page.
 */

/** DOM node types, as numbers: the `Node` global does not exist in Node.js test environments. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Elements whose content is code or data, not reading matter: never copied. */
const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/** The one kind of script Readability reads: schema.org metadata (title, byline, site name) in JSON-LD. */
const JSON_LD = 'application/ld+json';

/** An element the browser can tell about (checkVisibility: Chromium 105, Firefox 106; absent in Node DOMs). */
type Checkable = Element & { checkVisibility?: () => boolean };

/**
 * Whether the live page renders `element`. `checkVisibility()` is false for `display: none` (the rest of a
 * paywalled story hidden by a stylesheet), for content in a closed `<details>` or under
 * `content-visibility: hidden`, and also for `display: contents`, whose children are rendered: that one is kept.
 * Where the DOM cannot tell, everything counts as rendered: no checkVisibility (Node DOMs), or a document that
 * is not rendered at all (no window: one parsed with DOMParser, where checkVisibility is false for everything).
 */
function isRendered(element: Checkable, win: Window | null): boolean {
  if (!win || typeof element.checkVisibility !== 'function' || element.checkVisibility()) return true;
  return win?.getComputedStyle?.(element).display === 'contents';
}

/** Whether a node is an element of code or data (`NOT_TEXT`). */
function isNotText(node: Node): node is Element {
  return node.nodeType === ELEMENT_NODE && NOT_TEXT.has((node as Element).tagName.toUpperCase());
}

/** Whether a body node is copied: text, and elements that hold reading matter and are rendered. */
function isCopied(node: Node, win: Window | null): boolean {
  if (node.nodeType === TEXT_NODE) return true;
  if (node.nodeType !== ELEMENT_NODE || isNotText(node)) return false;
  const element = node as Element;
  // Empty elements (line breaks, images) hold no text to hide: not worth asking the browser about.
  return !element.firstChild || isRendered(element, win);
}

/** Paragraphs inside a node that is left out (none for text, scripts and the like). */
function paragraphsIn(node: Node): number {
  if (node.nodeType !== ELEMENT_NODE || isNotText(node)) return 0;
  return (node as Element).getElementsByTagName('p').length;
}

/**
 * The `<head>` without its code: news sites inline hundreds of kilobytes of scripts and styles there (900 KB on one
 * saved Guardian page), which Readability would only throw away. Metadata, the title and JSON-LD stay.
 */
function copyHead(copy: Document, head: HTMLHeadElement): Node {
  const headCopy = copy.importNode(head, false);
  for (let node = head.firstChild; node; node = node.nextSibling) {
    const isCode = isNotText(node) && node.getAttribute('type')?.trim().toLowerCase() !== JSON_LD;
    if (!isCode) headCopy.appendChild(copy.importNode(node, true));
  }
  return headCopy;
}

/** A copy of a document for parsing, whether its body was cut short, and what it left out as hidden. */
export interface ReadableCopy {
  copy: Document;
  cut: boolean;
  /** Paragraphs (`<p>`) inside elements the page does not render, which the copy leaves out. */
  hiddenParagraphs: number;
}

/**
 * Copies `doc` for Readability without touching it: the `<html>` element's attributes, the `<head>` but its
 * scripts (JSON-LD aside) and styles, and the
 * rendered text of `<body>` — or of `scope` only, inside an empty `<body>` — with the elements around it, up to
 * `maxChars` characters; everything after that is left out and `cut` is true. Scripts, styles, `<noscript>` and
 * `<template>` are not copied. Linear in what is copied, not in the page's size.
 */
export function copyReadable(doc: Document, maxChars: number, scope: Element | null = null): ReadableCopy {
  const steps = copySteps(doc, maxChars, scope);
  for (;;) {
    const step = steps.next(false);
    if (step.done) return step.value;
  }
}

/**
 * `copyReadable` in slices of about `sliceMs`, with `pause()` between them, so a long copy never blocks the page
 * for long (2,500 elements of wikipedia-2 took 35-70 ms in one task). The page may change between slices: a copy
 * whose next node has left the copied part meanwhile stops there, as if cut.
 */
export async function copyReadableInSlices(
  doc: Document,
  maxChars: number,
  scope: Element | null,
  sliceMs: number,
  pause: () => Promise<void>,
): Promise<ReadableCopy> {
  const steps = copySteps(doc, maxChars, scope);
  let sliceEnd = performance.now() + sliceMs;
  let paused = false;
  for (;;) {
    const step = steps.next(paused);
    if (step.done) return step.value;
    paused = performance.now() > sliceEnd;
    if (paused) {
      await pause();
      sliceEnd = performance.now() + sliceMs;
    }
  }
}

/**
 * The copy, one node at a time: it yields before each node of the body, and the caller answers whether it let
 * the page run since (then the walk first checks that it is still inside the part it copies).
 */
function* copySteps(
  doc: Document,
  maxChars: number,
  scope: Element | null,
): Generator<void, ReadableCopy, boolean> {
  const copy = doc.cloneNode(false) as Document;
  const html = doc.documentElement;
  if (!html) return { copy, cut: false, hiddenParagraphs: 0 };
  const htmlCopy = copy.appendChild(copy.importNode(html, false));
  if (doc.head) htmlCopy.appendChild(copyHead(copy, doc.head));
  const body = doc.body;
  if (!body) return { copy, cut: false, hiddenParagraphs: 0 };
  const win = doc.defaultView;
  let parent: Node = htmlCopy.appendChild(copy.importNode(body, false));
  const root = scope ?? body;
  if (scope) parent = parent.appendChild(copy.importNode(scope, false));
  let seen = 0;
  let hiddenParagraphs = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    const resumed = yield;
    if (seen > maxChars || (resumed && !root.contains(node))) return { copy, cut: true, hiddenParagraphs };
    let descended = false;
    if (!isCopied(node, win)) hiddenParagraphs += paragraphsIn(node);
    else {
      const added = parent.appendChild(copy.importNode(node, false));
      if (node.nodeType === TEXT_NODE) seen += (node as Text).data.length;
      else if (node.firstChild) {
        parent = added;
        node = node.firstChild;
        descended = true;
      }
    }
    if (descended) continue;
    // Next in document order: the next sibling, or that of the nearest ancestor that has one.
    while (node && !node.nextSibling) {
      node = node.parentNode;
      if (!node || node === root) return { copy, cut: false, hiddenParagraphs };
      parent = parent.parentNode ?? parent;
    }
    node = node?.nextSibling ?? null;
  }
  return { copy, cut: false, hiddenParagraphs };
}
