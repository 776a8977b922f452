/**
 * Fetching a link's page for a preview or the command line: the rules of a link preview (one GET, no
 * cookies, no Referer, http(s) only, redirects, size and time limits) and browser-like decoding. Runs in
 * browsers and Node alike: it uses only fetch, streams, TextDecoder and AbortController.
 */
export { fetchPage } from './fetchPage';
export { decodeHtml } from './decodeHtml';
export type { FetchedPage, FetchPageOptions } from './types';
export type { NotHtmlWhat } from './classifyContent';
