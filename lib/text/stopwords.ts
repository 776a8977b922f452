import { STOPWORD_LISTS } from './stopwordLists';

/** Parsed sets, built on first use so loading the content script costs nothing. */
const cache = new Map<string, ReadonlySet<string>>();

const EMPTY: ReadonlySet<string> = new Set();

/**
 * The primary language subtag of a BCP 47 tag, lower-cased ("en-US" → "en", "nb" → "no").
 * Norwegian Bokmål and Nynorsk share one list because news mixes them.
 */
export function primaryLanguage(lang: string): string {
  const primary = (lang.split(/[-_]/)[0] ?? '').toLowerCase();
  return primary === 'nb' || primary === 'nn' ? 'no' : primary;
}

/** Stop words for a language tag; an empty set for languages we have no list for. */
export function stopwordsFor(lang: string): ReadonlySet<string> {
  const key = primaryLanguage(lang);
  const cached = cache.get(key);
  if (cached) return cached;
  const list = STOPWORD_LISTS[key];
  const set: ReadonlySet<string> = list ? new Set(list.split(/\s+/)) : EMPTY;
  cache.set(key, set);
  return set;
}

/** Languages that have a stop-word list, for detection. */
export function stopwordLanguages(): string[] {
  return Object.keys(STOPWORD_LISTS);
}
