/**
 * The summarizer: picks the sentences of an article that best summarize it, extractively,
 * on the device. Public surface: `summarize` and `sentenceCount`.
 */
import type { Article, Summary } from '../article';
import { scoreSentences } from './score';
import { selectSentences } from './select';
import { countForWords, type SummaryLength } from './sentenceCount';
import { articleSentences } from './sentences';
import { SETTINGS, type SummarizerSettings } from './settings';
import { indexTerms, inverseFrequency, tfidfVector } from './vectors';

export { sentenceCount, type SummaryLength } from './sentenceCount';
export { SETTINGS, type SummarizerSettings } from './settings';

/**
 * Only the first this-many sentences are candidates and enter the similarity graph, which is
 * quadratic. News puts what matters first, and a 5,000-word article has about 250 sentences,
 * so this bounds the work on huge pages without changing results on real articles.
 */
const MAX_CANDIDATES = 300;

/** Options for `summarize`. `sentences` wins over `length`; the default length is 'medium'. */
export interface SummarizeOptions {
  sentences?: number;
  length?: SummaryLength;
}

/**
 * Summarizes an article: the chosen sentences in article order, each exactly
 * `article.text.slice(start, end)`; or `{ kind: 'empty', reason }` when there is nothing to pick.
 * `settings` are the product's unless the quality benchmark tries others.
 */
export function summarize(
  article: Article,
  options: SummarizeOptions = {},
  settings: Readonly<SummarizerSettings> = SETTINGS,
): Summary {
  const all = articleSentences(article);
  if (all.length === 0) return { kind: 'empty', reason: 'The article has no sentences to summarize.' };
  // Same rule as sentenceCount(), without segmenting the article a second time.
  const wanted = options.sentences ?? countForWords(article.wordCount, options.length ?? 'medium');
  const count = Math.min(all.length, Math.max(0, Math.floor(Number.isFinite(wanted) ? wanted : 0)));
  if (count === 0) return { kind: 'empty', reason: 'No sentences were asked for.' };

  const index = indexTerms([...all.map((s) => s.text), article.title], article.lang);
  const documents = all.length;
  const idf = (id: number): number => inverseFrequency(index.documentFrequency[id] ?? 1, documents);
  const candidates = all.slice(0, MAX_CANDIDATES);
  const vectors = candidates.map((_, i) => tfidfVector(index.terms[i] ?? [], idf));
  const scores = scoreSentences(
    {
      sentences: candidates,
      vectors,
      title: tfidfVector(index.terms[all.length] ?? [], idf),
      lang: article.lang,
    },
    settings,
  );
  const chosen = selectSentences(
    scores,
    vectors,
    candidates.map((s) => s.text),
    count,
    settings.redundancyCosine,
  );
  return {
    kind: 'ok',
    sentences: chosen.map((i) => {
      const { text, start, end } = candidates[i] as (typeof candidates)[number];
      return { text, start, end };
    }),
  };
}
