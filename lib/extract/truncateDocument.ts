/**
 * Bounds the work Readability does on enormous pages (a 200,000-word article, endless feeds): everything
 * after the first `maxChars` characters of text is removed from a document clone before it is parsed.
 * Readability's cost grows faster than the page, so this keeps extraction quick where it matters.
 */

/** NodeFilter.SHOW_TEXT as a number: the `NodeFilter` global does not exist in Node.js (linkedom) documents. */
const SHOW_TEXT = 4;
/** Elements whose text is code or data, not reading matter; they are dropped before counting. */
const NOT_TEXT = 'script, style, noscript, template';

/**
 * Removes all content after the first `maxChars` characters of readable text from `doc` (a clone, never the
 * live page), along with scripts and styles. Linear in the document's size. Returns true if text was cut.
 */
export function truncateDocument(doc: Document, maxChars: number): boolean {
  const body = doc.body;
  if (!body) return false;
  for (const element of Array.from(body.querySelectorAll(NOT_TEXT))) element.remove();
  const walker = doc.createTreeWalker(body, SHOW_TEXT);
  let seen = 0;
  let last: Node | null = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    seen += (node as Text).data.length;
    if (seen > maxChars) {
      last = node;
      break;
    }
  }
  if (!last) return false;
  // Keep the path from body to the cut point, and drop every sibling after it at each level.
  for (let node: Node | null = last; node && node !== body; node = node.parentNode) {
    while (node.nextSibling) node.nextSibling.remove();
  }
  return true;
}
