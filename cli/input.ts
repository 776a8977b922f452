import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Article } from '../lib/article';
import { articleFromText, extractArticle } from '../lib/extract/index';
import { detectArticle } from '../lib/page/detect';
import { parseDocument } from './parseDocument';

/** What an INPUT holds: a page to extract from, or plain text. */
export interface Source {
  kind: 'html' | 'text';
  content: string;
  /** Where it came from, for error messages. */
  name: string;
}

/** Text that starts like markup is treated as a page when the input type is not known. */
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype html|<html|<head|<body|<!--|<(?:div|p|article|main|section)\b)/i;

/** Reads standard input to the end. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Loads INPUT: a URL (fetched), '-' (standard input) or a file (.html/.htm is a page, else sniffed). */
export async function loadSource(input: string): Promise<Source> {
  if (/^https?:\/\//i.test(input)) {
    const response = await fetch(input, { redirect: 'follow' });
    if (!response.ok) throw new Error(`Fetching ${input} failed: HTTP ${response.status}.`);
    return { kind: 'html', content: await response.text(), name: input };
  }
  const content = input === '-' ? await readStdin() : readFileSync(input, 'utf8');
  const ext = extname(input).toLowerCase();
  const kind =
    ext === '.html' || ext === '.htm'
      ? 'html'
      : ext === '.txt'
        ? 'text'
        : LOOKS_LIKE_HTML.test(content)
          ? 'html'
          : 'text';
  return { kind, content, name: input === '-' ? 'standard input' : input };
}

/** The Article of a source, or null when a page has no article text. */
export function toArticle(source: Pick<Source, 'kind' | 'content'>, lang?: string): Article | null {
  if (source.kind === 'text') return articleFromText(source.content, { lang });
  const doc = parseDocument(source.content);
  try {
    // As the extension reads a page: the region its detection found, else the whole page.
    const article = extractArticle(doc, { scope: detectArticle(doc).region });
    return article && lang ? { ...article, lang } : article;
  } finally {
    doc.defaultView?.close();
  }
}
