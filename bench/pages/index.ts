/**
 * `npm run bench:pages -- [--browser chromium|firefox] [--long-tail] [--only id,id] [--data PATH] [--markdown FILE]`
 *
 * The extension on real saved pages of news sites in many languages, and on pages that are not articles
 * (../shared/corpus/real-pages-dev), with the article-extraction benchmark's reproductions of faults
 * (article-extraction-dev), and with `--long-tail` the 246 articles and blog posts of small sites of
 * extraction-snippets-dev (about 20 minutes more), loaded as built into Chromium and Firefox: which pages get the bar, what a
 * click on it gives (points that are not sentences of the story are listed, clicks that never finish counted),
 * and how long a cold click takes to paint. Then extraction quality on the same articles (in Node, as the
 * command line reads them) next to Readability's. A benchmark, not a test: it prints and exits 0 unless it
 * cannot run.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { browserExecutable, type BrowserName } from '../../tests/e2e/harness/require';
import { OFFLINE_POLICY, startServer } from '../../tests/e2e/harness/server';
import { hasRealPages, readBenchmarkPages, readLongTail, readRealPages, type RealPage } from '../realPages';
import { runBrowser } from './browserRun';
import { scoreExtraction } from './extraction';
import { report } from './report';

/** The article-extraction benchmark's pages that reproduced faults (a bar with no text, broken CSS). */
const BENCHMARK_REPRODUCTIONS = ['432362af', 'f5c90a6d'];

interface Options {
  browsers: BrowserName[];
  longTail: boolean;
  only: string[];
  data: string;
  markdown?: string;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    browsers: ['chromium', 'firefox'],
    longTail: false,
    only: [],
    data: resolve('../shared/corpus'),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--long-tail') {
      options.longTail = true;
      continue;
    }
    i++;
    if (flag === '--browser') options.browsers = [value as BrowserName];
    else if (flag === '--only') options.only = value.split(',').filter(Boolean);
    else if (flag === '--data') options.data = resolve(value);
    else if (flag === '--markdown') options.markdown = value;
    else throw new Error(`Unknown option ${flag}. Usage: ${USAGE}`);
  }
  return options;
}

const USAGE =
  'npm run bench:pages -- [--browser chromium|firefox] [--long-tail] [--only id,id] [--data PATH] [--markdown FILE]';

/**
 * Each page is served at its original path and query (so the address looks as it did on the site), or under its id
 * when another page already has that path.
 */
function servePages(server: Awaited<ReturnType<typeof startServer>>, pages: readonly RealPage[]) {
  const urls = new Map<string, string>();
  const taken = new Set<string>();
  for (const page of pages) {
    const address = page.url ? new URL(page.url) : null;
    let path = address?.pathname ?? `/${page.id}/`;
    if (taken.has(path) || path === '/favicon.ico') path = `/${page.id}${path}`;
    taken.add(path);
    const body = page.html();
    const served = server.route(path, { body, headers: { 'content-security-policy': OFFLINE_POLICY } });
    // The server routes by path; the query goes along so that the page's address reads as it did on the site.
    urls.set(page.id, served + (address?.search ?? ''));
  }
  return (page: RealPage) => urls.get(page.id)!;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!hasRealPages(options.data))
    throw new Error(`No real-pages-dev under ${options.data}: pass --data PATH to the corpus.`);
  const all = [
    ...readRealPages(options.data),
    ...readBenchmarkPages(options.data, BENCHMARK_REPRODUCTIONS),
    ...(options.longTail ? readLongTail(options.data) : []),
  ];
  const pages = options.only.length ? all.filter((p) => options.only.includes(p.id)) : all;
  const server = await startServer();
  const urlOf = servePages(server, pages);
  const runs = new Map<BrowserName, Awaited<ReturnType<typeof runBrowser>>>();
  try {
    for (const name of options.browsers) {
      if (!browserExecutable(name)) throw new Error(`${name} is not installed.`);
      runs.set(name, await runBrowser(name, pages, urlOf, (line) => console.error(line)));
    }
  } finally {
    await server.close();
  }
  const extraction = scoreExtraction(pages.filter((p) => p.set === 'real-pages' && p.kind === 'article'));
  const text = report(pages, runs, extraction);
  console.log(text);
  if (options.markdown) writeFileSync(options.markdown, `${text}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
