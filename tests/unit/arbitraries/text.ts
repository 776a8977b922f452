import fc from 'fast-check';

/**
 * Random Unicode for property tests, biased towards what breaks text code: sentence punctuation, quotes,
 * newlines, RTL and CJK letters, emoji, combining marks, zero-width characters and lone surrogates.
 */
export const TRICKY = [
  '.',
  '?',
  '!',
  '。',
  '…',
  ' ',
  '\n\n',
  '\u00a0',
  '"',
  '«',
  '»',
  '“',
  '”',
  'Mr.',
  'U.S.',
  'z. B.',
  'שלום',
  'مرحبا',
  '你好',
  'これは',
  'ไทย',
  '한국어',
  '👩‍👩‍👧',
  '🇫🇷',
  '\u0301',
  '\u200b',
  '\u200d',
  '\u200f',
  '\u2028',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\u0000',
];

/** Random Unicode strings, from graphemes, raw UTF-16 units and the tricky pieces above. */
export const unicodeText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 20 }),
      fc.constantFrom(...TRICKY),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

/** Language tags as pages give them, including ones that are not tags at all. */
export const languageTag = fc.constantFrom(
  'en',
  'fr',
  'de',
  'he',
  'ar',
  'zh',
  'ja',
  'th',
  'und',
  'not a tag',
  '',
);

/** Sentences that look like news prose in several scripts, so extraction finds an article. */
const PROSE = [
  'The city council voted on Tuesday to approve a new budget for the coming year.',
  'Officials said the plan would raise property taxes slightly while expanding bus service.',
  'Critics argued that the spending on roads was far too small for a growing city.',
  'Le conseil municipal a approuvé mardi un nouveau budget pour l’année prochaine.',
  'Der Stadtrat hat am Dienstag einen neuen Haushalt für das kommende Jahr beschlossen.',
  'מועצת העיר אישרה ביום שלישי תקציב חדש לשנה הבאה.',
  'وافق مجلس المدينة يوم الثلاثاء على ميزانية جديدة للعام المقبل.',
  '市议会周二投票通过了明年的新预算。',
  '市議会は火曜日に来年度の新しい予算を承認した。',
  'สภาเมืองลงมติอนุมัติงบประมาณใหม่เมื่อวันอังคาร',
];

/** Text that is sometimes prose, sometimes noise: hostile markup as text, long words, punctuation only. */
export const pageText = fc
  .oneof(
    { weight: 4, arbitrary: fc.array(fc.constantFrom(...PROSE), { minLength: 1, maxLength: 4 }) },
    { weight: 2, arbitrary: fc.array(unicodeText, { maxLength: 3 }) },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.constantFrom(
          '<img src=x onerror=alert(1)>',
          '<script>alert(1)</script>',
          '&lt;b&gt;',
          '&amp;',
          '"><svg onload=alert(1)>',
          'a'.repeat(3000),
          '你'.repeat(2000),
          '.!?.'.repeat(50),
          '…',
          '',
        ),
        { maxLength: 3 },
      ),
    },
  )
  .map((parts) => parts.join(' '));
