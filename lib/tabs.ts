import { browser } from 'wxt/browser';
import { sendToTab, type PageReport, type PageStatus } from '@/lib/messaging';
import { readingMinutes } from '@/lib/reading-time';

/**
 * Reaching a tab's page from the popup and the background.
 */

/** Built path of the always-on content script (WXT's output layout). */
const ALWAYS_ON_SCRIPT = '/content-scripts/content.js';

/** The tab the user is looking at, if any. */
export async function activeTab(): Promise<{ id: number; url: string } | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? '' };
}

/**
 * Runs `action` against the tab's always-on script. A tab opened before the extension was installed or
 * updated has none yet: the activeTab grant lets us inject it once and try again.
 */
async function withAlwaysOnScript<T>(tabId: number, action: () => Promise<T>): Promise<T> {
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
