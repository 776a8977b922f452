import { describe, expect, it } from 'vitest';
import { readingMinutes, readingSeconds, readingSpeed, readingTime } from '../../lib/reading-time';
import { countReadingUnits } from '../../lib/text/words';

/** IReST's aloud rates scaled to silent reading by Brysbaert's English 238 over IReST's English 228. */
const SILENT = 238 / 228;

describe('readingSpeed', () => {
  it.each([
    { lang: 'en', wordsPerMinute: 238 },
    { lang: 'en-GB', wordsPerMinute: 238 },
    { lang: 'EN_us', wordsPerMinute: 238 },
    { lang: 'de', wordsPerMinute: 179 * SILENT },
    { lang: 'fr-CA', wordsPerMinute: 195 * SILENT },
    { lang: 'es', wordsPerMinute: 218 * SILENT },
    { lang: 'ar', wordsPerMinute: 138 * SILENT },
    { lang: 'fi', wordsPerMinute: 161 * SILENT },
    { lang: 'ru', wordsPerMinute: 184 * SILENT },
    // Languages IReST did not measure, and tags that are not languages, read at IReST's mean.
    { lang: 'ko', wordsPerMinute: 184 * SILENT },
    { lang: 'th', wordsPerMinute: 184 * SILENT },
    { lang: 'und', wordsPerMinute: 184 * SILENT },
    { lang: '', wordsPerMinute: 184 * SILENT },
    { lang: 'not a tag', wordsPerMinute: 184 * SILENT },
  ])('$lang reads $wordsPerMinute words a minute', ({ lang, wordsPerMinute }) => {
    expect(readingSpeed(lang).wordsPerMinute).toBeCloseTo(wordsPerMinute, 6);
  });

  it.each([
    { lang: 'zh', charsPerMinute: 255 * SILENT },
    { lang: 'zh-Hant-TW', charsPerMinute: 255 * SILENT },
    { lang: 'ja', charsPerMinute: 357 * SILENT },
    // Han in any other language reads at the Chinese rate.
    { lang: 'ko', charsPerMinute: 255 * SILENT },
    { lang: 'en', charsPerMinute: 255 * SILENT },
  ])('$lang reads $charsPerMinute Han or kana characters a minute', ({ lang, charsPerMinute }) => {
    expect(readingSpeed(lang).charsPerMinute).toBeCloseTo(charsPerMinute, 6);
  });
});

describe('countReadingUnits', () => {
  it.each([
    { name: 'English', text: 'The council voted on Tuesday.', words: 5, chars: 0 },
    { name: 'Chinese, by characters', text: '北京今天下雨。', words: 0, chars: 6 },
    { name: 'Japanese with kana', text: 'これは日本語です。', words: 0, chars: 8 },
    { name: 'half-width katakana', text: 'ｶﾀｶﾅ', words: 0, chars: 4 },
    { name: 'Korean, spaced into words', text: '오늘 날씨가 좋습니다', words: 3, chars: 0 },
    { name: 'Thai, by dictionary words', text: 'ผมชอบกินข้าวผัด', words: 5, chars: 0 },
    { name: 'Chinese with Latin words', text: '北京 Olympics 2008 开幕', words: 2, chars: 4 },
    { name: 'emoji and punctuation only', text: '👩‍👩‍👧 … !!', words: 0, chars: 0 },
  ])('$name', ({ text, words, chars }) => {
    expect(countReadingUnits(text)).toEqual({ words, chars });
  });

  it('counts long Thai in linear time, with the same words as short pieces', () => {
    const phrase = 'ผมชอบกินข้าวผัด วันนี้อากาศดีมาก ';
    const one = countReadingUnits(phrase).words;
    expect(countReadingUnits(phrase.repeat(2000)).words).toBe(one * 2000);
  });
});

describe('reading time', () => {
  it.each([
    { name: 'English words', units: { words: 2380, chars: 0 }, lang: 'en', minutes: 10 },
    { name: 'German words, slower', units: { words: 2380, chars: 0 }, lang: 'de', minutes: 13 },
    { name: 'Spanish words', units: { words: 2380, chars: 0 }, lang: 'es-MX', minutes: 10 },
    { name: 'Arabic words', units: { words: 2380, chars: 0 }, lang: 'ar', minutes: 17 },
    { name: 'Chinese characters', units: { words: 0, chars: 2662 }, lang: 'zh', minutes: 10 },
    { name: 'Japanese characters', units: { words: 0, chars: 3727 }, lang: 'ja', minutes: 10 },
    { name: 'unknown language', units: { words: 1921, chars: 0 }, lang: 'und', minutes: 10 },
    { name: 'Korean, at the default', units: { words: 1921, chars: 0 }, lang: 'ko', minutes: 10 },
  ])('$name: $minutes min', ({ units, lang, minutes }) => {
    expect(readingMinutes(units, lang)).toBe(minutes);
  });

  it('adds the time of the characters and of the words of mixed text', () => {
    const units = countReadingUnits('北京 Olympics 2008 开幕');
    const speed = readingSpeed('zh');
    expect(readingSeconds(units, 'zh')).toBeCloseTo(
      (4 / speed.charsPerMinute + 2 / speed.wordsPerMinute) * 60,
      9,
    );
  });

  it('reads a Chinese article by its characters, not two characters to a word', () => {
    const article = '记者报道，市议会周二投票通过了新的预算方案。'.repeat(200);
    expect(readingMinutes(countReadingUnits(article), 'zh')).toBe(
      Math.round(countReadingUnits(article).chars / (255 * SILENT)),
    );
  });

  it.each([
    { words: 0, expected: { n: 5, unit: 'seconds' } },
    { words: 1, expected: { n: 5, unit: 'seconds' } },
    { words: 100, expected: { n: 25, unit: 'seconds' } },
    // 58 s rounds to a minute, not to "60 s".
    { words: 230, expected: { n: 1, unit: 'minutes' } },
    { words: 238, expected: { n: 1, unit: 'minutes' } },
    // 89 s is 1 min, 91 s is 2 min.
    { words: 353, expected: { n: 1, unit: 'minutes' } },
    { words: 361, expected: { n: 2, unit: 'minutes' } },
    { words: 23800, expected: { n: 100, unit: 'minutes' } },
  ])('rounds $words English words to $expected.n $expected.unit', ({ words, expected }) => {
    expect(readingTime({ words, chars: 0 }, 'en')).toEqual(expected);
  });

  it('keeps at least a minute for readingMinutes', () => {
    expect(readingMinutes({ words: 0, chars: 0 }, 'en')).toBe(1);
  });
});
