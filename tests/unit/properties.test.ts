import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize/index';
import { segmentSentences } from '../../lib/text/segmentSentences';

// Random Unicode, biased towards what breaks text code: sentence punctuation, quotes, newlines,
// RTL and CJK letters, emoji, combining marks and lone surrogates.
const TRICKY = [
  '.',
  '?',
  '!',
  '。',
  ' ',
  '\n\n',
  '"',
  '«',
  '»',
  'Mr.',
  'U.S.',
  'z. B.',
  'שלום',
  'مرحبا',
  '你好',
  'ไทย',
  '👩‍👩‍👧',
  '\u0301',
  '\ud800',
  '\u0000',
];
const text = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(...TRICKY),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));
const lang = fc.constantFrom('en', 'fr', 'de', 'he', 'zh', 'th', 'und', 'not a tag', '');

/** A property run takes well under a second; the test timeout (not an assertion) bounds it. */
const TIMEOUT_MS = 30_000;

describe('on random Unicode', () => {
  it(
    'summarize never throws and every sentence is an exact slice of the article text',
    () => {
      fc.assert(
        fc.property(text, lang, fc.integer({ min: 0, max: 10 }), (input, language, n) => {
          const article = articleFromText(input, { lang: language });
          const summary = summarize(article, { sentences: n });
          if (summary.kind === 'empty') return summary.reason.length > 0;
          return summary.sentences.every(
            (s) => s.text.length > 0 && article.text.slice(s.start, s.end) === s.text,
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
