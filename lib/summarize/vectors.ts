import { lightStem } from '../text/stem';
import { stopwordsFor } from '../text/stopwords';
import { words } from '../text/words';

/** A sparse, unit-length TF-IDF vector: parallel arrays of term ids and weights. */
export interface SparseVector {
  ids: number[];
  weights: number[];
}

/** Content terms of texts, with ids shared across one article. */
export interface TermIndex {
  /** Per text, the ids of its content terms (with repeats, in order). */
  terms: number[][];
  /** Per term id, in how many texts it occurs. */
  documentFrequency: number[];
  ids: Map<string, number>;
}

/**
 * Tokenizes texts into content terms: lower-cased words, stop words and one-character Latin
 * tokens dropped, lightly stemmed. CJK characters are kept even alone (they are words).
 */
export function indexTerms(texts: readonly string[], lang: string): TermIndex {
  const stopwords = stopwordsFor(lang);
  const ids = new Map<string, number>();
  const documentFrequency: number[] = [];
  const terms = texts.map((text) => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (const word of words(text, lang)) {
      if (stopwords.has(word) || (word.length < 2 && word.charCodeAt(0) < 0x3000)) continue;
      const stem = lightStem(word, lang);
      let id = ids.get(stem);
      if (id === undefined) {
        id = ids.size;
        ids.set(stem, id);
        documentFrequency.push(0);
      }
      out.push(id);
      if (!seen.has(id)) {
        seen.add(id);
        documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
      }
    }
    return out;
  });
  return { terms, documentFrequency, ids };
}

/** Smoothed inverse document frequency; +1 keeps terms present in every sentence above zero. */
export function inverseFrequency(documentFrequency: number, documents: number): number {
  return Math.log((documents + 1) / documentFrequency) + 1;
}

/** A unit-length TF-IDF vector for a list of term ids. */
export function tfidfVector(termIds: readonly number[], idf: (id: number) => number): SparseVector {
  const counts = new Map<number, number>();
  for (const id of termIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const ids = [...counts.keys()].sort((a, b) => a - b);
  const weights = ids.map((id) => (counts.get(id) ?? 0) * idf(id));
  const norm = Math.sqrt(weights.reduce((sum, w) => sum + w * w, 0));
  return { ids, weights: norm > 0 ? weights.map((w) => w / norm) : weights };
}

/** Cosine similarity of two unit vectors (a merge over sorted ids). */
export function cosine(a: SparseVector, b: SparseVector): number {
  let i = 0;
  let j = 0;
  let sum = 0;
  while (i < a.ids.length && j < b.ids.length) {
    const x = a.ids[i] as number;
    const y = b.ids[j] as number;
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return sum;
}
