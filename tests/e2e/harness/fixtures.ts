/** The fixture pages (tests/fixtures/<slug>/) and what the tests expect of each. */

export interface ArticleFixture {
  slug: string;
  /** The headline, which the popup must show. */
  title: string;
}

export const ARTICLES: readonly ArticleFixture[] = [
  { slug: 'plain-article', title: 'Library opens a shelf of tools anyone can borrow' },
  { slug: 'news-div-soup', title: 'Valley rail line reopens six months after storm washed out bridge' },
  { slug: 'jsonld-news', title: 'Seagrass meadows return to Larch Bay after a decade of clean-up work' },
  { slug: 'long-article', title: 'The summer the city learned to live with heat' },
  { slug: 'russian-article', title: 'В Заречье снова ходит паром через реку' },
  { slug: 'arabic-rtl-article', title: 'تعاونية للنخيل تخفض استهلاك المياه إلى النصف بالري بالتنقيط' },
  { slug: 'spa-news', title: 'Night market moves to the old ferry terminal' },
  { slug: 'csp-article', title: 'Allotment holders share rainwater tanks after a dry summer' },
];

export const NON_ARTICLES: readonly string[] = [
  'home-teasers',
  'shop-grid',
  'search-results',
  'todo-app',
  'docs-page',
];

/** Boilerplate of the div-soup page that must never be a summary point. */
export const DIV_SOUP_BOILERPLATE = [
  'Advertisement',
  'Read more',
  'By Priya Raman',
  'Photo: Riverside Daily',
  'Share this article',
  'Most read',
];

/**
 * A sample of Mozilla Readability's saved news pages, in several languages and layouts. (The corpus's
 * `rtl-1`..`rtl-4` are 1 KB lorem-ipsum test pages, not news, so a real Portuguese story, `folha`, is used.)
 */
export const CORPUS_SAMPLE: readonly string[] = [
  'bbc-1',
  'guardian-1',
  'nytimes-1',
  'lemonde-1',
  'yahoo-2',
  'folha',
];

export function article(slug: string): ArticleFixture {
  const found = ARTICLES.find((a) => a.slug === slug);
  if (!found) throw new Error(`No article fixture ${slug}`);
  return found;
}
