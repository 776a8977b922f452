/**
 * A generated article of about 200,000 words: the "enormous page" case. Deterministic (a fixed
 * pseudo-random sequence), so every run measures the same page.
 */

/** Name of the generated page in the results. */
export const SYNTHETIC_NAME = 'synthetic-200k-words';
/** The size the issue asks the panel to cope with. */
const TARGET_WORDS = 200_000;
/** Typical news paragraphs: a few sentences of 12–28 words. */
const SENTENCES_PER_PARAGRAPH = 5;
const MIN_SENTENCE_WORDS = 12;
const SENTENCE_WORD_SPREAD = 17;
/** A subheading every so often, as long reports have. */
const PARAGRAPHS_PER_SECTION = 40;
/** Seed and constants of a small linear congruential generator (Numerical Recipes). */
const SEED = 20_240_601;
const LCG_A = 1_664_525;
const LCG_C = 1_013_904_223;

const VOCABULARY = (
  'the council said on monday that its new budget would fund schools roads and hospitals across the region ' +
  'officials expect the plan to cost more than previous estimates because prices for energy and materials ' +
  'rose sharply during the year residents told reporters they were worried about rents wages and the future ' +
  'of local businesses while economists argued that growth would return once interest rates began to fall ' +
  'the minister promised a review of the program and said the government would publish its findings soon ' +
  'critics questioned whether the money would reach the people who needed it most in rural communities'
).split(' ');

/** The generated page's HTML and its word count. */
export function syntheticArticle(): { html: string; words: number } {
  let state = SEED;
  const next = (n: number): number => {
    state = (Math.imul(state, LCG_A) + LCG_C) >>> 0;
    return state % n;
  };
  const sentence = (): string => {
    const length = MIN_SENTENCE_WORDS + next(SENTENCE_WORD_SPREAD);
    const words = Array.from({ length }, () => VOCABULARY[next(VOCABULARY.length)]!);
    const text = words.join(' ');
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  };
  const parts: string[] = [];
  let words = 0;
  for (let p = 0; words < TARGET_WORDS; p++) {
    if (p % PARAGRAPHS_PER_SECTION === 0) parts.push(`<h2>Part ${p / PARAGRAPHS_PER_SECTION + 1}</h2>`);
    const paragraph = Array.from({ length: SENTENCES_PER_PARAGRAPH }, sentence).join(' ');
    words += paragraph.split(' ').length;
    parts.push(`<p>${paragraph}</p>`);
  }
  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A very long report</title>' +
    '<meta property="og:type" content="article"></head><body><header><a href="/">Home</a></header>' +
    `<main><article><h1>A very long report</h1>${parts.join('\n')}</article></main></body></html>`;
  return { html, words };
}
