/**
 * Reading-time estimates for the panel ("7 min article → 40 s summary") and the popup. Words are counted
 * once, by `countWords` in lib/text/words (CJK and Thai characters two to a word); an Article carries its count.
 */

/** Average silent reading speed for non-fiction in English (Brysbaert 2019: 238 words per minute). */
const WORDS_PER_MINUTE = 238;
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
