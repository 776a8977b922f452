import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readExamples } from '../../bench/corpus';
import { leadN } from '../../bench/peers';
import { rougeF1 } from '../../bench/rouge/rouge';
import { mean } from '../../bench/stats';
import { articleFromText, extractArticle } from '../../lib/extract/index';
import { summarize } from '../../lib/summarize/index';

// The shared corpus is not part of the repository. Locally its absence skips these tests with a
// message; on CI (CI=true) it is a failure, so the tests cannot silently stop running.
const CORPUS = resolve(__dirname, '../../../shared/corpus');
const present = existsSync(join(CORPUS, 'summaries-dev')) && existsSync(join(CORPUS, 'readability-pages'));
if (!present && process.env.CI !== 'true') console.warn(`Skipping corpus tests: ${CORPUS} is absent.`);

/** Whole-corpus passes take seconds (Readability on linkedom is slow); not a timing assertion. */
const CORPUS_TIMEOUT_MS = 120_000;
/** Every n-th Readability test page: enough variety, a fraction of the time. */
const PAGE_STRIDE = 3;

describe.skipIf(!present && process.env.CI !== 'true')('on the shared corpus', () => {
  it('the corpus is present', () => {
    expect(present, `${CORPUS} must exist on CI`).toBe(true);
  });

  it.each(['cnn_dailymail.jsonl', 'fr.jsonl', 'de.jsonl'])(
    'summarizes every article of %s with exact offsets',
    (file) => {
      for (const example of readExamples(join(CORPUS, 'summaries-dev', file))) {
        const article = articleFromText(example.article);
        const summary = summarize(article);
        expect(summary.kind).toBe('ok');
        if (summary.kind === 'ok')
          for (const s of summary.sentences) expect(article.text.slice(s.start, s.end)).toBe(s.text);
      }
    },
    CORPUS_TIMEOUT_MS,
  );

  it(
    'beats lead-3 on CNN ROUGE-1 (a regression guard, not the benchmark)',
    () => {
      const examples = readExamples(join(CORPUS, 'summaries-dev', 'cnn_dailymail.jsonl'));
      const score = (pick: (text: string) => string[]) =>
        mean(examples.map((e) => rougeF1(e.reference, pick(e.article).join('\n')).r1));
      const ours = score((text) => {
        const summary = summarize(articleFromText(text), { sentences: 3 });
        return summary.kind === 'ok' ? summary.sentences.map((s) => s.text) : [];
      });
      expect(ours).toBeGreaterThan(score((text) => leadN(articleFromText(text), 3)));
    },
    CORPUS_TIMEOUT_MS,
  );

  it(
    'extracts an article from most of Readability’s test pages, never throwing',
    () => {
      const folder = join(CORPUS, 'readability-pages');
      const pages = readdirSync(folder)
        .sort()
        .filter((name, i) => i % PAGE_STRIDE === 0 && existsSync(join(folder, name, 'source.html')));
      let found = 0;
      for (const name of pages) {
        const { document } = parseHTML(readFileSync(join(folder, name, 'source.html'), 'utf8'));
        const article = extractArticle(document as unknown as Document);
        if (article && article.wordCount > 50) found++;
      }
      expect(found / pages.length).toBeGreaterThan(0.8);
    },
    CORPUS_TIMEOUT_MS,
  );
});
