import type { Article } from '../article';
import { articleSentences } from './sentences';

/** Summary length names, shortest first. */
export type SummaryLength = 'short' | 'medium' | 'long';

/**
 * Medium-length sentence counts by article length in words: three for a typical news story
 * (CNN's own highlights are three to four lines), growing slowly (about one per doubling of length)
 * so a 5,000-word feature gets six and the longest reads get seven.
 */
const MEDIUM_BY_WORDS: ReadonlyArray<readonly [maxWords: number, sentences: number]> = [
  [900, 3],
  [1600, 4],
  [3000, 5],
  [6000, 6],
];
const MEDIUM_MAX = 7;

/** Short and long summaries: one fewer (never below two) and half as many again. */
const SHORT_DELTA = -1;
const SHORT_MIN = 2;
const LONG_FACTOR = 1.5;

/**
 * The adaptive default number of summary sentences for an article and a length setting,
 * never more than the article has.
 */
export function sentenceCount(article: Article, length: SummaryLength): number {
  const available = articleSentences(article).length;
  return Math.min(available, countForWords(article.wordCount, length));
}

/** The count for a word count, before capping by the sentences available. */
export function countForWords(wordCount: number, length: SummaryLength): number {
  const medium = MEDIUM_BY_WORDS.find(([maxWords]) => wordCount <= maxWords)?.[1] ?? MEDIUM_MAX;
  if (length === 'short') return Math.max(SHORT_MIN, medium + SHORT_DELTA);
  if (length === 'long') return Math.round(medium * LONG_FACTOR);
  return medium;
}
