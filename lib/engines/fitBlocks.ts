import type { Article } from '../article';

/** The part of an article an engine will read. */
export interface Excerpt {
  /** A prefix of `article.text`. */
  text: string;
  /** `text.length / article.text.length`: 1 when the whole article fits, 0 when nothing does. */
  coverage: number;
}

/**
 * The longest beginning of the article that `fits`, cut after a whole paragraph or heading when
 * possible, else inside the first block between words. Binary search, so an asynchronous `fits`
 * (the built-in API's `measureInputUsage`) is called about log2(blocks) + log2(words) times.
 */
export async function fitBlocks(
  article: Article,
  fits: (text: string) => boolean | Promise<boolean>,
): Promise<Excerpt> {
  const total = article.text.length;
  const excerpt = (text: string): Excerpt => ({ text, coverage: total ? text.length / total : 1 });
  if (await fits(article.text)) return excerpt(article.text);

  const ends = article.blocks.map((block) => block.start + block.text.length);
  const byBlocks = await largestFitting(ends.length - 1, (k) => fits(prefix(article.text, ends, k)));
  if (byBlocks > 0) return excerpt(prefix(article.text, ends, byBlocks));

  const first = article.blocks[0];
  if (!first) return excerpt('');
  const wordEnds = [...first.text.matchAll(/\S+/gu)].map((m) => first.start + m.index + m[0].length);
  const byWords = await largestFitting(wordEnds.length, (k) => fits(prefix(article.text, wordEnds, k)));
  return excerpt(prefix(article.text, wordEnds, byWords));
}

/** The text up to the end of the k-th unit (k ≥ 1), or '' for k = 0. */
function prefix(text: string, ends: readonly number[], k: number): string {
  return k > 0 ? text.slice(0, ends[k - 1]) : '';
}

/** The largest k in [0, max] with test(k) true, assuming test is monotonic and test(0) is true. */
async function largestFitting(max: number, test: (k: number) => boolean | Promise<boolean>): Promise<number> {
  let low = 0;
  let high = max;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (await test(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}
