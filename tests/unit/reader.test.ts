import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  copyPage,
  extractArticle,
  prefersWholePage,
  readsWholePageToo,
  scopesToRead,
} from '../../lib/extract/index';
import { readArticle, warmUp } from '../../lib/reader/index';
import { summarize } from '../../lib/summarize/index';
import { countReadingUnits } from '../../lib/text/words';

/**
 * The page sends its copy to the reader as HTML; the reader parses it again. That trip must not change what is
 * read: the article from the HTML is the one extraction finds on the page itself.
 */

const FIXTURES = join(import.meta.dirname, '../fixtures');
const MAX_WORDS = 10_000;
const pages = readdirSync(FIXTURES)
  .filter((name) => existsSync(join(FIXTURES, name, 'index.html')))
  .map((name) => [name, readFileSync(join(FIXTURES, name, 'index.html'), 'utf8')] as const);

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** What the page and the reader find between them, the way the panel asks (region first, then the page). */
function readThroughHtml(doc: Document, scope: Element | null, length: 'medium' | null) {
  let fromRegion: ReturnType<typeof readArticle> = null;
  for (const part of scopesToRead(doc, scope)) {
    const copy = copyPage(doc, MAX_WORDS, part);
    const result = readArticle({ copy, maxWords: MAX_WORDS, length }, new DOMParser() as never);
    if (!result) continue;
    if (!part)
      return fromRegion && !prefersWholePage(fromRegion.about.wordCount, result.about.wordCount)
        ? fromRegion
        : result;
    if (!readsWholePageToo(result.about.wordCount)) return result;
    fromRegion = result;
  }
  return fromRegion;
}

describe('reading a page through its HTML copy', () => {
  it('has fixture pages to read', () => {
    expect(pages.length).toBeGreaterThan(10);
  });

  it.each(pages)('%s: the same article and summary as extracting the page directly', (_, html) => {
    const doc = parse(html);
    const scope = doc.querySelector('article, main');
    const direct = extractArticle(doc, { maxWords: MAX_WORDS, scope });
    // For an AI engine: the article itself.
    expect(readThroughHtml(doc, scope, null)?.article ?? null).toEqual(direct);
    // On the device: its summary, and what the panel tells about it, without its text.
    const summarized = readThroughHtml(doc, scope, 'medium');
    if (!direct) return expect(summarized).toBeNull();
    const { title, lang, dir, truncated, teaser } = direct;
    expect(summarized).toEqual({
      about: {
        title,
        lang,
        dir,
        truncated,
        teaser,
        wordCount: direct.wordCount,
        ...countReadingUnits(direct.text),
      },
      summary: summarize(direct, { length: 'medium' }),
      article: null,
    });
  });

  it('passes on what only the live page knows: cut short, and a teaser', () => {
    const prose =
      '<p>The council met on Tuesday and approved the budget after a long debate about roads.</p>';
    const doc = parse(
      `<html lang="en"><head><title>T</title><meta property="article:content_tier" content="locked"></head><body><article>${prose.repeat(300)}</article></body></html>`,
    );
    const copy = copyPage(doc, 100, null);
    expect(copy).toMatchObject({ cut: true, teaser: true });
    const result = readArticle({ copy, maxWords: 100, length: null }, new DOMParser() as never);
    expect(result?.article).toMatchObject({ truncated: true, teaser: true });
    expect(result?.about).toMatchObject({ truncated: true, teaser: true });
    expect(result?.summary).toBeNull();
  });

  it('drops bulky attributes (inline images) from a copy too big to send, and keeps the rest', () => {
    const image = `<img alt="chart" src="data:image/png;base64,${'A'.repeat(50_000)}">`;
    const prose =
      '<p class="lead">The council met on Tuesday and approved the budget after a long debate.</p>';
    const doc = parse(
      `<html lang="en"><head><title>T</title></head><body><article>${(image + prose).repeat(30)}</article></body></html>`,
    );
    const copy = copyPage(doc, MAX_WORDS, null);
    expect(copy.html.length).toBeLessThan(20_000);
    expect(copy.html).toContain('<img alt="chart">');
    expect(copy.html).toContain(prose);
    const small = parse(`<html><body><article>${image}${prose}</article></body></html>`);
    expect(copyPage(small, MAX_WORDS, null).html, 'a copy of normal size is sent as it is').toContain(
      'base64,AAAA',
    );
  });

  it('leaves out inline event handlers, which the reader would report one by one as refused script', () => {
    const doc = parse(
      `<html lang="en"><body><article><p class="lead">The council met on <a href="/n1" onclick="return overlib('note')" ` +
        `onmouseout="nd()" ontouchstart="t()">Tuesday</a> and approved the <img src="b.png" onerror="x()" alt="budget"> ` +
        `after a long debate about the <span onclick="f()">roads</span> and the one="two" buses.</p></article></body></html>`,
    );
    const { html } = copyPage(doc, MAX_WORDS, null);
    expect(html).not.toMatch(/\son(click|mouseout|touchstart|error)=/);
    expect(html).toContain(
      '<p class="lead">The council met on <a href="/n1">Tuesday</a> and approved the <img src="b.png" alt="budget"> ' +
        'after a long debate about the <span>roads</span> and the one="two" buses.</p>',
    );
  });

  it('answers null for a copy with no article text', () => {
    const copy = copyPage(
      parse('<html><body><nav><a href="/">Home</a></nav></body></html>'),
      MAX_WORDS,
      null,
    );
    expect(readArticle({ copy, maxWords: MAX_WORDS, length: 'short' }, new DOMParser() as never)).toBeNull();
  });
});

describe('the warm-up read when the reader opens', () => {
  it('reads its built-in article into a summary, so it runs the whole reader', () => {
    const result = warmUp(new DOMParser() as never);
    expect(result?.about.title).toBe('Town library adds a repair café');
    const summary = result?.summary;
    expect(summary?.kind).toBe('ok');
    expect(summary?.kind === 'ok' && summary.sentences.length).toBeGreaterThan(0);
  });
});
