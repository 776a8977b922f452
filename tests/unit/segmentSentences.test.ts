import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../lib/text/segmentSentences';

function sentences(text: string, lang: string): string[] {
  return segmentSentences(text, lang).map((s) => text.slice(s.start, s.end));
}

describe('segmentSentences', () => {
  it.each([
    { lang: 'en', text: 'One. Two? Three!', expected: ['One.', 'Two?', 'Three!'] },
    {
      lang: 'en',
      text: 'Mr. Smith met Dr. Jones. They talked.',
      expected: ['Mr. Smith met Dr. Jones.', 'They talked.'],
    },
    {
      lang: 'en',
      text: 'The U.S. Army said so. It was late.',
      expected: ['The U.S. Army said so.', 'It was late.'],
    },
    {
      lang: 'en',
      text: 'He lives in the U.S. The rest is history.',
      expected: ['He lives in the U.S.', 'The rest is history.'],
    },
    {
      lang: 'en',
      text: 'John F. Kennedy was shot. It was 1963.',
      expected: ['John F. Kennedy was shot.', 'It was 1963.'],
    },
    {
      lang: 'en',
      text: 'He ranked No. 1 in the world. Then he fell.',
      expected: ['He ranked No. 1 in the world.', 'Then he fell.'],
    },
    {
      lang: 'en',
      text: "It opened on St. Patrick's Day. Crowds came.",
      expected: ["It opened on St. Patrick's Day.", 'Crowds came.'],
    },
    {
      lang: 'de',
      text: 'Das ist z. B. gut. Am 3. Oktober feiern wir.',
      expected: ['Das ist z. B. gut.', 'Am 3. Oktober feiern wir.'],
    },
    {
      lang: 'de',
      text: 'Er kam am 12. März. Danach ging er.',
      expected: ['Er kam am 12. März.', 'Danach ging er.'],
    },
    {
      lang: 'fr',
      text: 'Il est arrivé aux Pyrénées.Alors que la nuit tombait, il a dormi.',
      expected: ['Il est arrivé aux Pyrénées.', 'Alors que la nuit tombait, il a dormi.'],
    },
    {
      lang: 'fr',
      text: "« C'est fini. » Il est parti. M. Dupont reste.",
      expected: ["« C'est fini. »", 'Il est parti.', 'M. Dupont reste.'],
    },
    { lang: 'fr', text: 'Vraiment ? Oui !', expected: ['Vraiment ?', 'Oui !'] },
    { lang: 'zh', text: '今天天气很好。我们去公园吧！', expected: ['今天天气很好。', '我们去公园吧！'] },
    {
      lang: 'ja',
      text: '今日は晴れです。公園に行きましょう。',
      expected: ['今日は晴れです。', '公園に行きましょう。'],
    },
    { lang: 'th', text: 'วันนี้อากาศดี เราไปสวนสาธารณะกัน', expected: ['วันนี้อากาศดี', 'เราไปสวนสาธารณะกัน'] },
    { lang: 'he', text: 'שלום עולם. זה משפט שני.', expected: ['שלום עולם.', 'זה משפט שני.'] },
    { lang: 'en', text: '   ', expected: [] },
    { lang: 'en', text: 'no punctuation at all', expected: ['no punctuation at all'] },
  ])('$lang: $text', ({ text, lang, expected }) => {
    expect(sentences(text, lang)).toEqual(expected);
  });

  it('cuts run-on text without punctuation into bounded pieces that cover it', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `word${i}`).join(' ');
    const spans = segmentSentences(text, 'en');
    expect(spans.length).toBeGreaterThan(1);
    for (const span of spans) expect(span.end - span.start).toBeLessThanOrEqual(800);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
  });

  it('segments a very long paragraph in chunks without losing or duplicating text', () => {
    const sentence = 'The council approved the budget on Tuesday after a long debate. ';
    const text = sentence.repeat(500).trim();
    const spans = segmentSentences(text, 'en');
    expect(spans).toHaveLength(500);
    expect(new Set(spans.map((s) => text.slice(s.start, s.end)))).toEqual(new Set([sentence.trim()]));
  });
});
