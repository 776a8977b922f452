import type { SparseVector } from './vectors';

/**
 * Directed, position-aware centrality of each sentence (PacSum, Zheng & Lapata 2019), scaled to [0, 1]: the sum
 * of its similarities to later sentences plus `weightEarlier` times the sum of those to earlier ones. Every edge
 * counts: PacSum's threshold (β = 0.6, only edges above min + β·(max − min)) ranked worse with our position
 * prior in English, French and German alike, so weak similarities are evidence too.
 * Quadratic in the number of vectors: callers cap how many they pass.
 */
export function directedCentrality(vectors: readonly SparseVector[], weightEarlier: number): number[] {
  const n = vectors.length;
  const similarity = similarityMatrix(vectors);
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let later = 0;
    let earlier = 0;
    for (let j = 0; j < n; j++) {
      if (j > i) later += similarity[i * n + j] as number;
      else if (j < i) earlier += similarity[i * n + j] as number;
    }
    scores[i] = later + weightEarlier * earlier;
  }
  return scaleToUnit(scores);
}

/** Pairwise cosine similarities through an inverted index: only pairs sharing a term cost anything. */
function similarityMatrix(vectors: readonly SparseVector[]): Float64Array {
  const n = vectors.length;
  const matrix = new Float64Array(n * n);
  const postings = new Map<number, Array<[sentence: number, weight: number]>>();
  vectors.forEach((vector, sentence) => {
    vector.ids.forEach((id, k) => {
      const weight = vector.weights[k] as number;
      const list = postings.get(id);
      if (list) list.push([sentence, weight]);
      else postings.set(id, [[sentence, weight]]);
    });
  });
  for (const list of postings.values()) {
    for (let a = 0; a < list.length; a++) {
      const [i, wi] = list[a] as [number, number];
      for (let b = a + 1; b < list.length; b++) {
        const [j, wj] = list[b] as [number, number];
        matrix[i * n + j] = (matrix[i * n + j] as number) + wi * wj;
        matrix[j * n + i] = (matrix[j * n + i] as number) + wi * wj;
      }
    }
  }
  return matrix;
}

function scaleToUnit(values: number[]): number[] {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const range = max - min;
  return values.map((v) => (range > 0 ? (v - min) / range : 0));
}
