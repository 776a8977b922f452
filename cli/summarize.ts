/**
 * Command-line summarizer: the extension's engine, for people and benchmarks.
 * Standard output holds only results; errors go to standard error with a non-zero exit.
 */
import { createInterface } from 'node:readline';
import { createReadStream } from 'node:fs';
import type { Article } from '../lib/article';
import { summarize } from '../lib/summarize/index';
import { loadSource, toArticle } from './input';
import { parseOptions, USAGE, UsageError, type CliOptions } from './options';

/** Exit codes: 1 for a failure on valid input (unreadable file, no article), 2 for a bad command line. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

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
  const article = toArticle(source, options.lang);
  if (!article) {
    console.error(`No article text found in ${source.name}.`);
    return EXIT_FAILURE;
  }
  if (options.extract) {
    console.log(options.json ? JSON.stringify(article) : article.text);
    return 0;
  }
  const summary = summaryOf(article, options);
  if (options.json) {
    const { title, lang, dir, wordCount, truncated } = article;
    console.log(JSON.stringify({ title, lang, dir, wordCount, truncated, summary }));
  } else if (summary.kind === 'ok') {
    console.log(summary.sentences.map((s) => s.text.replace(/\s*\n\s*/g, ' ')).join('\n'));
  } else {
    console.error(summary.reason);
  }
  return 0;
}

async function batch(options: CliOptions, file: string): Promise<number> {
  const lines = createInterface({
    input: file === '-' ? process.stdin : createReadStream(file),
    crlfDelay: Infinity,
  });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (!line.trim()) continue;
    const record = JSON.parse(line) as BatchLine;
    const source =
      typeof record.html === 'string'
        ? ({ kind: 'html', content: record.html } as const)
        : typeof record.article === 'string'
          ? ({ kind: 'text', content: record.article } as const)
          : null;
    if (!source) throw new Error(`${file}:${lineNumber}: each line needs "article" (text) or "html".`);
    const article = toArticle(source, options.lang);
    if (options.extract) {
      console.log(JSON.stringify({ id: record.id, text: article?.text ?? '' }));
    } else {
      const summary = article ? summaryOf(article, options) : null;
      console.log(
        JSON.stringify({
          id: record.id,
          summary: summary?.kind === 'ok' ? summary.sentences.map((s) => s.text) : [],
        }),
      );
    }
  }
  return 0;
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseOptions(process.argv.slice(2));
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
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = EXIT_FAILURE;
  },
);
