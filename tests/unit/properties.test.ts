import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize/index';
import { readingTime } from '../../lib/reading-time';
import { countReadingUnits } from '../../lib/text/words';
import { segmentSentences } from '../../lib/text/segmentSentences';
import { languageTag, unicodeText } from './arbitraries/text';

const text = unicodeText;
const lang = languageTag;

/** A property run takes well under a second; the test timeout (not an assertion) bounds it. */
const TIMEOUT_MS = 30_000;
/** A safety bound on one call over 20,000+ characters, far above what it takes: it catches superlinear runs. */
const MAX_MS_PER_CALL = 2_000;
/** segmentSentences' cap on a sentence's length (one more when a cut moves past a surrogate pair). */
const MAX_SENTENCE_CHARS = 800;

/** Whether offset `at` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe('on random Unicode', () => {
  it(
    'summarize never throws; its points are exact slices of the text, in order, distinct, at most as asked',
    () => {
      fc.assert(
        fc.property(text, lang, fc.integer({ min: 0, max: 10 }), (input, language, n) => {
          const article = articleFromText(input, { lang: language });
          const summary = summarize(article, { sentences: n });
          if (summary.kind === 'empty') return summary.reason.length > 0;
          const seen = new Set(summary.sentences.map((s) => s.text.replace(/\s+/gu, ' ')));
          return (
            summary.sentences.length <= n &&
            seen.size === summary.sentences.length &&
            summary.sentences.every(
              (s, i) =>
                s.text.length > 0 &&
                article.text.slice(s.start, s.end) === s.text &&
                s.start >= (summary.sentences[i - 1]?.end ?? 0),
            )
          );
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'segmentSentences returns ordered, non-overlapping, trimmed spans inside the text',
    () => {
      fc.assert(
        fc.property(text, lang, (input, language) => {
          let last = 0;
          for (const { start, end } of segmentSentences(input, language)) {
            if (start < last || end <= start || end > input.length) return false;
            if (/^\s|\s$/u.test(input.slice(start, end))) return false;
            last = end;
          }
          return true;
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'segmentSentences covers the text: only whitespace lies between spans, and no span cuts a surrogate pair',
    () => {
      fc.assert(
        fc.property(text, lang, (input, language) => {
          const spans = segmentSentences(input, language);
          const gaps = spans.map((s, i) => input.slice(spans[i - 1]?.end ?? 0, s.start));
          gaps.push(input.slice(spans[spans.length - 1]?.end ?? 0));
          expect(gaps.join('')).toMatch(/^\s*$/u);
          for (const { start, end } of spans) {
            expect(splitsPair(input, start)).toBe(false);
            expect(splitsPair(input, end)).toBe(false);
          }
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'segmentSentences stays fast on long text without spaces or punctuation',
    () => {
      const long = fc
        .tuple(
          fc.constantFrom('a', '你', 'ไทย', '.', '👩‍👩‍👧', 'x\u0301', '. '),
          fc.integer({ min: 1, max: 20_000 }),
        )
        .map(([piece, times]) => piece.repeat(times));
      fc.assert(
        fc.property(long, lang, (input, language) => {
          const started = performance.now();
          const spans = segmentSentences(input, language);
          expect(performance.now() - started).toBeLessThan(MAX_MS_PER_CALL);
          expect(spans.every((s) => s.end - s.start <= MAX_SENTENCE_CHARS + 1)).toBe(true);
        }),
        { numRuns: 30 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'reading time never throws and is a positive whole number of seconds or minutes',
    () => {
      fc.assert(
        fc.property(text, lang, (input, language) => {
          const units = countReadingUnits(input);
          expect(Number.isInteger(units.words) && units.words >= 0).toBe(true);
          expect(Number.isInteger(units.chars) && units.chars >= 0).toBe(true);
          const { n, unit } = readingTime(units, language);
          expect(Number.isInteger(n) && n >= (unit === 'seconds' ? 5 : 1)).toBe(true);
        }),
        { numRuns: 300 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'extractArticle never throws on random markup',
    () => {
      const markup = fc.array(
        fc.oneof(
          text,
          fc.constantFrom(
            '<p>',
            '</p>',
            '<div class="share">',
            '</div>',
            '<h2>',
            '<br>',
            '<figure><figcaption>',
            '<a href="#">',
            '</a>',
            '<table><tr><td>',
            '<script>',
            '<!--',
          ),
        ),
        { maxLength: 40 },
      );
      fc.assert(
        fc.property(markup, (parts) => {
          const { document } = parseHTML(`<html><body>${parts.join('')}</body></html>`);
          const article = extractArticle(document as unknown as Document);
          return (
            article === null ||
            article.blocks.every((b) => article.text.slice(b.start, b.start + b.text.length) === b.text)
          );
        }),
        { numRuns: 150 },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'handles 200,000 words without punctuation, and huge paragraphs',
    () => {
      const words = Array.from({ length: 200_000 }, (_, i) => `w${i % 997}`).join(' ');
      const article = articleFromText(words);
      expect(article.truncated).toBe(true);
      const summary = summarize(article);
      expect(summary.kind).toBe('ok');
      if (summary.kind === 'ok')
        for (const s of summary.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
      const huge = { ...article, truncated: false };
      expect(() => summarize(huge, { sentences: 7 })).not.toThrow();
    },
    TIMEOUT_MS,
  );
});
