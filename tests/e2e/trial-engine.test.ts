import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { Panel, blocking, describeViolations, poll, runAxe, useExtension, type Popup } from './harness';

/**
 * Issue 18, end to end: Firefox's on-device AI (`browser.trial.ml`) in the popup and the panel, in firefox-esr.
 *
 * What is true there (Firefox 153 ESR): Firefox knows the optional permission `trialML`, so the engine is
 * offered; `browser.trial` is absent until the permission is granted and appears at once after, in the same
 * page; the prefs `browser.ml.enable` and `extensions.ml.enabled` are off by default, and then every call
 * rejects with "Trial ML API is disabled…". Permission prompts are turned off by pref so the permission the
 * popup asks for is granted; it is asked during a real key press on the engine list, as a user would choose.
 * Nothing is downloaded: with the prefs on, the popup only offers the download.
 */

/** Grants optional permissions without a prompt (headless Firefox has no one to answer it). */
const NO_PROMPTS = { 'extensions.webextOptionalPermissionPrompts': false };

/** Whether the popup's page has `browser.trial.ml`. */
function hasTrialApi(popup: Popup): Promise<boolean> {
  return popup.page.evaluate(() => {
    const api = globalThis as { browser?: { trial?: { ml?: unknown } } };
    return typeof api.browser?.trial?.ml === 'object';
  });
}

/** The values of the engine list's options. */
function engineOptions(popup: Popup): Promise<string[]> {
  return popup.page.$$eval('select[name="engine"] option', (options) =>
    options.map((option) => (option as HTMLOptionElement).value),
  );
}

/** Chooses Firefox's on-device AI with the keyboard, the list starting on the on-device summary. */
async function chooseTrialByKeyboard(popup: Popup): Promise<void> {
  await popup.page.waitForSelector('select[name="engine"] option[value="trial"]');
  const options = await engineOptions(popup);
  await popup.page.focus('select[name="engine"]');
  for (let i = options.indexOf('extractive'); i < options.indexOf('trial'); i++)
    await popup.page.keyboard.press('ArrowDown');
  await poll('the engine to be Firefox on-device AI', () =>
    popup.page.$eval('select[name="engine"]', (el) => (el as HTMLSelectElement).value === 'trial'),
  );
}

describe('firefox (prefs off, as outside Nightly): Firefox on-device AI', () => {
  const e2e = useExtension('firefox', { firefoxPrefs: NO_PROMPTS });
  let page: Page;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it('is offered, asks for its permission in the choice itself, then says how to turn it on', async () => {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    await new Panel(page).waitForState('collapsed');
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    expect(await engineOptions(popup)).toEqual(['extractive', 'trial', 'openai']);
    expect(await hasTrialApi(popup)).toBe(false);

    await chooseTrialByKeyboard(popup);
    const text = await popup.waitForText('turned off');
    expect(text).toContain('browser.ml.enable');
    expect(text).toContain('extensions.ml.enabled');
    expect(text).toContain('about:config');
    expect(await hasTrialApi(popup)).toBe(true);
    expect(await popup.page.$('#download-model')).toBeNull();
    const violations = blocking(await runAxe(popup.page));
    expect(violations, describeViolations(violations)).toEqual([]);

    // Opened again, the popup remembers the choice and still explains.
    const again = await e2e.ext.openPopup(page);
    await again.waitForText('turned off');
    expect(await again.page.$eval('select[name="engine"]', (el) => (el as HTMLSelectElement).value)).toBe(
      'trial',
    );
  });

  it('in the panel, explains it is off and gives the on-device summary in one click', async () => {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await panel.clickToggle();
    const failed = await panel.waitForState('error', 20_000);
    expect(failed.text).toMatch(/turned off/);
    expect(failed.text).toMatch(/about:config/);

    await panel.clickSecondary();
    const onDevice = await panel.waitForState('expanded', 20_000);
    expect(onDevice.points.length).toBeGreaterThanOrEqual(3);
  });
});

describe('firefox (prefs on): Firefox on-device AI', () => {
  const e2e = useExtension('firefox', {
    firefoxPrefs: { ...NO_PROMPTS, 'browser.ml.enable': true, 'extensions.ml.enabled': true },
  });

  it('offers to download the model once allowed, without downloading anything by itself', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    await new Panel(page).waitForState('collapsed');
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await chooseTrialByKeyboard(popup);
    await popup.page.waitForSelector('#download-model', { timeout: 10_000 });
    const text = await popup.text();
    expect(text).toMatch(/a few hundred MB/);
    expect(text).not.toContain('turned off');
    const violations = blocking(await runAxe(popup.page));
    expect(violations, describeViolations(violations)).toEqual([]);
  });
});

describe('chromium: no browser.trial', () => {
  const e2e = useExtension('chromium');

  it('does not offer Firefox on-device AI', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.page.waitForSelector('select[name="engine"]');
    expect(await engineOptions(popup)).not.toContain('trial');
    expect(await hasTrialApi(popup)).toBe(false);
  });
});
