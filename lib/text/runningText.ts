import { countWords } from './words';

/**
 * Which paragraphs are running text, by their form rather than by words of one language: a sentence of a story
 * ends with a sentence mark and has more than one word. A short line without a mark is a kicker, a subhead, a
 * name, a date, a reading time or a byline: page furniture looks the same in every language, so these rules
 * need no word lists. The summarizer quotes running text only; extraction keeps every line, so that the text an
 * AI engine reads, and the extraction benchmarks, still see tables and lists.
 */

/** A sentence's last mark, in the scripts that have one, optionally followed by closing quotes or brackets. */
const SENTENCE_END = /[.!?…。！？．｡։।॥؟۔።။។៕།‼⁇⁈⁉]["'”’»«›)\]）」』】〕〗\s]*$/u;
/** Lines longer than this are prose even without a final mark (a paragraph whose last sentence lost it). */
const MAX_LABEL_WORDS = 20;
/** A one-word paragraph is a dateline, a place or a label ("Hamburg."), not a sentence. */
const MIN_SENTENCE_WORDS = 2;
/** A sentence mark anywhere in a paragraph, where a sentence ends (before a space or at the end). */
const SENTENCE_MARK = /[.!?…。！？．｡։।॥؟۔።။។៕།‼⁇⁈⁉]["'”’»«›)\]）」』】〕〗]*(?:\s|$)/u;
/** A paragraph this long or longer shows whether the article's script marks its sentences' ends. */
const MIN_PROSE_WORDS = 20;
/**
 * Only where most long paragraphs use sentence marks is a missing one telling: Thai, for one, ends sentences
 * with a space.
 */
const MIN_MARKED_SHARE = 0.5;

/** Whether most of the long paragraphs among `paragraphs` mark their sentences' ends. */
export function marksSentenceEnds(paragraphs: readonly string[]): boolean {
  let long = 0;
  let marked = 0;
  for (const text of paragraphs) {
    if (countWords(text) < MIN_PROSE_WORDS) continue;
    long++;
    if (SENTENCE_MARK.test(text)) marked++;
  }
  return long > 0 && marked / long >= MIN_MARKED_SHARE;
}

/**
 * Whether a paragraph is running text: more than one word, and, in an article whose paragraphs end with
 * sentence marks (`marked`, from marksSentenceEnds), either long or ending with one.
 */
export function isRunningText(text: string, marked: boolean): boolean {
  const words = countWords(text);
  if (words < MIN_SENTENCE_WORDS) return false;
  return !marked || words > MAX_LABEL_WORDS || SENTENCE_END.test(text);
}
