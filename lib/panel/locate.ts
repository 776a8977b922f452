/**
 * Finding a summary sentence in the live page, so that clicking a point can scroll to it.
 * Extraction ran on a clone of the document, so the sentence is searched again in the page's own text nodes,
 * with whitespace normalised on both sides.
 */

/** Text under these elements is never article text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'NO-TIME-TO-READ']);
/** Upper bound on the page text searched, so a click on a giant page stays quick. */
const MAX_CHARS = 3_000_000;
/** A prefix this long identifies a sentence; matching only a prefix tolerates markup changes mid-sentence. */
const PREFIX_CHARS = 80;

interface TextIndex {
  text: string;
  /** For each character of `text`, the node and offset it came from. */
  nodes: Text[];
  offsets: number[];
}

function buildIndex(root: Node, doc: Document): TextIndex {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement && SKIPPED.has(node.parentElement.tagName.toUpperCase())
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const index: TextIndex = { text: '', nodes: [], offsets: [] };
  const parts: string[] = [];
  let lastWasSpace = true;
  let length = 0;
  for (
    let node = walker.nextNode() as Text | null;
    node && length < MAX_CHARS;
    node = walker.nextNode() as Text | null
  ) {
    const data = node.data;
    for (let i = 0; i < data.length; i++) {
      const isSpace = /\s/.test(data[i]!);
      if (isSpace && lastWasSpace) continue;
      parts.push(isSpace ? ' ' : data[i]!);
      index.nodes.push(node);
      index.offsets.push(i);
      lastWasSpace = isSpace;
      length++;
    }
    // Block boundaries often have no whitespace text node between them.
    if (!lastWasSpace) {
      parts.push(' ');
      index.nodes.push(node);
      index.offsets.push(data.length);
      lastWasSpace = true;
      length++;
    }
  }
  index.text = parts.join('');
  return index;
}

const normalize = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** A Range covering `sentence` in the page's text under `root`, or null if it cannot be found. */
export function findSentence(doc: Document, root: Node, sentence: string): Range | null {
  const wanted = normalize(sentence);
  if (!wanted) return null;
  const index = buildIndex(root, doc);
  let at = index.text.indexOf(wanted);
  let length = wanted.length;
  if (at < 0) {
    const prefix = wanted.slice(0, PREFIX_CHARS);
    at = index.text.indexOf(prefix);
    length = prefix.length;
  }
  if (at < 0) return null;
  const end = at + length - 1;
  const range = doc.createRange();
  range.setStart(index.nodes[at]!, index.offsets[at]!);
  range.setEnd(index.nodes[end]!, Math.min(index.offsets[end]! + 1, index.nodes[end]!.data.length));
  return range;
}
