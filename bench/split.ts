/**
 * The fixed split of every development file into halves for cross-validation: rows at even positions (0, 2, 4,
 * …) are half A, where settings are chosen; rows at odd positions are half B, where they are reported. The
 * files' rows were shuffled when they were made (see their SOURCE.txt), so parity is a random split, and it
 * gives halves of equal size that anyone can reproduce from the file alone.
 */
export type Half = 'A' | 'B';

/** The half of the row at `index` (0-based) of its file. */
export function halfOf(index: number): Half {
  return index % 2 === 0 ? 'A' : 'B';
}
