/** Small statistics helpers for the browser benchmark (kept here so this folder stands alone). */

/** Median of the values; null when there are none, so a missing measurement never reads as 0 ms. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The values that are numbers, dropping the pages where a column could not be measured. */
export function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}
