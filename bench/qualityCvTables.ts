import { SETTINGS, type SummarizerSettings } from '../lib/summarize/index';
import { SEARCH, START, ablation, setResult, type Choice, type SetResult } from './qualityCrossValidation';
import type { EvalSet, PageSets } from './qualityData';

/** Markdown tables of the cross-validation, the ablation and the real pages. */

const fmt = (x: number, digits = 2): string => x.toFixed(digits);
const signed = (x: number, digits = 2): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(digits)}`;
const value = (x: number): string => (Number.isFinite(x) ? String(x) : '∞');

function resultRow(r: SetResult): string {
  const m = (k: 'r1' | 'r2' | 'rLsum') => r.ours[k] - r.lead[k];
  return (
    `| ${r.set.name} | ${r.half} | ${r.count} | ${fmt(r.ours.r1)} / ${fmt(r.ours.r2)} / ${fmt(r.ours.rLsum)} ` +
    `| ${fmt(r.lead.r1)} / ${fmt(r.lead.r2)} / ${fmt(r.lead.rLsum)} ` +
    `| ${signed(m('r1'))} ± ${fmt(r.r1MarginSE)} | ${signed(m('r2'))} | ${signed(m('rLsum'))} |`
  );
}

const RESULT_HEADER = [
  '| dataset | half | articles | ours R1 / R2 / RLsum | lead-3 R1 / R2 / RLsum | R1 margin ± s.e. | R2 margin | RLsum margin |',
  '|---|---|---:|---:|---:|---:|---:|---:|',
];

/** Ours vs lead-3 on each set: half B (reported) first, then half A (where the settings were chosen). */
export function crossValidationTable(sets: readonly EvalSet[], settings = SETTINGS): string[] {
  return [
    ...RESULT_HEADER,
    ...sets.map((set) => resultRow(setResult(set, settings, 'B'))),
    ...sets.map((set) => resultRow(setResult(set, settings, 'A'))),
  ];
}

/** Ours vs lead-3 on all rows of each set. */
export function allRowsTable(sets: readonly EvalSet[], settings = SETTINGS): string[] {
  return [...RESULT_HEADER, ...sets.map((set) => resultRow(setResult(set, settings)))];
}

/** The start of the search, its choice on half A and what the product uses, setting by setting. */
export function settingsTable(choice: Choice, product: Readonly<SummarizerSettings> = SETTINGS): string[] {
  const lines = ['| setting | start (issue 3) | chosen on half A | product |', '|---|---:|---:|---:|'];
  for (const { key } of SEARCH) {
    const same = choice.settings[key] === product[key];
    lines.push(
      `| ${key} | ${value(START[key])} | ${value(choice.settings[key])} | ${value(product[key])}${same ? '' : ' ≠'} |`,
    );
  }
  lines.push('');
  if (choice.changes.length === 0) {
    lines.push(
      `No change passed the one-standard-error rule on half A (${choice.sweeps} sweep): every value tried was ` +
        'worse than the start or within noise of it.',
    );
  } else {
    lines.push(`Changes accepted on half A (${choice.sweeps} sweeps), gain in mean (R1 + R2 + RLsum) / 3:`);
    for (const c of choice.changes)
      lines.push(`- ${c.key}: ${value(c.from)} → ${value(c.to)} (${signed(c.gain)} ± ${fmt(c.se)})`);
  }
  return lines;
}

/** Each setting switched off or moved to a neighbouring value: the change in R1 / R2 on half B of each set. */
export function ablationTable(sets: readonly EvalSet[], product = SETTINGS): string[] {
  const lines = [
    `| setting (product value) | tried | ${sets.map((s) => s.name).join(' | ')} |`,
    `|---|---:|${sets.map(() => '---:').join('|')}|`,
  ];
  const off = new Map(SEARCH.map((s) => [s.key, s.off]));
  for (const row of ablation(sets, product)) {
    const label = row.value === off.get(row.key) ? `${value(row.value)} (off)` : value(row.value);
    lines.push(
      `| ${row.key} (${value(row.product)}) | ${label} | ${row.effects.map((e) => `${signed(e.r1)} / ${signed(e.r2)}`).join(' | ')} |`,
    );
  }
  return lines;
}

/** What was left out of the real pages, in a sentence. */
export function pagesNote(pages: PageSets): string {
  const scored = pages.sets.reduce((sum, s) => sum + s.rows.length, 0);
  const missing = pages.noArticle.length
    ? `, ${pages.noArticle.length} where extraction found no article (${pages.noArticle.join(', ')})`
    : '';
  return (
    `${scored} of ${pages.pages} pages scored: ${pages.emptyTeaser} have no teaser${missing}. ` +
    `Groups by the body's language: de, en, other (${[...new Set(pages.sets.find((s) => s.key === 'pages-other')?.rows.map((r) => r.article.lang.split('-')[0]))].join(', ')}).`
  );
}
