/**
 * Extraction benchmark: trafilatura's evaluation on its development split (../shared/corpus/extraction-snippets-dev),
 * ours as `summarize --extract` reads a page beside Readability.js alone, with the time per page after parsing and
 * trafilatura's published table; then the two other extraction figures, in Node: the article-extraction benchmark
 * (as in bench:quality) and the real pages against the crawler's text (as in bench:pages).
 * Run: npm run bench:extraction -- [--data PATH] [--markdown FILE] [--dump DIR] [--only snippets,benchmark,pages]
 * On a busy machine the snippets part can run as shards in parallel processes: `--shard 0/3 --save part0.json`
 * (each writes its pages' results), then `--merge part0.json,part1.json,part2.json` reports them together.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { scoreExtraction } from '../pages/extraction';
import { runExtraction } from '../qualityExtraction';
import { hasRealPages, readRealPages } from '../realPages';
import { emptyLines, scoreTable, speedLines, worstLines } from './report';
import { runSnippets, type PageResult } from './run';
import { readSnippetPages, SNIPPETS } from './snippets';

const PARTS = ['snippets', 'benchmark', 'pages'] as const;
type Part = (typeof PARTS)[number];
const USAGE = `Usage: bench:extraction -- [--data PATH] [--markdown FILE] [--dump DIR] [--only ${PARTS.join(',')}] [--shard I/N --save FILE | --merge FILE,FILE]`;
/** Worst pages listed in the report. */
const WORST_PAGES = 25;

interface Args {
  data: string;
  markdown?: string;
  dump?: string;
  parts: Set<Part>;
  shard?: { index: number; count: number };
  save?: string;
  merge?: string[];
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { data: resolve(process.cwd(), '../shared/corpus'), parts: new Set(PARTS) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[++i];
    if (value === undefined) throw new Error(`${arg} needs a value. ${USAGE}`);
    if (arg === '--data') args.data = resolve(value);
    else if (arg === '--markdown') args.markdown = value;
    else if (arg === '--dump') args.dump = value;
    else if (arg === '--save') args.save = value;
    else if (arg === '--merge') args.merge = value.split(',');
    else if (arg === '--shard') {
      const [index, count] = value.split('/').map(Number);
      if (!Number.isInteger(index) || !Number.isInteger(count) || !(index! >= 0 && index! < count!))
        throw new Error(`--shard takes I/N with 0 <= I < N. ${USAGE}`);
      args.shard = { index: index!, count: count! };
    } else if (arg === '--only') {
      const names = value.split(',').filter(Boolean);
      const unknown = names.filter((n) => !(PARTS as readonly string[]).includes(n));
      if (names.length === 0 || unknown.length)
        throw new Error(`Unknown part: ${unknown.join(', ')}. ${USAGE}`);
      args.parts = new Set(names as Part[]);
    } else throw new Error(`Unknown option: ${arg}. ${USAGE}`);
  }
  return args;
}

/** Writes each page's output, ours and Readability's, for reading. */
function dump(dir: string, results: readonly PageResult[]): void {
  mkdirSync(dir, { recursive: true });
  for (const r of results) {
    writeFileSync(join(dir, `${r.page.id}.ours.txt`), r.ours.output ?? '');
    writeFileSync(join(dir, `${r.page.id}.readability.txt`), r.readability.output ?? '');
  }
}

/** A shard's results as saved: the page's id stands for the page. */
type SavedResult = Omit<PageResult, 'page'> & { id: string };

function snippetResults(folder: string, args: Args): PageResult[] {
  const pages = readSnippetPages(folder);
  if (args.merge) {
    const byId = new Map(pages.map((page) => [page.id, page]));
    return args.merge.flatMap((file) =>
      (JSON.parse(readFileSync(file, 'utf8')) as SavedResult[]).map(({ id, ...rest }) => {
        const page = byId.get(id);
        if (!page) throw new Error(`${file}: page ${id} is not in ${folder}.`);
        return { page, ...rest };
      }),
    );
  }
  const shard = args.shard;
  const results = runSnippets(shard ? pages.filter((_, i) => i % shard.count === shard.index) : pages, true);
  if (args.save) {
    const saved: SavedResult[] = results.map(({ page, ...rest }) => ({ id: page.id, ...rest }));
    writeFileSync(args.save, JSON.stringify(saved));
  }
  return results;
}

function snippetSection(folder: string, args: Args): string[] {
  const results = snippetResults(folder, args);
  if (args.dump) dump(args.dump, results);
  return [
    `### trafilatura's evaluation, development split (${results.length} pages)`,
    '',
    ...scoreTable(results),
    '',
    ...speedLines(results),
    '',
    '#### Pages without output (ours)',
    '',
    ...emptyLines(results),
    '',
    `#### Worst pages (ours: missed main-text segments + boilerplate segments output), up to ${WORST_PAGES}`,
    '',
    ...worstLines(results, WORST_PAGES),
    '',
  ];
}

function benchmarkSection(folder: string): string[] {
  const result = runExtraction(folder);
  return [
    `### Article-extraction benchmark (4-gram shingle F1, ${result.pages} pages)`,
    '',
    '| method | F1 | precision | recall | ms/page (with parsing) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...result.methods.map(
      (m) =>
        `| ${m.name} | ${m.f1.toFixed(3)} | ${m.precision.toFixed(3)} | ${m.recall.toFixed(3)} | ${m.msPerPage.toFixed(1)} |`,
    ),
    '',
  ];
}

function pagesSection(root: string): string[] {
  const scores = scoreExtraction(readRealPages(root).filter((p) => p.kind === 'article'));
  return [
    `### Real pages against the crawler's text (4-gram shingle F1, ${scores.pages} articles, as bench:pages scores them)`,
    '',
    `ours ${scores.ours.f1.toFixed(3)} (P ${scores.ours.precision.toFixed(3)}, R ${scores.ours.recall.toFixed(3)}); ` +
      `Readability ${scores.readability.f1.toFixed(3)}`,
    ...scores.worst.map(
      (w) => `- ${w.id}: ours ${w.ours.toFixed(3)}, Readability ${w.readability.toFixed(3)}`,
    ),
    '',
  ];
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const out: string[] = [`Corpus: ${args.data}`, ''];
  const snippets = join(args.data, SNIPPETS);
  const benchmark = join(args.data, 'article-extraction-dev');
  const missing = (what: string) => out.push(`${what} is absent under ${args.data}; skipped.`, '');
  if (args.parts.has('snippets'))
    if (existsSync(join(snippets, 'index.json'))) out.push(...snippetSection(snippets, args));
    else missing(SNIPPETS);
  if (args.parts.has('benchmark'))
    if (existsSync(join(benchmark, 'ground-truth.json'))) out.push(...benchmarkSection(benchmark));
    else missing('article-extraction-dev');
  if (args.parts.has('pages'))
    if (hasRealPages(args.data)) out.push(...pagesSection(args.data));
    else missing('real-pages-dev');
  const text = out.join('\n');
  console.log(text);
  if (args.markdown) writeFileSync(args.markdown, `${text}\n`);
  return 0;
}

process.exitCode = main();
