/**
 * Quality benchmark: ROUGE of our summaries against lead-3 and two npm summarizers, speed of the
 * engine, and how clean extraction is. Run: npm run bench:quality -- [--data PATH] [--markdown FILE]
 * A benchmark, not a test: it prints numbers and target checks and exits 0 unless it cannot run.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { corpusStatus } from './corpus';
import { runExtraction, type ExtractionResult } from './qualityExtraction';
import { runSpeed, type SpeedResult } from './qualitySpeed';
import { runSummaries, type DatasetResult } from './qualitySummaries';

/** The targets (issue 3), checked against this run's numbers. */
const TARGET_CNN_R1 = 30.5;
const TARGET_EXTRACTION_F1 = 0.96;
const TARGET_MEDIAN_MS = 3;
const TARGET_5000_WORDS_MS = 25;

function parseArgs(argv: readonly string[]): { data: string; markdown?: string } {
  let data = resolve(process.cwd(), '../shared/corpus');
  let markdown: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data') data = resolve(argv[++i] ?? data);
    else if (arg === '--markdown') markdown = argv[++i];
    else throw new Error(`Unknown option: ${arg}. Usage: bench:quality -- [--data PATH] [--markdown FILE]`);
  }
  return { data, markdown };
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

function targetChecks(
  summaries: readonly DatasetResult[],
  speed: SpeedResult | null,
  extraction: ExtractionResult | null,
): string[] {
  const lines: string[] = [];
  const check = (ok: boolean, text: string): void => {
    lines.push(`- [${ok ? 'x' : ' '}] ${text}`);
  };
  const method = (r: DatasetResult | undefined, name: string) => r?.methods.find((m) => m.name === name);
  const cnn = summaries.find((r) => r.file === 'cnn_dailymail.jsonl');
  if (cnn) {
    const ours = method(cnn, 'ours');
    const lead = method(cnn, 'lead-3');
    check((ours?.r1 ?? 0) >= TARGET_CNN_R1, `CNN R1 ${fmt(ours?.r1 ?? 0)} >= ${TARGET_CNN_R1}`);
    check((ours?.r2 ?? 0) >= (lead?.r2 ?? 0), `CNN R2 ${fmt(ours?.r2 ?? 0)} >= lead-3 ${fmt(lead?.r2 ?? 0)}`);
  }
  for (const file of ['fr.jsonl', 'de.jsonl']) {
    const r = summaries.find((x) => x.file === file);
    if (!r) continue;
    const ours = method(r, 'ours');
    const lead = method(r, 'lead-3');
    check(
      (ours?.r1 ?? 0) > (lead?.r1 ?? 0),
      `${r.name} R1 ${fmt(ours?.r1 ?? 0)} > lead-3 ${fmt(lead?.r1 ?? 0)}`,
    );
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
  }
  return lines;
}

async function main(): Promise<void> {
  const { data, markdown } = parseArgs(process.argv.slice(2));
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
  const speed = status.summaries ? runSpeed(join(data, 'summaries-dev')) : null;
  const summaries = status.summaries ? await runSummaries(join(data, 'summaries-dev')) : [];
  if (summaries.length) out.push('### Summaries (3 sentences each)', '', ...summaryTable(summaries), '');
  else out.push(`Summaries: summaries-dev/ is absent under ${data}; skipped.`, '');
  if (speed) out.push('### Speed (ours)', '', ...speedTable(speed), '');
  const extraction = status.extraction ? runExtraction(join(data, 'article-extraction-dev')) : null;
  if (extraction)
    out.push('### Extraction (4-gram shingle F1 vs ground truth)', '', ...extractionTable(extraction), '');
  else out.push(`Extraction: article-extraction-dev/ is absent under ${data}; skipped.`, '');
  out.push('### Targets (issue 3)', '', ...targetChecks(summaries, speed, extraction));
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
