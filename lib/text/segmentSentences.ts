import { NUMBER_ABBREVIATIONS, ORDINAL_DOT_LANGUAGES, TITLE_ABBREVIATIONS } from './abbreviations';
import { SPACE_SENTENCE_SCRIPT } from './scripts';
import { primaryLanguage, stopwordsFor } from './stopwords';

/** A sentence as offsets into the segmented text: text.slice(start, end), trimmed. */
export interface Span {
  start: number;
  end: number;
}

/**
 * ICU's sentence breaker is superlinear on very long strings in Node 20; cutting a long paragraph
 * into pieces of about this size (at a sentence-like boundary) keeps segmentation linear.
 */
const CHUNK_CHARS = 4000;

/** Longer "sentences" (no punctuation, lists glued together) are cut at a space so a summary stays readable. */
const MAX_SENTENCE_CHARS = 800;

/**
 * Paragraphs glued without a space, as in "…Pyrénées.Alors que…": sentence punctuation directly
 * followed by a capitalised word. The regex starts at the punctuation (rare, so it scans fast);
 * `isGluedEnd` then checks what precedes it.
 */
const GLUED_PUNCTUATION = /[.!?…]+["”»’)]*(?=\p{Lu}\p{Ll})/gu;

/**
 * Before the punctuation: two lower-case letters or digits, or one and a closing quote. Initialisms
 * such as "U.S.A" do not qualify because the letter before the period is upper-case or single.
 */
const GLUED_BEFORE = /(?:[\p{Ll}\p{N}]{2}|[\p{Ll}\p{N}][)"”»’])$/u;

/** The last token of a sentence that ends in a period: the candidate abbreviation. */
const LAST_TOKEN = /(?:^|[\s(“"«‘])([^\s(“"«‘]+)\.$/u;

/** A single letter with a period: an initial ("John F. Kennedy") or "z. B.". */
const INITIAL = /^\p{L}$/u;

/** Upper-case initialisms: "U.S", "U.N", "E.U". */
const INITIALISM = /^(?:\p{Lu}\.)+\p{Lu}$/u;

/** A 1-2 digit ordinal number. */
const ORDINAL = /^\d{1,2}$/;

const FIRST_WORD = /^[\s"“”«»'‘’(]*([\p{L}\p{N}]+)/u;
const STARTS_WITH_DIGIT = /^[\s"“«(]*\d/u;

const WHITESPACE = /\s/u;

/** Whitespace test without a regex for the common ASCII cases: it runs on every span edge. */
function isSpace(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && WHITESPACE.test(ch);
}

/** Spaces between runs of Thai/Lao/Khmer/Myanmar: those scripts mark sentence ends with a space. */
const SPACE_BETWEEN_SENTENCES =
  /(?<=[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])\s+(?=[\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}])/gu;

const segmenters = new Map<string, Intl.Segmenter>();

function sentenceSegmenter(lang: string): Intl.Segmenter {
  let segmenter = segmenters.get(lang);
  if (!segmenter) {
    try {
      segmenter = new Intl.Segmenter(lang === 'und' ? undefined : lang, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter(undefined, { granularity: 'sentence' });
    }
    segmenters.set(lang, segmenter);
  }
  return segmenter;
}

/**
 * Splits one paragraph into sentences with Intl.Segmenter, then repairs what ICU gets wrong in
 * news text: abbreviations and initials, German ordinals, sentences glued without a space, Thai
 * sentences separated by spaces, and run-on text with no punctuation at all.
 * Call it once per paragraph; long paragraphs are segmented in chunks to stay linear.
 */
export function segmentSentences(text: string, lang = 'und'): Span[] {
  const spans: Span[] = [];
  for (const chunk of chunks(text)) {
    const raw = splitGlued(text, icuSpans(text, chunk.start, chunk.end, lang), gluedCuts(text, chunk));
    for (const span of mergeFalseBreaks(text, raw, lang)) spans.push(span);
  }
  const thai = SPACE_SENTENCE_SCRIPT.test(text);
  const out: Span[] = [];
  for (const span of thai ? spans.flatMap((s) => splitOnSpaces(text, s)) : spans) {
    if (span.end - span.start > MAX_SENTENCE_CHARS) out.push(...capLength(text, span));
    else out.push(span);
  }
  return out;
}

function chunks(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  while (text.length - start > CHUNK_CHARS) {
    const end = chunkEnd(text, start);
    out.push({ start, end });
    start = end;
  }
  out.push({ start, end: text.length });
  return out;
}

/** The best cut in the second half of a chunk: after sentence punctuation and a space, else at a space. */
function chunkEnd(text: string, start: number): number {
  const limit = start + CHUNK_CHARS;
  let space = -1;
  for (let i = limit; i > start + CHUNK_CHARS / 2; i--) {
    if (!isSpace(text[i])) continue;
    if ('.!?。！？'.includes(text[i - 1] ?? '')) return i + 1;
    if (space < 0) space = i + 1;
  }
  if (space > 0) return space;
  return isLowSurrogate(text.charCodeAt(limit)) ? limit + 1 : limit;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function icuSpans(text: string, from: number, to: number, lang: string): Span[] {
  const out: Span[] = [];
  for (const part of sentenceSegmenter(lang).segment(text.slice(from, to))) {
    const span = trim(text, from + part.index, from + part.index + part.segment.length);
    if (span) out.push(span);
  }
  return out;
}

function trim(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

/** Offsets (in `text`) just after glued sentence punctuation within the chunk. */
function gluedCuts(text: string, chunk: Span): number[] {
  const cuts: number[] = [];
  const slice = text.slice(chunk.start, chunk.end);
  for (const match of slice.matchAll(GLUED_PUNCTUATION)) {
    const at = match.index ?? 0;
    if (GLUED_BEFORE.test(slice.slice(Math.max(0, at - 2), at)))
      cuts.push(chunk.start + at + match[0].length);
  }
  return cuts;
}

/** Cuts spans at the glued boundaries (both lists are in text order). */
function splitGlued(text: string, spans: Span[], cuts: readonly number[]): Span[] {
  if (cuts.length === 0) return spans;
  const out: Span[] = [];
  let c = 0;
  for (const span of spans) {
    let start = span.start;
    while (c < cuts.length && (cuts[c] as number) <= start) c++;
    while (c < cuts.length && (cuts[c] as number) < span.end) {
      const piece = trim(text, start, cuts[c] as number);
      if (piece) out.push(piece);
      start = cuts[c] as number;
      c++;
    }
    const last = trim(text, start, span.end);
    if (last) out.push(last);
  }
  return out;
}

/**
 * Closing guillemets and quotes that ICU leaves at the start of the next sentence: French puts a
 * space before "»", and ICU only keeps a closing mark with its sentence when no space precedes it.
 */
const LEADING_CLOSERS = /^[»”’)\]]+/u;

function mergeFalseBreaks(text: string, spans: Span[], lang: string): Span[] {
  const out: Span[] = [];
  for (const original of spans) {
    let span = original;
    const previous = out[out.length - 1];
    const closers = LEADING_CLOSERS.exec(text.slice(span.start, span.start + 8))?.[0].length ?? 0;
    if (previous && closers > 0) {
      previous.end = span.start + closers;
      const rest = trim(text, span.start + closers, span.end);
      if (!rest) continue;
      span = rest;
    }
    if (
      previous &&
      isFalseBreak(text.slice(previous.start, previous.end), text.slice(span.start, span.end), lang)
    ) {
      previous.end = span.end;
    } else {
      out.push({ ...span });
    }
  }
  return out;
}

/** Whether ICU broke after an abbreviation, initial or ordinal rather than at a sentence end. */
export function isFalseBreak(before: string, after: string, lang: string): boolean {
  const token = LAST_TOKEN.exec(before)?.[1];
  if (!token) return false;
  if (TITLE_ABBREVIATIONS.has(token)) return true;
  if (STARTS_WITH_DIGIT.test(after) && NUMBER_ABBREVIATIONS.has(token)) return true;
  const nextWord = FIRST_WORD.exec(after)?.[1] ?? '';
  const nextIsFunctionWord = stopwordsFor(lang).has(nextWord.toLowerCase());
  if (INITIAL.test(token)) return !nextIsFunctionWord || before.length < 3;
  if (INITIALISM.test(token)) return nextWord !== '' && !nextIsFunctionWord;
  if (ORDINAL.test(token) && ORDINAL_DOT_LANGUAGES.has(primaryLanguage(lang))) return !nextIsFunctionWord;
  return false;
}

function splitOnSpaces(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  for (const match of text.slice(span.start, span.end).matchAll(SPACE_BETWEEN_SENTENCES)) {
    const at = span.start + (match.index ?? 0);
    out.push({ start, end: at });
    start = at + match[0].length;
  }
  out.push({ start, end: span.end });
  return out;
}

function capLength(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    let cut = text.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
    if (cut <= start + MAX_SENTENCE_CHARS / 2) cut = start + MAX_SENTENCE_CHARS;
    if (isLowSurrogate(text.charCodeAt(cut))) cut++;
    const piece = trim(text, start, cut);
    if (piece) out.push(piece);
    start = cut;
  }
  const last = trim(text, start, span.end);
  if (last) out.push(last);
  return out;
}
