import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onMessages, sendToBackground, type PageStatus, type TabProtocol } from '@/lib/messaging';
import { readingMinutes } from '@/lib/reading-time';
import { reportError } from '@/lib/report-error';
import { detectArticle, type Detection } from './detect';
import { findPanel, type PanelApi } from './panel-bridge';

/**
 * The always-on part of the extension, run on every http(s) page. It detects articles cheaply, answers the
 * popup, and loads the panel script only on article pages or when the user asks for it.
 */

/** Built path of the on-demand panel script (WXT's output layout), listed in web_accessible_resources. */
export const PANEL_SCRIPT = '/content-scripts/panel.js';
/** How long the DOM must stay quiet after an in-page navigation before we look for the new article. */
const SETTLE_QUIET_MS = 250;
/** Pages that never stop mutating (tickers, infinite scroll) are examined after this long anyway. */
const SETTLE_MAX_MS = 3000;
/** Detection waits for idle time after load, but no longer than this. */
const IDLE_TIMEOUT_MS = 2000;

/** Starts the always-on behaviour in the top frame of a page. */
export function runAlwaysOn(ctx: ContentScriptContext, doc: Document): void {
  let detection: Detection | null = null;
  const detect = (): Detection => (detection = detectArticle(doc));

  let loading: Promise<PanelApi> | null = null;
  /** The panel, injected once per frame even when the popup and auto-show ask at the same moment. */
  function loadPanel(): Promise<PanelApi> {
    const loaded = findPanel();
    if (loaded) return Promise.resolve(loaded);
    // Importing the script runs it in this content script's world, where it registers itself. Unlike
    // scripting.executeScript, this needs no host permission beyond the content script's own matches.
    // eslint-disable-next-line no-unsanitized/method -- a constant path inside the extension, never page input
    loading ??= import(/* @vite-ignore */ browser.runtime.getURL(PANEL_SCRIPT))
      .then(() => {
        const panel = findPanel();
        if (!panel) throw new Error('The summary panel could not be loaded on this page.');
        return panel;
      })
      .finally(() => (loading = null));
    return loading;
  }

  /** Shows the bar on an article (per the settings), and takes it away from a page that is not one. */
  async function showIfArticle(): Promise<void> {
    const { isArticle } = detect();
    const panel = findPanel();
    if (!isArticle) return panel?.hide();
    // A bar already on the page follows the new article (after an in-page navigation).
    if (panel && panel.state() !== 'hidden') return panel.show({ expanded: false });
    if (!(await sendToBackground('shouldAutoShow', { hostname: location.hostname }))) return;
    await (await loadPanel()).show({ expanded: false });
  }

  function status(): PageStatus {
    const panel = findPanel();
    const known = panel?.status();
    if (known) return known;
    const { isArticle, title, words } = detection ?? detect();
    const state = panel?.state() ?? 'hidden';
    return isArticle
      ? { kind: 'article', title, minutes: readingMinutes(words), panel: state }
      : { kind: 'no-article', panel: state };
  }

  const removeHandlers = onMessages<TabProtocol>({
    getPageStatus: () => status(),
    togglePanel: async () => {
      const panel = await loadPanel();
      if (panel.state() === 'expanded') panel.hide();
      else await panel.show({ expanded: true });
      return status();
    },
  });
  ctx.onInvalidated(removeHandlers);

  ctx.addEventListener(window, 'wxt:locationchange', () => {
    detection = null;
    findPanel()?.reset();
    afterDomSettles(ctx, doc, () => void showIfArticle().catch(reportError));
  });

  ctx.requestIdleCallback(() => void showIfArticle().catch(reportError), { timeout: IDLE_TIMEOUT_MS });
}

/** Calls `then` once the document has stopped changing for a moment, or after a bounded wait. */
function afterDomSettles(ctx: ContentScriptContext, doc: Document, then: () => void): void {
  let quietTimer = 0;
  const finish = (): void => {
    observer.disconnect();
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    if (ctx.isValid) then();
  };
  const observer = new MutationObserver(() => {
    clearTimeout(quietTimer);
    quietTimer = window.setTimeout(finish, SETTLE_QUIET_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  quietTimer = window.setTimeout(finish, SETTLE_QUIET_MS);
  const maxTimer = window.setTimeout(finish, SETTLE_MAX_MS);
}
