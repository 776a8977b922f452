import type { ReadingUnits } from './text/words';

/**
 * Reading-time estimates for the panel ("7 min article → 40 s summary") and the popup, per language: words
 * per minute for spaced scripts, characters per minute for Chinese and Japanese. Count a text with
 * `countReadingUnits` (lib/text/words), then ask for its time in the text's language.
 *
 * Sources:
 * - Brysbaert M. (2019), "How many words do we read per minute? A review and meta-analysis of reading rate",
 *   Journal of Memory and Language 109, 104047: adults read English non-fiction silently at 238 words/min.
 * - Trauzettel-Klosinski S., Dietz K. & the IReST Study Group (2012), "Standardized assessment of reading
 *   performance: the new International Reading Speed Texts IReST", IOVS 53(9):5452–5461: the same
 *   texts, matched in content and difficulty, read by native speakers of 17 languages.
 *
 * IReST timed reading aloud, which is slower than silent reading, and English readers there read 228 words/min.
 * Because its texts say the same thing in every language, the ratio between two languages is how many words of
 * one carry a minute of the other; Brysbaert notes that rates in other languages follow from exactly that. So
 * each IReST rate is scaled by 238 / 228: English stays at Brysbaert's silent rate and the other languages
 * keep IReST's proportions.
 */

/** Brysbaert (2019): silent reading of English non-fiction. */
const ENGLISH_SILENT_WORDS_PER_MINUTE = 238;
/** IReST (2012): English read aloud, the anchor of the scaling above. */
const IREST_ENGLISH_WORDS_PER_MINUTE = 228;

/** IReST (2012): mean words per minute, for the languages of spaced scripts it measured. */
const IREST_WORDS_PER_MINUTE: Readonly<Record<string, number>> = {
  ar: 138,
  de: 179,
  en: IREST_ENGLISH_WORDS_PER_MINUTE,
  es: 218,
  fi: 161,
  fr: 195,
  he: 187,
  it: 188,
  nl: 202,
  pl: 166,
  pt: 181,
  ru: 184,
  sl: 180,
  sv: 199,
  tr: 166,
};

/** IReST (2012): Chinese and Japanese in characters per minute (kana count as characters). */
const IREST_CHARS_PER_MINUTE: Readonly<Record<string, number>> = { zh: 255, ja: 357 };

/**
 * Languages IReST did not measure (Korean, Thai, Hindi, 'und' when detection failed…) read at IReST's mean
 * over all 17 languages, 184 words/min: no better guess exists for an unknown language, and English's rate
 * would overstate the speed of most others.
 */
const IREST_MEAN_WORDS_PER_MINUTE = 184;

/**
 * Han and kana in a text whose language is neither Chinese nor Japanese (a quoted name, Hanja in Korean, a
 * Chinese page declared as English) read at the Chinese rate, the slower of the two: Han-only text is denser.
 */
const DEFAULT_CHARS_LANGUAGE = 'zh';

/**
 * The primary subtag of a BCP 47 tag, lower-cased ("zh-Hant-TW" → "zh"). Not lib/text/stopwords'
 * primaryLanguage: importing that module brings its stop-word lists into the small always-on script.
 */
const PRIMARY_SUBTAG = /^[a-z]{2,3}(?=$|[-_])/i;

/** Silent reading speeds for one language: words of spaced scripts, and Han/kana characters. */
export interface ReadingSpeed {
  wordsPerMinute: number;
  charsPerMinute: number;
}

/** An IReST rate made a silent one (multiplied first, so English comes out at exactly 238). */
function silent(irestRate: number): number {
  return (irestRate * ENGLISH_SILENT_WORDS_PER_MINUTE) / IREST_ENGLISH_WORDS_PER_MINUTE;
}

/** The reading speed for a BCP 47 tag (only its primary subtag counts); unknown languages get the default. */
export function readingSpeed(lang: string): ReadingSpeed {
  const primary = PRIMARY_SUBTAG.exec(lang.trim())?.[0].toLowerCase() ?? '';
  const words = IREST_WORDS_PER_MINUTE[primary] ?? IREST_MEAN_WORDS_PER_MINUTE;
  const chars = IREST_CHARS_PER_MINUTE[primary] ?? IREST_CHARS_PER_MINUTE[DEFAULT_CHARS_LANGUAGE];
  return { wordsPerMinute: silent(words), charsPerMinute: silent(chars ?? 0) };
}

/** Seconds to read a text of language `lang` (a BCP 47 tag) with these counts (`countReadingUnits`). */
export function readingSeconds(units: ReadingUnits, lang: string): number {
  const speed = readingSpeed(lang);
  return (units.words / speed.wordsPerMinute + units.chars / speed.charsPerMinute) * 60;
}

/** Whole minutes to read a text of language `lang` with these counts (`countReadingUnits`), at least 1. */
export function readingMinutes(units: ReadingUnits, lang: string): number {
  return Math.max(1, Math.round(readingSeconds(units, lang) / 60));
}

/** A reading time in the unit a person would say: seconds (in fives) under a minute, else whole minutes. */
export function readingTime(units: ReadingUnits, lang: string): { n: number; unit: 'seconds' | 'minutes' } {
  // Rounded to fives first, so 58 s reads "1 min", not "60 s".
  const fives = Math.max(5, Math.round(readingSeconds(units, lang) / 5) * 5);
  if (fives < 60) return { n: fives, unit: 'seconds' };
  return { n: readingMinutes(units, lang), unit: 'minutes' };
}
