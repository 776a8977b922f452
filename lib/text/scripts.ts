/**
 * Script tests shared by word splitting, segmentation and language detection.
 * Defined once here so the regexes are compiled once, not in loops.
 */

/**
 * Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, kana, CJK ideographs):
 * they need a dictionary-based word segmenter. Written as code-point ranges rather than
 * \p{Script=…} classes because this test runs on every sentence and ranges are several times faster.
 */
export const NO_SPACE_SCRIPT =
  /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FA1F}]/u;

/**
 * Han ideographs and kana (half-width katakana too): the characters Chinese and Japanese reading speeds are
 * measured in. Ranges, like NO_SPACE_SCRIPT, for speed.
 */
export const CJK_SCRIPT =
  /[\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF66-\uFF9F\u{20000}-\u{2FA1F}]/u;

/** Right-to-left scripts. */
export const RTL_SCRIPT =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Thai, Lao, Myanmar and Khmer use spaces (not punctuation) between sentences. Ranges, for speed. */
export const SPACE_SENTENCE_SCRIPT = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;
