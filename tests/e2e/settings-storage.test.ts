import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, Popup, poll, useExtension, type ExtensionBrowser } from './harness';

/**
 * Settings survive the popup's hard cases, in the real browser storage:
 * - two popup pages open at once, each changing a different setting: both changes are stored, and each popup
 *   shows the other's change without being reopened;
 * - storage refusing a write (as when its quota is full): the popup says so, shows the previous value again,
 *   and the previous value is what stays stored.
 * The popups are popup.html opened in tabs (two toolbar popups cannot be open at once).
 */

/** The English text of the `saveFailed` message. */
const SAVE_FAILED_TEXT = 'could not be saved';

/** The Firefox harness navigates to extension pages its own way (puppeteer's goto never sees them load). */
interface ExtensionPageNavigator {
  gotoExtensionPage(page: Page, url: string): Promise<void>;
}

/** Opens popup.html in a new tab, records its uncaught errors in `errors`, and waits for its settings. */
async function openPopupTab(ext: ExtensionBrowser, errors: string[]): Promise<Popup> {
  const page = await ext.browser.newPage();
  page.on('pageerror', (error: unknown) => errors.push(String(error)));
  const url = `${ext.extensionOrigin}/popup.html`;
  if (ext.name === 'firefox') await (ext as unknown as ExtensionPageNavigator).gotoExtensionPage(page, url);
  else await page.goto(url, { waitUntil: 'load' });
  const popup = new Popup(page);
  await popup.waitForSetting('theme');
  return popup;
}

/** The raw stored value of a setting, read through the extension's own storage API in `page`. */
function stored(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (storageKey: string) => {
    type Area = { get(key: string): Promise<Record<string, unknown>> };
    const g = globalThis as unknown as {
      browser?: { storage: { local: Area } };
      chrome: { storage: { local: Area } };
    };
    const area = (g.browser ?? g.chrome).storage.local;
    return (await area.get(storageKey))[storageKey];
  }, `settings.${key}`);
}

describe.each(BROWSERS)('%s: settings storage under pressure', (name) => {
  const e2e = useExtension(name);
  const errors: string[] = [];
  let first: Popup;
  let second: Popup;

  beforeAll(async () => {
    first = await openPopupTab(e2e.ext, errors);
    second = await openPopupTab(e2e.ext, errors);
  });

  it('two popups change different settings at once: both are kept and each shows the other', async () => {
    await Promise.all([first.setSetting('theme', 'dark'), second.setSetting('length', 'long')]);
    await poll(
      'each popup to show the other popup change',
      async () =>
        (await first.getSetting('length')) === 'long' && (await second.getSetting('theme')) === 'dark',
      { timeout: 5_000 },
      async () =>
        `first: length=${String(await first.getSetting('length'))}; ` +
        `second: theme=${String(await second.getSetting('theme'))}`,
    );
    expect(await stored(first.page, 'theme')).toBe('dark');
    expect(await stored(first.page, 'length')).toBe('long');

    const third = await openPopupTab(e2e.ext, errors);
    expect(await third.getSetting('theme')).toBe('dark');
    expect(await third.getSetting('length')).toBe('long');
    await third.page.close();
  });

  it('a refused write shows a message, and the previous value stays, on screen and in storage', async () => {
    const popup = first;
    await popup.setSetting('theme', 'light');
    // Storage full: every write of this page is refused, as browsers do when storage.local's quota is exceeded.
    await popup.page.evaluate(() => {
      const g = globalThis as unknown as Record<
        'browser' | 'chrome',
        { storage?: { local?: object } } | undefined
      >;
      for (const api of [g.browser, g.chrome]) {
        const area = api?.storage?.local;
        if (area)
          Object.defineProperty(area, 'set', {
            configurable: true,
            value: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')),
          });
      }
    });
    await popup.page.select('select[name="theme"]', 'dark');

    await popup.waitForText(SAVE_FAILED_TEXT);
    await poll('the theme select to show the stored value again', async () =>
      (await popup.getSetting('theme')) === 'light' ? true : null,
    );
    expect(await stored(popup.page, 'theme')).toBe('light');
    // The other popup, whose storage works, never saw a change.
    expect(await second.getSetting('theme')).toBe('light');
    const reopened = await openPopupTab(e2e.ext, errors);
    expect(await reopened.getSetting('theme')).toBe('light');
    expect(await reopened.text()).not.toContain(SAVE_FAILED_TEXT);
    await reopened.page.close();
  });

  it('no popup page threw', () => {
    expect(errors).toEqual([]);
  });
});
