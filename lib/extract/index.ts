/**
 * Article extraction: from a page's Document to a clean Article (paragraphs and headings as plain
 * text, no page furniture). Public surface: `extractArticle` and `articleFromText`.
 */
import { Readability } from '@mozilla/readability';
import type { Article } from '../article';
import { isBoilerplate, stripDateline } from './boilerplate';
import { buildArticle, DEFAULT_MAX_WORDS, type RawBlock } from './buildArticle';
import { collectBlocks } from './collectBlocks';
import { copyReadable } from './copyReadable';
import { isMarkedPaywalled } from './paywall';

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
 * Text parsed per word kept: about twice an average word and its space, leaving room for the menus and
 * furniture Readability discards. Parsing 250,000 characters to keep 10,000 words (about 65,000 characters)
 * blocked the page's main thread for 300-600 ms on a 200,000-word page; Readability's time follows the text
 * it is given.
 */
const PAGE_CHARS_PER_WORD = 12;
/** Never parse less than this, so small word caps still leave Readability a whole article to find. */
const MIN_PAGE_CHARS = 20_000;

/** Paragraphs hidden inside the article's region that make it a teaser whose rest is withheld. */
const MIN_HIDDEN_PARAGRAPHS = 2;

/** How much of a page's text to parse to keep `maxWords` words. */
export function pageCharsFor(maxWords: number): number {
  return Math.min(MAX_PAGE_CHARS, Math.max(MIN_PAGE_CHARS, maxWords * PAGE_CHARS_PER_WORD));
}

/**
 * Extracts the article from a page, or null when the page has no article text.
 * Works on a copy, so the live page is never modified; never parses HTML strings. Text the page does not
 * render (hidden by its CSS) is left out.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  const { scope, ...rest } = options;
  const body = doc.body;
  if (scope && body && scope !== body && body.contains(scope)) {
    const scoped = extractFrom(doc, rest, scope);
    if (scoped) return scoped;
  }
  return extractFrom(doc, rest, null);
}

/** Extraction from a copy of the page's <head> and of `scope` (null: the whole body). */
function extractFrom(doc: Document, options: ExtractOptions, scope: Element | null): Article | null {
  let parsed;
  let cut: boolean;
  let hiddenParagraphs: number;
  try {
    const readable = copyReadable(doc, pageCharsFor(options.maxWords ?? DEFAULT_MAX_WORDS), scope);
    ({ cut, hiddenParagraphs } = readable);
    parsed = new Readability<Node>(readable.copy, { keepClasses: true, serializer: (el) => el }).parse();
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
  // Only the beginning shows: the page says it is paywalled, or it hides paragraphs inside the article itself
  // (a whole page hides menus and dialogs too, so there hidden text says nothing).
  const teaser = isMarkedPaywalled(doc) || (scope !== null && hiddenParagraphs >= MIN_HIDDEN_PARAGRAPHS);
  return { ...article, truncated: article.truncated || cut, teaser };
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
