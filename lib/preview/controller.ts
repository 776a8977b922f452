import { previewInReader, sendToBackground, type PreviewSettings } from '../messaging';
import { reportError } from '../report-error';
import type { OpenOptions, PreviewApi } from './bridge';
import { createCard, type Card } from './card';
import { placeCard } from './place';
import type { PreviewResult } from './types';

/** The card's width; narrower viewports get their width less the margins. */
const CARD_WIDTH = 380;
/** Elements that are links to a page (as the trigger's). */
const LINK = 'a[href], area[href]';

interface Open {
  card: Card;
  link: HTMLElement;
  focus: boolean;
  /** Undoes the listeners that close or move this card. */
  stop: () => void;
}

/**
 * The preview script's side: opens one card at a time next to a link, asks the reader for the preview and
 * paints it. Esc, a click outside the card, or the pointer moving on to another link closes it.
 */
export function createPreviewController(doc: Document, win: Window, css: string): PreviewApi {
  let current: Open | null = null;

  const themeOf = (choice: PreviewSettings['theme']): 'light' | 'dark' =>
    choice === 'system'
      ? win.matchMedia('(prefers-color-scheme: dark)').matches
        ? 'dark'
        : 'light'
      : choice;

  function close(returnFocus: boolean): void {
    const shown = current;
    current = null;
    if (!shown) return;
    shown.stop();
    shown.card.host.remove();
    if (returnFocus && shown.focus) shown.link.focus();
  }

  function place(card: Card, link: HTMLElement): void {
    const viewport = doc.documentElement;
    const vw = viewport.clientWidth || win.innerWidth;
    const vh = viewport.clientHeight || win.innerHeight;
    const width = Math.min(CARD_WIDTH, vw - 16);
    const set = (name: string, px: number | null): void =>
      card.host.style.setProperty(`--nttr-${name}`, px === null ? 'none' : `${px}px`, 'important');
    set('width', width);
    set('max-height', null);
    const rect = link.getBoundingClientRect();
    const dir = win.getComputedStyle(link).direction === 'rtl' ? 'rtl' : 'ltr';
    const spot = placeCard(rect, width, card.region.offsetHeight, vw, vh, dir);
    set('left', spot.left);
    set('top', spot.top);
    set('max-height', spot.maxHeight);
  }

  function watch(card: Card, link: HTMLElement): () => void {
    const outside = (event: Event): boolean => !event.composedPath().includes(card.host);
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close(true);
      }
    };
    const onPointerDown = (event: Event): void => {
      if (outside(event)) close(false);
    };
    const onOver = (event: Event): void => {
      if (!outside(event)) return;
      const other = event.target instanceof Element ? event.target.closest(LINK) : null;
      if (other && other !== link) close(false);
    };
    const onMove = (): void => place(card, link);
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('pointerdown', onPointerDown, true);
    doc.addEventListener('pointerover', onOver, true);
    win.addEventListener('scroll', onMove, { capture: true, passive: true });
    win.addEventListener('resize', onMove, { passive: true });
    return () => {
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('pointerdown', onPointerDown, true);
      doc.removeEventListener('pointerover', onOver, true);
      win.removeEventListener('scroll', onMove, true);
      win.removeEventListener('resize', onMove);
    };
  }

  async function run(link: HTMLElement, url: string, options: OpenOptions): Promise<void> {
    const settings = await sendToBackground('previewSettings', undefined);
    if (!settings.enabled) return;
    close(false);
    const card = createCard(doc, css, new URL(url).hostname, () => close(true));
    const shown: Open = { card, link, focus: options.focus, stop: () => undefined };
    current = shown;
    card.setTheme(themeOf(settings.theme));
    card.show(null);
    doc.documentElement.append(card.host);
    place(card, link);
    shown.stop = watch(card, link);
    if (options.focus) card.region.focus();
    let result: PreviewResult;
    try {
      result = await previewInReader({ url, length: settings.length });
    } catch (error) {
      reportError(error);
      result = { kind: 'error', reason: 'network-error' };
    }
    // A newer preview took over (its request aborted this one), or the card was closed.
    if (current !== shown || result.kind === 'aborted') return;
    card.show(result);
    place(card, link);
  }

  return {
    open: (link, url, options) => void run(link, url, options).catch(reportError),
  };
}
