/** Small statistics helpers for the browser benchmark (kept here so this folder stands alone). */

/**
 * The `q` quantile of the values (0.5: the median), interpolated between the two nearest; null when there are
 * none, so a missing measurement never reads as 0 ms.
 */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (at - below);
}

/** Median of the values; null when there are none. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

/** The values that are numbers, dropping the pages where a column could not be measured. */
export function present(values: readonly (number | null)[]): number[] {
  return values.filter((v): v is number => v !== null && Number.isFinite(v));
}
