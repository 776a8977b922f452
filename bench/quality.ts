/**
 * Quality benchmark: ROUGE of our summaries against lead-3 and two npm summarizers, the cross-validation of the
 * summarizer's settings (chosen on half A of the development rows, reported on half B, each setting's effect on
 * every dataset), our summaries of real pages against their teasers, speed of the engine, and how clean
 * extraction is. Run: npm run bench:quality -- [--data PATH] [--markdown FILE] [--only PART,PART]
 * A benchmark, not a test: it prints numbers and target checks and exits 0 unless it cannot run.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SETTINGS } from '../lib/summarize/index';
import { corpusStatus } from './corpus';
import { chooseSettings, differences, setResult, type Choice } from './qualityCrossValidation';
import {
  ablationTable,
  allRowsTable,
  crossValidationTable,
  pagesNote,
  settingsTable,
} from './qualityCvTables';
import { loadPageSets, loadSummarySets, type EvalSet, type PageSets } from './qualityData';
import { runExtraction, type ExtractionResult } from './qualityExtraction';
import { runSpeed, type SpeedResult } from './qualitySpeed';
import { runSummaries, type DatasetResult } from './qualitySummaries';

/** The targets of issues 3 and 16, checked against this run's numbers. */
const TARGET_CNN_R1 = 30.5;
/** French and German: R1 at least this much above lead-3 (issue 16), on half B. */
const TARGET_MARGIN_R1 = 1.5;
const TARGET_EXTRACTION_F1 = 0.96;
const TARGET_MEDIAN_MS = 3;
const TARGET_5000_WORDS_MS = 25;
/** Linear growth: time per word at 20,000 words at most this many times that at 1,250. */
const TARGET_LINEAR_RATIO = 1.5;

/** The parts of the benchmark, in the order they run. */
const PARTS = ['speed', 'summaries', 'cv', 'extraction'] as const;
type Part = (typeof PARTS)[number];

const USAGE = `Usage: bench:quality -- [--data PATH] [--markdown FILE] [--only ${PARTS.join(',')}]`;

function parseArgs(argv: readonly string[]): { data: string; markdown?: string; parts: Set<Part> } {
  let data = resolve(process.cwd(), '../shared/corpus');
  let markdown: string | undefined;
  let parts = new Set<Part>(PARTS);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') data = resolve(argv[++i] ?? data);
    else if (arg === '--markdown') markdown = argv[++i];
    else if (arg === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length)
        throw new Error(`Unknown part: ${unknown.join(', ')}. ${USAGE}`);
      parts = new Set(names as Part[]);
    } else throw new Error(`Unknown option: ${arg}. ${USAGE}`);
  }
  return { data, markdown, parts };
}

const fmt = (x: number, digits = 2): string => x.toFixed(digits);

function summaryTable(results: readonly DatasetResult[]): string[] {
  const lines = [
    '| dataset (scoring) | articles | method | R1 | R2 | RLsum | ms/article |',
    '|---|---:|---|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    for (const m of r.methods) {
      lines.push(
        `| ${r.name} (${r.mode === 'english' ? 'rouge-score, stemmed' : 'Unicode, no stemming'}) | ${r.count} | ${m.name} | ${fmt(m.r1)} | ${fmt(m.r2)} | ${fmt(m.rLsum)} | ${fmt(m.msPerArticle, 3)} |`,
      );
    }
  }
  return lines;
}

function speedTable(speed: SpeedResult): string[] {
  const lines = [
    `Median per dev article (extraction from text + summary, ${speed.articles} articles): ${fmt(speed.medianMs, 3)} ms`,
    '',
    '| words | median ms | µs per word |',
    '|---:|---:|---:|',
  ];
  for (const s of speed.scaling)
    lines.push(`| ${s.words} | ${fmt(s.medianMs, 2)} | ${fmt((1000 * s.medianMs) / s.words, 2)} |`);
  return lines;
}

function extractionTable(e: ExtractionResult): string[] {
  return [
    `| extraction (${e.pages} pages) | F1 | precision | recall | ms/page |`,
    '|---|---:|---:|---:|---:|',
    ...e.methods.map(
      (m) =>
        `| ${m.name} | ${fmt(m.f1, 3)} | ${fmt(m.precision, 3)} | ${fmt(m.recall, 3)} | ${fmt(m.msPerPage, 1)} |`,
    ),
  ];
}

/** What the cross-validation part found. */
interface CvResult {
  sets: EvalSet[];
  summarySets: EvalSet[];
  pages: PageSets | null;
  mismatched: string[];
}

function targetChecks(
  cv: CvResult | null,
  speed: SpeedResult | null,
  extraction: ExtractionResult | null,
): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string): void => {
    lines.push(`- [${ok ? 'x' : ' '}] ${text}`);
  };
  if (cv) {
    check(
      cv.mismatched.length === 0,
      cv.mismatched.length
        ? `product settings differ from the choice on half A: ${cv.mismatched.join(', ')}`
        : 'product settings are the ones chosen on half A',
    );
    for (const set of cv.summarySets) {
      const r = setResult(set, SETTINGS, 'B');
      const [o, l] = [r.ours, r.lead];
      if (set.key === 'cnn_dailymail.jsonl')
        check(o.r1 >= TARGET_CNN_R1, `${set.name} half B: R1 ${fmt(o.r1)} >= ${TARGET_CNN_R1}`);
      else
        check(
          o.r1 >= l.r1 + TARGET_MARGIN_R1,
          `${set.name} half B: R1 ${fmt(o.r1)} >= lead-3 ${fmt(l.r1)} + ${TARGET_MARGIN_R1}`,
        );
      check(
        o.r2 > l.r2 && o.rLsum > l.rLsum,
        `${set.name} half B: R2 ${fmt(o.r2)} > ${fmt(l.r2)} and RLsum ${fmt(o.rLsum)} > ${fmt(l.rLsum)} (lead-3)`,
      );
    }
  }
  if (extraction) {
    const ours = extraction.methods.find((m) => m.name === 'ours');
    check(
      (ours?.f1 ?? 0) >= TARGET_EXTRACTION_F1,
      `extraction F1 ${fmt(ours?.f1 ?? 0, 3)} >= ${TARGET_EXTRACTION_F1}`,
    );
  }
  if (speed) {
    check(
      speed.medianMs <= TARGET_MEDIAN_MS,
      `median ${fmt(speed.medianMs, 3)} ms per dev article <= ${TARGET_MEDIAN_MS} ms`,
    );
    const at5000 = speed.scaling.find((s) => s.words === 5000);
    check(
      (at5000?.medianMs ?? Infinity) <= TARGET_5000_WORDS_MS,
      `5,000 words in ${fmt(at5000?.medianMs ?? NaN)} ms <= ${TARGET_5000_WORDS_MS} ms`,
    );
    const perWord = speed.scaling.map((x) => x.medianMs / x.words);
    const ratio = (perWord[perWord.length - 1] ?? 0) / (perWord[0] ?? 1);
    check(
      ratio <= TARGET_LINEAR_RATIO,
      `linear growth: time per word at ${speed.scaling.at(-1)?.words} words is ${fmt(ratio)}× that at ${speed.scaling[0]?.words} (<= ${TARGET_LINEAR_RATIO})`,
    );
  }
  return lines;
}

function describeChoice(choice: Choice): string {
  const changes = choice.changes.map((c) => `${c.key} ${c.from} → ${c.to}`);
  return changes.length ? changes.join(', ') : 'the start unchanged';
}

/** Chooses the settings on half A, then scores half B, the ablation and the real pages. */
function runCrossValidation(data: string, status: ReturnType<typeof corpusStatus>, out: string[]): CvResult {
  const summarySets = status.summaries ? loadSummarySets(join(data, 'summaries-dev')) : [];
  const pages = status.realPages ? loadPageSets(data) : null;
  const sets = [...summarySets, ...(pages?.sets ?? [])];
  const choice = chooseSettings(sets);
  // The same search on the other half: if it chose very differently, the choice on A is mostly noise.
  const mirror = chooseSettings(sets, 'B');
  out.push(
    '### Cross-validation (3 sentences; settings chosen on half A, reported on half B)',
    '',
    'Halves: even rows of each file are A, odd rows B (real pages: by position among the pages with a teaser). ' +
      'Scoring: rouge-score semantics, stemmed for CNN, Unicode mode (no stemming) for the rest. ' +
      's.e. = standard error of the mean per-article R1 margin.',
    '',
    ...crossValidationTable(sets),
    '',
    '#### Settings',
    '',
    ...settingsTable(choice),
    '',
    `The same search run on half B instead would choose ${describeChoice(mirror)}.`,
    '',
    '#### Each setting on half B: change in R1 / R2 if the product used the value tried',
    '',
    ...ablationTable(sets),
    '',
  );
  if (pages)
    out.push(
      '### Real pages: ours vs lead-3 against the publisher’s teaser (all pages, extraction included)',
      '',
      pagesNote(pages),
      '',
      ...allRowsTable(pages.sets),
      '',
    );
  return { sets, summarySets, pages, mismatched: differences(choice.settings) };
}

async function main(): Promise<void> {
  const { data, markdown, parts } = parseArgs(process.argv.slice(2));
  const status = corpusStatus(data);
  if (!status.summaries && !status.extraction) {
    console.error(
      `The evaluation corpus is absent: no summaries-dev/ or article-extraction-dev/ under ${data}.`,
    );
    console.error(
      'Pass its location with --data PATH (it is ../shared/corpus from the project root on dev and CI machines).',
    );
    process.exit(2);
  }
  const out: string[] = [`Corpus: ${data}`, ''];
  // Speed first: the peers' libraries (wordnet, natural) leave a large heap behind that slows later timing.
  const speed = status.summaries && parts.has('speed') ? runSpeed(join(data, 'summaries-dev')) : null;
  if (parts.has('summaries')) {
    const summaries = status.summaries ? await runSummaries(join(data, 'summaries-dev')) : [];
    if (summaries.length)
      out.push('### Summaries (all dev rows, 3 sentences each)', '', ...summaryTable(summaries), '');
    else out.push(`Summaries: summaries-dev/ is absent under ${data}; skipped.`, '');
  }
  const cv = parts.has('cv') ? runCrossValidation(data, status, out) : null;
  if (speed) out.push('### Speed (ours)', '', ...speedTable(speed), '');
  const extraction =
    status.extraction && parts.has('extraction') ? runExtraction(join(data, 'article-extraction-dev')) : null;
  if (extraction)
    out.push('### Extraction (4-gram shingle F1 vs ground truth)', '', ...extractionTable(extraction), '');
  else if (parts.has('extraction'))
    out.push(`Extraction: article-extraction-dev/ is absent under ${data}; skipped.`, '');
  out.push('### Targets (issues 3 and 16)', '', ...targetChecks(cv, speed, extraction));
  const text = out.join('\n');
  console.log(text);
  if (markdown) {
    const command = ['npm run bench:quality --', ...process.argv.slice(2)].join(' ');
    const header = `## Quality benchmark\n\nProduced by \`${command}\` (Node ${process.version}, ${new Date().toISOString().slice(0, 10)}).\n`;
    writeFileSync(markdown, `${header}\n${text}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
