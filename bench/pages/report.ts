import type { BrowserName } from '../../tests/e2e/harness/require';
import type { RealPage } from '../realPages';
import { median } from '../stats';
import type { PageRun } from './browserRun';
import type { ExtractionScores } from './extraction';
import { pointsOutsideStory } from '../../tests/e2e/harness/story';

/** A click must give a summary or a message within this (issue 15). */
const CLICK_LIMIT_MS = 5000;

/** The page sets, each reported on its own. */
const SETS: ReadonlyArray<[RealPage['set'], string]> = [
  ['real-pages', 'real-pages-dev'],
  ['benchmark', "the article-extraction benchmark's reproductions"],
  ['long-tail', 'articles and blog posts of small sites (extraction-snippets-dev)'],
];

const pct = (n: number, of: number): string => (of ? `${((100 * n) / of).toFixed(1)}%` : '–');

/** The figures of one browser, then the lists behind them, so a reader can check every number. */
function browserSection(name: string, pages: readonly RealPage[], runs: readonly PageRun[]): string[] {
  const byId = new Map(pages.map((p) => [p.id, p]));
  const articles = runs.filter((r) => r.kind === 'article');
  const others = runs.filter((r) => r.kind === 'non-article');
  const missed = articles.filter((r) => !r.bar);
  // Not counted: pages whose text is only inside a script, and pages whose own scripts, failing offline, replaced
  // them, took them to their live site or kept them from ever finishing their load before any bar.
  const inPage = articles.filter(
    (r) => !byId.get(r.id)?.jsRequired && !(!r.bar && (r.click === 'gone' || r.neverLoaded)),
  );
  const missedInPage = inPage.filter((r) => !r.bar);
  const falseBars = others.filter((r) => r.bar);
  const clicked = runs.filter((r) => r.bar && r.click !== null);
  const stuck = clicked.filter((r) => r.click === 'stuck');
  const gone = runs.filter((r) => r.click === 'gone');
  const slow = clicked.filter((r) => r.clickMs !== null && r.clickMs > CLICK_LIMIT_MS);
  const messages = clicked.filter((r) => r.click === 'error' || (r.click === 'expanded' && !r.points.length));
  // Long-tail pages have no reference text to check points against.
  const outside = articles.flatMap((r) => {
    const page = byId.get(r.id)!;
    if (!page.body) return [];
    return pointsOutsideStory(r.points, page.body, page.teaser).map((point) => `${r.id}: ${point}`);
  });
  const pointCount = articles.reduce((n, r) => n + (byId.get(r.id)!.body ? r.points.length : 0), 0);
  const times = clicked.flatMap((r) => (r.click === 'expanded' && r.clickMs !== null ? [r.clickMs] : []));
  const list = (items: readonly string[]): string[] =>
    items.length ? items.map((i) => `  - ${i}`) : ['  - none'];
  return [
    `### ${name}`,
    '',
    '| measure | value |',
    '|---|---:|',
    `| articles with the bar | ${articles.length - missed.length} / ${articles.length} (${pct(articles.length - missed.length, articles.length)}) |`,
    `| articles whose text the page shows (not only in a script; not replaced, left or never loaded offline) with the bar | ${inPage.length - missedInPage.length} / ${inPage.length} (${pct(inPage.length - missedInPage.length, inPage.length)}) |`,
    `| non-articles with the bar | ${falseBars.length} / ${others.length} (${pct(falseBars.length, others.length)}) |`,
    `| points not found in the story's text | ${outside.length} of ${pointCount} |`,
    `| clicks that did not finish | ${stuck.length} of ${clicked.length} |`,
    `| pages that replaced their own document or left for their live site (their scripts fail offline) | ${gone.length} |`,
    `| clicks slower than ${CLICK_LIMIT_MS / 1000} s | ${slow.length} |`,
    `| clicks that ended in a message | ${messages.length} |`,
    `| median click → painted (cold) | ${times.length ? `${median(times)!.toFixed(0)} ms` : '–'} |`,
    '',
    '- Articles without the bar:',
    ...list(
      missed.map((r) => {
        const why = byId.get(r.id)?.jsRequired
          ? 'its text is only inside a script'
          : r.click === 'gone'
            ? 'the page replaced its document or left for its live site'
            : r.neverLoaded
              ? 'its load event never came'
              : r.failure;
        return `${r.id}${why ? ` (${why})` : ''}`;
      }),
    ),
    '- Non-articles with the bar:',
    ...list(falseBars.map((r) => `${r.id} (${byId.get(r.id)!.what})`)),
    "- Points not found in the story's text (the crawler's body and teaser):",
    ...list(outside),
    '- Clicks that did not finish, ended in a message, or lost the bar with the page:',
    ...list([
      ...stuck.map((r) => `${r.id}: stuck`),
      ...messages.map((r) => `${r.id}: ${r.message ?? ''}`),
      ...gone
        .filter((r) => r.bar)
        .map((r) => `${r.id}: the page replaced its document or left for its live site`),
    ]),
    '',
  ];
}

/** Every point each browser showed, by page, for reading. */
function pointsSection(runs: ReadonlyMap<BrowserName, readonly PageRun[]>): string[] {
  const lines = ['### Points shown', ''];
  for (const [name, list] of runs) {
    for (const run of list) {
      if (!run.points.length) continue;
      lines.push(`- ${name} ${run.id}:`, ...run.points.map((p) => `  - ${p}`));
    }
  }
  return lines;
}

const f3 = (x: number): string => x.toFixed(3);

/** The whole report, as Markdown. */
export function report(
  pages: readonly RealPage[],
  runs: ReadonlyMap<BrowserName, readonly PageRun[]>,
  extraction: ExtractionScores,
): string {
  const articles = pages.filter((p) => p.kind === 'article').length;
  const lines = [
    `## Real pages (${articles} articles, ${pages.length - articles} non-articles)`,
    '',
    ...[...runs].flatMap(([name, list]) =>
      SETS.flatMap(([set, title]) => {
        const inSet = list.filter((r) => r.set === set);
        return inSet.length ? browserSection(`${name}: ${title}`, pages, inSet) : [];
      }),
    ),
    `### Extraction (4-gram shingle F1 against the crawler's body, ${extraction.pages} articles)`,
    '',
    '| method | F1 | precision | recall |',
    '|---|---:|---:|---:|',
    `| ours (as the extension reads the page) | ${f3(extraction.ours.f1)} | ${f3(extraction.ours.precision)} | ${f3(extraction.ours.recall)} |`,
    `| Readability 0.6.0 textContent | ${f3(extraction.readability.f1)} | ${f3(extraction.readability.precision)} | ${f3(extraction.readability.recall)} |`,
    '',
    '- Pages where ours is more than 0.05 F1 below Readability:',
    ...(extraction.worst.length
      ? extraction.worst.map((w) => `  - ${w.id}: ${f3(w.ours)} vs ${f3(w.readability)}`)
      : ['  - none']),
    '',
    ...pointsSection(runs),
  ];
  return lines.join('\n');
}
