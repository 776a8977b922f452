/**
 * Logs a failure of the extension quietly (console.debug), never as an error in the page's console: the page
 * belongs to its site, and a failed summary already says so in the panel.
 */
export function reportError(error: unknown): void {
  console.debug('[No Time to Read]', error instanceof Error ? error.message : String(error));
}
