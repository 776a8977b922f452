import { porterStem } from './porter';

/**
 * ROUGE with the semantics of Google's rouge-score (the scorer behind most published numbers):
 * tokens are lower-cased [a-z0-9] runs, Porter-stemmed when longer than 3 characters;
 * ROUGE-N counts clipped n-gram overlaps; ROUGE-Lsum is the summary-level union-LCS over
 * newline-separated sentences. For languages other than English a Unicode mode keeps letters of
 * every script (`\p{L}\p{N}` runs) and does not stem; results in that mode are labelled as such.
 */

/** Precision, recall and F1, each in [0, 1]. */
export interface RougeScore {
  precision: number;
  recall: number;
  fmeasure: number;
}

/** 'english' = rouge-score's tokenizer with stemming; 'unicode' = any script, no stemming. */
export type RougeMode = 'english' | 'unicode';

const NON_ALPHANUMERIC = /[^a-z0-9]+/g;
const UNICODE_WORD = /[\p{L}\p{N}]+/gu;
/** rouge-score stems only tokens longer than this. */
const MIN_STEM_LENGTH = 3;

/** Tokenizes like rouge-score's default tokenizer (english) or by Unicode letters (unicode). */
export function tokenize(text: string, mode: RougeMode = 'english'): string[] {
  const lower = text.toLowerCase();
  if (mode === 'unicode') return lower.match(UNICODE_WORD) ?? [];
  return lower
    .replace(NON_ALPHANUMERIC, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => (token.length > MIN_STEM_LENGTH ? porterStem(token) : token));
}

function fmeasure(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function score(hits: number, referenceTotal: number, predictionTotal: number): RougeScore {
  const precision = predictionTotal > 0 ? hits / predictionTotal : 0;
  const recall = referenceTotal > 0 ? hits / referenceTotal : 0;
  return { precision, recall, fmeasure: fmeasure(precision, recall) };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** ROUGE-N of a prediction against a reference. */
export function rougeN(
  reference: string,
  prediction: string,
  n: number,
  mode: RougeMode = 'english',
): RougeScore {
  const ref = ngramCounts(tokenize(reference, mode), n);
  const pred = ngramCounts(tokenize(prediction, mode), n);
  let hits = 0;
  for (const [gram, count] of pred) hits += Math.min(count, ref.get(gram) ?? 0);
  const total = (counts: Map<string, number>): number => [...counts.values()].reduce((a, b) => a + b, 0);
  return score(hits, total(ref), total(pred));
}

/** LCS table of two token lists, (a.length + 1) × (b.length + 1). */
export function lcsTable(a: readonly string[], b: readonly string[]): number[][] {
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    const row = table[i] as number[];
    const above = table[i - 1] as number[];
    for (let j = 1; j <= b.length; j++) {
      row[j] =
        a[i - 1] === b[j - 1]
          ? (above[j - 1] as number) + 1
          : Math.max(above[j] as number, row[j - 1] as number);
    }
  }
  return table;
}

/** Indices into `reference` of one LCS with `candidate`, backtracked as rouge-score does. */
export function lcsIndices(reference: readonly string[], candidate: readonly string[]): number[] {
  const table = lcsTable(reference, candidate);
  const out: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      out.unshift(i - 1);
      i--;
      j--;
    } else if ((table[i]?.[j - 1] as number) > (table[i - 1]?.[j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  return out;
}

/** The union of the LCS of `reference` with each candidate sentence, as reference tokens. */
export function unionLcs(reference: readonly string[], candidates: readonly (readonly string[])[]): string[] {
  const indices = new Set<number>();
  for (const candidate of candidates) for (const i of lcsIndices(reference, candidate)) indices.add(i);
  return [...indices].sort((a, b) => a - b).map((i) => reference[i] as string);
}

/** Summary-level LCS over tokenized sentences, with each token counted at most as often as it occurs. */
export function summaryLevelLcs(
  references: readonly string[][],
  candidates: readonly string[][],
): RougeScore {
  const m = references.reduce((sum, s) => sum + s.length, 0);
  const n = candidates.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const refCounts = countTokens(references);
  const candCounts = countTokens(candidates);
  let hits = 0;
  for (const reference of references) {
    for (const token of unionLcs(reference, candidates)) {
      if ((candCounts.get(token) ?? 0) > 0 && (refCounts.get(token) ?? 0) > 0) {
        hits++;
        candCounts.set(token, (candCounts.get(token) as number) - 1);
        refCounts.set(token, (refCounts.get(token) as number) - 1);
      }
    }
  }
  return score(hits, m, n);
}

function countTokens(sentences: readonly string[][]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences)
    for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** ROUGE-L (whole text as one sequence). */
export function rougeL(reference: string, prediction: string, mode: RougeMode = 'english'): RougeScore {
  const ref = tokenize(reference, mode);
  const pred = tokenize(prediction, mode);
  if (ref.length === 0 || pred.length === 0) return { precision: 0, recall: 0, fmeasure: 0 };
  const lcs = lcsTable(ref, pred)[ref.length]?.[pred.length] ?? 0;
  return score(lcs, ref.length, pred.length);
}

/** ROUGE-Lsum: sentences are the non-empty lines of each text. */
export function rougeLsum(reference: string, prediction: string, mode: RougeMode = 'english'): RougeScore {
  const sentences = (text: string): string[][] =>
    text
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => tokenize(line, mode));
  return summaryLevelLcs(sentences(reference), sentences(prediction));
}

/** ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 of one prediction, times 100. */
export function rougeF1(
  reference: string,
  prediction: string,
  mode: RougeMode = 'english',
): { r1: number; r2: number; rLsum: number } {
  return {
    r1: rougeN(reference, prediction, 1, mode).fmeasure * 100,
    r2: rougeN(reference, prediction, 2, mode).fmeasure * 100,
    rLsum: rougeLsum(reference, prediction, mode).fmeasure * 100,
  };
}
