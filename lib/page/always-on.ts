import { ARTICLE_PAGE_SCRIPT } from '@/lib/built-scripts';
import { extensionApi } from '@/lib/extension-api';
import { onTabMessages } from '@/lib/messaging';
import { reportError } from '@/lib/report-error';
import { watchPreviewGestures } from '@/lib/preview/trigger';
import { afterDomSettles } from './after-dom-settles';
import { findArticlePage, type ArticlePage, type StartArticlePage } from './article-page-bridge';
import { mayBeArticle } from './gate';
import { watchInPageNavigations } from './in-page-navigation';
import type { PageLifetime } from './lifetime';

/**
 * The always-on part of the extension, run on every http(s) page, kept as small as a script that notices articles
 * can be. In idle time it asks a cheap question (lib/page/gate.ts: may this page be an article?) and only on a
 * page that may be one imports the article page's script (lib/page/article-page.ts: the full detection and the
 * bar). Otherwise it only listens: for in-page navigations and for the link-preview gestures
 * (lib/preview/trigger.ts). The popup and the shortcut reach it through `scripting.executeScript`
 * (`onTabMessages`), which needs no listener at load, and import that script on demand.
 */

/** Detection waits for idle time after load, but no longer than this. */
const IDLE_TIMEOUT_MS = 2000;

export interface AlwaysOnOptions {
  /** Loads the article page's part; content scripts import its script, the bundled sample page passes its own. */
  loadArticlePage?: () => Promise<StartArticlePage>;
}

/** Imports the article page's script into this content script's world, where it registers itself. */
async function importArticlePage(): Promise<StartArticlePage> {
  // Like the panel script: no host permission needed beyond the content script's own matches.
  // eslint-disable-next-line no-unsanitized/method -- a constant path inside the extension, never page input
  await import(/* @vite-ignore */ extensionApi().runtime.getURL(ARTICLE_PAGE_SCRIPT));
  const start = findArticlePage();
  if (!start) throw new Error('The article page script could not be loaded on this page.');
  return start;
}

/** Starts the always-on behaviour in the top frame of a page. */
export function runAlwaysOn(
  lifetime: PageLifetime,
  doc: Document,
  { loadArticlePage = importArticlePage }: AlwaysOnOptions = {},
): void {
  const win = doc.defaultView ?? window;
  let loading: Promise<ArticlePage> | null = null;
  /** The article page's part, loaded once per frame even when several asks arrive together. */
  function articlePage(): Promise<ArticlePage> {
    loading ??= loadArticlePage()
      .then((start) => start(lifetime, doc))
      .catch((error: unknown) => {
        loading = null;
        throw error;
      });
    return loading;
  }
  /** Looks for an article; once the full detection is loaded it always runs (it also takes a bar away). */
  function check(): void {
    if (loading || mayBeArticle(doc))
      void articlePage()
        .then((page) => page.showIfArticle())
        .catch(reportError);
  }

  // Every listener the always-on script keeps on every page is registered here.
  const removeHandlers = onTabMessages(
    {
      getPageStatus: async () => (await articlePage()).getPageStatus(),
      togglePanel: async () => (await articlePage()).togglePanel(),
      ...watchPreviewGestures(lifetime, doc),
    },
    () => lifetime.isValid,
  );
  lifetime.onInvalidated(removeHandlers);
  watchInPageNavigations(lifetime, win, () => {
    loading?.then((page) => page.reset()).catch(reportError);
    afterDomSettles(lifetime, doc, check);
  });
  // Cancelled when the lifetime ends, so it never runs for a copy that ended.
  const idle = win.requestIdleCallback(check, { timeout: IDLE_TIMEOUT_MS });
  lifetime.onInvalidated(() => win.cancelIdleCallback(idle));
}
