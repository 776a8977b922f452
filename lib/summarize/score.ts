import { directedCentrality } from './centrality';
import type { ArticleSentence } from './sentences';
import type { SummarizerSettings } from './settings';
import { isQuestion, isUnattributedQuote, startsDependent } from './standalone';
import { cosine, type SparseVector } from './vectors';

/** What the scorer needs about each sentence. */
export interface ScoringInput {
  sentences: readonly ArticleSentence[];
  vectors: readonly SparseVector[];
  title: SparseVector;
  lang: string;
}

/**
 * Words as the length limits count them: a run of letters (with marks and digits inside it). Numbers alone are
 * not words here, so a dateline such as "12.12.2025, 05:07 Uhr" counts as the fragment it is.
 */
const LETTER_WORD = /\p{L}[\p{L}\p{M}\p{N}]*/gu;

/**
 * One score per sentence: position, centrality, similarity to the title and whether it opens a paragraph, each
 * in [0, 1] and weighted by `settings` (position's weight is 1); minus a length term (longer than the article's
 * median sentence costs, shorter gains, by the log of the ratio, within the word limits); minus penalties for
 * sentences that cannot stand alone and for fragments and run-ons.
 */
export function scoreSentences(input: ScoringInput, settings: Readonly<SummarizerSettings>): number[] {
  const centrality = directedCentrality(input.vectors, settings.weightEarlier);
  const words = input.sentences.map((s) => s.text.match(LETTER_WORD)?.length ?? 0);
  const typical = Math.max(1, median(words));
  return input.sentences.map((sentence, i) => {
    const vector = input.vectors[i] as SparseVector;
    const count = words[i] as number;
    const position = Math.pow(0.5, sentence.index / settings.positionHalfLife);
    const gain =
      position +
      settings.weightCentrality * (centrality[i] ?? 0) +
      settings.weightTitle * cosine(vector, input.title) +
      (sentence.inParagraph === 0 ? settings.weightParagraphLead : 0);
    // Fragments and run-ons have their own penalty: the length term only ranks sentences within the limits.
    const within = count >= settings.minWords && count <= settings.maxWords;
    const length = within ? settings.lengthNormalization * Math.log(count / typical) : 0;
    return gain - length - penalty(sentence.text, count, input.lang, settings);
  });
}

function penalty(text: string, words: number, lang: string, settings: Readonly<SummarizerSettings>): number {
  let total = 0;
  if (startsDependent(text, lang) || isUnattributedQuote(text) || isQuestion(text))
    total += settings.penaltyNotStandalone;
  if (words < settings.minWords || words > settings.maxWords) total += settings.penaltyLength;
  return total;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1] ?? 0;
}
