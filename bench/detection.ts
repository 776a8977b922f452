/**
 * `npm run bench:detection -- [--data PATH]`
 *
 * Article detection alone, in Node (jsdom parses each saved page as browsers do; no layout, no scripts), on every
 * page bench:pages loads in browsers: real-pages-dev's articles and non-articles, the article-extraction
 * benchmark's reproductions and extraction-snippets-dev's articles and blog posts (the long tail). It lists the
 * articles without a bar and the non-articles with one, with the signals each page gives, in minutes rather
 * than the browsers' half hour. Detection reads no layout, so it decides the same in a tab; bench:pages
 * confirms it there. A benchmark, not a test: it prints and exits 0 unless it cannot run.
 */
import { resolve } from 'node:path';
import { parseDocument } from '../cli/parseDocument';
import { detectArticle } from '../lib/page/detect';
import { articleEvidence, readSignals, type PageSignals } from '../lib/page/signals';
import {
  hasRealPages,
  readBenchmarkPages,
  readLongTail,
  readRealPages,
  type PageSet,
  type RealPage,
} from './realPages';

/** The article-extraction benchmark's pages that reproduced faults, as in bench:pages. */
const BENCHMARK_REPRODUCTIONS = ['432362af', 'f5c90a6d'];

/** The signals a page gives, in a few words. */
function describeSignals(s: PageSignals): string {
  const named = (Object.keys(s) as (keyof PageSignals)[]).filter((key) => s[key]);
  return `evidence ${articleEvidence(s)}: ${named.join(', ') || 'none'}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const data = resolve(args[0] === '--data' && args[1] ? args[1] : '../shared/corpus');
  if (!hasRealPages(data))
    throw new Error(`No real-pages-dev under ${data}: pass --data PATH to the corpus.`);
  const pages: RealPage[] = [
    ...readRealPages(data),
    ...readBenchmarkPages(data, BENCHMARK_REPRODUCTIONS),
    ...readLongTail(data),
  ];
  const counts = new Map<string, { pages: number; bars: number }>();
  const misses: string[] = [];
  const falseBars: string[] = [];
  for (const page of pages) {
    // At the address bench:pages serves it from: its own, else a path named after its id.
    const doc = parseDocument(page.html(), page.url ?? `http://127.0.0.1/${page.id}/`);
    const { isArticle } = detectArticle(doc);
    const key = `${page.set satisfies PageSet}, ${page.kind}${page.jsRequired ? ' (text only in a script)' : ''}`;
    const count = counts.get(key) ?? { pages: 0, bars: 0 };
    count.pages++;
    if (isArticle) count.bars++;
    counts.set(key, count);
    const line = `${page.set} ${page.id} ${page.url ?? ''} (${describeSignals(readSignals(doc))})`;
    if (page.kind === 'article' && !isArticle) misses.push(line);
    if (page.kind === 'non-article' && isArticle) falseBars.push(line);
    doc.defaultView?.close();
  }
  const lines = ['| pages | with the bar |', '|---|---:|'];
  for (const [key, { pages: n, bars }] of counts)
    lines.push(`| ${key} | ${bars} / ${n} (${((100 * bars) / n).toFixed(1)}%) |`);
  lines.push(
    '',
    '- Articles without the bar:',
    ...(misses.length ? misses.map((m) => `  - ${m}`) : ['  - none']),
  );
  lines.push(
    '- Non-articles with the bar:',
    ...(falseBars.length ? falseBars.map((m) => `  - ${m}`) : ['  - none']),
  );
  console.log(lines.join('\n'));
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
