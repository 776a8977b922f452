import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * trafilatura's evaluation (github.com/adbar/trafilatura, tests/eval_common.py `count_item`): each page has
 * "with" segments (main text an extractor must output) and "without" segments (boilerplate it must not). A
 * segment counts when it is a substring of the output, both with every whitespace run collapsed to one space
 * and trimmed; case-sensitive. Counts are summed over pages before precision, recall and F1.
 */

/** One page of ../shared/corpus/extraction-snippets-dev. */
export interface SnippetPage {
  id: string;
  lang: string;
  url: string | null;
  with: string[];
  without: string[];
  html(): string;
}

/** True and false positives and negatives, summed over pages. */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/**
 * Python's `\s` on str (what eval_common.py's `re.sub(r"\s+", " ", text)` collapses): ASCII whitespace, the
 * information separators \x1c-\x1f, NEL and Unicode spaces. JavaScript's `\s` differs (it has U+FEFF, lacks
 * \x1c-\x1f and NEL), so the class is spelled out.
 */
const PYTHON_WHITESPACE =
  // eslint-disable-next-line no-control-regex -- Python's \s includes the information separators \x1c-\x1f.
  /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/gu;

/** eval_common.py's `norm`: whitespace runs to one space, trimmed. */
export function normalizeSegment(text: string): string {
  return text.replace(PYTHON_WHITESPACE, ' ').trim();
}

/** The counts of one page for an output; null (no output) finds nothing, as a crash does in eval_common.py. */
export function countSnippets(
  page: Pick<SnippetPage, 'with' | 'without'>,
  output: string | null,
): SnippetCounts {
  const text = output === null ? null : normalizeSegment(output);
  const tp = text === null ? 0 : page.with.filter((s) => text.includes(normalizeSegment(s))).length;
  const fp = text === null ? 0 : page.without.filter((s) => text.includes(normalizeSegment(s))).length;
  return { tp, fp, fn: page.with.length - tp, tn: page.without.length - fp };
}

/** Sums page counts. */
export function addCounts(counts: readonly SnippetCounts[]): SnippetCounts {
  const sum = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const c of counts) {
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.tn += c.tn;
  }
  return sum;
}

/** Precision, recall and F1 of summed counts (each 0 when its denominator is). */
export function snippetScores(c: SnippetCounts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const denominator = 2 * c.tp + c.fp + c.fn;
  return { precision, recall, f1: denominator ? (2 * c.tp) / denominator : 0 };
}

interface Row {
  id: string;
  url: string | null;
  lang: string;
  with: string[];
  without: string[];
}

/** The folder's name under the corpus root. */
export const SNIPPETS = 'extraction-snippets-dev';

/** Reads index.json and the pages of extraction-snippets-dev (pages are read when asked for). */
export function readSnippetPages(folder: string): SnippetPage[] {
  const rows = JSON.parse(readFileSync(join(folder, 'index.json'), 'utf8')) as Row[];
  return rows.map((row) => ({
    ...row,
    html: () => readFileSync(join(folder, 'pages', `${row.id}.html`), 'utf8'),
  }));
}
