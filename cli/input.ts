import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Article } from '../lib/article';
import { articleFromText, extractArticle } from '../lib/extract/index';
import { fetchPage, type FetchedPage, type FetchPageOptions } from '../lib/fetch/index';
import { detectArticle } from '../lib/page/detect';
import { readPage, type PageReading } from '../lib/preview/index';
import { parseDocument } from './parseDocument';

/** What an INPUT holds: a page to extract from, or plain text. */
export interface Source {
  kind: 'html' | 'text';
  content: string;
  /** Where it came from, for error messages. */
  name: string;
  /** A fetched page's address after redirects: the base of its links. */
  url?: string;
}

/** Text that starts like markup is treated as a page when the input type is not known. */
const LOOKS_LIKE_HTML = /^\s*(?:<!doctype html|<html|<head|<body|<!--|<(?:div|p|article|main|section)\b)/i;

/** Reads standard input to the end. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Loads INPUT: a URL (fetched as a link preview fetches it: lib/fetch), '-' (standard input) or a file
 * (.html/.htm is a page, else sniffed). Throws an Error whose message is the one line to show.
 */
export async function loadSource(input: string, fetchOptions?: FetchPageOptions): Promise<Source> {
  if (/^https?:\/\//i.test(input)) {
    const page = await fetchPage(input, fetchOptions);
    if (page.kind !== 'html') throw new Error(describeFetchFailure(page, input));
    return { kind: 'html', content: page.html, name: input, url: page.url };
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

const NOT_A_PAGE: Record<Extract<FetchedPage, { kind: 'not-html' }>['what'], string> = {
  pdf: 'a PDF',
  image: 'an image',
  video: 'a video',
  audio: 'an audio file',
  other: 'a file',
};

const megabytes = (bytes: number) => `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** One line saying why fetching `input` gave no page. */
export function describeFetchFailure(page: Exclude<FetchedPage, { kind: 'html' }>, input: string): string {
  switch (page.kind) {
    case 'not-html':
      return `${page.url} is ${NOT_A_PAGE[page.what]}${page.contentType ? ` (${page.contentType.split(';')[0]})` : ''}, not a web page.`;
    case 'http-error':
      return `${page.url} answered HTTP ${page.status}.`;
    case 'timeout':
      return `${input} did not answer within ${page.ms / 1000} s.`;
    case 'too-large':
      return `${page.url} is larger than ${megabytes(page.maxBytes)}.`;
    case 'too-many-redirects':
      return `${input} redirects too many times (last to ${page.url}).`;
    case 'network-error':
      return `Could not reach ${page.url}: ${page.message}.`;
    case 'bad-url':
      return page.url === input
        ? `${input} is not a valid http(s) address.`
        : `${input} redirects to ${page.url}, which is not an http(s) address.`;
    case 'aborted':
      return `Fetching ${input} was stopped.`;
  }
}

/** What reading a source gave: its article (null when it has no text), and for a page, what readPage said. */
export interface SourceReading {
  article: Article | null;
  reading: PageReading['kind'] | 'text';
}

/**
 * Reads a source: text as it is; a page as a link preview reads it (lib/preview's readPage: detection, then
 * extraction of the region it found). A page that detection does not call an article is still read, from
 * detection's region or the whole page, so saved pages give their text whatever detection says; `reading`
 * tells the caller what detection said.
 */
export function readSource(source: Pick<Source, 'kind' | 'content' | 'url'>, lang?: string): SourceReading {
  if (source.kind === 'text') return { article: articleFromText(source.content, { lang }), reading: 'text' };
  const doc = parseDocument(source.content, source.url);
  try {
    const reading = readPage(doc, source.url);
    const article =
      reading.kind === 'article'
        ? reading.article
        : extractArticle(doc, { scope: detectArticle(doc, source.url).region });
    return { article: article && lang ? { ...article, lang } : article, reading: reading.kind };
  } finally {
    doc.defaultView?.close();
  }
}

/** The Article of a source, or null when a page has no article text (see readSource). */
export function toArticle(source: Pick<Source, 'kind' | 'content' | 'url'>, lang?: string): Article | null {
  return readSource(source, lang).article;
}
