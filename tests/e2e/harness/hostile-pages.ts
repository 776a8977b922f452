/**
 * Pages too big to commit, generated for the hostile-page tests and served with `server.route()`: a
 * 200,000-word article and an article buried in 50,000 elements. Generated from a fixed seed, so every run
 * serves the same bytes. See tests/fixtures/README.md ("Generated pages").
 */

const SUBJECTS = [
  'The river council',
  'A group of fishermen',
  'The harbour master',
  'Local teachers',
  'The county surveyor',
  'Volunteers from the museum',
  'The water company',
  'Two retired engineers',
  'The mayor of Eastmoor',
  'Shopkeepers on the quay',
];
const VERBS = [
  'surveyed',
  'repaired',
  'measured',
  'mapped',
  'rebuilt',
  'cleaned',
  'photographed',
  'inspected',
  'argued about',
  'paid for',
];
const OBJECTS = [
  'the old sea wall',
  'the flood gates below the mill',
  'the salt marsh paths',
  'the bridge at Coldharbour',
  'the lighthouse keeper’s cottage',
  'the drainage channels of the lower fields',
  'the tide gauge on the pier',
  'the ferry slipway',
  'the oyster beds',
  'the dunes north of the village',
];
const ENDINGS = [
  'during the wettest winter in forty years',
  'before the spring tides arrived',
  'with money left over from the festival',
  'after residents complained at three meetings',
  'while the tourists were away',
  'using plans drawn up a century ago',
  'with help from the county archive',
  'although the budget had been cut twice',
  'so that the school could reopen its nature trail',
  'because insurers had threatened to raise premiums',
];

/** A small deterministic generator (mulberry32), so the pages are the same on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(list: readonly T[], next: () => number): T {
  return list[Math.floor(next() * list.length)]!;
}

/** About 100 words of varied prose about a coastal town: seven sentences of 12 to 18 words. */
function paragraph(next: () => number, index: number): string {
  const sentences: string[] = [];
  for (let i = 0; i < 7; i++) {
    sentences.push(
      `${pick(SUBJECTS, next)} ${pick(VERBS, next)} ${pick(OBJECTS, next)} ${pick(ENDINGS, next)}, according to record ${index * 7 + i + 1}.`,
    );
  }
  return sentences.join(' ');
}

/** A whole HTML document with article metadata around `body`. */
function page(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${title}</title>
<meta property="og:type" content="article">
<style>body { font: 18px/1.6 Georgia, serif; max-width: 42rem; margin: 2rem auto; padding: 0 1rem; }</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}

/** The first paragraph of the huge article: a real lead, so the summary has something to find. */
export const HUGE_ARTICLE_LEAD =
  'The coastal towns of the Eastmoor estuary have published every record of their sea defences since 1850 in one enormous document, which now runs to two hundred thousand words.';

/** A news article of about `words` words in ~100-word paragraphs (200,000 words is about 1.3 MB of HTML). */
export function hugeArticle(words: number): string {
  const next = random(1);
  const parts = [`<p>${HUGE_ARTICLE_LEAD}</p>`];
  for (let i = 0; i * 100 < words; i++) parts.push(`<p>${paragraph(next, i)}</p>`);
  return page(
    'Every record of the Eastmoor sea defences, in one document | Estuary Times',
    '',
    `<main><article><h1>Every record of the Eastmoor sea defences, in one document</h1>\n${parts.join('\n')}\n</article></main>`,
  );
}

/**
 * A short article followed by a comment section of `elements` elements (4 per comment: a wrapper, the author,
 * the comment's text in a <p>, a reply link), as forums and live blogs grow.
 */
export function articleInManyElements(elements: number): string {
  const next = random(2);
  const article = Array.from({ length: 6 }, (_, i) => `<p>${paragraph(next, i)}</p>`).join('\n');
  const comments: string[] = [];
  for (let i = 0; i < elements / 4; i++) {
    comments.push(
      `<div class="c"><span>reader${i}</span><p>Thanks for this, comment ${i}.</p><a href="#r${i}">Reply</a></div>`,
    );
  }
  return page(
    'The sea wall, measured again | Estuary Times',
    '',
    `<main><article><h1>The sea wall, measured again</h1>\n${article}\n</article>\n<section id="comments">${comments.join('')}</section></main>`,
  );
}
