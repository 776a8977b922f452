import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readJsonLd } from '@/lib/page/json-ld';

function docWith(...blocks: string[]) {
  const scripts = blocks.map((b) => `<script type="application/ld+json">${b}</script>`).join('');
  return parseHTML(`<!doctype html><html><head>${scripts}</head><body><p>x</p></body></html>`).document;
}

/** Facts as plain arrays, sorted, for comparison. */
function read(...blocks: string[]) {
  const facts = readJsonLd(docWith(...blocks));
  return {
    types: [...facts.types].sort(),
    topTypes: [...facts.topTypes].sort(),
    dated: facts.dated,
    unparsed: facts.unparsed.length,
  };
}

const deeplyNested = (levels: number) => '{"a":'.repeat(levels) + '{"@type":"Article"}' + '}'.repeat(levels);

describe('readJsonLd', () => {
  it.each([
    ['no JSON-LD', [], { types: [], topTypes: [], dated: false, unparsed: 0 }],
    [
      'one article with a date',
      ['{"@type":"NewsArticle","datePublished":"2024-05-01"}'],
      { types: ['NewsArticle'], topTypes: ['NewsArticle'], dated: true, unparsed: 0 },
    ],
    [
      'an article as the main entity of a web page: nested, not the page’s own type',
      ['{"@type":"WebPage","mainEntity":{"@type":"Article","datePublished":"2024"}}'],
      { types: ['Article', 'WebPage'], topTypes: ['WebPage'], dated: true, unparsed: 0 },
    ],
    [
      '@graph items are top level, full and compact IRIs name the type',
      [
        '{"@context":"https://schema.org","@graph":[{"@type":"https://schema.org/BlogPosting"},{"@type":"schema:Organization"}]}',
      ],
      {
        types: ['BlogPosting', 'Organization'],
        topTypes: ['BlogPosting', 'Organization'],
        dated: false,
        unparsed: 0,
      },
    ],
    [
      'an array of types, and an array of blocks at the root',
      ['[{"@type":["Product","Thing"]},{"@type":"BreadcrumbList"}]'],
      {
        types: ['BreadcrumbList', 'Product', 'Thing'],
        topTypes: ['BreadcrumbList', 'Product', 'Thing'],
        dated: false,
        unparsed: 0,
      },
    ],
    [
      'a list of articles: their types count, the list is the page’s own',
      ['{"@type":"ItemList","itemListElement":[{"@type":"ListItem","item":{"@type":"NewsArticle"}}]}'],
      { types: ['ItemList', 'ListItem', 'NewsArticle'], topTypes: ['ItemList'], dated: false, unparsed: 0 },
    ],
    [
      'broken JSON is left for the caller to read as text; the other blocks still count',
      ['{"@type":"NewsArticle",}', '{"@type":"Organization"}'],
      { types: ['Organization'], topTypes: ['Organization'], dated: false, unparsed: 1 },
    ],
    [
      'types that are not strings are ignored',
      ['{"@type":{"x":1},"name":"n"}'],
      { types: [], topTypes: [], dated: false, unparsed: 0 },
    ],
    [
      'nesting past the bound is not read, and does not throw',
      [deeplyNested(5000)],
      { types: [], topTypes: [], dated: false, unparsed: 0 },
    ],
  ])('%s', (_, blocks, expected) => {
    expect(read(...blocks)).toEqual(expected);
  });

  it('reads no more than 20 blocks', () => {
    const blocks = Array.from({ length: 25 }, (_, i) => `{"@type":"T${i}"}`);
    expect(read(...blocks).types).toHaveLength(20);
  });
});
