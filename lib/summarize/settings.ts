/**
 * The summarizer's free settings, each with the reason for it. `npm run bench:quality` chooses their values on
 * half A of the development files and shows what each one does on half B of every dataset (see
 * bench/qualityCrossValidation.ts); these constants are the values that choice gave.
 */

/**
 * Position decays with this half-life in sentences: news is written lead-first, so the lead is the strongest
 * single sign of a summary sentence (lead-3 is the baseline extractive methods struggle to beat).
 */
const POSITION_HALF_LIFE = 5;

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
 * Sentence-length normalisation: a sentence twice as long as the article's median loses this much times ln 2, one
 * half as long gains as much. A summary is read in the few seconds its reader has, so a point is worth what it
 * says per word; and of two sentences that score alike, the shorter leaves room for another fact.
 */
const LENGTH_NORMALIZATION = 0.1;

/**
 * A point read alone must make sense: one that starts with a pronoun or connective, is a question, or is an
 * unattributed quotation loses this much (the same for each: each leaves the reader asking who or what).
 */
const PENALTY_NOT_STANDALONE = 0.2;

/** Fragments (datelines, kickers, "Share") and run-ons (glued lists) are poor points: they lose this much. */
const PENALTY_LENGTH = 0.5;

/** Fewer words with letters than this is a fragment; digits do not count ("Stand: 17.06.2025 18:24 Uhr"). */
const MIN_WORDS = 6;

/** More words than this is a run-on: about twice a news sentence's usual length. */
const MAX_WORDS = 50;

/**
 * Two sentences more similar than this say the same thing; the lower-scoring one is skipped. High enough that
 * sentences about the same subject but adding facts both survive. It changes no three-sentence summary of the
 * development files; it guards the longer summaries of long pages that repeat themselves.
 */
const REDUNDANCY_COSINE = 0.5;

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
