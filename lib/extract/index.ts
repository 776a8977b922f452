/**
 * Article extraction: from a page's Document to a clean Article (paragraphs and headings as plain
 * text, no page furniture). Public surface: `extractArticle` and `articleFromText`.
 */
import { Readability } from '@mozilla/readability';
import type { Article } from '../article';
import { isBoilerplate, stripDateline } from './boilerplate';
import { buildArticle, type RawBlock } from './buildArticle';
import { collectBlocks } from './collectBlocks';
import { truncateDocument } from './truncateDocument';

export { articleFromText, type TextOptions } from './articleFromText';

/** Options for `extractArticle`. */
export interface ExtractOptions {
  /** Read at most this many words (default 20,000); the Article says `truncated` when capped. */
  maxWords?: number;
  /**
   * The part of the page that holds the article (from the always-on script's detection). Readability then
   * reads that part and the page's <head> instead of the whole page; if that finds no article, the whole page.
   */
  scope?: Element | null;
}

/**
 * Datelines only open a story: look for one in this many first paragraphs (the first can be a
 * stray kicker that survived cleaning).
 */
const DATELINE_PARAGRAPHS = 2;

/**
 * Text read from a page at most, in characters (about 40,000 words): far beyond any news story, and it keeps
 * Readability within a few hundred milliseconds on enormous pages.
 */
const MAX_PAGE_CHARS = 250_000;

/**
 * Extracts the article from a page, or null when the page has no article text.
 * Works on a clone, so the live page is never modified; never parses HTML strings.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  const { scope, ...rest } = options;
  const body = doc.body;
  if (scope && body && scope !== body && body.contains(scope)) {
    const scoped = extractFrom(doc, scopedCopy(doc, scope, body), rest);
    if (scoped) return scoped;
  }
  return extractFrom(doc, doc.cloneNode(true) as Document, rest);
}

/** A new document with `doc`'s root attributes and <head>, and `scope` as the whole of its body. */
function scopedCopy(doc: Document, scope: Element, body: HTMLElement): Document {
  const copy = doc.cloneNode(false) as Document;
  const root = copy.importNode(doc.documentElement, false);
  const bodyCopy = copy.importNode(body, false);
  bodyCopy.append(copy.importNode(scope, true));
  if (doc.head) root.append(copy.importNode(doc.head, true));
  root.append(bodyCopy);
  copy.append(root);
  return copy;
}

function extractFrom(doc: Document, clone: Document, options: ExtractOptions): Article | null {
  let parsed;
  let cut: boolean;
  try {
    cut = truncateDocument(clone, MAX_PAGE_CHARS);
    parsed = new Readability<Node>(clone, { keepClasses: true, serializer: (el) => el }).parse();
  } catch {
    // Readability can throw on pathological documents; a page we cannot read has no article.
    return null;
  }
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== 1) return null;
  const blocks = cleanBlocks(collectBlocks(content as Element));
  if (!blocks.some((b) => b.kind === 'paragraph')) return null;
  const root = doc.documentElement;
  const article = buildArticle(blocks, {
    title: (parsed.title ?? doc.title ?? '').trim(),
    lang: parsed.lang || root?.getAttribute('lang') || null,
    dir: parsed.dir || root?.getAttribute('dir') || doc.body?.getAttribute('dir') || null,
    maxWords: options.maxWords,
  });
  return cut ? { ...article, truncated: true } : article;
}

/** Strips datelines from the first paragraphs and drops trailing headings that head nothing. */
function cleanBlocks(blocks: RawBlock[]): RawBlock[] {
  let paragraphsSeen = 0;
  const out = blocks.map((block) => {
    if (block.kind !== 'paragraph' || paragraphsSeen++ >= DATELINE_PARAGRAPHS) return block;
    const text = stripDateline(block.text).trim();
    return text && !isBoilerplate(text) ? { ...block, text } : block;
  });
  while (out.length > 0 && out[out.length - 1]?.kind === 'heading') out.pop();
  return out;
}
