/**
 * Command-line summarizer: the extension's engines, for people and benchmarks. The on-device
 * extractive summarizer by default; with --engine openai, a model on an OpenAI-compatible server.
 * Standard output holds only results; errors and notes go to standard error, errors with a non-zero exit.
 */
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Article } from '../lib/article';
import type { EngineError } from '../lib/engines/index';
import { summarize } from '../lib/summarize/index';
import { coverageNote, describeEngineError, summarizeWithModel } from './engine';
import { loadSource, readSource, toArticle, type Source, type SourceReading } from './input';
import { parseOptions, USAGE, UsageError, type CliOptions } from './options';

/**
 * Exit codes: 1 for a failure on valid input (unreadable file, no article, the model's server
 * failed), 2 for a bad command line.
 */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

/** A sentence or point on one line, so plain output has exactly one per line. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

interface BatchLine {
  id?: unknown;
  article?: unknown;
  html?: unknown;
}

function summaryOf(article: Article, options: CliOptions) {
  return summarize(article, options.sentences === undefined ? {} : { sentences: options.sentences });
}

async function single(options: CliOptions, input: string): Promise<number> {
  const source = await loadSource(input);
  const { article, reading } = readSource(source, options.lang);
  const note = readingNote(source, reading);
  if (note) console.error(note);
  if (!article) {
    console.error(`No article text found in ${source.name}.`);
    return EXIT_FAILURE;
  }
  if (options.extract) {
    console.log(options.json ? JSON.stringify(article) : article.text);
    return 0;
  }
  if (options.engine === 'openai') return singleWithModel(article, options);
  const summary = summaryOf(article, options);
  if (options.json) {
    const { title, lang, dir, wordCount, truncated } = article;
    console.log(JSON.stringify({ title, lang, dir, wordCount, truncated, summary }));
  } else if (summary.kind === 'ok') {
    console.log(summary.sentences.map((s) => oneLine(s.text)).join('\n'));
  } else {
    console.error(summary.reason);
  }
  return 0;
}

/**
 * For a fetched page that a link preview would not summarize, what the preview would say; the command line
 * still reads what text the page has, as it does for saved pages.
 */
function readingNote(source: Source, reading: SourceReading['reading']): string | null {
  if (!source.url) return null;
  if (reading === 'not-article')
    return `Detection found no article at ${source.name}: reading its text anyway.`;
  if (reading === 'script-only')
    return `${source.name} builds its text with scripts, which are not run here.`;
  return null;
}

async function singleWithModel(article: Article, options: CliOptions): Promise<number> {
  // Plain output shows each point as soon as the model has finished it; JSON needs the whole summary.
  const onPoint = options.json ? undefined : (point: string) => console.log(oneLine(point));
  const result = await summarizeWithModel(article, options, onPoint);
  if (result.kind === 'error') {
    console.error(describeEngineError(result));
    return EXIT_FAILURE;
  }
  const note = coverageNote(result.coverage);
  if (note) console.error(note);
  if (options.json) {
    const { model } = options;
    const { points: summary, coverage } = result;
    console.log(JSON.stringify({ engine: 'openai', model, summary, coverage }));
  }
  return 0;
}

/** A batch line's summary: sentences or points, none when there is no article, or the model's error. */
async function batchSummary(
  article: Article | null,
  options: CliOptions,
  where: string,
): Promise<string[] | EngineError> {
  if (!article) return [];
  if (options.engine === 'extractive') {
    const summary = summaryOf(article, options);
    return summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
  }
  const result = await summarizeWithModel(article, options);
  if (result.kind === 'error') return result;
  const note = coverageNote(result.coverage);
  if (note) console.error(`${where}: ${note}`);
  return result.points;
}

async function batch(options: CliOptions, file: string): Promise<number> {
  const lines = createInterface({
    input: file === '-' ? process.stdin : createReadStream(file),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  let failed = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const where = `${file}:${lineNumber}`;
    const row = await batchRow(line, options, where);
    if (row.kind === 'stop') {
      console.error(`${where}: ${row.message}`);
      return EXIT_FAILURE;
    }
    if (row.kind === 'error') {
      // One unreadable page does not end the batch: its row says why, and the exit code says one failed.
      failed++;
      console.error(`${where}: ${row.message}`);
      console.log(JSON.stringify({ id: row.id, error: row.message }));
    } else {
      console.log(JSON.stringify(row.output));
    }
  }
  return failed ? EXIT_FAILURE : 0;
}

/** One batch line's outcome: its output row, an error for that row alone, or an error that ends the batch. */
type BatchRow =
  | { kind: 'ok'; output: Record<string, unknown> }
  | { kind: 'error'; id: unknown; message: string }
  | { kind: 'stop'; message: string };

async function batchRow(line: string, options: CliOptions, where: string): Promise<BatchRow> {
  let record: BatchLine;
  try {
    record = JSON.parse(line) as BatchLine;
  } catch {
    return { kind: 'error', id: null, message: 'not a JSON object' };
  }
  const source =
    typeof record.html === 'string'
      ? ({ kind: 'html', content: record.html } as const)
      : typeof record.article === 'string'
        ? ({ kind: 'text', content: record.article } as const)
        : null;
  if (!source) return { kind: 'error', id: record.id, message: 'each line needs "article" (text) or "html"' };
  let article: Article | null;
  try {
    article = toArticle(source, options.lang);
  } catch (error) {
    return { kind: 'error', id: record.id, message: `cannot read this page: ${errorText(error)}` };
  }
  if (options.extract) return { kind: 'ok', output: { id: record.id, text: article?.text ?? '' } };
  const summary = await batchSummary(article, options, where);
  // A server that fails one line (key, model, address) almost always fails the rest: stop here.
  if (!Array.isArray(summary)) return { kind: 'stop', message: describeEngineError(summary) };
  return { kind: 'ok', output: { id: record.id, summary } };
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  return options.jsonl !== undefined
    ? batch(options, options.jsonl)
    : single(options, options.input as string);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(errorText(error));
    process.exitCode = EXIT_FAILURE;
  },
);
