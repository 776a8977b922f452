import type { ElementHandle, Page } from 'puppeteer-core';
import { poll } from './wait';

/**
 * Page object for the popup (popup.html): its text, the main button `#toggle`, and the settings controls,
 * found by `name` whatever control they are (checkbox, radio group or select).
 */

/** The popup's text when the tab has no article. */
export const NO_ARTICLE_TEXT = 'No article found on this page';

export type SettingName =
  | 'autoShow'
  | 'startExpanded'
  | 'length'
  | 'format'
  | 'theme'
  | 'placement'
  | 'linkPreviews'
  | 'previewOnHover';

export class Popup {
  constructor(readonly page: Page) {}

  /** The popup's visible text, whitespace-normalized. */
  text(): Promise<string> {
    return this.page.evaluate(() => (document.body?.innerText ?? '').replace(/\s+/g, ' ').trim());
  }

  /** Waits until the popup has asked the tab about its page: the toggle and either a title or "no article". */
  async waitForReady(timeout = 10_000): Promise<string> {
    return poll(
      'the popup to show the page status',
      async () => {
        const ready = await this.page.evaluate(() => document.getElementById('toggle') !== null);
        const text = await this.text();
        return ready && text.length > 0 && !/^loading/i.test(text) ? text : null;
      },
      { timeout },
      async () => `popup text: ${JSON.stringify(await this.text())}`,
    );
  }

  /** Waits until the popup's text contains `needle`. */
  waitForText(needle: string, timeout = 10_000): Promise<string> {
    return poll(
      `the popup to say ${JSON.stringify(needle)}`,
      async () => {
        const text = await this.text();
        return text.includes(needle) ? text : null;
      },
      { timeout },
      async () => `popup text: ${JSON.stringify(await this.text())}`,
    );
  }

  /** Clicks the main button (#toggle). */
  async clickToggle(): Promise<void> {
    await this.page.waitForSelector('#toggle', { timeout: 10_000 });
    await this.page.click('#toggle');
  }

  /** The current value of a setting (boolean for checkboxes, string otherwise), once its control is drawn. */
  async getSetting(name: SettingName): Promise<string | boolean | null> {
    await this.waitForSetting(name);
    return this.page.evaluate((n: string) => {
      const els = Array.from(
        document.querySelectorAll<HTMLInputElement | HTMLSelectElement>(`[name="${n}"]`),
      );
      const first = els[0];
      if (!first) return null;
      if (first instanceof HTMLInputElement && first.type === 'checkbox') return first.checked;
      if (first instanceof HTMLInputElement && first.type === 'radio')
        return (els as HTMLInputElement[]).find((e) => e.checked)?.value ?? null;
      return first.value;
    }, name);
  }

  /** Waits for the setting controls to be rendered (they are filled from storage asynchronously). */
  async waitForSetting(name: SettingName): Promise<void> {
    await this.page.waitForSelector(`[name="${name}"]`, { timeout: 10_000 });
  }

  /** Changes a setting as a user would: ticks a checkbox, picks a radio button or a select option. */
  async setSetting(name: SettingName, value: string | boolean): Promise<void> {
    await this.waitForSetting(name);
    const kind = await this.page.evaluate((n: string) => {
      const el = document.querySelector(`[name="${n}"]`);
      return el instanceof HTMLSelectElement ? 'select' : el instanceof HTMLInputElement ? el.type : 'other';
    }, name);
    if (kind === 'select') {
      await this.page.select(`select[name="${name}"]`, String(value));
    } else if (kind === 'checkbox') {
      if ((await this.getSetting(name)) !== value) await this.clickControl(`[name="${name}"]`);
    } else if (kind === 'radio') {
      await this.clickControl(`input[name="${name}"][value="${String(value)}"]`);
    } else {
      throw new Error(`Setting "${name}" is not a checkbox, radio group or select (${kind})`);
    }
    await poll(
      `setting ${name} to read ${String(value)}`,
      async () => (await this.getSetting(name)) === value,
      {
        timeout: 5_000,
      },
    );
  }

  /** Clicks a control; a visually hidden input is clicked through its label, as a user would. */
  private async clickControl(selector: string): Promise<void> {
    const handle = (await this.page.$(selector)) as ElementHandle<HTMLInputElement> | null;
    if (!handle) throw new Error(`No control ${selector} in the popup`);
    try {
      await handle.click();
    } catch {
      await handle.evaluate((el) => (el.labels?.[0] ?? el).click());
    }
  }

  /** Texts of the disabled-sites list items. */
  disabledSites(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('li'))
        .filter((li) => li.querySelector('button'))
        .map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
    );
  }
}
