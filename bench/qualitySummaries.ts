import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { articleFromText } from '../lib/extract/index';
import { summarize } from '../lib/summarize/index';
import { SUMMARY_DATASETS, readExamples } from './corpus';
import { leadN, lexrankSummary, textrankSummary } from './peers';
import { rougeF1, type RougeMode } from './rouge/rouge';
import { mean } from './stats';

/** Every method gets the same number of sentences, as in the literature's lead-3 comparisons. */
const SENTENCES = 3;

/** Mean ROUGE F1 (×100) and time for one method on one dataset. */
export interface MethodResult {
  name: string;
  r1: number;
  r2: number;
  rLsum: number;
  msPerArticle: number;
}

/** All methods on one dataset. */
export interface DatasetResult {
  name: string;
  file: string;
  mode: RougeMode;
  count: number;
  methods: MethodResult[];
}

type Method = { name: string; run: (text: string, lang: string) => Promise<string[]> | string[] };

const METHODS: readonly Method[] = [
  {
    name: 'ours',
    run: (text, lang) => {
      const summary = summarize(articleFromText(text, { lang }), { sentences: SENTENCES });
      return summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
    },
  },
  { name: 'lead-3', run: (text, lang) => leadN(articleFromText(text, { lang }), SENTENCES) },
  { name: 'lexrank@1.0.5', run: (text) => lexrankSummary(text, SENTENCES) },
  { name: 'node-summarizer@1.0.7 TextRank', run: (text) => textrankSummary(text, SENTENCES) },
];

/** Scores every method on every summary dataset present under `folder`. */
export async function runSummaries(folder: string): Promise<DatasetResult[]> {
  const results: DatasetResult[] = [];
  for (const dataset of SUMMARY_DATASETS) {
    const path = join(folder, dataset.file);
    if (!existsSync(path)) continue;
    const examples = readExamples(path);
    const methods: MethodResult[] = [];
    for (const method of METHODS) {
      const scores: Array<{ r1: number; r2: number; rLsum: number }> = [];
      let ms = 0;
      for (const example of examples) {
        const start = performance.now();
        const sentences = await method.run(example.article, dataset.lang);
        ms += performance.now() - start;
        // One sentence per line: ROUGE-Lsum's sentence boundaries.
        scores.push(
          rougeF1(example.reference, sentences.map((s) => s.replace(/\n/g, ' ')).join('\n'), dataset.mode),
        );
      }
      methods.push({
        name: method.name,
        r1: mean(scores.map((s) => s.r1)),
        r2: mean(scores.map((s) => s.r2)),
        rLsum: mean(scores.map((s) => s.rLsum)),
        msPerArticle: ms / examples.length,
      });
    }
    results.push({
      name: dataset.name,
      file: dataset.file,
      mode: dataset.mode,
      count: examples.length,
      methods,
    });
  }
  return results;
}
