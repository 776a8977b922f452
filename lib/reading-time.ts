/**
 * Reading-time estimates for the panel ("7 min article → 40 s summary") and the popup.
 */

/** Average silent reading speed for non-fiction in English (Brysbaert 2019: 238 words per minute). */
const WORDS_PER_MINUTE = 238;
/** Scripts without spaces between words: one word is about two characters of text. */
const DENSE_SCRIPT_CHAR = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/g;
const DENSE_CHARS_PER_WORD = 2;

/** Counts words in any script: space-separated words plus dense-script characters / 2. */
export function countWords(text: string): number {
  const dense = text.match(DENSE_SCRIPT_CHAR)?.length ?? 0;
  const spaced = text.replace(DENSE_SCRIPT_CHAR, ' ').split(/\s+/).filter(Boolean).length;
  return spaced + Math.round(dense / DENSE_CHARS_PER_WORD);
}

/** Whole minutes to read `words`, at least 1. */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** A reading time in the unit a person would say: seconds (in fives) under a minute, else minutes. */
export function readingTime(words: number): { n: number; unit: 'seconds' | 'minutes' } {
  const seconds = Math.round((words / WORDS_PER_MINUTE) * 60);
  if (seconds < 60) return { n: Math.max(5, Math.round(seconds / 5) * 5), unit: 'seconds' };
  return { n: readingMinutes(words), unit: 'minutes' };
}
