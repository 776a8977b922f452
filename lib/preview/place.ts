/** A box in viewport coordinates. */
export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the card goes: its top-left corner and the height it may take (it scrolls inside beyond that). */
export interface Placement {
  left: number;
  top: number;
  maxHeight: number;
  side: 'below' | 'above';
}

/** Space kept between the card and the link, and between the card and the viewport's edges. */
const GAP = 8;

/**
 * Places a card of `width` × `height` next to `link` inside a viewport of `vw` × `vh`: below the link if it fits,
 * else above it if it fits, else on the side with more room, shortened to that room, so it never covers the
 * link. Horizontally it starts at the link's start edge (`dir`), kept inside the viewport.
 */
export function placeCard(
  link: Rect,
  width: number,
  height: number,
  vw: number,
  vh: number,
  dir: 'ltr' | 'rtl' = 'ltr',
): Placement {
  const below = vh - link.bottom - 2 * GAP;
  const above = link.top - 2 * GAP;
  const side = height <= below || below >= above ? 'below' : 'above';
  const room = Math.max(0, side === 'below' ? below : above);
  const shown = Math.min(height, room);
  const top = side === 'below' ? link.bottom + GAP : link.top - GAP - shown;
  const start = dir === 'rtl' ? link.right - width : link.left;
  const left = Math.min(Math.max(GAP, start), Math.max(GAP, vw - width - GAP));
  return { left, top, maxHeight: room, side };
}
