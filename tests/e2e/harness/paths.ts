import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where things are, relative to the repository root. */

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests/fixtures');
/** Mozilla Readability's saved test pages, shared between checkouts; absent in a fresh clone. */
export const CORPUS_DIR = resolve(REPO_ROOT, '../shared/corpus/readability-pages');
/** Saved pages of news sites in many languages, and pages that are not articles (see its SOURCE.txt). */
export const REAL_PAGES_ROOT = resolve(REPO_ROOT, '../shared/corpus');
export const DOCS_DIR = join(REPO_ROOT, 'docs');

/** The built extensions (`npm run build`, `npm run build:firefox`). */
export const BUILDS = {
  chromium: join(REPO_ROOT, '.output/chrome-mv3'),
  firefox: join(REPO_ROOT, '.output/firefox-mv2'),
} as const;

export function corpusAvailable(): boolean {
  return existsSync(CORPUS_DIR);
}
