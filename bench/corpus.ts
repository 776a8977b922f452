import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { hasRealPages } from './realPages';

/** One article with its human-written reference summary. */
export interface SummaryExample {
  id: string;
  article: string;
  reference: string;
  lang?: string;
}

/** The summary datasets of ../shared/corpus/summaries-dev, with how to score each. */
export const SUMMARY_DATASETS = [
  { name: 'CNN (en)', file: 'cnn_dailymail.jsonl', lang: 'en', mode: 'english' },
  { name: 'OrangeSum (fr)', file: 'fr.jsonl', lang: 'fr', mode: 'unicode' },
  { name: 'German teasers (de)', file: 'de.jsonl', lang: 'de', mode: 'unicode' },
] as const;

/** Reads a JSON-lines file of summary examples. */
export function readExamples(path: string): SummaryExample[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as SummaryExample);
}

/** One page of the extraction benchmark with its hand-made article body. */
export interface ExtractionPage {
  id: string;
  html: string;
  truth: string;
}

/** Reads article-extraction-dev: html/<id>.html and ground-truth.json. */
export function readExtractionPages(folder: string): ExtractionPage[] {
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody?: string }
  >;
  return readdirSync(join(folder, 'html'))
    .filter((name) => name.endsWith('.html'))
    .sort()
    .map((name) => {
      const id = name.slice(0, -'.html'.length);
      return {
        id,
        html: readFileSync(join(folder, 'html', name), 'utf8'),
        truth: truth[id]?.articleBody ?? '',
      };
    });
}

/** Whether the corpus folder exists and has the parts the benchmark reads. */
export function corpusStatus(root: string): { summaries: boolean; extraction: boolean; realPages: boolean } {
  return {
    summaries: existsSync(join(root, 'summaries-dev')),
    extraction: existsSync(join(root, 'article-extraction-dev', 'ground-truth.json')),
    realPages: hasRealPages(root),
  };
}
