import type { PageLifetime } from './lifetime';
import type { PageReport } from '@/lib/messaging';

/**
 * The meeting point of the always-on script and the article page's script (detection and the bar), which the
 * always-on script imports only for pages that may be articles. Both run in the extension's isolated world of
 * the same frame, so the article page's script registers itself on that world's global object, out of the
 * page's reach.
 */

/** What the article page's part offers the always-on script. */
export interface ArticlePage {
  /** Detects the article and shows the bar (per the settings), or takes it away from a page that is not one. */
  showIfArticle(): Promise<void>;
  /** What the popup shows about the page; the popup is open, so the summary is prepared as on hover. */
  getPageStatus(): PageReport;
  /** Shows or hides the summary (the popup's button, the shortcut). */
  togglePanel(): Promise<PageReport>;
  /** The page changed without a reload: forget the previous article. */
  reset(): void;
}

/** Starts the article page's part in a frame. */
export type StartArticlePage = (lifetime: PageLifetime, doc: Document) => ArticlePage;

const ARTICLE_PAGE_KEY = Symbol.for('no-time-to-read.article-page');
type WithArticlePage = typeof globalThis & { [ARTICLE_PAGE_KEY]?: StartArticlePage };

/** Called once by the article page's script when it has loaded. */
export function registerArticlePage(start: StartArticlePage): void {
  (globalThis as WithArticlePage)[ARTICLE_PAGE_KEY] = start;
}

/** The loaded article page's part, or undefined if its script has not been imported in this frame yet. */
export function findArticlePage(): StartArticlePage | undefined {
  return (globalThis as WithArticlePage)[ARTICLE_PAGE_KEY];
}
