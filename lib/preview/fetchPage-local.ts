/**
 * TEMPORARY stand-in for lib/fetch's `fetchPage` (built on another branch), with the same interface, so the
 * preview can be written and tested before that module lands. Deleted when it is merged.
 */

/** What fetching a page gives. */
export type FetchedPage =
  | { kind: 'html'; url: string; html: string; charset: string }
  | { kind: 'not-html'; contentType: string; what: 'pdf' | 'image' | 'video' | 'audio' | 'other' }
  | { kind: 'http-error'; status: number }
  | { kind: 'too-large' }
  | { kind: 'timeout' }
  | { kind: 'too-many-redirects' }
  | { kind: 'network-error' }
  | { kind: 'bad-url' }
  | { kind: 'aborted' };

export interface FetchOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

function what(contentType: string): 'pdf' | 'image' | 'video' | 'audio' | 'other' {
  if (contentType.includes('pdf')) return 'pdf';
  for (const kind of ['image', 'video', 'audio'] as const)
    if (contentType.startsWith(`${kind}/`)) return kind;
  return 'other';
}

function charsetOf(contentType: string, bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  const header = /charset=["']?([\w-]+)/i.exec(contentType)?.[1];
  if (header) return header.toLowerCase();
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return (/<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8').toLowerCase();
}

/** Fetches `url` as the preview's rules say (see the real module). Never throws. */
export async function fetchPage(url: string, options: FetchOptions = {}): Promise<FetchedPage> {
  const { signal, timeoutMs = 8000, maxBytes = 5_000_000 } = options;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'bad-url' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'bad-url' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(parsed, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      signal: controller.signal,
    });
    if (!response.ok) return { kind: 'http-error', status: response.status };
    const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!/^(text\/html|application\/xhtml\+xml)/.test(contentType) && contentType)
      return { kind: 'not-html', contentType, what: what(contentType) };
    const reader = response.body?.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
    for (;;) {
      const next = await reader!.read();
      if (next.done) break;
      size += next.value.length;
      if (size > maxBytes) {
        void reader!.cancel();
        return { kind: 'too-large' };
      }
      chunks.push(next.value);
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (const chunk of chunks) {
      bytes.set(chunk, at);
      at += chunk.length;
    }
    const charset = charsetOf(contentType, bytes);
    let decoder: TextDecoder;
    try {
      decoder = new TextDecoder(charset);
    } catch {
      decoder = new TextDecoder('utf-8');
    }
    return { kind: 'html', url: response.url, html: decoder.decode(bytes), charset };
  } catch {
    if (signal?.aborted) return { kind: 'aborted' };
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network-error' };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
