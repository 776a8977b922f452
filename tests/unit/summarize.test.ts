import { describe, expect, it } from 'vitest';
import type { Article } from '../../lib/article';
import { articleFromText } from '../../lib/extract/index';
import { sentenceCount, summarize } from '../../lib/summarize/index';
import { countForWords } from '../../lib/summarize/sentenceCount';
import { startsDependent } from '../../lib/summarize/standalone';

const STORY = [
  'The city council approved a new budget on Tuesday after months of debate over schools and roads.',
  'The plan raises property taxes slightly and expands bus service to the northern districts.',
  'He said it was a good day.',
  'Critics on the council argued that the tax increase would hurt families already struggling with rents.',
  'The mayor, who proposed the budget in March, called the vote a victory for the city’s schools.',
  'Will it work?',
  'The budget takes effect in July and will be reviewed by the council again next spring.',
].join(' ');

function expectExact(article: Article, summary: ReturnType<typeof summarize>): void {
  if (summary.kind !== 'ok') throw new Error(`expected a summary, got: ${summary.reason}`);
  for (const s of summary.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
  const starts = summary.sentences.map((s) => s.start);
  expect(starts).toEqual([...starts].sort((a, b) => a - b));
}

describe('summarize', () => {
  it.each([1, 2, 3, 5])('returns %i sentences in article order, each exactly a slice of the text', (n) => {
    const article = articleFromText(STORY);
    const summary = summarize(article, { sentences: n });
    expectExact(article, summary);
    expect(summary.kind === 'ok' && summary.sentences.length).toBe(n);
  });

  it('prefers sentences that stand alone over a dangling pronoun start or a question', () => {
    const summary = summarize(articleFromText(STORY), { sentences: 3 });
    const texts = summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
    expect(texts).not.toContain('He said it was a good day.');
    expect(texts).not.toContain('Will it work?');
    expect(texts[0]).toMatch(/^The city council approved/);
  });

  it('never returns more sentences than the article has', () => {
    const summary = summarize(articleFromText('Only one sentence here.'), { sentences: 5 });
    expect(summary.kind === 'ok' && summary.sentences.map((s) => s.text)).toEqual([
      'Only one sentence here.',
    ]);
  });

  // Shrunk counterexample of tests/unit/properties-html.test.ts: a sentence glued to a copy of itself, two asked.
  it('does not repeat a sentence the article repeats: "…coming year.The city council voted…", 2 sentences', () => {
    const sentence = 'The city council voted on Tuesday to approve a new budget for the coming year.';
    const article = articleFromText(`${sentence}${sentence}`);
    const summary = summarize(article, { sentences: 2 });
    expect(summary.kind === 'ok' && summary.sentences.map((s) => s.text)).toEqual([sentence]);
  });

  it('does not repeat a sentence that differs from an earlier one only in its spacing', () => {
    const text = 'Prices rose sharply this week. Prices  rose\nsharply this week. Markets fell on Friday.';
    const summary = summarize(articleFromText(text), { sentences: 3 });
    expect(summary.kind === 'ok' && summary.sentences.map((s) => s.text)).toEqual([
      'Prices rose sharply this week.',
      'Markets fell on Friday.',
    ]);
  });

  it.each([
    { name: 'empty text', text: '' },
    { name: 'only whitespace', text: ' \n\n \t ' },
  ])('gives an empty summary with a reason for $name', ({ text }) => {
    const summary = summarize(articleFromText(text));
    expect(summary.kind).toBe('empty');
    expect(summary.kind === 'empty' && summary.reason.length).toBeGreaterThan(0);
  });

  it('skips headings and keeps offsets right across paragraphs', () => {
    const article: Article = {
      ...articleFromText(`${STORY}\n\n${STORY}`),
    };
    const withHeading: Article = {
      ...article,
      blocks: [
        { kind: 'heading', text: 'Budget passes', start: 0 },
        ...article.blocks.map((b) => ({ ...b, start: b.start + 15 })),
      ],
      text: `Budget passes\n\n${article.text}`,
    };
    const summary = summarize(withHeading, { sentences: 4 });
    expectExact(withHeading, summary);
    expect(summary.kind === 'ok' && summary.sentences.some((s) => s.text === 'Budget passes')).toBe(false);
  });
});

describe('sentenceCount', () => {
  it.each([
    { words: 100, short: 2, medium: 3, long: 5 },
    { words: 700, short: 2, medium: 3, long: 5 },
    { words: 1200, short: 3, medium: 4, long: 6 },
    { words: 2500, short: 4, medium: 5, long: 8 },
    { words: 5000, short: 5, medium: 6, long: 9 },
    { words: 12000, short: 6, medium: 7, long: 11 },
  ])('$words words → short $short, medium $medium, long $long', ({ words, short, medium, long }) => {
    expect([
      countForWords(words, 'short'),
      countForWords(words, 'medium'),
      countForWords(words, 'long'),
    ]).toEqual([short, medium, long]);
  });

  it('is capped by the sentences the article has', () => {
    const article = articleFromText('One sentence. Two sentences.');
    expect(sentenceCount(article, 'long')).toBe(2);
    expect(sentenceCount(articleFromText(''), 'medium')).toBe(0);
  });
});

describe('startsDependent', () => {
  it.each([
    { sentence: 'He said it was a good day.', lang: 'en', dependent: true },
    { sentence: 'However, the vote was close.', lang: 'en', dependent: true },
    { sentence: 'The council voted on Tuesday.', lang: 'en', dependent: false },
    { sentence: 'Das ist die größte Schuldenlast der Welt.', lang: 'de', dependent: true },
    { sentence: 'Das Gericht untersagte dem Mann jede weitere Spende.', lang: 'de', dependent: false },
    { sentence: '„Das Statistische Bundesamt“ meldete Stagnation.', lang: 'de', dependent: false },
    { sentence: 'Het kabinet is gevallen.', lang: 'nl', dependent: false },
    { sentence: 'Cette décision a surpris.', lang: 'fr', dependent: true },
    { sentence: 'Seiner Meinung nach gehen zwei Dinge verloren.', lang: 'de', dependent: true },
    { sentence: 'Diesen Plan lehnt die Opposition ab.', lang: 'de', dependent: true },
    { sentence: 'Esa decisión fue polémica.', lang: 'es', dependent: true },
  ])('$lang "$sentence" → $dependent', ({ sentence, lang, dependent }) => {
    expect(startsDependent(sentence, lang)).toBe(dependent);
  });
});

describe('summarize on page furniture', () => {
  it('does not pick a dateline whose words are mostly digits over a sentence of the story', () => {
    const text = [
      'Stand: 17.06.2025 18:24 Uhr',
      'Der Osnabrücker Leseforscher Christian Dawidowski sagt, dass Studierende weniger gut lesen.',
      'Ein Grund dafür sei das digitale Arbeiten am Bildschirm, sagt der Forscher aus Osnabrück.',
      'Durch das Lesen am Bildschirm lasse die Konzentration der Studierenden offenbar nach.',
      'Der Forscher will nun mit Lehrenden über neue Formen des Lesens in Seminaren sprechen.',
      'Die Universität plant dazu im Herbst eine Tagung mit Fachleuten aus mehreren Ländern.',
      'Studierende sollen dort ihre eigenen Erfahrungen mit dem Lesen am Bildschirm schildern.',
    ].join('\n\n');
    const summary = summarize(articleFromText(text, { lang: 'de' }), { sentences: 3 });
    const texts = summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
    expect(texts).not.toContain('Stand: 17.06.2025 18:24 Uhr');
  });
});
