import { browser } from 'wxt/browser';
import { sendToReader } from '../messaging';
import type { ReadRequest, ReadResult } from '.';

/**
 * The reader in Chromium: a service worker has no DOM to parse a copy with, so the background opens an offscreen
 * document (entrypoints/reader/) when a page first asks, and forwards requests to it. The document closes itself
 * after a while without requests, so a browser where nobody asks for summaries holds no extra document.
 */

/** The reader's page, as WXT builds it from entrypoints/reader/. */
const READER_PAGE = '/reader.html';
/** How long the reader stays open after its last request: a reader of several articles reuses it. */
const IDLE_CLOSE_MS = 60_000;

let opening: Promise<void> | null = null;

/** Opens the offscreen document unless it is open (two pages asking at once open it once). */
async function openReader(): Promise<void> {
  if (await browser.offscreen.hasDocument()) return;
  opening ??= browser.offscreen
    .createDocument({
      url: READER_PAGE,
      reasons: [browser.offscreen.Reason.DOM_PARSER],
      justification: "Reads articles from a copy of the page, off the page's main thread.",
    })
    .finally(() => (opening = null));
  await opening;
}

/** Background side: reads a page's copy in the offscreen document, opening it if needed. */
export async function readInOffscreen(request: ReadRequest): Promise<ReadResult> {
  await openReader();
  try {
    return await sendToReader('readInOffscreen', request);
  } catch {
    // The reader closed itself between the check and the message: open it again, once.
    await openReader();
    return sendToReader('readInOffscreen', request);
  }
}

/** Reader side: closes `win` after `IDLE_CLOSE_MS` without a call of the returned function. */
export function closeWhenIdle(win: Window): () => void {
  let timer = 0;
  return () => {
    win.clearTimeout(timer);
    timer = win.setTimeout(() => win.close(), IDLE_CLOSE_MS);
  };
}
