/**
 * Built paths of the scripts that run in web pages, from the extension's root. wxt.config.ts declares them
 * (the always-on one as the manifest's content script, the others as web-accessible resources), the page
 * imports them on demand, and the benchmarks read and replace the built files.
 */

/** The always-on script (entrypoints/always-on.ts, an unlisted script). */
export const ALWAYS_ON_SCRIPT = '/always-on.js';
/** The article page's script (entrypoints/article-page.ts), imported by the always-on script. */
export const ARTICLE_PAGE_SCRIPT = '/article-page.js';
/** The panel (entrypoints/panel.content), imported by the article page's script on the first click. */
export const PANEL_SCRIPT = '/content-scripts/panel.js';
/** The link preview (entrypoints/preview.content), imported by the trigger on the first gesture. */
export const PREVIEW_SCRIPT = '/content-scripts/preview.js';

/** The same path relative to the extension's root, as the manifest and the build folder name it. */
export function inPackage(script: string): string {
  return script.slice(1);
}
