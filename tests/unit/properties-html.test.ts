import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Article, Summary } from '../../lib/article';
import { extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize/index';
import { htmlPage, MARKER } from './arbitraries/html';

/**
 * Properties of extraction and summarization over generated pages (tests/unit/arbitraries/html.ts): they never
 * throw, finish in bounded time, and every point of a summary is text of the page, in order, once.
 */

/** Generated pages per property: Readability on linkedom takes a few milliseconds a page. */
const NUM_RUNS = 100;
/**
 * A safety bound on one page's extraction and summary, far above the few milliseconds they take: it catches
 * runaway (superlinear) behaviour, not slowness on a busy machine.
 */
const MAX_MS_PER_PAGE = 2_000;
/** The test timeout, so a hang fails rather than stalls CI. */
const TIMEOUT_MS = 60_000;

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Whitespace-free text, to compare text across the DOM's and the extractor's spacing. */
function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

function normalize(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The page's visible-or-not text (what extraction can draw from), without the raw-text elements. */
function pageText(doc: Document): string {
  const clone = doc.body.cloneNode(true) as Element;
  for (const el of clone.querySelectorAll('script, style')) el.remove();
  return clone.textContent ?? '';
}

/**
 * Whether `part`'s characters appear in `whole` in the same order. Only that, not a substring: extraction
 * drops furniture inside a paragraph (a share button between two halves of a sentence), so a sentence can
 * span two stretches of the page's text.
 */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of part) {
    at = whole.indexOf(ch, at);
    if (at < 0) return false;
    at += ch.length;
  }
  return true;
}

function checkArticle(article: Article): void {
  expect(article.text.trim()).not.toBe('');
  expect(article.text).not.toContain(MARKER);
  for (const block of article.blocks) {
    expect(block.text.trim()).not.toBe('');
    expect(article.text.slice(block.start, block.start + block.text.length)).toBe(block.text);
  }
}

function checkSummary(summary: Summary, article: Article, doc: Document): void {
  if (summary.kind === 'empty') {
    expect(summary.reason).not.toBe('');
    return;
  }
  const text = normalize(article.text);
  const page = squeeze(pageText(doc));
  let last = -1;
  const seen = new Set<string>();
  for (const point of summary.sentences) {
    expect(point.text.trim()).not.toBe('');
    expect(article.text.slice(point.start, point.end)).toBe(point.text);
    expect(text).toContain(normalize(point.text));
    expect(isSubsequence(squeeze(point.text), page)).toBe(true);
    expect(point.start).toBeGreaterThanOrEqual(last);
    last = point.end;
    expect(seen.has(normalize(point.text))).toBe(false);
    seen.add(normalize(point.text));
  }
}

describe('on generated HTML pages', () => {
  it(
    'extraction never throws, leaves the page alone, and gives null or an article with text',
    () => {
      fc.assert(
        fc.property(htmlPage, (html) => {
          const doc = parse(html);
          const before = doc.toString();
          const started = performance.now();
          const article = extractArticle(doc);
          expect(performance.now() - started).toBeLessThan(MAX_MS_PER_PAGE);
          expect(doc.toString()).toBe(before);
          if (article) checkArticle(article);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'every summary point is a sentence of the page, in article order, once',
    () => {
      fc.assert(
        fc.property(htmlPage, fc.integer({ min: 1, max: 10 }), (html, sentences) => {
          const doc = parse(html);
          const article = extractArticle(doc);
          if (!article) return;
          const started = performance.now();
          const summary = summarize(article, { sentences });
          expect(performance.now() - started).toBeLessThan(MAX_MS_PER_PAGE);
          checkSummary(summary, article, doc);
          if (summary.kind === 'ok') expect(summary.sentences.length).toBeLessThanOrEqual(sentences);
        }),
        { numRuns: NUM_RUNS },
      );
    },
    TIMEOUT_MS,
  );
});
