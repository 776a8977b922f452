import { CJK_SCRIPT, NO_SPACE_SCRIPT, SPACE_SENTENCE_SCRIPT } from './scripts';

/**
 * Letters and digits with their combining marks. Apostrophes and hyphens split words, which makes
 * "29-year-old" three tokens and "l'homme" two: both match better across sentences that way.
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*/gu;

/** A word contains a letter or digit: the test Intl.Segmenter's isWordLike mostly agrees with. */
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    segmenter = createSegmenter(lang);
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

function createSegmenter(lang: string): Intl.Segmenter {
  try {
    return new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'word' });
  } catch {
    // An invalid language tag from a page must not break summarizing.
    return new Intl.Segmenter(undefined, { granularity: 'word' });
  }
}

/**
 * The words of `text`, lower-cased (Unicode-aware). Texts in scripts without spaces (CJK, Thai)
 * go through Intl.Segmenter's dictionary word breaker; everything else uses a regex, which is
 * several times faster and gives the same words.
 */
export function words(text: string, lang = 'und'): string[] {
  if (!NO_SPACE_SCRIPT.test(text)) return text.toLowerCase().match(WORD) ?? [];
  const out: string[] = [];
  for (const part of wordSegmenter(lang).segment(text)) {
    if (part.isWordLike !== false && HAS_WORD_CHAR.test(part.segment)) out.push(part.segment.toLowerCase());
  }
  return out;
}

/** Characters of no-space scripts counted as this many per "word", so lengths stay comparable across scripts. */
const CHARS_PER_WORD_NO_SPACE = 2;

const NO_SPACE_CHARS = new RegExp(NO_SPACE_SCRIPT.source, 'gu');

/**
 * Counts words to size summaries and cap extraction: regex words, with CJK/Thai characters counted two to a
 * word. Reading time counts differently, with `countReadingUnits`.
 */
export function countWords(text: string): number {
  const noSpace = text.match(NO_SPACE_CHARS)?.length ?? 0;
  if (noSpace === 0) return text.match(WORD)?.length ?? 0;
  const rest = text.replace(NO_SPACE_CHARS, ' ');
  return (rest.match(WORD)?.length ?? 0) + Math.ceil(noSpace / CHARS_PER_WORD_NO_SPACE);
}

/**
 * What a reading time is computed from: `chars`, the Chinese and Japanese characters (Han and kana), read at
 * characters per minute; `words`, the words of every other script, read at words per minute.
 */
export interface ReadingUnits {
  words: number;
  chars: number;
}

const CJK_CHARS = new RegExp(CJK_SCRIPT.source, 'gu');

/**
 * ICU's dictionary word breaker is superlinear on long strings in Node 20 (50,000 Thai characters take a
 * second), so long texts are segmented in pieces of about this size, cut at a space where there is one.
 */
const SEGMENT_PIECE_CHARS = 1000;

/** Words of a text in Thai, Lao, Khmer or Myanmar (maybe mixed with other scripts), by Intl.Segmenter. */
function countDictionaryWords(text: string): number {
  const segmenter = wordSegmenter('und');
  let count = 0;
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + SEGMENT_PIECE_CHARS);
    const space = end < text.length ? text.lastIndexOf(' ', end) : -1;
    if (space > start + SEGMENT_PIECE_CHARS / 2) end = space;
    for (const part of segmenter.segment(text.slice(start, end))) {
      if (part.isWordLike !== false && HAS_WORD_CHAR.test(part.segment)) count++;
    }
    start = end;
  }
  return count;
}

/**
 * Counts `text` for reading time. Han and kana are counted as characters: Chinese and Japanese reading speeds
 * are measured in characters, and their words have no agreed boundaries. Thai, Lao, Khmer and Myanmar are
 * counted in words found by Intl.Segmenter's dictionary breaker: they are alphabets whose code points include
 * vowel and tone marks, so a character count says little, and reading research on them counts words. Korean
 * puts spaces between words, so its words are counted like any spaced script.
 */
export function countReadingUnits(text: string): ReadingUnits {
  const chars = text.match(CJK_CHARS)?.length ?? 0;
  const rest = chars === 0 ? text : text.replace(CJK_CHARS, ' ');
  const count = SPACE_SENTENCE_SCRIPT.test(rest)
    ? countDictionaryWords(rest)
    : (rest.match(WORD)?.length ?? 0);
  return { words: count, chars };
}
