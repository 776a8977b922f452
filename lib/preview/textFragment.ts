/**
 * Links to a sentence with a URL text fragment (`#:~:text=`, WICG Scroll-to-Text-Fragment): browsers that know
 * them scroll to and highlight the sentence; others open the page at its top.
 */

/** Words from each end of a long sentence: `text=start,end` matches the sentence without a long URL. */
const EDGE_WORDS = 4;
/** Sentences of at most this many words are quoted whole. */
const WHOLE_WORDS = 10;

/**
 * Percent-encodes a text directive's term: `encodeURIComponent` leaves `-` (the prefix/suffix mark) and keeps `,`
 * and `&` encoded already; the spec asks for `-`, `,` and `&` to be percent-encoded in terms.
 */
export function encodeTextTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

/**
 * `url` with a text fragment that selects `sentence`: the whole sentence when short, else its first and last
 * words (`text=start,end`). Any fragment `url` had is replaced.
 */
export function textFragmentUrl(url: string, sentence: string): string {
  const words = sentence.replace(/\s+/gu, ' ').trim().split(' ');
  const base = url.replace(/#.*$/su, '');
  if (!words[0]) return base;
  const directive =
    words.length <= WHOLE_WORDS
      ? encodeTextTerm(words.join(' '))
      : `${encodeTextTerm(words.slice(0, EDGE_WORDS).join(' '))},${encodeTextTerm(words.slice(-EDGE_WORDS).join(' '))}`;
  return `${base}#:~:text=${directive}`;
}
