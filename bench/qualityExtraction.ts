import { Readability } from '@mozilla/readability';
import { parseDocument as parse } from '../cli/parseDocument';
import { extractArticle } from '../lib/extract/index';
import { detectArticle } from '../lib/page/detect';
import { readExtractionPages } from './corpus';
import { shingleCounts, shingleMetrics, type PageCounts } from './shingles';
import { timed } from './stats';

/** Shingle metrics per extraction method. */
export interface ExtractionResult {
  pages: number;
  methods: Array<{ name: string; f1: number; precision: number; recall: number; msPerPage: number }>;
}

const METHODS: ReadonlyArray<{ name: string; run: (html: string) => string }> = [
  // As the extension runs it: Readability reads the region the always-on script's detection found.
  {
    name: 'ours',
    run: (html) => {
      const doc = parse(html);
      return extractArticle(doc, { scope: detectArticle(doc).region })?.text ?? '';
    },
  },
  { name: 'ours, whole page', run: (html) => extractArticle(parse(html))?.text ?? '' },
  {
    name: 'Readability 0.6.0 textContent',
    run: (html) => new Readability(parse(html)).parse()?.textContent ?? '',
  },
];

/** Extraction quality of our cleaned text and of Readability's plain text against the ground truth. */
export function runExtraction(folder: string): ExtractionResult {
  const pages = readExtractionPages(folder);
  return {
    pages: pages.length,
    methods: METHODS.map(({ name, run }) => {
      const counts: PageCounts[] = [];
      let ms = 0;
      for (const page of pages) {
        const [text, elapsed] = timed(() => run(page.html));
        ms += elapsed;
        counts.push(shingleCounts(page.truth, text));
      }
      return { name, ...shingleMetrics(counts), msPerPage: ms / pages.length };
    }),
  };
}
