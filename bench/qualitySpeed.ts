import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { articleFromText } from '../lib/extract/index';
import { summarize } from '../lib/summarize/index';
import { SUMMARY_DATASETS, readExamples } from './corpus';
import { median, timed } from './stats';

/** Article lengths for the scaling check: doubling each time, so linear time doubles too. */
const SCALING_WORDS = [1250, 2500, 5000, 10000, 20000];
/** Runs per length; the median damps garbage-collection noise. */
const RUNS = 15;
/** Untimed passes first, so the JIT has compiled the engine. */
const WARMUP_PASSES = 2;

/** Speed of the engine on dev articles and on long synthetic ones. */
export interface SpeedResult {
  articles: number;
  medianMs: number;
  scaling: Array<{ words: number; medianMs: number }>;
}

function summarizeText(text: string, lang?: string): void {
  summarize(articleFromText(text, { lang }));
}

/** Times articleFromText + summarize (default length) per dev article and on 1,250-20,000 words. */
export function runSpeed(folder: string): SpeedResult {
  const examples = SUMMARY_DATASETS.flatMap((d) =>
    existsSync(join(folder, d.file))
      ? readExamples(join(folder, d.file)).map((e) => ({ ...e, lang: d.lang }))
      : [],
  );
  for (let pass = 0; pass < WARMUP_PASSES; pass++) for (const e of examples) summarizeText(e.article, e.lang);
  const perArticle = examples.map((e) => timed(() => summarizeText(e.article, e.lang))[1]);
  const english = examples.filter((e) => e.lang === 'en').map((e) => e.article);
  const scaling = SCALING_WORDS.map((words) => {
    const text = longText(english, words);
    return {
      words,
      medianMs: median(Array.from({ length: RUNS }, () => timed(() => summarizeText(text))[1])),
    };
  });
  return { articles: examples.length, medianMs: median(perArticle), scaling };
}

/** Real articles as paragraphs, repeated as needed, cut to exactly `words` words. */
function longText(articles: readonly string[], words: number): string {
  const out: string[] = [];
  let count = 0;
  for (let i = 0; count < words && articles.length > 0; i++) {
    const tokens = (articles[i % articles.length] as string).split(/\s+/).filter(Boolean);
    const take = tokens.slice(0, words - count);
    out.push(take.join(' '));
    count += take.length;
  }
  return out.join('\n\n');
}
