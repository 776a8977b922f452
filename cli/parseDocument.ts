import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * Parses a saved page the way a browser's parser does (jsdom runs the WHATWG parsing algorithm through
 * parse5), so the command line and the benchmarks read the same tree the extension reads in a tab. No
 * script runs and nothing loads; the stylesheet parser's complaints about the page's CSS are dropped.
 */
export function parseDocument(html: string, url?: string): Document {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}
