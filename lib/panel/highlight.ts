/**
 * A temporary highlight over a range of the page. It is drawn as boxes in a shadow root of its own, above
 * the page, so the page's DOM and styles are never modified.
 */

const HIGHLIGHT_TAG = 'no-time-to-read-highlight';
/** How long the highlight stays, then fades. */
const HIGHLIGHT_MS = 2000;
const BOX_STYLE =
  'position:absolute;pointer-events:none;border-radius:3px;background:rgb(255 213 79 / 0.45);' +
  'box-shadow:0 0 0 2px rgb(255 193 7 / 0.9);transition:opacity .4s;';

/** Scrolls `range` into the middle of the viewport and highlights it for a moment. */
export function scrollToAndHighlight(doc: Document, win: Window, range: Range): void {
  const target = range.startContainer.parentElement;
  const reducedMotion = win.matchMedia('(prefers-reduced-motion: reduce)').matches;
  target?.scrollIntoView({ block: 'center', behavior: reducedMotion ? 'instant' : 'smooth' });
  doc.querySelector(HIGHLIGHT_TAG)?.remove();
  // Boxes are placed after the scroll has settled, in document coordinates.
  win.setTimeout(() => drawBoxes(doc, win, range), reducedMotion ? 0 : 350);
}

function drawBoxes(doc: Document, win: Window, range: Range): void {
  doc.querySelector(HIGHLIGHT_TAG)?.remove();
  const host = doc.createElement(HIGHLIGHT_TAG);
  // Styles go through the CSSOM, which a page's Content-Security-Policy does not block.
  host.style.cssText =
    'all:initial;position:absolute;top:0;left:0;width:0;height:0;z-index:2147483646;pointer-events:none;';
  const shadow = host.attachShadow({ mode: 'open' });
  for (const rect of Array.from(range.getClientRects())) {
    if (rect.width < 1 || rect.height < 1) continue;
    const box = doc.createElement('div');
    box.style.cssText =
      `${BOX_STYLE}top:${rect.top + win.scrollY - 1}px;left:${rect.left + win.scrollX - 2}px;` +
      `width:${rect.width + 4}px;height:${rect.height + 2}px;`;
    shadow.append(box);
  }
  doc.documentElement.append(host);
  win.setTimeout(() => {
    for (const box of Array.from(shadow.children) as HTMLElement[]) box.style.opacity = '0';
  }, HIGHLIGHT_MS - 400);
  win.setTimeout(() => host.remove(), HIGHLIGHT_MS);
}
