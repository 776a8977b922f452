/**
 * The meeting point of the always-on trigger and the on-demand preview script (as lib/page/panel-bridge.ts is
 * for the panel): both run in the extension's isolated world of the same frame.
 */

/** How the preview was asked for: by keyboard (focus moves into the card) or by pointer. */
export interface OpenOptions {
  /** The link had keyboard focus: the card takes focus, and Esc gives it back to the link. */
  focus: boolean;
}

/** What the preview script offers the trigger. */
export interface PreviewApi {
  /** Opens the card for `link`, whose page is `url`, and previews it (closing any card open before). */
  open(link: HTMLElement, url: string, options: OpenOptions): void;
}

const PREVIEW_KEY = Symbol.for('no-time-to-read.preview');
type WithPreview = typeof globalThis & { [PREVIEW_KEY]?: PreviewApi };

/** Called once by the preview script when it has loaded. */
export function registerPreview(api: PreviewApi): void {
  (globalThis as WithPreview)[PREVIEW_KEY] = api;
}

/** The loaded preview script, or undefined before it is imported in this frame. */
export function findPreview(): PreviewApi | undefined {
  return (globalThis as WithPreview)[PREVIEW_KEY];
}
