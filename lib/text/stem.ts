import { primaryLanguage } from './stopwords';

/**
 * Words shorter than this are left alone: stripping suffixes from short words conflates too much
 * ("news" → "new", "bus" → "bu").
 */
const MIN_STEM_INPUT = 5;

/** Suffixes stripped per language, longest first. Light on purpose: plural and common inflections only. */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  en: ['ies', 'ing', 'ed', 'es', 's'],
  fr: ['ements', 'ement', 'euses', 'euse', 'aux', 'es', 'x', 's', 'e'],
  es: ['es', 's'],
  it: ['i', 'e', 'o', 'a'],
  pt: ['ões', 'es', 's'],
  de: ['ungen', 'ung', 'en', 'er', 'es', 'e', 'n', 's'],
  nl: ['en', 's'],
};

/**
 * A light stem: strips one common inflectional suffix so "protesters"/"protester" and
 * "Regierung"/"Regierungen" match. It is not a linguistic stemmer and does not need to be:
 * it only has to map variants of a word to the same key, consistently.
 */
export function lightStem(word: string, lang: string): string {
  if (word.length < MIN_STEM_INPUT) return word;
  const suffixes = SUFFIXES[primaryLanguage(lang)];
  if (!suffixes) return word;
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM_INPUT - 1) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}
