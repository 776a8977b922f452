import type { Article, Block } from '../article';
import { detectLanguage } from '../text/detectLanguage';
import { RTL_SCRIPT } from '../text/scripts';
import { countWords } from '../text/words';

/** Separator between blocks in Article.text, as the Article contract says. */
const BLOCK_SEPARATOR = '\n\n';

/** The default cap on words read: far beyond any news article, short of a book dumped in a page. */
export const DEFAULT_MAX_WORDS = 20000;

/** A block before offsets are assigned. */
export interface RawBlock {
  kind: Block['kind'];
  text: string;
}

/** What we know about the article besides its blocks. */
export interface ArticleMeta {
  title: string;
  /** Declared language, if any; detected from the text otherwise. */
  lang?: string | null;
  /** Declared direction, if any; inferred from the script otherwise. */
  dir?: string | null;
  maxWords?: number;
}

const WORD_START = /(?:^|\s)\S/gu;

/** Assembles an Article from cleaned blocks: offsets, word count, truncation, language and direction. */
export function buildArticle(rawBlocks: readonly RawBlock[], meta: ArticleMeta): Article {
  const maxWords = meta.maxWords ?? DEFAULT_MAX_WORDS;
  const blocks: Block[] = [];
  let start = 0;
  let wordCount = 0;
  let truncated = false;
  for (const raw of rawBlocks) {
    let text = raw.text;
    let words = countWords(text);
    if (wordCount + words > maxWords) {
      text = firstWords(text, maxWords - wordCount);
      words = countWords(text);
      truncated = true;
    }
    if (text) {
      blocks.push({ kind: raw.kind, text, start });
      start += text.length + BLOCK_SEPARATOR.length;
      wordCount += words;
    }
    if (truncated) break;
  }
  const text = blocks.map((b) => b.text).join(BLOCK_SEPARATOR);
  const lang = normalizeLang(meta.lang) ?? detectLanguage(text);
  return { title: meta.title, lang, dir: resolveDir(meta.dir, text), blocks, text, wordCount, truncated };
}

/** The text up to (not including) its (n+1)-th whitespace-separated word. */
function firstWords(text: string, n: number): string {
  if (n <= 0) return '';
  let seen = 0;
  for (const match of text.matchAll(WORD_START)) {
    if (seen === n) return text.slice(0, match.index ?? text.length).trim();
    seen++;
  }
  return text;
}

const LANG_TAG = /^[a-z]{2,3}(?:[-_][a-z0-9]{1,8})*$/i;

function normalizeLang(lang: string | null | undefined): string | null {
  const tag = lang?.trim() ?? '';
  return LANG_TAG.test(tag) ? tag.replace('_', '-') : null;
}

const LETTERS = /\p{L}/gu;
const RTL_LETTERS = new RegExp(RTL_SCRIPT.source, 'gu');

/** Sample enough text to see the script; the first few thousand characters always suffice. */
const DIR_SAMPLE_CHARS = 2000;

function resolveDir(dir: string | null | undefined, text: string): Article['dir'] {
  const declared = dir?.trim().toLowerCase();
  if (declared === 'rtl' || declared === 'ltr') return declared;
  const sample = text.slice(0, DIR_SAMPLE_CHARS);
  const letters = sample.match(LETTERS)?.length ?? 0;
  const rtl = sample.match(RTL_LETTERS)?.length ?? 0;
  return letters > 0 && rtl * 2 > letters ? 'rtl' : 'ltr';
}
