import { browser } from 'wxt/browser';
import { ALWAYS_ON_SCRIPT } from '@/lib/built-scripts';
import { sendToTab, type PageReport, type PageStatus } from '@/lib/messaging';
import { readingMinutes } from '@/lib/reading-time';

/**
 * Reaching a tab's page from the popup and the background.
 */

/** The tab the user is looking at, if any. */
export async function activeTab(): Promise<{ id: number; url: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}

/**
 * How long to wait for the browser's own copy of the always-on script on a page that has just loaded (it runs at
 * document_idle, which may come after the load event) before injecting one: a second copy would start later and
 * take the first one's bar away with it (a newer copy ends the older one's lifetime, lib/page/lifetime.ts).
 */
const SCRIPT_ARRIVAL_RETRIES = 5;
const SCRIPT_ARRIVAL_WAIT_MS = 200;

/**
 * Runs `action` against the tab's always-on script. A tab opened before the extension was installed or
 * updated has none, or an orphaned one that no longer answers: after waiting briefly for one that is about to
 * run, the activeTab grant lets us inject it once and try again.
 */
async function withAlwaysOnScript<T>(tabId: number, action: () => Promise<T>): Promise<T> {
  for (let retry = 0; retry < SCRIPT_ARRIVAL_RETRIES; retry++) {
    try {
      return await action();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, SCRIPT_ARRIVAL_WAIT_MS));
    }
  }
  try {
    return await action();
  } catch {
    await browser.scripting.executeScript({ target: { tabId }, files: [ALWAYS_ON_SCRIPT] });
    return action();
  }
}

/** The popup's view of a tab's report: the reading time in minutes, at the speed of the page's language. */
function toStatus(report: PageReport): PageStatus {
  if (report.kind !== 'article') return { kind: 'no-article', panel: report.panel };
  const { title, words, chars, lang, panel } = report;
  return { kind: 'article', title, minutes: readingMinutes({ words, chars }, lang), panel };
}

/** Asks a tab what its page is. */
export async function pageStatus(tabId: number): Promise<PageStatus> {
  return toStatus(await withAlwaysOnScript(tabId, () => sendToTab(tabId, 'getPageStatus', undefined)));
}

/** Shows or hides the summary panel in a tab. */
export async function togglePanel(tabId: number): Promise<PageStatus> {
  return toStatus(await withAlwaysOnScript(tabId, () => sendToTab(tabId, 'togglePanel', undefined)));
}
