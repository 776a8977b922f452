import { resolveEncoding } from './resolveEncoding';

/**
 * The HTML standard's "prescan a byte stream to determine its encoding": the encoding a page declares in a
 * `<meta charset>` or `<meta http-equiv="Content-Type" content="…; charset=…">` within its first bytes,
 * skipping comments and other tags' attributes as a browser's prescan does, or null when it declares none
 * that resolves. A declared UTF-16 means UTF-8 (the bytes were readable as ASCII, so they are not UTF-16) and
 * x-user-defined means windows-1252, as the standard says.
 */
export function prescanMeta(bytes: Uint8Array): string | null {
  // One character per byte: the prescan only matches ASCII, and indexes stay byte offsets.
  const text = latin1(bytes.subarray(0, PRESCAN_BYTES));
  let at = 0;
  while (at < text.length) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 2);
      if (end < 0) return null;
      at = end + 3;
    } else if (/^<meta[\s/]/i.test(text.slice(at, at + 6))) {
      const found = metaEncoding(text, at + 5);
      if (found.encoding) return found.encoding;
      at = found.end;
    } else if (/^<\/?[a-z]/i.test(text.slice(at, at + 3))) {
      at = skipTag(text, at);
    } else if (/^<[!/?]/.test(text.slice(at, at + 2))) {
      const end = text.indexOf('>', at);
      if (end < 0) return null;
      at = end + 1;
    } else {
      at++;
    }
  }
  return null;
}

/** The standard's prescan reads this many bytes. */
const PRESCAN_BYTES = 1024;
const SPACE = /[\t\n\f\r ]/;

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return text;
}

/** Reads one <meta>'s attributes from `at` (just after "<meta"): its declared encoding, and where it ends. */
function metaEncoding(text: string, at: number): { encoding: string | null; end: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (let attr = readAttribute(text, at); attr; attr = readAttribute(text, attr.end)) {
    at = attr.end;
    if (seen.has(attr.name)) continue;
    seen.add(attr.name);
    if (attr.name === 'http-equiv') {
      if (attr.value.toLowerCase() === 'content-type') gotPragma = true;
    } else if (attr.name === 'content' && charset === null) {
      const fromContent = charsetFromContent(attr.value);
      if (fromContent !== null) {
        charset = fromContent;
        needPragma = true;
      }
    } else if (attr.name === 'charset') {
      charset = attr.value;
      needPragma = false;
    }
  }
  const end = Math.max(at, text.indexOf('>', at) + 1);
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return { encoding: null, end };
  // Node's TextDecoder lacks x-user-defined, so it is matched by its label.
  if (charset.trim().toLowerCase() === 'x-user-defined') return { encoding: 'windows-1252', end };
  const encoding = resolveEncoding(charset);
  if (encoding === 'utf-16be' || encoding === 'utf-16le') return { encoding: 'utf-8', end };
  return { encoding, end };
}

/** Skips a tag other than <meta> (name and attributes), so a quoted ">" in an attribute does not end it. */
function skipTag(text: string, at: number): number {
  let end = at + 1;
  while (end < text.length && !SPACE.test(text[end]!) && text[end] !== '>') end++;
  for (let attr = readAttribute(text, end); attr; attr = readAttribute(text, attr.end)) end = attr.end;
  const close = text.indexOf('>', end);
  return close < 0 ? text.length : close + 1;
}

interface Attribute {
  name: string;
  value: string;
  end: number;
}

/** The standard's "get an attribute": the next name="value" pair from `at`, or null at the tag's end. */
function readAttribute(text: string, at: number): Attribute | null {
  while (at < text.length && (SPACE.test(text[at]!) || text[at] === '/')) at++;
  if (at >= text.length || text[at] === '>') return null;
  let name = '';
  while (
    at < text.length &&
    !(name && text[at] === '=') &&
    !SPACE.test(text[at]!) &&
    !'/>'.includes(text[at]!)
  ) {
    name += text[at++]!.toLowerCase();
  }
  while (at < text.length && SPACE.test(text[at]!)) at++;
  if (text[at] !== '=') return { name, value: '', end: at };
  at++;
  while (at < text.length && SPACE.test(text[at]!)) at++;
  const quote = text[at];
  if (quote === '"' || quote === "'") {
    const close = text.indexOf(quote, at + 1);
    if (close < 0) return { name, value: text.slice(at + 1), end: text.length };
    return { name, value: text.slice(at + 1, close), end: close + 1 };
  }
  let value = '';
  while (at < text.length && !SPACE.test(text[at]!) && text[at] !== '>') value += text[at++];
  return { name, value, end: at };
}

/** The standard's "extract a character encoding from a meta element" for a content attribute. */
function charsetFromContent(content: string): string | null {
  const match = /charset[\t\n\f\r ]*=[\t\n\f\r ]*(?:"([^"]*)"|'([^']*)'|([^\t\n\f\r ;"']+))/i.exec(content);
  if (!match) return null;
  return match[1] ?? match[2] ?? match[3] ?? null;
}
