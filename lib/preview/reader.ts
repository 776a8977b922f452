/**
 * The reader's side of link previews (Chromium's offscreen document, Firefox's background page): both have
 * `fetch` and `DOMParser`. Public surface: `previewLink`.
 */
import { fetchPage } from '../fetch';
import { createPreviewService, type PreviewService } from './service';
import type { PreviewRequest, PreviewResult } from './types';

let service: PreviewService | null = null;

/** Fetches and previews a link; a newer call aborts this one's fetch. */
export function previewLink(request: PreviewRequest): Promise<PreviewResult> {
  service ??= createPreviewService(fetchPage);
  return service.preview(request);
}
