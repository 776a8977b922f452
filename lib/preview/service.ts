import type { FetchedPage, FetchPageOptions } from '../fetch';
import { createLru } from './lru';
import { previewFromPage } from './readPreview';
import type { PreviewRequest, PreviewResult } from './types';

/** Previews kept in memory for a second look: enough for a front page's worth of links. */
const CACHE_SIZE = 30;
/** The rules for fetching a link. */
const FETCH_RULES = { timeoutMs: 8000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5 } as const;

/** The reader's side of link previews: one preview at a time, the last few remembered. */
export interface PreviewService {
  preview(request: PreviewRequest): Promise<PreviewResult>;
}

/**
 * Creates the reader's preview service around `fetchPage`. A new request aborts the one before it (its answer is
 * `aborted`); finished answers other than errors and aborts are kept in an in-memory LRU by address and length,
 * so a second look at a link answers at once. Nothing is written to disk. `parser` defaults to the document's.
 */
export function createPreviewService(
  fetchPage: (url: string, options: FetchPageOptions) => Promise<FetchedPage>,
  parser?: DOMParser,
): PreviewService {
  const cache = createLru<string, PreviewResult>(CACHE_SIZE);
  let current: AbortController | null = null;
  return {
    async preview({ url, length }) {
      const key = `${length} ${url}`;
      const cached = cache.get(key);
      if (cached) return cached;
      current?.abort();
      const controller = new AbortController();
      current = controller;
      try {
        const page = await fetchPage(url, { ...FETCH_RULES, signal: controller.signal });
        if (controller.signal.aborted) return { kind: 'aborted' };
        const result = previewFromPage(page, length, parser);
        // A timeout or a server error may pass: only answers about the page itself are remembered.
        if (result.kind !== 'error' && result.kind !== 'aborted') cache.set(key, result);
        return result;
      } finally {
        if (current === controller) current = null;
      }
    },
  };
}
