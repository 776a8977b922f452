/**
 * Article extraction: from a page's Document to a clean Article (paragraphs and headings as plain
 * text, no page furniture). Public surface: `copyPage` and `articleFromCopy` (the page makes a copy, an extension
 * document reads it; `fallbackArticle` when that finds nothing), `extractArticle` (both at once) and `articleFromText`.
 */
import { Readability } from '@mozilla/readability';
import type { Article } from '../article';
import { isBoilerplate, stripDateline } from './boilerplate';
import { blocksArticle } from './blocksArticle';
import { buildArticle, DEFAULT_MAX_WORDS, type RawBlock } from './buildArticle';
import { collectBlocks } from './collectBlocks';
import { headlineProse, standfirst } from './standfirst';
import { prefersWholePage, readableCopy, readsWholePageToo, scopesToRead, type PageCopy } from './copyPage';

export { articleFromText, type TextOptions } from './articleFromText';
export {
  copyPage,
  pageCharsFor,
  prefersWholePage,
  readsWholePageToo,
  scopesToRead,
  type PageCopy,
} from './copyPage';

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
 * Extracts the article from a page in one go, or null when the page has no article text: what the page and
 * the reader do between them (`copyPage`, then `articleFromCopy`), without the HTML in between. For Node tools
 * and tests. Works on a copy, so the live page is never modified.
 */
export function extractArticle(doc: Document, options: ExtractOptions = {}): Article | null {
  const maxWords = options.maxWords ?? DEFAULT_MAX_WORDS;
  let fromRegion: Article | null = null;
  for (const scope of scopesToRead(doc, options.scope)) {
    const { copy, ...flags } = readableCopy(doc, maxWords, scope);
    const article = articleFromCopy(copy, flags, maxWords);
    if (!article) continue;
    if (!scope)
      return fromRegion && !prefersWholePage(fromRegion.wordCount, article.wordCount) ? fromRegion : article;
    if (!readsWholePageToo(article.wordCount)) return article;
    fromRegion = article;
  }
  if (fromRegion) return fromRegion;
  // Readability took its copies apart: the text-block fallback reads a fresh one of the whole page.
  const { copy, ...flags } = readableCopy(doc, maxWords, null);
  return fallbackArticle(copy, flags, maxWords);
}

/**
 * The article of a page copy that Readability cannot read, by the text-block walk (`blocksArticle`), with what
 * the live page told about the copy; null when the page holds no prose at all.
 */
export function fallbackArticle(
  copy: Document,
  flags: Pick<PageCopy, 'cut' | 'teaser'>,
  maxWords = DEFAULT_MAX_WORDS,
): Article | null {
  const article = blocksArticle(copy, maxWords);
  return article && { ...article, truncated: article.truncated || flags.cut, teaser: flags.teaser };
}

/**
 * The article in a page's readable copy (parsed from `PageCopy.html`, or made by `copyReadable`), or null when
 * it holds no article text. `flags` are what the live page told about it.
 */
export function articleFromCopy(
  copy: Document,
  flags: Pick<PageCopy, 'cut' | 'teaser' | 'scoped'>,
  maxWords = DEFAULT_MAX_WORDS,
): Article | null {
  // Readability takes the document apart as it reads it: find the longest paragraph first.
  const probe = flags.scoped ? middleOfLongestParagraph(copy) : null;
  const fallback = flags.scoped ? proseBesideLongestParagraph(copy) : [];
  const head = headlineProse(copy);
  let parsed;
  try {
    parsed = new Readability<Node>(copy, { keepClasses: true, serializer: (el) => el }).parse();
  } catch {
    // Readability can throw on pathological documents; a page we cannot read has no article.
    return null;
  }
  const content = parsed?.content;
  if (!parsed || !content || content.nodeType !== 1) return null;
  let blocks = cleanBlocks(collectBlocks(content as Element));
  // Cleaning took every paragraph for furniture (a story body whose class reads like a "read more" box): in the
  // region detection found by its paragraphs, those paragraphs are the story.
  if (!blocks.some((b) => b.kind === 'paragraph')) blocks = cleanBlocks(fallback);
  if (!blocks.some((b) => b.kind === 'paragraph')) return null;
  // In the detected region, Readability sometimes prefers a list of teasers to the story beside it: the whole
  // page is read instead (see scopesToRead).
  if (probe && !blocks.some((block) => block.text.includes(probe))) return null;
  blocks = [...standfirst(head, blocks), ...blocks];
  const root = copy.documentElement;
  const article = buildArticle(blocks, {
    title: (parsed.title ?? copy.title ?? '').trim(),
    lang: parsed.lang || root?.getAttribute('lang') || null,
    dir: parsed.dir || root?.getAttribute('dir') || copy.body?.getAttribute('dir') || null,
    maxWords,
  });
  return { ...article, truncated: article.truncated || flags.cut, teaser: flags.teaser };
}

/** A stretch from the middle of a paragraph, clear of a dateline at its start and of how its end was cleaned. */
const PROBE_CHARS = 60;

/**
 * A stretch from the middle of the copy's longest <p>, the likeliest paragraph of its story, or null when no
 * paragraph is long enough to tell.
 */
function middleOfLongestParagraph(copy: Document): string | null {
  let longest = '';
  for (const p of Array.from(copy.body?.getElementsByTagName('p') ?? [])) {
    const text = (p.textContent ?? '').replace(/\s+/gu, ' ').trim();
    if (text.length > longest.length) longest = text;
  }
  if (longest.length < 2 * PROBE_CHARS) return null;
  const start = Math.floor((longest.length - PROBE_CHARS) / 2);
  return longest.slice(start, start + PROBE_CHARS);
}

/**
 * The paragraphs (`<p>`) of the element that holds the copy's longest paragraph, boilerplate lines left out: the
 * prose detection counted when it chose the region, read without Readability or cleaning by class names.
 */
function proseBesideLongestParagraph(copy: Document): RawBlock[] {
  let longest: Element | null = null;
  let longestChars = 0;
  for (const p of Array.from(copy.body?.getElementsByTagName('p') ?? [])) {
    const chars = (p.textContent ?? '').trim().length;
    if (chars > longestChars) [longest, longestChars] = [p, chars];
  }
  const container = longest?.parentElement;
  if (!container) return [];
  return Array.from(container.getElementsByTagName('p'), (p) =>
    (p.textContent ?? '').replace(/\s+/gu, ' ').trim(),
  )
    .filter((text) => text && !isBoilerplate(text))
    .map((text) => ({ kind: 'paragraph', text }));
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
