import { Readability } from '@mozilla/readability';
import { toArticle } from '../../cli/input';
import { parseDocument } from '../../cli/parseDocument';
import type { RealPage } from '../realPages';
import { shingleCounts, shingleMetrics, type PageCounts } from '../shingles';

/** Extraction quality on the real articles: 4-gram shingle F1 against the crawler's body, as in bench:quality. */
export interface ExtractionScores {
  pages: number;
  ours: ReturnType<typeof shingleMetrics>;
  readability: ReturnType<typeof shingleMetrics>;
  /** Pages where our F1 is far below Readability's: where to look first. */
  worst: Array<{ id: string; ours: number; readability: number }>;
}

function pageF1(counts: PageCounts): number {
  return counts.tp === 0 ? 0 : (2 * counts.tp) / (2 * counts.tp + counts.fp + counts.fn);
}

/**
 * Ours as the command line reads a page (the same parser family as the browser, the region detection finds,
 * then Readability and cleaning), and Readability's textContent of the whole page.
 */
export function scoreExtraction(articles: readonly RealPage[]): ExtractionScores {
  const ours: PageCounts[] = [];
  const theirs: PageCounts[] = [];
  const worst: ExtractionScores['worst'] = [];
  for (const page of articles) {
    const html = page.html();
    const text = toArticle({ kind: 'html', content: html })?.text ?? '';
    const doc = parseDocument(html);
    const readability = new Readability(doc).parse()?.textContent ?? '';
    doc.defaultView?.close();
    const a = shingleCounts(page.body, text);
    const b = shingleCounts(page.body, readability);
    ours.push(a);
    theirs.push(b);
    worst.push({ id: page.id, ours: pageF1(a), readability: pageF1(b) });
  }
  worst.sort((x, y) => x.ours - x.readability - (y.ours - y.readability));
  return {
    pages: articles.length,
    ours: shingleMetrics(ours),
    readability: shingleMetrics(theirs),
    worst: worst.filter((w) => w.ours < w.readability - 0.05).slice(0, 10),
  };
}
