import type { PageStatus, PanelState } from '@/lib/messaging';

/**
 * The meeting point of the always-on content script and the on-demand panel script. Both run in the
 * extension's isolated world of the same frame, so the panel script registers itself on that world's global
 * object, out of the page's reach.
 */

/** What the panel script offers the always-on script. */
export interface PanelApi {
  /** Shows the bar (mounting it if needed); `expanded` opens the summary at once. */
  show(options: { expanded: boolean }): Promise<void>;
  /** Removes the bar from the page. */
  hide(): void;
  /** Whether the bar is on the page, and whether it shows the summary. */
  state(): PanelState;
  /** The page changed without a reload: forget the previous article. */
  reset(): void;
  /** The article as the panel knows it, if it has extracted it. */
  status(): PageStatus | null;
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
