import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '@/lib/page/detect';

const sentence = (i: number) =>
  `This is sentence number ${i} of a long news story, written so that it reads like real prose about events.`;
const paragraph = (i: number) => `<p>${sentence(i)} ${sentence(i + 1)}</p>`;
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => paragraph(i)).join('');

function doc(body: string, head = '') {
  return parseHTML(`<!doctype html><html><head><title>T</title>${head}</head><body>${body}</body></html>`)
    .document;
}

describe('detectArticle', () => {
  it.each([
    [
      'an article body of several paragraphs',
      `<article><h1>Headline</h1>${paragraphs(8)}</article>`,
      '',
      true,
    ],
    [
      'a short story with og:type=article and a date',
      `<div>${paragraphs(2)}</div>`,
      '<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-01">',
      true,
    ],
    [
      'a story whose every paragraph sits in a text block of its own',
      `<article><h1>H</h1>${Array.from({ length: 8 }, (_, i) => `<div data-component="text-block"><div>${paragraph(i)}</div></div>`).join('')}</article>`,
      '',
      true,
    ],
    [
      'a dated story set in <div>s instead of <p>s',
      `<main>${Array.from({ length: 8 }, (_, i) => `<div class="r1"><div class="t">${sentence(i)} <a href="/x">${sentence(i + 1)}</a></div></div>`).join('')}</main>`,
      '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-05-01"}</script>',
      true,
    ],
    [
      'long prose that says it is a question page (schema.org Question)',
      `<article>${paragraphs(8)}</article>`,
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type": "Question"}</script>',
      false,
    ],
    [
      'long prose on a product page (og:type=product)',
      `<div>${paragraphs(8)}</div>`,
      '<meta property="og:type" content="product">',
      false,
    ],
    [
      'an undated service page at the top of its site, even with og:type=article',
      `<div>${paragraphs(8)}</div>`,
      '<meta property="og:type" content="article"><link rel="canonical" href="https://example.com/de/steuerrecht">',
      false,
    ],
    [
      'a short story with JSON-LD NewsArticle',
      `<div>${paragraphs(2)}</div>`,
      '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
      true,
    ],
    [
      'a home page of teasers, each in its own card',
      Array.from({ length: 20 }, (_, i) => `<div class="card"><h2>Story ${i}</h2>${paragraph(i)}</div>`).join(
        '',
      ),
      '',
      false,
    ],
    [
      'a web app with no prose',
      '<div id="app"><button>Add</button><ul><li>Buy milk</li></ul></div>',
      '',
      false,
    ],
    ['a page with two short paragraphs and no metadata', `<main>${paragraphs(2)}</main>`, '', false],
    [
      'a short story at a slug address whose date is printed in a date label',
      `<main><header><h1>H</h1><span class="meta__date">06.12.2022</span></header>${paragraphs(2)}</main>`,
      '<link rel="canonical" href="https://example.com/news/a-story-about-things">',
      true,
    ],
    [
      'a short story at a slug address whose byline beside the headline holds its date',
      `<main><div class="title"><h1>H</h1>
        <div class="listing_meta">
          <span>Paddy</span> · <span>April 19, 2019</span> · <a href="#c">7 comments</a>
        </div></div>${paragraphs(2)}</main>`,
      '<link rel="canonical" href="https://example.com/news/a-story-about-things">',
      true,
    ],
    [
      'a short story at a slug address whose dateline follows the headline',
      `<main><h1>H</h1><div class="docData">Datum: 18.10.2021</div>${paragraphs(2)}</main>`,
      '<link rel="canonical" href="https://example.com/news/a-story-about-things">',
      true,
    ],
    [
      'a short story at a slug address with a date label that holds no date',
      `<main><header><h1>H</h1><span class="update">Updated often</span></header>${paragraphs(2)}</main>`,
      '<link rel="canonical" href="https://example.com/news/a-story-about-things">',
      false,
    ],
    [
      "a review of a product: the product is the review's subject (JSON-LD Product with an editorial review)",
      `<article>${paragraphs(8)}</article>`,
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type": "Product", "name": "A game", "review": {"@type": "Review", "headline": "A game review", "datePublished": "2020-02-11"}}</script>',
      true,
    ],
    [
      "a shop's product page with offers and its customers' review",
      `<article>${paragraphs(8)}</article>`,
      '<meta property="og:type" content="article"><script type="application/ld+json">{"@type": "Product", "name": "A lamp", "offers": {"@type": "Offer", "price": "20"}, "review": {"@type": "Review", "reviewBody": "Nice lamp"}}</script>',
      false,
    ],
    ['prose hidden from readers', `<div hidden>${paragraphs(8)}</div>`, '', false],
  ])('%s', (_, body, head, expected) => {
    expect(detectArticle(doc(body, head)).isArticle).toBe(expected);
  });

  it('anchors above the first paragraph of the main prose block and names the title', () => {
    const d = doc(
      `<header><p>${sentence(99)}</p></header><article><h1>The headline</h1>${paragraphs(6)}</article>`,
      '<meta property="og:title" content="The og title">',
    );
    const detection = detectArticle(d);
    expect(detection.anchor?.textContent).toContain('sentence number 0');
    expect(detection.title).toBe('The og title');
    expect(detection.region?.tagName).toBe('ARTICLE');
  });

  it('counts dense scripts so a Japanese article is detected', () => {
    const jp =
      '東京都は火曜日、新しい橋の建設を承認したと発表しました。工事は来年の春に始まる予定です。'.repeat(2);
    const d = doc(`<article>${Array.from({ length: 5 }, () => `<p>${jp}</p>`).join('')}</article>`);
    expect(detectArticle(d).isArticle).toBe(true);
  });
});

describe('the article region extraction reads', () => {
  it('is the <article> landmark around the main prose', () => {
    const d = doc(
      `<nav>${paragraph(90)}</nav><article><h1>H</h1><div class="text">${paragraphs(6)}</div></article>`,
    );
    const { region } = detectArticle(d as unknown as Document);
    expect(region?.tagName).toBe('ARTICLE');
  });

  it("is the prose block's parent without a landmark", () => {
    const d = doc(`<div id="page"><div id="story"><div class="text">${paragraphs(6)}</div></div></div>`);
    expect(detectArticle(d as unknown as Document).region?.id).toBe('story');
  });

  it('is null on a page of several stories, each in its own <article>', () => {
    const story = (n: number) => `<article><h2>Story ${n}</h2><div>${paragraphs(n)}</div></article>`;
    const d = doc(`<main>${story(6)}${story(3)}${story(2)}</main>`);
    const detection = detectArticle(d as unknown as Document);
    expect(detection.isArticle).toBe(true);
    expect(detection.region).toBeNull();
  });

  it('is null when the main block holds less than half of the prose (extraction reads the whole page)', () => {
    const spread = Array.from(
      { length: 5 },
      (_, i) => `<div><section>${paragraphs(3).replace(/number/g, `n${i}`)}</section></div>`,
    );
    const d = doc(`<div><div class="consent">${paragraphs(7)}</div></div>${spread.join('')}`);
    const detection = detectArticle(d as unknown as Document);
    expect(detection.isArticle).toBe(true);
    expect(detection.region).toBeNull();
  });
});
