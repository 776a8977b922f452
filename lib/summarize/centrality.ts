import type { SparseVector } from './vectors';

/**
 * PacSum's edge threshold (Zheng & Lapata 2019, "Sentence Centrality Revisited"): an edge counts
 * only by how much it exceeds min + β·(max − min) of all edges. The paper tunes β = 0.6 for
 * centrality used alone; combined with our position prior, keeping every edge (β = 0) ranked
 * better in English, French and German alike, so weak similarities are evidence too.
 */
const EDGE_THRESHOLD_BETA = 0;

/**
 * PacSum's directed weights: similarity to LATER sentences is evidence of centrality (a news
 * sentence that later sentences elaborate on), similarity to EARLIER ones is evidence that a
 * sentence repeats what was said. The paper's tuned TF-IDF setting is λ1 = −2 (earlier),
 * λ2 = 1 (later); we soften the penalty because our position feature already favours the lead.
 */
const WEIGHT_LATER = 1;
const WEIGHT_EARLIER = -0.5;

/**
 * Directed, position-aware centrality of each sentence, scaled to [0, 1].
 * Quadratic in the number of vectors: callers cap how many they pass.
 */
export function directedCentrality(vectors: readonly SparseVector[]): number[] {
  const n = vectors.length;
  const similarity = similarityMatrix(vectors);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const value = similarity[i * n + j] as number;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  const threshold = min + EDGE_THRESHOLD_BETA * (max - min);
  const scores = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const edge = (similarity[i * n + j] as number) - threshold;
      if (edge <= 0) continue;
      scores[i] = (scores[i] as number) + (j > i ? WEIGHT_LATER : WEIGHT_EARLIER) * edge;
    }
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
