import { PREVIEW_SCRIPT } from '@/lib/built-scripts';
import { extensionApi } from '@/lib/extension-api';
import type { PageLifetime } from '../page/lifetime';
import { sendToBackground, type PreviewTabProtocol } from '../messaging';
import { reportError } from '../report-error';
import { findPreview, type PreviewApi } from './bridge';
import { previewableUrl } from './eligibleLink';

/**
 * The always-on part of link previews: a few listeners that only remember what the pointer is on, and react to
 * Shift+Alt, the context menu's "Summarize this link" and (when the user turned it on) a pointer resting on a
 * link. Only then is the preview script imported; nothing runs at load but adding the listeners, and the
 * settings are asked for only when the pointer has rested on a link (once per page). The context menu's message
 * reaches the handler this returns through the always-on script's `onTabMessages`.
 */

/** A pointer resting this long on a link previews it, when the user turned that on. */
const REST_MS = 1000;
/** Elements that are links to a page. */
const LINK = 'a[href], area[href]';

type Link = HTMLAnchorElement | HTMLAreaElement;

const linkOf = (target: EventTarget | null): Link | null =>
  target instanceof Element ? target.closest<Link>(LINK) : null;

async function importPreview(): Promise<PreviewApi> {
  // eslint-disable-next-line no-unsanitized/method -- a constant path inside the extension, never page input
  await import(/* @vite-ignore */ extensionApi().runtime.getURL(PREVIEW_SCRIPT));
  const preview = findPreview();
  if (!preview) throw new Error('The link preview could not be loaded on this page.');
  return preview;
}

/** Listens for the preview gestures on `doc` for as long as `lifetime` lasts; returns the context menu's handler. */
export function watchPreviewGestures(lifetime: PageLifetime, doc: Document): PreviewTabProtocol {
  const win = doc.defaultView ?? window;
  let pointed: EventTarget | null = null;
  let rightClicked: EventTarget | null = null;
  let onHover: Promise<boolean> | null = null;
  let restTimer = 0;

  const open = (link: Link, focus: boolean): void => {
    const url = previewableUrl(link.href, doc.location.href);
    if (!url || !lifetime.isValid) return;
    void (findPreview() ? Promise.resolve(findPreview()!) : importPreview())
      .then((preview) => preview.open(link, url, { focus }))
      .catch(reportError);
  };

  lifetime.addEventListener(
    doc,
    'pointerover',
    (event) => {
      pointed = event.target;
      win.clearTimeout(restTimer);
      const link = linkOf(pointed);
      if (!link) return;
      restTimer = win.setTimeout(() => {
        if (linkOf(pointed) !== link) return;
        // Asked once per page, when the pointer first rests on a link: not at load, not on every pass over a link.
        onHover ??= sendToBackground('previewSettings', undefined).then(
          (s) => s.enabled && s.onHover,
          () => false,
        );
        void onHover.then((rest) => rest && linkOf(pointed) === link && open(link, false));
      }, REST_MS);
    },
    { capture: true, passive: true },
  );
  lifetime.addEventListener(doc, 'contextmenu', (event) => void (rightClicked = event.target), {
    capture: true,
  });
  lifetime.addEventListener(
    doc,
    'keydown',
    (event) => {
      if (!event.shiftKey || !event.altKey || (event.key !== 'Shift' && event.key !== 'Alt')) return;
      const focused = linkOf(doc.activeElement);
      const hovered = linkOf(pointed);
      if (focused) open(focused, true);
      else if (hovered?.matches(':hover')) open(hovered, false);
    },
    { capture: true },
  );

  return {
    previewLink: ({ url }) => {
      const clicked = linkOf(rightClicked);
      const link =
        clicked?.href === url
          ? clicked
          : Array.from(doc.querySelectorAll<Link>(LINK)).find((candidate) => candidate.href === url);
      if (link) open(link, false);
    },
  };
}
