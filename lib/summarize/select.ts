import { cosine, type SparseVector } from './vectors';

/**
 * Two sentences more similar than this say the same thing; the lower-scoring one is skipped.
 * High enough that sentences about the same subject but adding facts both survive.
 */
const REDUNDANCY_COSINE = 0.5;

/**
 * Picks up to `count` sentences by score, skipping near-duplicates of sentences already picked,
 * and returns their indices in article order.
 */
export function selectSentences(
  scores: readonly number[],
  vectors: readonly SparseVector[],
  count: number,
): number[] {
  const order = scores
    .map((_, i) => i)
    .sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
  const picked: number[] = [];
  for (const i of order) {
    if (picked.length >= count) break;
    const vector = vectors[i] as SparseVector;
    if (picked.some((j) => cosine(vector, vectors[j] as SparseVector) > REDUNDANCY_COSINE)) continue;
    picked.push(i);
  }
  // If redundancy control left us short (a repetitive article), fill with the best remaining.
  for (const i of order) {
    if (picked.length >= count) break;
    if (!picked.includes(i)) picked.push(i);
  }
  return picked.sort((a, b) => a - b);
}
