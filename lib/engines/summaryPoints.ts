import { segmentSentences } from '../text/segmentSentences';

/** Space a tokenizer's decoding leaves before punctuation: "the bridge ." → "the bridge.". */
const SPACE_BEFORE_PUNCTUATION = /\s+([.,;:!?%)\]}»”’])/gu;

/**
 * The key points of a model's prose summary: its sentences, tidied (whitespace, the space some models leave
 * before punctuation), each once, at most `max`.
 */
export function summaryPoints(summary: string, lang: string, max: number): string[] {
  const text = summary.replace(/\s+/gu, ' ').replace(SPACE_BEFORE_PUNCTUATION, '$1').trim();
  const points: string[] = [];
  for (const { start, end } of segmentSentences(text, lang)) {
    const sentence = text.slice(start, end).trim();
    if (sentence && !points.includes(sentence)) points.push(sentence);
    if (points.length === max) break;
  }
  return points;
}
