/**
 * Whether a page's text is built by scripts: a page parsed inertly (no script runs) shows almost no text of
 * its own, and it either says so in a <noscript> or carries scripts that would build it.
 */

/** Below this much visible text (dense scripts weighted, as detection weighs them), a page shows nothing to read. */
const LITTLE_TEXT = 200;
/** CJK and Thai pack a word into one or two characters. */
const DENSE_SCRIPT = /[\u0E00-\u0E7F\u3040-\u30FF\u3400-\u9FFF\uAC00-\uD7AF]/gu;
const DENSE_SCRIPT_WEIGHT = 3;
/** Stop counting text past this many nodes: the answer is known long before on any page with text. */
const MAX_TEXT_NODES = 5000;
/** Where text is not shown to a reader. */
const NOT_SHOWN = new Set(['script', 'style', 'noscript', 'template']);
/** Inline code this long is an application, not an analytics snippet or a redirect. */
const APP_INLINE_CHARS = 1000;
/** The types a browser runs as script; others (application/ld+json, text/template…) are data. */
const SCRIPT_TYPES = /^(?:|module|(?:text|application)\/(?:x-)?(?:java|ecma)script)$/i;
/** A <noscript> asking for JavaScript (the word reads the same in most languages' notices). */
const ASKS_FOR_SCRIPTS = /javascript|\bJS\b/i;

/** Whether a reader would see almost no text in `doc`'s body (dense scripts weighted as detection weighs them). */
export function showsLittleText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return true;
  let length = 0;
  const walker = doc.createTreeWalker(body, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = 0, node = walker.nextNode(); node && n < MAX_TEXT_NODES; n++, node = walker.nextNode()) {
    if (isHiddenText(node)) continue;
    const text = (node.nodeValue ?? '').replace(/\s+/gu, '');
    length += text.length + (text.match(DENSE_SCRIPT)?.length ?? 0) * (DENSE_SCRIPT_WEIGHT - 1);
    if (length >= LITTLE_TEXT) return false;
  }
  return true;
}

function isHiddenText(node: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) if (NOT_SHOWN.has(el.localName)) return true;
  return false;
}

/**
 * True when `doc` has almost no visible text and either a <noscript> that asks for JavaScript, a script file,
 * or a long inline script: what a single-page application looks like before its scripts run.
 */
export function buildsTextWithScripts(doc: Document): boolean {
  if (!showsLittleText(doc)) return false;
  const asksForScripts = Array.from(doc.getElementsByTagName('noscript')).some((el) =>
    ASKS_FOR_SCRIPTS.test(el.textContent ?? ''),
  );
  if (asksForScripts) return true;
  let inlineChars = 0;
  for (const script of Array.from(doc.getElementsByTagName('script'))) {
    if (!SCRIPT_TYPES.test((script.getAttribute('type') ?? '').trim())) continue;
    if (script.hasAttribute('src')) return true;
    inlineChars += (script.textContent ?? '').length;
  }
  return inlineChars >= APP_INLINE_CHARS;
}
