import { describe, expect, it } from 'vitest';
import type { Article } from '../../lib/article';
import { articleFromText } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize/index';
import { isRunningText, marksSentenceEnds } from '../../lib/text/runningText';

/** Page furniture in several languages, as news pages set it in paragraphs of their own. */
const FURNITURE = [
  'Stand: 28.04.2023 17:23 Uhr',
  'Stand: 10:49 UhrLesedauer: 5 Minuten',
  'Publiziert: 01.07.2023, 11:16',
  '4 mins read',
  'Uppdaterad 15.59 | Publicerad 14.14',
  'Fouzia Van Der Fort|Published 4 months ago',
  'April 15, 2025',
  'Hamburg.',
  'Daniel Aragón',
  'Córdoba',
  'Czytaj więcej',
  'Nach Gaetz-Rückzug',
  'Wahlkampf in Thüringen',
  '> Europe : les ventes de voitures neuves ont progressé au premier semestre',
];

const SENTENCES = [
  'The council approved the budget on Tuesday.',
  'Der Stadtrat hat den Haushalt am Dienstag beschlossen.',
  '«Nous avons gagné», a déclaré la maire.',
  '“We will build the bridge,” the mayor said.”',
  '市议会周二批准了新的预算。',
  'परिषद ने मंगलवार को बजट पारित किया।',
  'وافق المجلس على الميزانية يوم الثلاثاء؟',
  'Is this the end?',
];

describe('isRunningText, in an article that ends its sentences with marks', () => {
  it.each(FURNITURE)('%j is not running text', (text) => {
    expect(isRunningText(text, true)).toBe(false);
  });

  it.each(SENTENCES)('%j is running text', (text) => {
    expect(isRunningText(text, true)).toBe(true);
  });

  it('takes a long paragraph whose last mark is missing for prose', () => {
    const long =
      'The council met on Tuesday and talked for many hours about the budget, the new bridge over the river and the buses that the city wants';
    expect(isRunningText(long, true)).toBe(true);
  });

  it('reads marks inside paragraphs too: a cut article whose one long paragraph lost its last mark', () => {
    const hindi =
      'समस्तीपुर के बंगरा थाना क्षेत्र के रहीमाबाद गांव में दो दिन पहले हुए चोरी मामले का पुलिस ने खुलासा कर लिया है। ' +
      'पुलिस ने इस मामले में छापेमारी कर चोरी का गहना आदि के साथ दो बदमाशों को गिरफ्तार किया';
    expect(marksSentenceEnds([hindi])).toBe(true);
  });

  it('does not ask for marks where the article does not use them (Thai)', () => {
    const thai = 'สภาเมืองอนุมัติงบประมาณใหม่ในวันอังคาร';
    expect(isRunningText(thai, false)).toBe(true);
    expect(marksSentenceEnds([`${thai} `.repeat(12)])).toBe(false);
  });
});

describe('summaries quote running text only', () => {
  const prose = [
    'The city council voted on Tuesday to approve a new budget for the coming year, after months of debate over spending on schools.',
    'Officials said the plan would raise property taxes slightly while expanding bus service to the northern districts of the city.',
    'The mayor called the vote a turning point and promised that the first new buses would run before the end of the summer.',
    'Opponents said the tax rise would hurt families and vowed to put the question to the voters at the next election in spring.',
  ];

  it('never picks a line run into the end of a paragraph without a mark (a date, a promotion)', () => {
    const glued = [
      `${prose[0]} 21.04.2024 | 3:18 min`,
      `${prose[1]} Deposit RM100 and get a RM10 bonus with the code VERSAMM10`,
      ...prose.slice(2),
    ];
    const summary = summarize(articleFromText(glued.join('\n\n'), { lang: 'en' }), { sentences: 4 });
    expect(summary.kind).toBe('ok');
    if (summary.kind !== 'ok') return;
    expect(summary.sentences.map((s) => s.text)).toEqual(prose);
  });

  it('never picks dates, bylines or kickers, even at the top of the article', () => {
    const article: Article = articleFromText(
      ['Wahlkampf in Thüringen', 'Stand: 28.04.2023 17:23 Uhr', '4 mins read', ...prose].join('\n\n'),
      { lang: 'en' },
    );
    const summary = summarize(article, { sentences: 3 });
    expect(summary.kind).toBe('ok');
    if (summary.kind !== 'ok') return;
    for (const sentence of summary.sentences) expect(prose.join(' ')).toContain(sentence.text);
  });
});
