import type { Article } from '../article';
import { stripDateline } from './boilerplate';
import { buildArticle, type RawBlock } from './buildArticle';

/** Blank lines (possibly with spaces) separate paragraphs in plain text. */
const PARAGRAPH_BREAK = /\r?\n[^\S\r\n]*(?:\r?\n)+/;

/** Options for plain-text input. */
export interface TextOptions {
  title?: string;
  lang?: string;
}

/**
 * An Article from plain text: paragraphs split on blank lines (the whole text is one paragraph if
 * there are none), whitespace inside a paragraph collapsed, and a leading dateline such as
 * "(CNN)" removed, as extraction does for pages.
 */
export function articleFromText(text: string, options: TextOptions = {}): Article {
  const paragraphs = text
    .split(PARAGRAPH_BREAK)
    .map((p) => p.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
  const blocks: RawBlock[] = paragraphs.map((p, i) => ({
    kind: 'paragraph',
    text: i === 0 ? stripDateline(p).trim() || p : p,
  }));
  return buildArticle(blocks, { title: options.title ?? '', lang: options.lang });
}
