import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { articleFromText, extractArticle, pageCharsFor, scopesToRead } from '../../lib/extract/index';
import { stripDateline, isBoilerplate } from '../../lib/extract/boilerplate';
import { blocksArticle } from '../../lib/extract/blocksArticle';
import { collectBlocks } from '../../lib/extract/collectBlocks';
import { copyReadable, copyReadableInSlices } from '../../lib/extract/copyReadable';

const PROSE =
  'The city council voted on Tuesday to approve a new budget for the coming year, after months of debate over spending on schools and roads. ' +
  'Officials said the plan would raise property taxes slightly while expanding bus service to the northern districts of the city. ';

function page(body: string, attrs = 'lang="en"'): Document {
  return parseHTML(
    `<!doctype html><html ${attrs}><head><title>Council approves budget</title></head><body>${body}</body></html>`,
  ).document as unknown as Document;
}

function articlePage(extra: string, attrs?: string): Document {
  return page(
    `<article><h1>Council approves budget</h1>${extra}<p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article>`,
    attrs,
  );
}

describe('collectBlocks: furniture by class', () => {
  const STORY = 'Doing nothing is a choice as well, and often the best one, the author writes.';
  it.each([
    {
      name: 'boxes of furniture of different kinds are dropped, even when together they outweigh the story',
      html:
        `<p>${STORY}</p><div class="sharing">Share this: Facebook, Twitter, e-mail, print</div>` +
        '<div class="related-posts">Related: Doing something, Doing everything</div>' +
        '<div class="comment-respond">Write a comment. Cancel reply.</div>',
      expected: [STORY],
    },
    {
      name: 'a series of boxes with one furniture class that holds half the text is read (a live ticker)',
      html:
        '<p>Lorient - Lyon</p>' +
        '<div class="live-comment left"><p>Full time at the Moustoir: Lorient held on to a draw.</p></div>' +
        '<div class="live-comment right"><p>The corner comes to nothing, and Lyon go on pressing.</p></div>' +
        '<div class="live-comment left"><p>Both sides feel their way into the match.</p></div>' +
        '<div class="sharing">Share this: Facebook</div>',
      expected: [
        'Lorient - Lyon',
        'Full time at the Moustoir: Lorient held on to a draw.',
        'The corner comes to nothing, and Lyon go on pressing.',
        'Both sides feel their way into the match.',
      ],
    },
  ])('$name', ({ html, expected }) => {
    const root = page(`<div id="root">${html}</div>`).getElementById('root')!;
    expect(collectBlocks(root).map((b) => b.text)).toEqual(expected);
  });
});

describe('blocksArticle (the fallback when Readability finds nothing)', () => {
  it.each([
    {
      name: 'the main landmark only, when it holds prose',
      html: `<div><p>${PROSE}</p></div><main><p>Polls have opened in the north of the country, where turnout is high, officials said.</p></main>`,
      expected: 'Polls have opened in the north of the country, where turnout is high, officials said.',
    },
    {
      name: 'the body, when the main landmark holds too little',
      html: `<main><p>Live</p></main><div><p>Polls opened at eight.</p><p>Turnout is higher than at the last election, officials said.</p></div><nav><a href="/">Home</a></nav>`,
      expected:
        'Live\n\nPolls opened at eight.\n\nTurnout is higher than at the last election, officials said.',
    },
    { name: 'nothing, for a lone label', html: '<p>Live</p><nav><a href="/">Home</a></nav>', expected: null },
  ])('reads $name', ({ html, expected }) => {
    expect(blocksArticle(page(html), 1000)?.text ?? null).toBe(expected);
  });
});

describe('extractArticle', () => {
  it('returns paragraphs with offsets into text, the title and the page language', () => {
    const article = extractArticle(articlePage(''));
    expect(article).not.toBeNull();
    if (!article) return;
    expect(article.lang).toBe('en');
    expect(article.dir).toBe('ltr');
    expect(article.title).toBe('Council approves budget');
    expect(article.blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(3);
    for (const block of article.blocks)
      expect(article.text.slice(block.start, block.start + block.text.length)).toBe(block.text);
    expect(article.truncated).toBe(false);
  });

  it.each([
    {
      name: 'figure caption',
      html: '<figure><img src="a.jpg"><figcaption>The mayor at the vote.</figcaption></figure>',
      dropped: 'The mayor at the vote.',
    },
    { name: 'photo credit', html: '<p>Photo: Jane Roe/Getty Images</p>', dropped: 'Getty Images' },
    { name: 'byline', html: '<p>By Jane Roe and John Doe, CNN</p>', dropped: 'Jane Roe' },
    {
      name: 'byline whose name Readability lifted out',
      html: '<p>By , Transport Reporter · Updated 14 March, 08:12</p>',
      dropped: 'Transport Reporter',
    },
    {
      name: 'read more',
      html: '<p>Read more: Council rejects tax plan</p>',
      dropped: 'Council rejects tax plan',
    },
    { name: 'advertisement', html: '<p>Advertisement</p>', dropped: 'Advertisement' },
    {
      name: 'newsletter prompt',
      html: '<div class="newsletter-signup"><p>Get our daily newsletter in your inbox.</p></div>',
      dropped: 'daily newsletter',
    },
    {
      name: 'link list',
      html: '<ul><li><a href="/a">Budget fight looms</a></li><li><a href="/b">Mayor under fire</a></li></ul>',
      dropped: 'Mayor under fire',
    },
    { name: 'German prompt', html: '<p>Lesen Sie auch: Der Haushalt steht</p>', dropped: 'Der Haushalt' },
    {
      name: "caption that repeats its picture's alternative text, with its credit",
      html: '<div class="media"><img src="a.jpg" alt="The mayor speaks at the vote on Tuesday."><p>The mayor speaks at the vote on Tuesday. <span>IMAGO/Jane Roe</span></p></div>',
      dropped: 'The mayor speaks',
    },
    {
      name: 'date of its own',
      html: '<p><time datetime="2021-03-16">16 marca 2021</time></p>',
      dropped: '16 marca 2021',
    },
    {
      name: 'disclosure box',
      html: '<section class="editorial-disclosure"><p>This post contains references to products from our advertisers.</p></section>',
      dropped: 'our advertisers',
    },
    {
      name: 'caption followed by a source line',
      html: '<div class="x1"><div class="x2">German trade with Iran has fallen sharply in recent years.</div><div class="x3">Quelle: AFP</div></div>',
      dropped: 'German trade',
    },
  ])('drops a $name', ({ html, dropped }) => {
    const article = extractArticle(articlePage(html));
    expect(article?.text).toBeDefined();
    expect(article?.text).not.toContain(dropped);
    expect(article?.text).toContain('The city council voted');
  });

  it('takes the direction from the page, else from the script', () => {
    const hebrew = 'מועצת העיר אישרה ביום שלישי תקציב חדש לשנה הבאה לאחר חודשים של ויכוחים על הוצאות. ';
    const body = `<article><p>${hebrew.repeat(4)}</p><p>${hebrew.repeat(4)}</p><p>${hebrew.repeat(4)}</p></article>`;
    const article = extractArticle(page(body, ''));
    expect(article?.dir).toBe('rtl');
    expect(article?.lang).toBe('he');
  });

  it('caps the words read and says so', () => {
    const article = extractArticle(articlePage(''), { maxWords: 30 });
    expect(article?.wordCount).toBeLessThanOrEqual(30);
    expect(article?.truncated).toBe(true);
  });

  it.each([
    { maxWords: 30, chars: 20_000 },
    { maxWords: 10_000, chars: 120_000 },
    { maxWords: 20_000, chars: 240_000 },
    { maxWords: 1_000_000, chars: 250_000 },
  ])('parses at most $chars characters of a page to keep $maxWords words', ({ maxWords, chars }) => {
    expect(pageCharsFor(maxWords)).toBe(chars);
  });

  it('parses only the part of a huge page that the word cap needs, and says the article is cut', () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `<p>Record ${i}. ${PROSE}</p>`).join('');
    const article = extractArticle(page(`<article><h1>Council approves budget</h1>${paragraphs}</article>`), {
      maxWords: 1_000,
    });
    expect(article?.truncated).toBe(true);
    expect(article?.wordCount).toBe(1_000);
    expect(article?.text).toContain('Record 0.');
    // 20,000 characters of text hold about 70 of these 280-character paragraphs: nothing later was parsed.
    expect(article?.text).not.toContain('Record 100.');
  });

  it('leaves out text the page does not render, and keeps display: contents wrappers', () => {
    const doc = articlePage(
      '<div class="premium"><p>Behind closed doors the deal collapsed.</p></div>' +
        '<div class="wrapper"><p>Councillors met again in the spring to agree the rents.</p></div>',
    );
    // The browser answers checkVisibility from the page's CSS; linkedom has none, so the answers are given here.
    const premium = doc.querySelector('.premium') as Element & { checkVisibility?: () => boolean };
    const wrapper = doc.querySelector('.wrapper') as Element & { checkVisibility?: () => boolean };
    premium.checkVisibility = () => false;
    wrapper.checkVisibility = () => false;
    const view = doc.defaultView as unknown as { getComputedStyle: (el: Element) => { display: string } };
    view.getComputedStyle = (el) => ({ display: el === wrapper ? 'contents' : 'none' });
    const article = extractArticle(doc);
    expect(article?.text).not.toContain('Behind closed doors');
    expect(article?.text).toContain('Councillors met again');
    expect(article?.text).toContain('The city council voted');
  });

  it.each([
    { name: 'empty body', html: '' },
    { name: 'only navigation', html: '<nav><a href="/">Home</a></nav>' },
  ])('returns null for a page without article text ($name)', ({ html }) => {
    expect(extractArticle(page(html))).toBeNull();
  });

  it.each([
    {
      name: 'a news item of two short paragraphs in the main landmark',
      html:
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>' +
        '<main><h1>Bridge reopens</h1><p>The old bridge reopened to traffic on Monday.</p>' +
        '<p>Repairs took two years and cost less than planned.</p></main>' +
        '<footer><p>Contact us</p></footer>',
      kept: ['Bridge reopens', 'The old bridge reopened to traffic on Monday.', 'Repairs took two years'],
      dropped: ['Home', 'Contact us'],
    },
    {
      name: 'a ticker of short entries in boxes of their own',
      html:
        '<div class="entry"><span>10:02</span> <span>Polls have opened in the north of the country.</span></div>' +
        '<div class="entry"><span>10:15</span> <span>Turnout is higher than at the last election.</span></div>' +
        '<div class="share"><a href="/s">Share on social media</a></div>',
      kept: [
        'Polls have opened in the north of the country.',
        'Turnout is higher than at the last election.',
      ],
      dropped: ['Share on social media'],
    },
    {
      name: 'a live ticker whose entries have a furniture word in their class',
      html:
        '<h1>Lorient - Lyon, live</h1><div class="live-comments">' +
        '<div class="live-comment"><b>90\'</b> <p>Full time at the Moustoir: Lorient held on to a draw.</p></div>' +
        '<div class="live-comment"><b>75\'</b> <p>The corner comes to nothing, and Lyon go on pressing.</p></div>' +
        '<div class="live-comment"><b>2\'</b> <p>Both sides feel their way into the match.</p></div></div>' +
        '<div class="share"><a href="/s">Share on social media</a></div>',
      kept: [
        'Full time at the Moustoir: Lorient held on to a draw.',
        'The corner comes to nothing, and Lyon go on pressing.',
      ],
      dropped: ['Share on social media'],
    },
  ])('reads a short page without its furniture ($name)', ({ html, kept, dropped }) => {
    const article = extractArticle(page(html));
    for (const text of kept) expect(article?.text).toContain(text);
    for (const text of dropped) expect(article?.text).not.toContain(text);
  });

  it('keeps a short story whose container has a furniture word in a compound class', () => {
    const article = extractArticle(
      page(`<div class="entry-content entry-content-read-more"><p>${PROSE}</p><p>${PROSE}</p></div>`),
    );
    expect(article?.text).toContain('The city council voted');
  });

  it.each([
    {
      name: 'a short region beside a long story: the whole page',
      story: 12,
      expected: 'Councillors met again',
    },
    {
      name: 'a short region and no more on the page: the region',
      story: 0,
      expected: 'The lead of the story',
    },
  ])('reads the whole page too when the region reads short ($name)', ({ story, expected }) => {
    const lead =
      '<p>The lead of the story, in a box of its own, says that the council met on Tuesday night.</p>';
    const rest = '<p>Councillors met again in the spring to agree the rents. ' + PROSE + '</p>';
    const doc = page(`<div class="lead">${lead}</div><div class="body">${rest.repeat(story)}</div>`);
    const article = extractArticle(doc, { scope: doc.querySelector('.lead') });
    expect(article?.text).toContain(expected);
  });

  it('does not modify the page it reads', () => {
    const doc = articlePage('<figure><figcaption>Caption</figcaption></figure>');
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

describe('copyReadable', () => {
  it.each([
    {
      name: 'keeps nesting, attributes and inline markup',
      html: '<div class="x"><p>One <b>two</b></p><p>three</p></div><p id="y">four</p>',
      maxChars: 1_000,
      body: '<div class="x"><p>One <b>two</b></p><p>three</p></div><p id="y">four</p>',
      cut: false,
    },
    {
      name: 'leaves out code and data',
      html: '<p>One</p><script>x()</script><style>p{}</style><noscript>n</noscript><template>t</template><p>Two</p>',
      maxChars: 1_000,
      body: '<p>One</p><p>Two</p>',
      cut: false,
    },
    {
      name: 'stops after the text that passes the cap, inside nested elements',
      html: '<p>aaaa</p><div><p>bbbb</p><p>cccc</p></div><p>dddd</p>',
      maxChars: 6,
      body: '<p>aaaa</p><div><p>bbbb</p></div>',
      cut: true,
    },
    {
      name: 'climbs out of deep nesting',
      html: '<div><div><div><p>a</p></div></div><p>b</p></div><p>c</p>',
      maxChars: 1_000,
      body: '<div><div><div><p>a</p></div></div><p>b</p></div><p>c</p>',
      cut: false,
    },
  ])('$name', ({ html, maxChars, body, cut }) => {
    const doc = page(html);
    const readable = copyReadable(doc, maxChars);
    expect(readable.cut).toBe(cut);
    expect(readable.copy.body.innerHTML).toBe(body);
    expect(readable.copy.title).toBe('Council approves budget');
    expect(readable.copy.documentElement.getAttribute('lang')).toBe('en');
    expect(readable.copy).not.toBe(doc);
  });
});

describe('copyReadableInSlices', () => {
  const html =
    '<div><p>One <b>two</b></p><p>three</p></div><p>four</p><section><p>five</p><p>six</p></section>';
  /** A slice budget already spent: the copy lets the page run before every node. */
  const EVERY_NODE = -1;

  it('copies what copyReadable copies, letting the page run between nodes', async () => {
    let pauses = 0;
    const sliced = await copyReadableInSlices(page(html), 1_000, null, EVERY_NODE, async () => {
      pauses++;
    });
    expect(pauses).toBeGreaterThan(5);
    expect(sliced.copy.body.innerHTML).toBe(copyReadable(page(html), 1_000).copy.body.innerHTML);
    expect(sliced.cut).toBe(false);
  });

  it('stops, as cut, where the page removed what it was about to copy', async () => {
    const doc = page(html);
    const section = doc.querySelector('section')!;
    let pauses = 0;
    const sliced = await copyReadableInSlices(doc, 1_000, null, EVERY_NODE, async () => {
      // The page re-renders its second half while the copy waits to copy it (the 10th node: div, p, "One ",
      // b, "two", p, "three", p, "four", section).
      if (++pauses === 10) section.remove();
    });
    expect(sliced.cut).toBe(true);
    expect(sliced.copy.body.textContent).toContain('four');
    expect(sliced.copy.body.textContent).not.toContain('six');
  });
});

describe('copyReadable, the head', () => {
  it('keeps the title, metadata and JSON-LD, and leaves out scripts and styles', () => {
    const doc = parseHTML(
      `<!doctype html><html lang="en"><head><title>T</title><meta name="author" content="A. Writer">` +
        `<script>var tracker = 1;</script><style>p { color: red }</style><noscript>n</noscript>` +
        `<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>` +
        `<script type=" Application/LD+JSON ">{"@type":"Person"}</script></head><body><p>x</p></body></html>`,
    ).document as unknown as Document;
    const head = copyReadable(doc, 1_000).copy.head.innerHTML;
    expect(head).toBe(
      '<title>T</title><meta name="author" content="A. Writer">' +
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"H"}</script>' +
        '<script type=" Application/LD+JSON ">{"@type":"Person"}</script>',
    );
  });
});

describe('a caption recognized by its picture', () => {
  it('takes the credit after it along, and leaves the paragraph before it alone', () => {
    const article = extractArticle(
      articlePage(
        '<p>The council met for six hours before the vote, which passed narrowly.</p>' +
          '<img src="a.jpg" alt="The mayor speaks at the vote on Tuesday."><p>The mayor speaks at the vote on Tuesday.</p>' +
          '<p>IMAGO/Jane Roe</p>',
      ),
    );
    expect(article?.text).toContain('The council met for six hours');
    expect(article?.text).not.toContain('The mayor speaks');
    expect(article?.text).not.toContain('IMAGO');
  });
});

describe('stripDateline and isBoilerplate', () => {
  it.each([
    ['(CNN)French striker Gomis collapsed.', 'French striker Gomis collapsed.'],
    ['(CNN) -- The vote was close.', 'The vote was close.'],
    ['WASHINGTON (Reuters) - The Senate voted on Tuesday.', 'The Senate voted on Tuesday.'],
    ['Berlin (dpa) - Die Regierung hat entschieden.', 'Die Regierung hat entschieden.'],
    ['BEIRUT — Protesters gathered again.', 'Protesters gathered again.'],
    ['The Senate voted (Reuters reported) on Tuesday.', 'The Senate voted (Reuters reported) on Tuesday.'],
  ])('stripDateline(%j)', (input, expected) => {
    expect(stripDateline(input)).toBe(expected);
  });

  it.each([
    ['Advertisement', true],
    ['Updated 10:32 AM ET, Mon March 2, 2015', true],
    ['By Justine Coleman - 11/18/19 11:04 PM EST', true],
    ['© Aaron Schwartz', true],
    ['Related: the full list of winners', true],
    [
      'Related companies reported higher profits this quarter, according to filings seen by analysts in London.',
      false,
    ],
    ['The council voted to approve the budget.', false],
    ['Abbildung 4: klassische Schwachschicht.', true],
    ['Figure 2. Turnout by district', true],
    ['Figures from the council show turnout rose in every district.', false],
  ])('isBoilerplate(%j) is %s', (text, expected) => {
    expect(isBoilerplate(text)).toBe(expected);
  });
});

describe('articleFromText', () => {
  it.each([
    { text: 'First paragraph.\n\nSecond paragraph.', paragraphs: ['First paragraph.', 'Second paragraph.'] },
    { text: 'One line\nwrapped here.', paragraphs: ['One line wrapped here.'] },
    { text: '  \r\n\r\n Only one. \n \n', paragraphs: ['Only one.'] },
    { text: '(CNN)Gomis collapsed.\n\nHe is fine.', paragraphs: ['Gomis collapsed.', 'He is fine.'] },
    { text: '', paragraphs: [] },
  ])('splits $text into paragraphs', ({ text, paragraphs }) => {
    const article = articleFromText(text);
    expect(article.blocks.map((b) => b.text)).toEqual(paragraphs);
    expect(article.text).toBe(paragraphs.join('\n\n'));
  });

  it.each([
    {
      text: 'Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Parlement.',
      lang: 'fr',
    },
    {
      text: 'Die Bundesregierung hat am Dienstag eine neue Reform angekündigt, die dem Parlament vorgelegt wird.',
      lang: 'de',
    },
    {
      text: 'The government announced a new pension reform on Tuesday, which will be presented to Parliament.',
      lang: 'en',
    },
    {
      text: 'El gobierno anunció el martes una nueva reforma de las pensiones, que será presentada al Parlamento.',
      lang: 'es',
    },
    { text: '政府は火曜日に新しい年金改革を発表した。', lang: 'ja' },
  ])('detects $lang when no language is given', ({ text, lang }) => {
    expect(articleFromText(text).lang).toBe(lang);
  });

  it('keeps a given title and language', () => {
    const article = articleFromText('Bonjour tout le monde.', { title: 'Salut', lang: 'fr-CA' });
    expect([article.title, article.lang]).toEqual(['Salut', 'fr-CA']);
  });
});

describe('extractArticle with a scope', () => {
  const html = (story: string) =>
    `<!doctype html><html lang="en"><head><title>The story</title></head><body>` +
    `<aside id="side"><p>${'Sidebar text that is not the story at all, only promotions. '.repeat(4)}</p></aside>` +
    `<nav id="nav"><a href="/">Home</a></nav><main id="main">${story}</main></body></html>`;
  const story = Array.from({ length: 6 }, (_, i) => `<p>${PROSE} Paragraph ${i}.</p>`).join('');

  it('reads only the scoped part of the page, and leaves the page as it was', () => {
    const d = parseHTML(html(story)).document as unknown as Document;
    const before = d.documentElement.outerHTML;
    const article = extractArticle(d, { scope: d.getElementById('main') });
    expect(article?.text).toContain('Paragraph 5.');
    expect(article?.text).not.toContain('Sidebar');
    expect(article?.lang).toBe('en');
    expect(d.documentElement.outerHTML).toBe(before);
  });

  it('falls back to the whole page when the scope holds no article', () => {
    const d = parseHTML(html(story)).document as unknown as Document;
    const article = extractArticle(d, { scope: d.getElementById('nav') });
    expect(article?.text).toContain('Paragraph 5.');
  });
});

describe('a block element inside inline content', () => {
  it('is a paragraph of its own, and the text around it does not run together', () => {
    const d = page(
      `<article><p>${PROSE}</p><div>${PROSE} Officials said the plan was sound<span><p>${PROSE}</p>and critics said it was not.</span></div><p>${PROSE}</p></article>`,
    );
    const text = extractArticle(d)?.text ?? '';
    expect(text).toContain('the plan was sound');
    expect(text).not.toMatch(/sound\S/);
    expect(text).not.toMatch(/\.and critics/);
  });

  it('leaves a break where dropped furniture was', () => {
    const d = page(
      `<article><p>${PROSE}</p><div>${PROSE} The vote was close<em><div class="share">Share this</div></em>and the count went on.</div><p>${PROSE}</p></article>`,
    );
    const text = extractArticle(d)?.text ?? '';
    expect(text).not.toContain('Share this');
    expect(text).not.toContain('closeand');
  });
});

describe('a teaser whose rest is for subscribers', () => {
  it.each([
    [
      'JSON-LD isAccessibleForFree: false',
      '<script type="application/ld+json">{"@type":"NewsArticle","isAccessibleForFree":false}</script>',
    ],
    [
      'JSON-LD isAccessibleForFree: "False"',
      '<script type="application/ld+json">{"isAccessibleForFree": "False"}</script>',
    ],
    ['article:content_tier locked', '<meta property="article:content_tier" content="locked">'],
    ['article:content_tier metered', '<meta property="article:content_tier" content="metered">'],
  ])('is marked by %s', (_, head) => {
    const d = parseHTML(
      `<!doctype html><html lang="en"><head><title>T</title>${head}</head><body><article><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`,
    ).document as unknown as Document;
    expect(extractArticle(d)?.teaser).toBe(true);
  });

  it('is not assumed: free articles and unknown tiers are whole', () => {
    const free = parseHTML(
      `<!doctype html><html lang="en"><head><title>T</title><meta property="article:content_tier" content="free"><script type="application/ld+json">{"isAccessibleForFree": true}</script></head><body><article><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`,
    ).document as unknown as Document;
    expect(extractArticle(free)?.teaser).toBe(false);
    expect(extractArticle(articlePage(''))?.teaser).toBe(false);
  });
});

describe('the standfirst between the headline and the body', () => {
  const STANDFIRST =
    'The vote ends months of debate, and bus riders in the north will see the first changes by spring.';
  /** A news page whose head (headline, standfirst, byline, picture) sits outside the body's container. */
  function newsPage(head: string): Document {
    return page(
      `<header class="page-header"><h1>Council approves budget</h1>${head}</header>` +
        `<div class="article-body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div>`,
    );
  }

  it.each([
    ['a paragraph', `<p class="lead">${STANDFIRST}</p>`],
    ['a heading', `<h2>${STANDFIRST}</h2>`],
    ['a paragraph after the byline', `<div class="meta">By Jane Roe · 14 March</div><p>${STANDFIRST}</p>`],
  ])('opens the article when it is %s', (_, head) => {
    const article = extractArticle(newsPage(head));
    expect(article?.blocks[0]).toMatchObject({ kind: 'paragraph', text: STANDFIRST });
    expect(article?.blocks.filter((block) => block.kind === 'paragraph')).toHaveLength(4);
  });

  it.each([
    ['a caption beside the picture', `<div class="media"><img src="a.jpg"><p>${STANDFIRST}</p></div>`],
    ['a caption with its credit', `<p>${STANDFIRST} Photo: Jane Roe/Getty Images</p>`],
    ['a caption before a credit line', `<div>${STANDFIRST}</div><div>Quelle: AFP</div>`],
    ['a line of links', `<p><a href="/a">${STANDFIRST}</a></p>`],
    ['a kicker or a date', '<p>Local politics</p><p>Updated 14 March 2024, 08:12</p>'],
    [
      'a second headline asking a question',
      '<h2>Will bus riders in the north finally see better service this spring?</h2>',
    ],
    [
      "a caption that repeats its picture's alternative text",
      `<div class="hero"><img src="a.jpg" alt="${STANDFIRST}"></div><div class="hero-text">${STANDFIRST}</div>`,
    ],
    ['a tooltip', `<button>Save</button><div class="tooltip-content"><p>${STANDFIRST}</p></div>`],
  ])('is not %s', (_, head) => {
    const article = extractArticle(newsPage(head));
    expect(article?.blocks.map((block) => block.text)).toEqual([PROSE.trim(), PROSE.trim(), PROSE.trim()]);
  });

  it('is taken only up to what breaks it: a byline, a picture, a box of links', () => {
    const teaser = 'Elsewhere, the mayor promised new parks in every district before the next election.';
    const article = extractArticle(
      newsPage(`<p>${STANDFIRST}</p><p>By Jane Roe and John Doe</p><p>${teaser}</p>`),
    );
    expect(article?.text).toContain(STANDFIRST);
    expect(article?.text).not.toContain(teaser);
  });

  it('is read from the head above the detected region, which extraction widens to take in the headline', () => {
    const doc = newsPage(`<p class="lead">${STANDFIRST}</p>`);
    const region = doc.querySelector('.article-body');
    expect(extractArticle(doc, { scope: region })?.blocks[0]?.text).toBe(STANDFIRST);
  });

  it('is read with the nearest part of the page that holds both the headline and the region', () => {
    const doc = page(
      '<nav><h1>The City Paper</h1></nav><main><header><h1>Council approves budget</h1></header>' +
        `<div class="article-body"><p>${PROSE}</p></div></main><aside><p>${PROSE}</p></aside>`,
    );
    const region = doc.querySelector('.article-body')!;
    expect(scopesToRead(doc, region)).toEqual([doc.querySelector('main'), null]);
    expect(scopesToRead(doc, doc.querySelector('main'))).toEqual([doc.querySelector('main'), null]);
  });

  it('is not the headline again, as the page titles itself', () => {
    const title = 'The council approves the budget after months of debate on schools and roads.';
    const doc = parseHTML(
      `<!doctype html><html lang="en"><head><title>${title}</title></head><body>` +
        `<header class="page-header"><h1>Budget</h1><h2>${title}</h2></header>` +
        `<div class="article-body"><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></div></body></html>`,
    ).document as unknown as Document;
    expect(extractArticle(doc)?.text).not.toContain(title);
  });
});
