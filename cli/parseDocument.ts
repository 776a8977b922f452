import { JSDOM, VirtualConsole } from 'jsdom';

/**
 * A `<style>` element's text, up to its end tag: in HTML it is raw text that ends at the first `</style`, so
 * this finds what the parser would hand to the stylesheet parser.
 */
const STYLE_ELEMENT_TEXT = /(<style\b[^>]*>)[\s\S]*?(?=<\/style)/gi;

/**
 * Parses a saved page the way a browser's parser does (jsdom runs the WHATWG parsing algorithm through
 * parse5), so the command line and the benchmarks read the same tree the extension reads in a tab. No
 * script runs and nothing loads; the stylesheet parser's complaints about the page's CSS are dropped.
 *
 * jsdom parses each `<style>` element as the parser meets it, and some valid CSS makes it throw (a `calc()`
 * it cannot read: `")" is expected`), which would lose the whole page. Such a page is parsed again without
 * the contents of its `<style>` elements: the text is all there; only what those rules hide is not known.
 */
export function parseDocument(html: string, url?: string): Document {
  try {
    return parse(html, url);
  } catch {
    return parse(html.replace(STYLE_ELEMENT_TEXT, '$1'), url);
  }
}

function parse(html: string, url?: string): Document {
  const virtualConsole = new VirtualConsole();
  return new JSDOM(html, { url, virtualConsole }).window.document;
}
