import type { NotHtmlWhat } from './classifyContent';

/** What fetching a link gave: a page to read, or why there is none. `url` is the address the outcome is about. */
export type FetchedPage =
  /** A page: `url` is the final address after redirects, `charset` the WHATWG name of the encoding used. */
  | { kind: 'html'; url: string; html: string; charset: string }
  /** Not a web page: `contentType` as the server sent it ('' when it sent none and the bytes were sniffed). */
  | { kind: 'not-html'; url: string; contentType: string; what: NotHtmlWhat }
  | { kind: 'http-error'; url: string; status: number }
  | { kind: 'too-large'; url: string; maxBytes: number }
  | { kind: 'timeout'; url: string; ms: number }
  | { kind: 'too-many-redirects'; url: string }
  | { kind: 'network-error'; url: string; message: string }
  /** Not an http(s) address, or not an address at all (also a redirect to one). */
  | { kind: 'bad-url'; url: string }
  /** The caller's signal aborted (a newer preview replaced this one). */
  | { kind: 'aborted'; url: string };

/** Limits and plumbing for {@link fetchPage}; every field has a default. */
export interface FetchPageOptions {
  /** Aborting it ends the fetch at once with `{ kind: 'aborted' }`. */
  signal?: AbortSignal;
  /** A deadline for the whole fetch: redirects, headers and body. Default 8000. */
  timeoutMs?: number;
  /** The most body bytes read (Content-Length is checked first). Default 5 MB. */
  maxBytes?: number;
  /** The most redirects followed where they can be counted (see fetchPage). Default 5. */
  maxRedirects?: number;
  /** The fetch to use; default the global one. */
  fetchImpl?: typeof fetch;
}
