/**
 * The article-extraction-benchmark's metric (scrapinghub/article-extraction-benchmark evaluate.py):
 * tokens are \w+ runs (no lower-casing), 4-gram shingles compared as multisets, each page's
 * TP/FP/FN normalised to sum to 1, precision and recall averaged over pages, F1 of the averages.
 */

/** Python's Unicode \w: letters, digits and underscore. */
const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE_SIZE = 4;

/** Normalised true positives, false positives and false negatives of one page. */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const counts = new Map<string, number>();
  // As in evaluate.py: a text shorter than the shingle size is one (shorter) shingle.
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE_SIZE + 1); i++) {
    const shingle = tokens.slice(i, i + SHINGLE_SIZE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Shingle TP/FP/FN of a predicted body against the true body, normalised to sum to 1. */
export function shingleCounts(truth: string, prediction: string): PageCounts {
  const t = shingles(truth);
  const p = shingles(prediction);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...t.keys(), ...p.keys()])) {
    const tc = t.get(key) ?? 0;
    const pc = p.get(key) ?? 0;
    tp += Math.min(tc, pc);
    fp += Math.max(0, pc - tc);
    fn += Math.max(0, tc - pc);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precisionOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recallOf({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function mean(values: number[]): number {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
}

/** Precision, recall and F1 over pages, as evaluate.py's metrics_from_tp_fp_fns. */
export function shingleMetrics(pages: readonly PageCounts[]): {
  precision: number;
  recall: number;
  f1: number;
} {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}
