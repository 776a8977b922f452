import { Readability } from '@mozilla/readability';
import { parseDocument } from '../../cli/parseDocument';
import { extractArticle } from '../../lib/extract/index';
import { detectArticle } from '../../lib/page/detect';
import { timed } from '../stats';
import { countSnippets, type SnippetCounts, type SnippetPage } from './snippets';

/** What one extractor made of one page. */
export interface PageRun {
  output: string | null;
  counts: SnippetCounts;
  /** Milliseconds after parsing: for ours detection + extraction, for Readability its parse(). */
  ms: number;
}

/** Both extractors on one page. */
export interface PageResult {
  page: SnippetPage;
  ours: PageRun;
  /** Of ours' time, what detection took (the extension runs it anyway, to decide on the bar). */
  detectMs: number;
  readability: PageRun;
}

/**
 * Ours as `summarize --extract` reads a saved page (cli/input.ts `toArticle`): the region detection finds, then
 * `extractArticle`, which works on a copy and leaves the document as it was. No output is what the command line
 * reports as "No article text found".
 */
function runOurs(doc: Document): PageRun & { detectMs: number } {
  const [region, detectMs] = timed(() => detectArticle(doc).region);
  const [article, extractMs] = timed(() => extractArticle(doc, { scope: region }));
  return { output: article?.text ?? null, counts: NO_COUNTS, ms: detectMs + extractMs, detectMs };
}

/** Readability.js alone, on the whole page, with its defaults: its textContent. It takes the document apart. */
function runReadability(doc: Document): PageRun {
  const [parsed, ms] = timed(() => new Readability(doc).parse());
  return { output: parsed?.textContent ?? null, counts: NO_COUNTS, ms };
}

const NO_COUNTS = { tp: 0, fp: 0, fn: 0, tn: 0 };

/** Runs both extractors on every page and scores them with trafilatura's metric. */
export function runSnippets(pages: readonly SnippetPage[], progress = false): PageResult[] {
  return pages.map((page) => {
    // One parse (jsdom, as the command line parses) serves both: ours first, as it leaves the document intact.
    const doc = parseDocument(page.html());
    const { detectMs, ...ours } = runOurs(doc);
    const readability = runReadability(doc);
    doc.defaultView?.close();
    if (progress) process.stderr.write('.');
    return {
      page,
      detectMs,
      ours: { ...ours, counts: countSnippets(page, ours.output) },
      readability: { ...readability, counts: countSnippets(page, readability.output) },
    };
  });
}
