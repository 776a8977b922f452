import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { detectArticle } from '@/lib/page/detect';
import type { Placement } from '@/lib/settings';

/** The panel's custom element name: part of the automation contract. */
export const PANEL_TAG = 'no-time-to-read';

/** The panel's host in the page: a shadow root of its own, so page CSS and ours never meet. */
export type PanelHost = ShadowRootContentScriptUi<void>;

/** Where the bar goes: above the article's first paragraph, or a floating card when that is not possible. */
function anchorFor(doc: Document, placement: Placement): { anchor: Element; floating: boolean } {
  const anchor = placement === 'inline' ? detectArticle(doc).anchor : null;
  if (anchor?.isConnected && anchor.parentElement && anchor.getClientRects().length > 0)
    return { anchor, floating: false };
  // The floating card hangs off <html>, not <body>: a transform on body would otherwise capture `position: fixed`.
  return { anchor: doc.documentElement, floating: true };
}

/**
 * Mounts an empty panel host in the page, with `css` in its shadow root. Until the article is extracted, the
 * host follows the direction and language of the text it sits above.
 */
export async function mountPanelHost(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
  css: string,
  placement: Placement,
): Promise<PanelHost> {
  const { anchor, floating } = anchorFor(doc, placement);
  const created: PanelHost = await createShadowRootUi<void>(ctx, {
    name: PANEL_TAG,
    position: 'inline',
    anchor,
    append: floating ? 'last' : 'before',
    css,
    onMount: () => undefined,
    onRemove: () => render(null, created.uiContainer),
  });
  const host = created.shadowHost;
  host.dataset.placement = floating ? 'floating' : 'inline';
  const text = floating ? (doc.body ?? anchor) : anchor;
  host.setAttribute('dir', win.getComputedStyle(text).direction === 'rtl' ? 'rtl' : 'ltr');
  const lang = text.closest('[lang]')?.getAttribute('lang');
  if (lang) host.setAttribute('lang', lang);
  created.mount();
  return created;
}
