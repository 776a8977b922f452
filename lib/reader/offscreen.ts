import { browser } from 'wxt/browser';

/**
 * The reader in Chromium: a service worker has no DOM to parse a copy with, so the background opens an offscreen
 * document (entrypoints/reader/) when a page shows its bar or asks for a reading (see `readInReader` in
 * lib/messaging), and pages send their copies to it directly. The document closes itself after a while without
 * requests, so a browser where nobody reads articles holds no extra document.
 */

/** The reader's page, as WXT builds it from entrypoints/reader/. */
const READER_PAGE = '/reader.html';
/**
 * How long the reader stays open after its last request. An open, idle reader costs about 2 MB (its share of
 * the extension's process); opening it costs 100-150 ms, which a click should not wait for. Five minutes covers
 * reading an article before asking for its summary, and several articles in a row.
 */
const IDLE_CLOSE_MS = 5 * 60_000;

let opening: Promise<void> | null = null;

/** Whether the reader's document is open. */
async function readerIsOpen(): Promise<boolean> {
  const contexts = await browser.runtime.getContexts({
    contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [browser.runtime.getURL(READER_PAGE)],
  });
  return contexts.length > 0;
}

/**
 * Background side: opens the offscreen document unless it is open. Requests that arrive while it opens wait for
 * the same opening, which ends once the reader listens.
 */
export function openReader(): Promise<void> {
  opening ??= (async () => {
    if (await readerIsOpen()) return;
    await browser.offscreen.createDocument({
      url: READER_PAGE,
      reasons: [browser.offscreen.Reason.DOM_PARSER],
      justification: "Reads articles from a copy of the page, off the page's main thread.",
    });
  })().finally(() => (opening = null));
  return opening;
}

/** Reader side: closes `win` after `IDLE_CLOSE_MS` without a call of the returned function. */
export function closeWhenIdle(win: Window): () => void {
  let timer = 0;
  return () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => win.close(), IDLE_CLOSE_MS);
  };
}
