import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { toArticle } from '../cli/input';
import type { Article } from '../lib/article';
import { buildArticle } from '../lib/extract/buildArticle';
import { letters } from '../lib/extract/collectBlocks';
import { articleFromText } from '../lib/extract/index';
import { SETTINGS, summarize, type SummarizerSettings } from '../lib/summarize/index';
import { SUMMARY_DATASETS, readExamples } from './corpus';
import { readRealPages } from './realPages';
import { leadN } from './peers';
import { rougeF1, type RougeMode } from './rouge/rouge';
import { halfOf, type Half } from './split';
import { mean } from './stats';

/**
 * The rows the cross-validation scores: the summary datasets (text in, reference summary) and the real pages
 * (saved HTML extracted as the extension reads it, the publisher's teaser as reference), each row in its half.
 */

/** Every method gets three sentences, as in the literature's lead-3 comparisons. */
export const SENTENCES = 3;

/** ROUGE F1 ×100 of one summary, or means of them. */
export interface Rouge {
  r1: number;
  r2: number;
  rLsum: number;
}

/** One article with its reference and lead-3's score. */
export interface EvalRow {
  id: string;
  half: Half;
  article: Article;
  reference: string;
  lead: Rouge;
}

/** A set of rows scored together. `unit` groups sets into one unit of the selection objective. */
export interface EvalSet {
  key: string;
  name: string;
  unit: string;
  mode: RougeMode;
  rows: EvalRow[];
}

/** Scores one summary's sentences against a reference, one sentence per line (ROUGE-Lsum's boundaries). */
export function score(reference: string, sentences: readonly string[], mode: RougeMode): Rouge {
  return rougeF1(reference, sentences.map((s) => s.replace(/\n/g, ' ')).join('\n'), mode);
}

function row(id: string, index: number, article: Article, reference: string, mode: RougeMode): EvalRow {
  return {
    id,
    half: halfOf(index),
    article,
    reference,
    lead: score(reference, leadN(article, SENTENCES), mode),
  };
}

/** The summary datasets present in summaries-dev, as plain text in the given language. */
export function loadSummarySets(folder: string): EvalSet[] {
  return SUMMARY_DATASETS.filter((d) => existsSync(join(folder, d.file))).map((d) => ({
    key: d.file,
    name: d.name,
    unit: d.file,
    mode: d.mode,
    rows: readExamples(join(folder, d.file)).map((e, i) =>
      row(e.id, i, articleFromText(e.article, { lang: d.lang }), e.reference, d.mode),
    ),
  }));
}

/** Language groups of the real pages: the two big ones and the rest. */
const PAGE_GROUPS = ['de', 'en', 'other'] as const;

/** The real pages, by language group, and how many pages were left out and why. */
export interface PageSets {
  sets: EvalSet[];
  pages: number;
  emptyTeaser: number;
  noArticle: string[];
}

/** A block shorter than this, in letters, is not taken for the teaser however it matches (a kicker, a label). */
const MIN_REFERENCE_LETTERS = 40;

/**
 * The article without the blocks that are the reference itself. Extraction reads the standfirst under the
 * headline, which is often the publisher's teaser word for word: scored against a reference it was handed, a
 * summary would be rewarded for copying it, and lead-3 most of all.
 */
function withoutReference(article: Article, reference: string): Article {
  const key = letters(reference);
  const isReference = (text: string): boolean => {
    const block = letters(text);
    return block.length >= MIN_REFERENCE_LETTERS && (key.includes(block) || block.includes(key));
  };
  const blocks = article.blocks.filter((block) => !isReference(block.text));
  if (blocks.length === article.blocks.length) return article;
  const rest = buildArticle(blocks, { title: article.title, lang: article.lang, dir: article.dir });
  return { ...rest, truncated: article.truncated, teaser: article.teaser };
}

/**
 * The pages of real-pages-dev that have a teaser, extracted as the extension reads them (cli/input.ts
 * `toArticle`: jsdom, the region detection finds, Readability and our cleaning) but for the teaser itself
 * (`withoutReference`), grouped by language.
 * A page's half is the parity of its position among the pages with a teaser, in articles.json's order.
 */
export function loadPageSets(root: string): PageSets {
  const pages = readRealPages(root).filter((page) => page.kind === 'article');
  const byGroup = new Map<string, EvalRow[]>(PAGE_GROUPS.map((g) => [g, []]));
  const withTeaser = pages.filter((page) => page.teaser.trim());
  const noArticle: string[] = [];
  withTeaser.forEach((page, i) => {
    const article = toArticle({ kind: 'html', content: page.html() });
    if (!article) {
      noArticle.push(page.id);
      return;
    }
    const group = page.lang === 'de' || page.lang === 'en' ? page.lang : 'other';
    byGroup.get(group)?.push(row(page.id, i, withoutReference(article, page.teaser), page.teaser, 'unicode'));
  });
  const sets = PAGE_GROUPS.map((group) => ({
    key: `pages-${group}`,
    name: `Real pages, ${group}`,
    unit: 'pages',
    mode: 'unicode' as const,
    rows: byGroup.get(group) ?? [],
  }));
  return { sets, pages: pages.length, emptyTeaser: pages.length - withTeaser.length, noArticle };
}

/** Our summary's sentences with the given settings. */
export function oursSentences(article: Article, settings: Readonly<SummarizerSettings> = SETTINGS): string[] {
  const summary = summarize(article, { sentences: SENTENCES }, settings);
  return summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
}

/** Per-row scores of ours, cached by settings: the selection tries the same settings on many sets. */
const cache = new Map<string, Rouge[]>();

/** Our score on each row of `set` in `half` (both halves when omitted). */
export function rowScores(set: EvalSet, settings: Readonly<SummarizerSettings>, half?: Half): Rouge[] {
  const key = `${set.key}|${half ?? '*'}|${JSON.stringify(settings)}`;
  let scores = cache.get(key);
  if (!scores) {
    scores = rowsOf(set, half).map((r) => score(r.reference, oursSentences(r.article, settings), set.mode));
    cache.set(key, scores);
  }
  return scores;
}

/** The rows of `set` in `half`, or all of them. */
export function rowsOf(set: EvalSet, half?: Half): EvalRow[] {
  return half ? set.rows.filter((r) => r.half === half) : set.rows;
}

/** Means of ROUGE scores. */
export function meanRouge(scores: readonly Rouge[]): Rouge {
  return {
    r1: mean(scores.map((s) => s.r1)),
    r2: mean(scores.map((s) => s.r2)),
    rLsum: mean(scores.map((s) => s.rLsum)),
  };
}
