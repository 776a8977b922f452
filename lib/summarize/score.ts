import { directedCentrality } from './centrality';
import type { ArticleSentence } from './sentences';
import { isQuestion, isUnattributedQuote, startsDependent } from './standalone';
import { cosine, type SparseVector } from './vectors';

/**
 * Weights of the score's parts. Each part is in [0, 1], so a weight says how much that part can
 * move a sentence at most. Position dominates because news is written lead-first (lead-3 is the
 * baseline every extractive method struggles to beat); centrality and the title pick among the
 * early sentences and bring in later ones that restate the story's core.
 */
const WEIGHT_POSITION = 1;
const WEIGHT_CENTRALITY = 0.8;
const WEIGHT_TITLE = 0.3;
/** The first sentence of a paragraph usually states the paragraph's point. */
const WEIGHT_PARAGRAPH_LEAD = 0.1;

/** Position decays with this half-life in sentences: the 6th sentence keeps half the lead's weight. */
const POSITION_HALF_LIFE = 5;

/** Penalties, in the same units as the weights above. */
/** Mild: a pronoun start is often harmless ("He was 29."), but a connective start reads as a non sequitur. */
const PENALTY_DEPENDENT_START = 0.2;
const PENALTY_QUOTE = 0.3;
const PENALTY_QUESTION = 0.4;
const PENALTY_TOO_SHORT = 0.5;
const PENALTY_TOO_LONG = 0.3;

/** Sentences outside this many words are fragments or run-ons: poor summary material. */
const MIN_WORDS = 6;
const MAX_WORDS = 50;

/** What the scorer needs about each sentence. */
export interface ScoringInput {
  sentences: readonly ArticleSentence[];
  vectors: readonly SparseVector[];
  wordCounts: readonly number[];
  title: SparseVector;
  lang: string;
}

/** One score per sentence: weighted features minus penalties for sentences that cannot stand alone. */
export function scoreSentences(input: ScoringInput): number[] {
  const centrality = directedCentrality(input.vectors);
  return input.sentences.map((sentence, i) => {
    const vector = input.vectors[i] as SparseVector;
    const position = Math.pow(0.5, sentence.index / POSITION_HALF_LIFE);
    const gain =
      WEIGHT_POSITION * position +
      WEIGHT_CENTRALITY * (centrality[i] ?? 0) +
      WEIGHT_TITLE * cosine(vector, input.title) +
      (sentence.inParagraph === 0 ? WEIGHT_PARAGRAPH_LEAD : 0);
    return gain - penalty(sentence.text, input.wordCounts[i] ?? 0, input.lang);
  });
}

function penalty(text: string, wordCount: number, lang: string): number {
  let total = 0;
  if (startsDependent(text, lang)) total += PENALTY_DEPENDENT_START;
  if (isUnattributedQuote(text)) total += PENALTY_QUOTE;
  if (isQuestion(text)) total += PENALTY_QUESTION;
  if (wordCount < MIN_WORDS) total += PENALTY_TOO_SHORT;
  if (wordCount > MAX_WORDS) total += PENALTY_TOO_LONG;
  return total;
}
