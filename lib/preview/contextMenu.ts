import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { sendToTab } from '../messaging';

/** The context menu item's id. */
const MENU_ID = 'no-time-to-read.preview-link';
/** Links the item is offered on: web pages only (other schemes get no preview). */
const WEB_LINKS = ['http://*/*', 'https://*/*'];

/**
 * Background side: "Summarize this link" in links' context menu, in both browsers (`contextMenus`, which Firefox
 * also answers to). A click tells the tab's always-on script to preview that link. Created afresh at each start
 * of the background, which Chromium's service worker does often: removing first avoids a duplicate id.
 */
export function registerPreviewMenu(): void {
  const menus = browser.contextMenus;
  void menus
    .removeAll()
    .then(() =>
      menus.create({
        id: MENU_ID,
        title: t('previewMenu'),
        contexts: ['link'],
        targetUrlPatterns: WEB_LINKS,
      }),
    )
    .catch((error: unknown) => console.warn('preview menu:', error));
  menus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined || !info.linkUrl) return;
    sendToTab(tab.id, 'previewLink', { url: info.linkUrl }).catch((error: unknown) =>
      console.warn('preview menu:', error),
    );
  });
}
