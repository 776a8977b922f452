import { browser } from 'wxt/browser';
import { PANEL_SCRIPT } from '@/lib/built-scripts';
import { sendToBackground, type BarSettings, type PageReport } from '@/lib/messaging';
import { countReadingUnits, type ReadingUnits } from '@/lib/text/words';
import { t } from '@/lib/i18n';
import { reportError } from '@/lib/report-error';
import { afterDomSettles } from './after-dom-settles';
import { mountBar, type Bar } from './bar';
import { detectArticle, type Detection } from './detect';
import { expandOnClick, PANEL_LOAD_DEADLINE_MS } from './expand-on-click';
import type { ArticlePage } from './article-page-bridge';
import type { PageLifetime } from './lifetime';
import { findPanel, type PanelApi } from './panel-bridge';

/**
 * The article page's part of the extension, loaded by the always-on script (lib/page/always-on.ts) only on pages
 * that may be articles, or when the popup or the shortcut ask. It detects articles and, on an article, draws the
 * collapsed bar with a few plain elements. The panel script (the page's copy for the reader, the summary's view,
 * Preact) is imported only when the user reaches for the bar: pointer or focus on it, a click, the popup, the
 * shortcut, or the "start expanded" setting. When it asks for the bar's settings, the background also opens the
 * reader (lib/reader), away from the page, so that the first click does not wait for it.
 */

/**
 * On pages with more elements than this, the bar floats instead of sitting above the article: inserting a block
 * (and growing it on expand) above that many elements makes the browser lay out the page again, for hundreds of
 * milliseconds (measured on a 50,000-element page).
 */
const MAX_ELEMENTS_INLINE = 20_000;

export interface ArticlePageOptions {
  /** The bar's styles (components/bar.css). */
  css: string;
  /** Loads the panel; content scripts import the panel script, the bundled sample page passes its own. */
  loadPanel?: () => Promise<PanelApi>;
}

/** Imports the panel script into this content script's world, where it registers itself. */
async function importPanel(): Promise<PanelApi> {
  // Unlike scripting.executeScript, this needs no host permission beyond the content script's own matches.
  // eslint-disable-next-line no-unsanitized/method -- a constant path inside the extension, never page input
  await import(/* @vite-ignore */ browser.runtime.getURL(PANEL_SCRIPT));
  const panel = findPanel();
  if (!panel) throw new Error('The summary panel could not be loaded on this page.');
  return panel;
}

/** Starts the article page's part in the top frame of a page: nothing is shown until `showIfArticle`. */
export function startArticlePage(
  lifetime: PageLifetime,
  doc: Document,
  { css, loadPanel = importPanel }: ArticlePageOptions,
): ArticlePage {
  const win = doc.defaultView ?? window;
  let detection: Detection | null = null;
  const detect = (): Detection => (detection = detectArticle(doc));
  const region = (): Element | null => (detection ?? detect()).region;
  let bar: Bar | null = null;
  let settings: BarSettings | null = null;
  /** A page that wiped the bar away gets it back once per page view, never in a loop. */
  let remounted = false;
  /**
   * The user opened the bar by hand (popup, shortcut) on this page view. Detection that runs later, such as the
   * first idle-time look when the popup came first, must not take it away; an in-page navigation does.
   */
  let openedByHand = false;
  let stopWatching: (() => void) | null = null;

  let loading: Promise<PanelApi> | null = null;
  /** The panel, loaded once per frame even when several intents arrive together. */
  function panel(): Promise<PanelApi> {
    loading ??= loadPanel().catch((error: unknown) => {
      loading = null;
      throw error;
    });
    return loading;
  }
  const withPanel = (use: (panel: PanelApi) => void): void => void panel().then(use).catch(reportError);
  /** Expands `shown` for a click at `clickedAt`, or opens it on a message if the panel script does not load in time. */
  const expand = (shown: Bar, clickedAt: number): void =>
    expandOnClick({
      bar: shown,
      panel,
      region,
      clickedAt,
      failure: t('panelLoadFailed'),
      report: reportError,
    });

  // Asked for only once a bar is drawn: pages that are not articles never need it.
  let darkScheme: MediaQueryList | null = null;
  const prefersDark = (): MediaQueryList => (darkScheme ??= win.matchMedia('(prefers-color-scheme: dark)'));
  const themeOf = (choice: BarSettings['theme']): 'light' | 'dark' =>
    choice === 'system' ? (prefersDark().matches ? 'dark' : 'light') : choice;

  async function loadSettings(): Promise<BarSettings> {
    settings = await sendToBackground('barSettings', { hostname: location.hostname });
    return settings;
  }

  const isShown = (b: Bar | null): b is Bar => b !== null && b.host.isConnected;

  function removeBar(): void {
    const shown = bar;
    bar = null;
    if (!shown) return;
    findPanel()?.collapse(shown);
    shown.remove();
  }

  function showBar(chosen: BarSettings): Bar {
    const shown: Bar = mountBar(doc, win, {
      anchor: chosen.placement === 'inline' && !isHuge(doc) ? (detection ?? detect()).anchor : null,
      theme: themeOf(chosen.theme),
      css,
      onToggle: () => {
        const clickedAt = performance.now();
        // Open with no panel: the bar says the panel could not be loaded, and a click tries again.
        if (shown.state() !== 'collapsed' && findPanel()) return withPanel((p) => p.collapse(shown));
        expand(shown, clickedAt);
      },
      onIntent: () => withPanel((p) => p.prepare(shown, region())),
      onClose: () => {
        if (bar === shown) removeBar();
      },
    });
    bar = shown;
    stopWatching ??= watchSettings();
    watchRemoval(shown);
    return shown;
  }

  /**
   * Brings the bar back once if the page's own script removes it (frameworks re-rendering body). Only the bar's
   * ancestors are observed, each for its own children: the page's other mutations (tickers, ads) never call back.
   */
  function watchRemoval(shown: Bar): void {
    const observer = new MutationObserver(() => {
      if (shown.host.isConnected) return;
      observer.disconnect();
      if (bar !== shown || remounted) return;
      remounted = true;
      bar = null;
      // A bar wiped away while it was loading or open comes back in that state: the panel draws into the new one.
      const wasOpen = shown.state() !== 'collapsed';
      afterDomSettles(lifetime, doc, () => {
        void showIfArticle()
          .then(() => {
            const back = bar;
            if (wasOpen && isShown(back)) withPanel((p) => p.expand(back, region()));
          })
          .catch(reportError);
      });
    });
    for (let node = shown.host.parentNode; node; node = node.parentNode)
      observer.observe(node, { childList: true });
    lifetime.onInvalidated(() => observer.disconnect());
  }

  /** Follows the settings the bar depends on, from the first time it is shown. */
  function watchSettings(): () => void {
    const refresh = async (): Promise<void> => {
      const previous = settings;
      const next = await loadSettings();
      const shown = bar;
      if (!isShown(shown)) return;
      if (next.siteDisabled && !previous?.siteDisabled) return removeBar();
      shown.setTheme(themeOf(next.theme));
      if (previous && next.placement !== previous.placement) {
        const wasOpen = shown.state() !== 'collapsed';
        removeBar();
        const moved = showBar(next);
        if (wasOpen) withPanel((p) => p.expand(moved, region()));
      }
    };
    const onStorage = (changes: Record<string, unknown>, area: string): void => {
      if (area === 'local' && Object.keys(changes).some((key) => key.startsWith('settings.')))
        void refresh().catch(reportError);
    };
    const onScheme = (): void => {
      if (settings && isShown(bar)) bar.setTheme(themeOf(settings.theme));
    };
    browser.storage.onChanged.addListener(onStorage);
    prefersDark().addEventListener('change', onScheme);
    return () => {
      browser.storage.onChanged.removeListener(onStorage);
      prefersDark().removeEventListener('change', onScheme);
    };
  }

  /** Shows the bar on an article (per the settings), and takes it away from a page that is not one. */
  async function showIfArticle(): Promise<void> {
    const { isArticle } = detect();
    if (!isArticle) return openedByHand ? undefined : removeBar();
    if (isShown(bar)) return;
    const current = await loadSettings();
    if (!current.autoShow || current.siteDisabled || isShown(bar)) return;
    const shown = showBar(current);
    // The background got the reader ready when it answered for the settings, while the user looks at the bar.
    if (current.startExpanded) withPanel((p) => p.expand(shown, region()));
  }

  function status(): PageReport {
    const info = findPanel()?.info();
    const panelState = !isShown(bar) ? 'hidden' : bar.state() === 'collapsed' ? 'collapsed' : 'expanded';
    if (info) return { ...info, panel: panelState };
    const { isArticle, title, region: where } = detection ?? detect();
    return isArticle
      ? { kind: 'article', title, ...proseCounts(where), panel: panelState }
      : { kind: 'no-article', panel: panelState };
  }

  lifetime.onInvalidated(() => {
    stopWatching?.();
    removeBar();
  });

  return {
    showIfArticle,
    getPageStatus: () => {
      // The popup is open, and its button may expand the panel next: prepare the summary as a hover would.
      const shown = bar;
      if (isShown(shown)) withPanel((p) => p.prepare(shown, region()));
      return status();
    },
    togglePanel: async () => {
      if (isShown(bar) && bar.state() !== 'collapsed') {
        removeBar();
        return status();
      }
      openedByHand = true;
      const clickedAt = performance.now();
      const shown = isShown(bar) ? bar : showBar(settings ?? (await loadSettings()));
      // As a click on the bar: a panel script that never loads opens the bar on a message, by the deadline.
      expand(shown, clickedAt);
      await Promise.race([
        panel().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, clickedAt + PANEL_LOAD_DEADLINE_MS - performance.now())),
      ]);
      return status();
    },
    reset: () => {
      detection = null;
      remounted = false;
      openedByHand = false;
      // The panel forgets the article and draws its bar collapsed again.
      findPanel()?.reset();
    },
  };
}

/** Whether the page has so many elements that moving its content costs a long layout. */
function isHuge(doc: Document): boolean {
  return doc.getElementsByTagName('*').length > MAX_ELEMENTS_INLINE;
}

/**
 * What the reading time is computed from before extraction: the paragraphs of the article's region (or of the
 * page), in the page's language.
 */
function proseCounts(region: Element | null): ReadingUnits & { lang: string } {
  const doc = region?.ownerDocument ?? document;
  const paragraphs = (region ?? doc.body ?? doc.documentElement).querySelectorAll('p');
  const text = Array.from(paragraphs, (p) => p.textContent ?? '').join(' ');
  return { ...countReadingUnits(text), lang: doc.documentElement.lang || 'und' };
}
