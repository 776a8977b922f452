import { prescanMeta } from './prescanMeta';
import { resolveEncoding } from './resolveEncoding';

/**
 * Decodes a fetched page's bytes the way a browser decodes a page it navigates to (the HTML standard's
 * encoding sniffing algorithm): a byte order mark wins; then the charset of the Content-Type header; then a
 * `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 1024 bytes; else a default.
 *
 * The default: the standard leaves it to the browser ("implementation-defined", with windows-1252 as the usual
 * choice for most locales, and frequency analysis allowed). We use UTF-8 when the whole body is valid UTF-8
 * and windows-1252 otherwise. Valid UTF-8 with non-ASCII bytes is almost never legacy text by accident, an
 * undeclared page today is far more often UTF-8 than anything else, and pure ASCII reads the same either way;
 * Chromium's detector reaches the same answer on such pages. A locale-based guess (windows-1251 for a
 * Russian reader…) is left out: the command line and a background script have no reader locale to trust.
 *
 * Returns the text and the WHATWG name of the encoding used ("utf-8", "windows-1251", "shift_jis"…).
 */
export function decodeHtml(
  bytes: Uint8Array,
  contentTypeHeader: string | null,
): { html: string; charset: string } {
  const bom = bomEncoding(bytes);
  if (bom) return { html: decode(bom.encoding, bytes.subarray(bom.length)), charset: bom.encoding };
  const declared = headerCharset(contentTypeHeader) ?? prescanMeta(bytes);
  const charset = declared ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
  return { html: decode(charset, bytes), charset };
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  return null;
}

/** The charset parameter of a Content-Type header, resolved; null when absent or unknown. */
function headerCharset(header: string | null): string | null {
  const match = header && /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]+))/i.exec(header);
  if (!match) return null;
  const label = match[1] ?? match[2] ?? '';
  if (label.trim().toLowerCase() === 'x-user-defined') return 'windows-1252';
  return resolveEncoding(label);
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The BOM is stripped by the caller, so the decoder must not look for (and drop) another one. */
function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
}
