import { cosine, type SparseVector } from './vectors';

/**
 * Picks up to `count` sentences by score, skipping near-duplicates of sentences already picked (cosine above
 * `redundancyCosine`), and returns their indices in article order. `texts` are the sentences themselves: a sentence
 * the page repeats (a pull quote, a paragraph printed twice) is never picked twice, even when
 * that leaves fewer than `count`.
 */
export function selectSentences(
  scores: readonly number[],
  vectors: readonly SparseVector[],
  texts: readonly string[],
  count: number,
  redundancyCosine: number,
): number[] {
  const order = scores
    .map((_, i) => i)
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const picked: number[] = [];
  const pickedTexts = new Set<string>();
  const pick = (i: number): void => {
    picked.push(i);
    pickedTexts.add(sameText(texts[i] ?? ''));
  };
  for (const i of order) {
    if (picked.length >= count) break;
    const vector = vectors[i] as SparseVector;
    if (pickedTexts.has(sameText(texts[i] ?? ''))) continue;
    if (picked.some((j) => cosine(vector, vectors[j] as SparseVector) > redundancyCosine)) continue;
    pick(i);
  }
  // If redundancy control left us short (a repetitive article), fill with the best remaining.
  for (const i of order) {
    if (picked.length >= count) break;
    if (!picked.includes(i) && !pickedTexts.has(sameText(texts[i] ?? ''))) pick(i);
  }
  return picked.sort((a, b) => a - b);
}

/** A sentence as a reader compares it: spacing and line breaks do not make it another sentence. */
function sameText(text: string): string {
  return text.replace(/\s+/gu, ' ');
}
