import { stopwordLanguages, stopwordsFor } from './stopwords';
import { words } from './words';

/** Enough text to decide; reading more only costs time. */
const SAMPLE_CHARS = 3000;

/** Below this share of stop words among the sample's words, the guess is too weak to report. */
const MIN_STOPWORD_SHARE = 0.08;

/** Japanese mixes kana with Han; Chinese never uses kana, so a little kana is enough to tell them apart. */
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const MIN_KANA_SHARE = 0.1;

/** Scripts that identify one language by themselves. */
const SCRIPT_LANGUAGES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** Scripts shared by several languages: pick among these by stop words. */
const SHARED_SCRIPTS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/\p{Script=Arabic}/u, ['ar']],
  [/\p{Script=Cyrillic}/u, ['ru', 'uk']],
];

/** Letters of any script, to find the dominant one. */
const LETTERS = /\p{L}/gu;

/**
 * Guesses the language of `text` as a BCP 47 primary tag, or 'und'. Script first (cheap and sure
 * for Hebrew, Greek, CJK, Thai), then the language whose stop words cover the most words.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const letters = sample.match(LETTERS)?.length ?? 0;
  if (letters === 0) return 'und';
  if ((sample.match(KANA)?.length ?? 0) > MIN_KANA_SHARE * letters) return 'ja';
  for (const [script, lang] of SCRIPT_LANGUAGES) {
    if (countMatches(sample, script) * 2 > letters) return lang;
  }
  let candidates = stopwordLanguages().filter(
    (lang) => !['zh', 'ja', 'he', 'el', 'ar', 'ru', 'uk'].includes(lang),
  );
  for (const [script, langs] of SHARED_SCRIPTS) {
    if (countMatches(sample, script) * 2 > letters) candidates = [...langs];
  }
  return bestByStopwords(words(sample), candidates);
}

function countMatches(text: string, script: RegExp): number {
  return text.match(new RegExp(script.source, 'gu'))?.length ?? 0;
}

function bestByStopwords(tokens: readonly string[], candidates: readonly string[]): string {
  if (tokens.length === 0) return 'und';
  let best = 'und';
  let bestHits = 0;
  for (const lang of candidates) {
    const stopwords = stopwordsFor(lang);
    let hits = 0;
    for (const token of tokens) if (stopwords.has(token)) hits++;
    if (hits > bestHits) {
      best = lang;
      bestHits = hits;
    }
  }
  return bestHits / tokens.length >= MIN_STOPWORD_SHARE ? best : 'und';
}
