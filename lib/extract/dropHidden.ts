/**
 * Text the page does not render is not part of what the reader reads: the rest of a paywalled story kept in the
 * page but hidden by a stylesheet (`.premium-body { display: none }`), stories in closed tabs and menus. The clone
 * that Readability parses has no styles, so the live page is asked which elements it renders.
 */

/** DOM node types, as numbers: the `Node` global does not exist in Node.js test environments. */
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** An element the browser can tell about (checkVisibility: Chromium 105, Firefox 106; absent in Node DOMs). */
type Checkable = Element & { checkVisibility?: () => boolean };

/**
 * Whether the live page renders `element`. `checkVisibility()` is false for `display: none`, for content in a
 * closed `<details>` or under `content-visibility: hidden`, and also for `display: contents`, whose children are
 * rendered: that one is kept. Where the DOM cannot tell (no checkVisibility), everything counts as rendered.
 */
function isRendered(element: Checkable, win: Window | null): boolean {
  if (typeof element.checkVisibility !== 'function' || element.checkVisibility()) return true;
  return win?.getComputedStyle?.(element).display === 'contents';
}

/**
 * The node after `node` in document order within `root`, past `node`'s children if `skipChildren`. (Plain
 * pointers rather than a TreeWalker, which some DOM implementations only half provide.)
 */
function following(node: Node, root: Node, skipChildren: boolean): Node | null {
  if (!skipChildren && node.firstChild) return node.firstChild;
  for (let at: Node | null = node; at && at !== root; at = at.parentNode) {
    if (at.nextSibling) return at.nextSibling;
  }
  return null;
}

/**
 * Removes from `clone` (an unmodified deep clone of `live`) every element of the body that `live` does not
 * render, walking both in step. Stops after `maxChars` characters of rendered text, where the clone will be cut
 * anyway, so the work is bounded on huge pages. Empty elements (line breaks, images) are not asked: they hold no
 * text. Returns how many elements were removed.
 */
export function dropHidden(live: Document, clone: Document, maxChars: number): number {
  if (!live.body || !clone.body) return 0;
  const win = live.defaultView;
  const hidden: Node[] = [];
  let seen = 0;
  let node = following(live.body, live.body, false);
  let copy = following(clone.body, clone.body, false);
  while (node && copy && seen <= maxChars) {
    let skip = false;
    if (node.nodeType === TEXT_NODE) {
      seen += (node as Text).data.length;
    } else if (node.nodeType === ELEMENT_NODE && node.firstChild && !isRendered(node as Checkable, win)) {
      hidden.push(copy);
      skip = true;
    }
    node = following(node, live.body, skip);
    copy = following(copy, clone.body, skip);
  }
  for (const element of hidden) element.parentNode?.removeChild(element);
  return hidden.length;
}
