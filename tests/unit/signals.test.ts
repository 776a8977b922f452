import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readSignals } from '@/lib/page/signals';

const page = (head = '', body = '<p>x</p>') =>
  parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document;

describe('readSignals: the address', () => {
  it.each([
    ['a Latin slug of three words', 'https://example.com/news/rates-rise-again', true, false],
    ['a Cyrillic slug', 'https://example.ru/новости/цены-снова-растут', true, false],
    ['a Chinese slug with a hyphen-separated id', 'https://example.cn/新闻-北京-2024', true, false],
    [
      'an encoded Greek slug',
      `https://example.gr/${encodeURIComponent('τιμές-ανεβαίνουν-ξανά')}`,
      true,
      false,
    ],
    ['a two-word slug is not enough', 'https://example.com/news/rates-rise', false, false],
    ['a story id', 'https://example.com/story/1234567', true, false],
    ['the root', 'https://example.com/', false, true],
    ['a one-word section', 'https://example.com/politik', false, true],
    ['a one-word section in German', 'https://example.de/über', false, true],
    [
      'a one-word page with an extension, after a language prefix',
      'https://example.com/en/about.html',
      false,
      true,
    ],
  ])('%s', (_, url, article, section) => {
    const signals = readSignals(page(), url);
    expect([signals.articleAddress, signals.sectionAddress]).toEqual([article, section]);
  });
});

describe('readSignals: schema.org', () => {
  it.each([
    [
      'JSON-LD NewsArticle',
      '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
      '',
      true,
      false,
    ],
    [
      'JSON-LD that does not parse still names its type',
      '<script type="application/ld+json">{"@type": "BlogPosting", }</script>',
      '',
      true,
      false,
    ],
    [
      'a microdata article',
      '',
      '<div itemscope itemtype="https://schema.org/Article"><p>x</p></div>',
      true,
      false,
    ],
    [
      'an RDFa article',
      '',
      '<div vocab="https://schema.org/" typeof="schema:ScholarlyArticle"><p>x</p></div>',
      true,
      false,
    ],
    [
      'a microdata type that only ends like one',
      '',
      '<div itemtype="https://schema.org/NotAnArticle"></div>',
      false,
      false,
    ],
    ['a product page', '<script type="application/ld+json">{"@type":"Product"}</script>', '', false, true],
    [
      'a product nested in an article says nothing',
      '<script type="application/ld+json">{"@type":"Article","about":{"@type":"Product"}}</script>',
      '',
      true,
      false,
    ],
  ])('%s', (_, head, body, articleSchema, otherKind) => {
    const signals = readSignals(page(head, body || undefined), 'https://example.com/a/b');
    expect([signals.articleSchema, signals.otherKind]).toEqual([articleSchema, otherKind]);
  });
});
