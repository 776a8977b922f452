/**
 * What a response holds, judged from its Content-Type, or from its first bytes when it has none.
 */

/** What a response that is not a web page holds, for the reader's message. */
export type NotHtmlWhat = 'pdf' | 'image' | 'video' | 'audio' | 'other';

/** A page to read, something else, or (no usable Content-Type) a question for the first bytes. */
export type ContentVerdict = { kind: 'html' } | { kind: 'not-html'; what: NotHtmlWhat } | { kind: 'sniff' };

/**
 * Types that say nothing, for which browsers sniff the bytes (the MIME Sniffing standard's "unknown MIME
 * type" cases), as they do for a missing header.
 */
const UNKNOWN_TYPES = new Set(['', 'unknown/unknown', 'application/unknown', '*/*']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/** The MIME type's essence: lowercased, without parameters. */
export function mimeEssence(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** Judges a Content-Type header: a page (text/html or XHTML), something else, or unknown. */
export function classifyContentType(contentType: string | null): ContentVerdict {
  const essence = mimeEssence(contentType);
  if (UNKNOWN_TYPES.has(essence)) return { kind: 'sniff' };
  if (HTML_TYPES.has(essence)) return { kind: 'html' };
  return { kind: 'not-html', what: whatOfType(essence) };
}

function whatOfType(essence: string): NotHtmlWhat {
  if (essence === 'application/pdf' || essence === 'application/x-pdf') return 'pdf';
  const top = essence.split('/')[0];
  return top === 'image' || top === 'video' || top === 'audio' ? top : 'other';
}

/** The MIME Sniffing standard reads at most this many bytes of a resource's header. */
export const SNIFF_BYTES = 1445;

/** The standard's HTML patterns: each followed by a space or ">" (a "tag-terminating byte"). */
const HTML_PATTERNS = [
  '<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE',
  '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--',
]; // prettier-ignore
const TAG_END = new Set([0x20, 0x3e]);
const WHITESPACE = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x20]);

/** Byte signatures of the media a link most often leads to instead of a page. */
const SIGNATURES: { what: NotHtmlWhat; at: number; bytes: string }[] = [
  { what: 'pdf', at: 0, bytes: '%PDF-' },
  { what: 'image', at: 0, bytes: 'GIF8' },
  { what: 'image', at: 0, bytes: '\x89PNG\r\n\x1a\n' },
  { what: 'image', at: 0, bytes: '\xff\xd8\xff' },
  { what: 'image', at: 8, bytes: 'WEBP' },
  { what: 'image', at: 0, bytes: 'BM' },
  { what: 'video', at: 4, bytes: 'ftyp' },
  { what: 'video', at: 0, bytes: '\x1a\x45\xdf\xa3' },
  { what: 'audio', at: 0, bytes: 'ID3' },
  { what: 'audio', at: 0, bytes: 'OggS' },
  { what: 'audio', at: 0, bytes: 'fLaC' },
  { what: 'audio', at: 8, bytes: 'WAVE' },
];

/**
 * Sniffs a response without a usable Content-Type the way the MIME Sniffing standard's "rules for identifying
 * an unknown MIME type" do, for the cases that matter here: HTML tags after leading whitespace, a PDF, or a
 * common image, video or audio signature. Anything else (text, binary) is 'other', as a browser would not
 * render it as a page either.
 */
export function sniffContent(head: Uint8Array): ContentVerdict {
  let start = 0;
  while (start < head.length && WHITESPACE.has(head[start]!)) start++;
  for (const pattern of HTML_PATTERNS) {
    const end = start + pattern.length;
    if (matchesAt(head, start, pattern, true) && end < head.length && TAG_END.has(head[end]!)) {
      return { kind: 'html' };
    }
  }
  const signature = SIGNATURES.find(({ at, bytes }) => matchesAt(head, at, bytes, false));
  return { kind: 'not-html', what: signature?.what ?? 'other' };
}

/** Whether `head` holds `pattern` (one byte per character) at `at`, ASCII letters case-insensitively if asked. */
function matchesAt(head: Uint8Array, at: number, pattern: string, ignoreCase: boolean): boolean {
  if (at + pattern.length > head.length) return false;
  for (let i = 0; i < pattern.length; i++) {
    let byte = head[at + i]!;
    if (ignoreCase && byte >= 0x61 && byte <= 0x7a) byte -= 0x20;
    if (byte !== pattern.charCodeAt(i)) return false;
  }
  return true;
}
