import { createRequire } from 'node:module';
import type { Article } from '../lib/article';
import { articleSentences } from '../lib/summarize/sentences';

/**
 * The baselines the quality benchmark compares against: lead-3 with our own sentence splitter,
 * and two summarizers people find on npm (dev dependencies, CommonJS, untyped).
 */

const require = createRequire(import.meta.url);

interface LexRankSentence {
  text: string;
  index: number;
}
type LexRank = {
  summarize(text: string, lines: number, callback: (error: unknown, top: LexRankSentence[]) => void): void;
};
type SummarizerManagerClass = new (
  text: string,
  sentences: number,
) => {
  getSummaryByRank(): Promise<{ summary?: unknown } | Error>;
};
interface SentenceTokenizer {
  tokenize(text: string): string[];
}

const lexrank = require('lexrank') as LexRank;
const { SummarizerManager } = require('node-summarizer') as { SummarizerManager: SummarizerManagerClass };
// node-summarizer splits with natural's SentenceTokenizer; we use the same one to recover its sentences.
const natural = createRequire(require.resolve('node-summarizer'))('natural') as {
  SentenceTokenizer: new () => SentenceTokenizer;
};

/** The first n sentences of the article, split exactly as our summarizer splits them. */
export function leadN(article: Article, n: number): string[] {
  return articleSentences(article)
    .slice(0, n)
    .map((s) => s.text);
}

/** lexrank@1.0.5's summary sentences in article order. */
export function lexrankSummary(text: string, n: number): string[] {
  let out: string[] = [];
  lexrank.summarize(text, n, (error, top) => {
    if (!error) out = top.map((s) => s.text);
  });
  return out;
}

/**
 * node-summarizer@1.0.7's TextRank summary. It returns the chosen sentences glued together with
 * no separator; we cut them apart again by matching its own tokenizer's sentences.
 */
export async function textrankSummary(text: string, n: number): Promise<string[]> {
  const result = await new SummarizerManager(text, n).getSummaryByRank();
  const summary = result instanceof Error || typeof result.summary !== 'string' ? '' : result.summary;
  const sentences = new natural.SentenceTokenizer().tokenize(text);
  const out: string[] = [];
  let rest = summary;
  while (rest.length > 0) {
    const next = sentences
      .filter((s) => s.length > 0 && rest.startsWith(s))
      .sort((a, b) => b.length - a.length)[0];
    if (!next) {
      out.push(rest);
      break;
    }
    out.push(next);
    rest = rest.slice(next.length);
  }
  return out;
}
