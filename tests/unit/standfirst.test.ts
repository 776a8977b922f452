import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/index';
import { standfirstAfterTitle } from '../../lib/extract/standfirst';

const LEDE = 'The council approved a budget that raises taxes slightly and expands bus service to the north';
const PROSE =
  'The city council voted on Tuesday to approve a new budget for the coming year, after months of debate over spending on schools and roads. ' +
  'Officials said the plan would raise property taxes slightly while expanding bus service to the northern districts of the city. ';

function page(body: string): Document {
  return parseHTML(
    `<!doctype html><html lang="en"><head><title>Council approves budget</title></head><body>${body}</body></html>`,
  ).document as unknown as Document;
}

describe('standfirstAfterTitle', () => {
  it.each([
    {
      name: 'an <h2> lede just after the title',
      html: `<header><h1>Council approves budget</h1><h2 class="deck">${LEDE}</h2></header><p>${PROSE}</p>`,
      expected: LEDE,
    },
    {
      name: 'a lede past a byline and a picture, in another wrapper',
      html: `<div><h1>Council approves budget</h1><span>By A. Writer</span></div><figure><img alt=""></figure><div><div><h3>${LEDE}</h3></div></div><p>${PROSE}</p>`,
      expected: LEDE,
    },
    {
      name: 'nothing for a short section title',
      html: `<h1>Council approves budget</h1><h2>What happens next</h2><p>${PROSE}</p>`,
      expected: null,
    },
    {
      name: 'the first paragraph, not a heading after it (a lede in a <p>, or the story already read)',
      html: `<h1>Council approves budget</h1><div class="intro"><p>${PROSE}</p></div><h2>${LEDE}</h2>`,
      expected: PROSE.trim(),
    },
    {
      name: 'nothing for a caption before the story',
      html: `<h1>Council approves budget</h1><figure><p>${PROSE}</p></figure><h2>What next</h2>`,
      expected: null,
    },
    {
      name: 'the lede after the second title when the first <h1> is the site name',
      html: `<h1>Daily News</h1><main><h1>Council approves budget</h1><h2>${LEDE}</h2><p>${PROSE}</p></main>`,
      expected: LEDE,
    },
    {
      name: 'nothing for a linked teaser of another page',
      html: `<h1>Council approves budget</h1><h2><a href="/other">${LEDE}</a></h2><p>${PROSE}</p>`,
      expected: null,
    },
    {
      name: 'nothing without a title',
      html: `<h2>${LEDE}</h2><p>${PROSE}</p>`,
      expected: null,
    },
  ])('finds $name', ({ html, expected }) => {
    expect(standfirstAfterTitle(page(html))).toBe(expected);
  });

  it('puts the lede first in the extracted article, once', () => {
    const html = `<article><h1>Council approves budget</h1><h2>${LEDE}</h2><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article>`;
    const article = extractArticle(page(html));
    expect(article?.blocks[0]?.text).toBe(LEDE);
    expect(article?.text.split(LEDE).length).toBe(2);
  });
});
