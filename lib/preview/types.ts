import type { SummaryLength } from '../summarize';

/**
 * What a link preview shows, computed by the reader from one fetch of the link. The card's `data-state` follows
 * from its kind: `ready`, `not-article` (no article, script-only, not a web page) or `error`.
 */
export type PreviewResult =
  | {
      kind: 'ready';
      /** The page's address after redirects: the points link to it. */
      url: string;
      title: string;
      /** The site's host name, as the card names it. */
      site: string;
      lang: string;
      dir: 'ltr' | 'rtl';
      /** Reading time of the whole article, in whole minutes (at least 1). */
      minutes: number;
      /** The key sentences, in article order, as plain text. */
      points: string[];
      /** The page seems to show only the beginning of its article (a paywall). */
      paywalled: boolean;
    }
  | { kind: 'not-article'; reason: 'no-article' | 'script-only' | 'no-text' }
  | { kind: 'not-html'; what: 'pdf' | 'image' | 'video' | 'audio' | 'other' }
  | {
      kind: 'error';
      reason: 'http-error' | 'timeout' | 'too-large' | 'too-many-redirects' | 'network-error' | 'bad-url';
      /** The HTTP status of an `http-error`. */
      status?: number;
    }
  /** A newer preview replaced this one before it finished. */
  | { kind: 'aborted' };

/** What a page asks the reader to preview. */
export interface PreviewRequest {
  url: string;
  length: SummaryLength;
}

/** The card's `data-state` for a result (the automation contract). */
export type PreviewState = 'loading' | 'ready' | 'not-article' | 'error';
