import type { PageInfo } from '@/lib/messaging';
import type { Bar } from './bar';

/**
 * The meeting point of the always-on content script and the on-demand panel script. Both run in the
 * extension's isolated world of the same frame, so the panel script registers itself on that world's global
 * object, out of the page's reach.
 */

/** What the panel script offers the always-on script, which owns the bar. */
export interface PanelApi {
  /**
   * Shows the article's summary in `bar`'s body (having the reader read the page first if needed). `region` is
   * the part of the page detection found the article in (null: read the whole page). `clickedAt`
   * (`performance.now()`) is when the user asked, so the panel's deadline counts from the click, the panel
   * script's import included; absent, from now.
   */
  expand(bar: Bar, region: Element | null, clickedAt?: number): void;
  /** Back to the slim bar; the computed summary is kept for the next expand. */
  collapse(bar: Bar): void;
  /** The user may ask soon (pointer or focus on the toggle): prepare the summary in idle time. */
  prepare(bar: Bar, region: Element | null): void;
  /** The page changed without a reload: forget the previous article. */
  reset(): void;
  /** What the panel learned of the page from the reader; null before it has read it. */
  info(): PageInfo | null;
}

const PANEL_KEY = Symbol.for('no-time-to-read.panel');
type WithPanel = typeof globalThis & { [PANEL_KEY]?: PanelApi };

/** Called once by the panel script when it has loaded. */
export function registerPanel(api: PanelApi): void {
  (globalThis as WithPanel)[PANEL_KEY] = api;
}

/** The loaded panel, or undefined if the panel script has not been injected in this frame yet. */
export function findPanel(): PanelApi | undefined {
  return (globalThis as WithPanel)[PANEL_KEY];
}
