import type { Article } from '../article';
import { buildArticle, type RawBlock } from './buildArticle';
import { collectBlocks } from './collectBlocks';

/**
 * Where a page that Readability cannot read keeps its text, most specific first: the main landmark, then the
 * body. An `<article>` is not among them, as a page without a readable story often holds many small ones.
 */
const MAIN_LANDMARKS = ['main', '[role="main"]'];

/** The fallback needs this much prose to call it an article: a sentence or two, not a lone label. */
const MIN_FALLBACK_CHARS = 80;

/**
 * The article as a plain walk through the page's text blocks reads it, for pages where Readability finds no
 * article (short posts, news items of a few lines, live tickers and podcast pages, whose text is below its
 * thresholds or split into many small boxes). The walk drops what collectBlocks always drops (navigation,
 * footers, asides, forms, lines of links, furniture by class, calls to action), so what stays is the page's
 * prose. Null when that is less than `MIN_FALLBACK_CHARS` characters of paragraphs.
 */
export function blocksArticle(copy: Document, maxWords: number): Article | null {
  const body = copy.body;
  if (!body) return null;
  const main = MAIN_LANDMARKS.map((selector) => body.querySelector(selector)).find((el) => el !== null);
  let blocks = paragraphsOf(main ? collectBlocks(main) : []);
  if (!blocks) blocks = paragraphsOf(collectBlocks(body));
  if (!blocks) return null;
  const root = copy.documentElement;
  return buildArticle(blocks, {
    title: (copy.title ?? '').trim(),
    lang: root?.getAttribute('lang') || null,
    dir: root?.getAttribute('dir') || body.getAttribute('dir') || null,
    maxWords,
  });
}

/** The blocks, if their paragraphs hold enough prose; trailing headings that head nothing are dropped. */
function paragraphsOf(blocks: RawBlock[]): RawBlock[] | null {
  let chars = 0;
  for (const block of blocks) if (block.kind === 'paragraph') chars += block.text.length;
  if (chars < MIN_FALLBACK_CHARS) return null;
  const out = [...blocks];
  while (out.length > 0 && out[out.length - 1]?.kind === 'heading') out.pop();
  return out;
}
