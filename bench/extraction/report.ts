import { median } from '../stats';
import type { PageResult, PageRun } from './run';
import { addCounts, normalizeSegment, snippetScores } from './snippets';

/**
 * trafilatura's published results on all 990 pages (its docs/evaluation.rst, 2026-08-04, as quoted in the
 * corpus's SOURCE.txt): F1, and precision and recall where quoted.
 */
const PUBLISHED: ReadonlyArray<{ name: string; precision?: number; recall?: number; f1: number }> = [
  { name: 'trafilatura, standard', precision: 0.906, recall: 0.943, f1: 0.924 },
  { name: 'trafilatura, precision mode', f1: 0.92 },
  { name: 'magic-html', f1: 0.889 },
  { name: 'justext', f1: 0.862 },
  { name: 'news-please', f1: 0.836 },
  { name: 'readability-lxml', f1: 0.826 },
  { name: 'baseline', f1: 0.815 },
  { name: 'goose3', f1: 0.81 },
  { name: 'boilerpy3', f1: 0.807 },
  { name: 'newspaper4k', f1: 0.801 },
  { name: 'raw HTML', f1: 0.667 },
];

const f3 = (x: number): string => x.toFixed(3);
const ms = (x: number): string => x.toFixed(2);

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number;
}

function row(name: string, runs: readonly PageRun[]): string {
  const counts = addCounts(runs.map((r) => r.counts));
  const { precision, recall, f1 } = snippetScores(counts);
  const times = runs.map((r) => r.ms);
  const empty = runs.filter((r) => r.output === null || !r.output.trim()).length;
  return `| ${name} | ${f3(precision)} | ${f3(recall)} | **${f3(f1)}** | ${counts.tp} / ${counts.fp} / ${counts.fn} | ${empty} | ${ms(median(times))} | ${ms(percentile(times, 0.95))} |`;
}

/** The comparison table: ours and Readability.js on these pages, then the published figures. */
export function scoreTable(results: readonly PageResult[]): string[] {
  const lines = [
    `| extractor, trafilatura's metric | precision | recall | F1 | TP / FP / FN | no output | ms/page median | p95 |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    row(
      `**ours** (\`summarize --extract\`, ${results.length} dev pages)`,
      results.map((r) => r.ours),
    ),
    row(
      `Readability.js alone (same pages)`,
      results.map((r) => r.readability),
    ),
  ];
  for (const p of PUBLISHED) {
    const pr = p.precision === undefined ? '' : f3(p.precision);
    const rc = p.recall === undefined ? '' : f3(p.recall);
    lines.push(`| ${p.name} (published, all 990 pages) | ${pr} | ${rc} | ${f3(p.f1)} | | | | |`);
  }
  return lines;
}

/** Time per page after parsing, ours against Readability, with ours' detection share. */
export function speedLines(results: readonly PageResult[]): string[] {
  const ours = results.map((r) => r.ours.ms);
  const theirs = results.map((r) => r.readability.ms);
  const detect = results.map((r) => r.detectMs);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  return [
    `Time per page after parsing (ms): ours median ${ms(median(ours))}, p95 ${ms(percentile(ours, 0.95))}, ` +
      `total ${ms(sum(ours))} (of which detection: median ${ms(median(detect))}, total ${ms(sum(detect))}); ` +
      `Readability median ${ms(median(theirs))}, p95 ${ms(percentile(theirs, 0.95))}, total ${ms(sum(theirs))}. ` +
      `Ratio of totals: ${(sum(ours) / Math.max(sum(theirs), 1e-9)).toFixed(2)}×, of medians: ${(median(ours) / Math.max(median(theirs), 1e-9)).toFixed(2)}×.`,
  ];
}

/** Pages where ours gives no output, with whether Readability did. */
export function emptyLines(results: readonly PageResult[]): string[] {
  const empty = results.filter((r) => r.ours.output === null || !r.ours.output.trim());
  if (empty.length === 0) return ['No page without output.'];
  return empty.map(
    (r) =>
      `- ${r.page.id} (${r.page.lang}) ${r.page.url ?? ''}: Readability ${r.readability.output === null ? 'none too' : `finds ${r.readability.counts.tp} of ${r.page.with.length}`}`,
  );
}

const clip = (text: string, n = 70): string => {
  const t = normalizeSegment(text);
  return t.length > n ? `${t.slice(0, n)}…` : t;
};

/** The pages where ours loses most segments (missed main text plus boilerplate output), with the segments. */
export function worstLines(results: readonly PageResult[], count: number): string[] {
  const cost = (r: PageResult) => r.ours.counts.fn + r.ours.counts.fp;
  const worst = [...results]
    .filter((r) => cost(r) > 0)
    .sort((a, b) => cost(b) - cost(a))
    .slice(0, count);
  const lines: string[] = [];
  for (const r of worst) {
    const out = r.ours.output === null ? null : normalizeSegment(r.ours.output);
    lines.push(
      `- ${r.page.id} (${r.page.lang}) ${r.page.url ?? ''}: ours FN ${r.ours.counts.fn} FP ${r.ours.counts.fp}, ` +
        `Readability FN ${r.readability.counts.fn} FP ${r.readability.counts.fp}, ours ${out === null ? 'no output' : `${out.length} chars`}`,
    );
    for (const s of r.page.with)
      if (!out?.includes(normalizeSegment(s))) lines.push(`  - missed: ${clip(s)}`);
    for (const s of r.page.without)
      if (out?.includes(normalizeSegment(s))) lines.push(`  - boilerplate: ${clip(s)}`);
  }
  return lines;
}
