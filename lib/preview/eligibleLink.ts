/** Schemes whose pages a preview can fetch. */
const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * The address to preview for a link's `href` on the page at `pageUrl`, or null for links that get no preview:
 * other schemes (`javascript:`, `mailto:`, `tel:`, `data:`…), same-page anchors, and the current page itself.
 * The fragment is dropped from the answer: the preview is of the page, not of a place in it.
 */
export function previewableUrl(href: string, pageUrl: string): string | null {
  let target: URL;
  let page: URL;
  try {
    page = new URL(pageUrl);
    target = new URL(href, page);
  } catch {
    return null;
  }
  if (!WEB_SCHEMES.has(target.protocol)) return null;
  target.hash = '';
  page.hash = '';
  if (target.href === page.href) return null;
  return target.href;
}
