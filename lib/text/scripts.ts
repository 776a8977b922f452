/**
 * Script tests shared by word splitting, segmentation and language detection.
 * Defined once here so the regexes are compiled once, not in loops.
 */

/** Scripts written without spaces between words: need a dictionary-based word segmenter. */
export const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Right-to-left scripts. */
export const RTL_SCRIPT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;

/** Thai, Lao, Khmer and Myanmar use spaces (not punctuation) between sentences. */
export const SPACE_SENTENCE_SCRIPT = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
