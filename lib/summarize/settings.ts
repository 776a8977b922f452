/**
 * The summarizer's free settings, each with the reason for it. `npm run bench:quality` chooses their values on
 * half A of the development files and shows what each one does on half B of every dataset (see
 * bench/qualityCrossValidation.ts and docs/quality.md); these constants are the values that choice gave, and the
 * benchmark checks that they still are.
 */

/**
 * Position decays with this half-life in sentences, so the lead's sentences dominate (the third counts half the
 * first, the seventh an eighth): news is written lead-first, and lead-3 is the baseline extractive methods
 * struggle to beat. A half-life this short is safe because only running text is counted, so datelines and kickers
 * do not push the lead back; centrality picks among the lead and lets in only a later sentence central enough.
 * The searches on both halves chose 2 over a longer one.
 */
const POSITION_HALF_LIFE = 2;

/**
 * Weight of centrality (PacSum, Zheng & Lapata 2019) against position, whose weight is 1: centrality picks among
 * the early sentences and brings in later ones that restate the story's core.
 */
const WEIGHT_CENTRALITY = 0.8;

/**
 * PacSum's directed edges: similarity to a LATER sentence counts 1 (later sentences elaborate on what the
 * sentence states), similarity to an EARLIER one counts this much (the sentence repeats what was said). The
 * paper's TF-IDF setting is −2; softer here because the position prior already favours the lead.
 */
const WEIGHT_EARLIER = -0.5;

/** The title states the story's point: similarity to it is evidence (pages only; text input has no title). */
const WEIGHT_TITLE = 0.3;

/** The first sentence of a paragraph usually states the paragraph's point. */
const WEIGHT_PARAGRAPH_LEAD = 0.1;

/**
 * Sentence-length normalisation, off: the search found no gain from it on either half. The idea, kept for the
 * benchmark to try, is that a point is worth what it says per word: a sentence twice as long as the article's
 * median would lose this much times ln 2, one half as long gain as much.
 */
const LENGTH_NORMALIZATION = 0;

/**
 * A point read alone must make sense: one that starts with a pronoun or connective, is a question, or is an
 * unattributed quotation loses this much (the same for each: each leaves the reader asking who or what).
 */
const PENALTY_NOT_STANDALONE = 0.2;

/**
 * Fragments (a credit or a call to action with a full stop) and run-ons (lists glued into one sentence) are poor
 * points: they lose this much.
 */
const PENALTY_LENGTH = 0.5;

/**
 * Fewer words with letters than this is a fragment; digits do not count ("Stand: 17.06.2025 18:24 Uhr." is two
 * words). Low because dates, bylines and kickers are already left out as not running text: the limit only has to
 * catch the short fragments that end like a sentence, and spares real sentences of four or five words.
 */
const MIN_WORDS = 4;

/** More words than this is a run-on: about twice a news sentence's usual length. */
const MAX_WORDS = 50;

/**
 * Two sentences whose TF-IDF cosine is above this (about a third of their weighted content words in common) say
 * the same thing; the lower-scoring one is skipped. Low because a few points have no room to say one thing twice,
 * and safe because the best skipped sentences fill a summary that would otherwise fall short. It changes few
 * three-sentence summaries (0.5 or none costs at most 0.21 R1 on half B); above all it guards the longer summaries
 * of long pages that repeat themselves.
 */
const REDUNDANCY_COSINE = 0.3;

/** The summarizer's free settings (see the constants above for what each one means). */
export interface SummarizerSettings {
  positionHalfLife: number;
  weightCentrality: number;
  weightEarlier: number;
  weightTitle: number;
  weightParagraphLead: number;
  lengthNormalization: number;
  penaltyNotStandalone: number;
  penaltyLength: number;
  minWords: number;
  maxWords: number;
  redundancyCosine: number;
}

/** The settings the extension runs with. */
export const SETTINGS: Readonly<SummarizerSettings> = {
  positionHalfLife: POSITION_HALF_LIFE,
  weightCentrality: WEIGHT_CENTRALITY,
  weightEarlier: WEIGHT_EARLIER,
  weightTitle: WEIGHT_TITLE,
  weightParagraphLead: WEIGHT_PARAGRAPH_LEAD,
  lengthNormalization: LENGTH_NORMALIZATION,
  penaltyNotStandalone: PENALTY_NOT_STANDALONE,
  penaltyLength: PENALTY_LENGTH,
  minWords: MIN_WORDS,
  maxWords: MAX_WORDS,
  redundancyCosine: REDUNDANCY_COSINE,
};
