import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { BUILDS } from './paths';
import { Popup } from './popup';
import { assertBuilt, browserExecutable, type BrowserName } from './require';
import { poll } from './wait';

/**
 * Launches the built extension in a real headless browser and gives both browsers one small interface.
 *
 * Chromium: Debian's `chromium` over CDP (pipe), the MV3 build loaded with `enableExtensions`; the popup is
 * opened as the toolbar does, with `chrome.action.openPopup()` evaluated in the extension's service worker.
 * Firefox: `firefox-esr` over WebDriver BiDi, the Firefox build installed as a temporary add-on. Firefox has
 * no scriptable toolbar popup, so popup.html is opened in a tab with `?tab=<id>` naming the article's tab.
 */

/** Viewport of every page: also the size of the README screenshots. */
export const VIEWPORT = { width: 1000, height: 700 };

/** Fixture pages are local: a navigation that takes longer than this is stuck, not slow. */
const NAVIGATION_TIMEOUT_MS = 15_000;

/** The Firefox build's gecko id (wxt.config.ts) and a fixed moz-extension:// UUID for it, set by pref. */
const GECKO_ID = 'no-time-to-read@no-time-to-read.org';
const FIREFOX_UUID = '3c7e8f52-6b1d-4b8e-9a51-0e2f7d1c4a90';

/** Chromium flags for a quiet, offline, root-run headless browser. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  `--window-size=${VIEWPORT.width},${VIEWPORT.height}`,
  // Saved news pages reference third-party hosts: fail those requests at once instead of waiting on them.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/** Firefox prefs: a stable extension origin, storage kept when the temporary add-on goes, no network noise. */
const FIREFOX_PREFS: Record<string, unknown> = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
  'extensions.webextensions.keepStorageOnUninstall': true,
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};

/** How to launch a browser beyond the defaults. */
export interface LaunchOptions {
  /**
   * The browser's interface language (a `_locales` folder name such as 'ru' or 'ar'), which the extension's
   * i18n follows. Chromium: `--lang` and `LANGUAGE`; Firefox: `intl.locale.requested` (its language pack
   * must be installed, see `requireLocale`).
   */
  lang?: string;
  /** Firefox only: prefs set on top of the harness's own (e.g. `browser.ml.enable` for the trial.ml engine). */
  firefoxPrefs?: Record<string, unknown>;
}

/** An error a page threw (uncaught exception), with where it happened. */
export interface PageError {
  url: string;
  message: string;
}

/** A browser with the extension loaded. */
export interface ExtensionBrowser {
  readonly name: BrowserName;
  /** The puppeteer browser; replaced by `restart()`. */
  readonly browser: Browser;
  /** chrome-extension://<id> or moz-extension://<uuid> */
  readonly extensionOrigin: string;
  /** Uncaught exceptions of every page opened through `openPage`, in order. */
  readonly pageErrors: PageError[];
  /** console.error messages of those pages, for evidence when something fails. */
  readonly consoleErrors: PageError[];
  /**
   * Opens `url` in a new tab, waits for load (or `waitUntil`), and watches the page for errors, unless
   * `foreign` (pages whose own scripts are known to fail, such as saved news pages served offline).
   */
  openPage(
    url: string,
    options?: { waitUntil?: 'load' | 'domcontentloaded'; foreign?: boolean },
  ): Promise<Page>;
  /** Opens the extension's popup for the tab showing `page`. Closes any popup opened before. */
  openPopup(page: Page): Promise<Popup>;
  /** Closes the browser and starts it again with the same profile (and the extension). */
  restart(): Promise<void>;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Launches `name` with the built extension and a fresh profile (in `options.lang` if given). */
export async function launchBrowser(
  name: BrowserName,
  options: LaunchOptions = {},
): Promise<ExtensionBrowser> {
  assertBuilt(name);
  const executablePath = browserExecutable(name);
  if (!executablePath) throw new Error(`${name} is not installed`);
  const profileDir = await mkdtemp(join(tmpdir(), `nttr-e2e-${name}-`));
  return name === 'chromium'
    ? ChromiumExtensionBrowser.start(executablePath, profileDir, options)
    : FirefoxExtensionBrowser.start(executablePath, profileDir, options);
}

abstract class BaseExtensionBrowser implements ExtensionBrowser {
  abstract readonly name: BrowserName;
  abstract readonly extensionOrigin: string;
  readonly pageErrors: PageError[] = [];
  readonly consoleErrors: PageError[] = [];
  protected current: Browser | null = null;
  protected popup: Popup | null = null;

  constructor(
    protected readonly executablePath: string,
    protected readonly profileDir: string,
    protected readonly options: LaunchOptions = {},
  ) {}

  get browser(): Browser {
    if (!this.current) throw new Error(`${this.name} is not running`);
    return this.current;
  }

  protected abstract launch(): Promise<void>;
  abstract openPopup(page: Page): Promise<Popup>;

  /** Records a page's uncaught exceptions and console errors. */
  protected watch(page: Page): void {
    page.on('pageerror', (error: unknown) =>
      this.pageErrors.push({
        url: safeUrl(page),
        message: error instanceof Error ? error.message : String(error),
      }),
    );
    page.on('console', (message) => {
      if (message.type() === 'error')
        this.consoleErrors.push({ url: safeUrl(page), message: message.text() });
    });
  }

  async openPage(
    url: string,
    {
      waitUntil = 'load',
      foreign = false,
    }: { waitUntil?: 'load' | 'domcontentloaded'; foreign?: boolean } = {},
  ): Promise<Page> {
    const page = await this.browser.newPage();
    page.setDefaultNavigationTimeout(NAVIGATION_TIMEOUT_MS);
    page.setDefaultTimeout(NAVIGATION_TIMEOUT_MS);
    if (!foreign) this.watch(page);
    await page.setViewport(VIEWPORT).catch(() => undefined);
    // Chromium headless does not deliver mouse input to a tab that is not in front: the click never returns.
    await page.bringToFront();
    await page.goto(url, { waitUntil });
    return page;
  }

  protected async closePopup(): Promise<void> {
    const old = this.popup;
    this.popup = null;
    if (old && !old.page.isClosed()) await old.page.close().catch(() => undefined);
  }

  async restart(): Promise<void> {
    await this.closePopup();
    await this.current?.close();
    this.current = null;
    await this.launch();
  }

  async close(): Promise<void> {
    await this.closePopup();
    await this.current?.close().catch(() => undefined);
    this.current = null;
    await rm(this.profileDir, { recursive: true, force: true });
  }
}

class ChromiumExtensionBrowser extends BaseExtensionBrowser {
  readonly name = 'chromium' as const;
  extensionOrigin = '';

  static async start(
    executablePath: string,
    profileDir: string,
    options: LaunchOptions,
  ): Promise<ChromiumExtensionBrowser> {
    const instance = new ChromiumExtensionBrowser(executablePath, profileDir, options);
    await instance.launch();
    return instance;
  }

  protected async launch(): Promise<void> {
    const { lang } = this.options;
    this.current = await puppeteer.launch({
      browser: 'chrome',
      executablePath: this.executablePath,
      headless: true,
      pipe: true,
      enableExtensions: [BUILDS.chromium],
      userDataDir: this.profileDir,
      defaultViewport: VIEWPORT,
      args: lang ? [...CHROMIUM_ARGS, `--lang=${lang}`] : CHROMIUM_ARGS,
      // On Linux Chromium also reads the language from the environment.
      ...(lang ? { env: { ...process.env, LANGUAGE: lang } } : {}),
    });
    const worker = await this.serviceWorker();
    // URL.origin is "null" for non-special schemes such as chrome-extension:, so build it from the host.
    this.extensionOrigin = `chrome-extension://${new URL(worker.url()).host}`;
  }

  /** The extension's service worker (waking it is Chromium's job; we wait for its target). */
  async serviceWorker(): Promise<WebWorker> {
    const target = await this.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const worker = await target.worker();
    if (!worker) throw new Error('The extension service worker has no worker handle');
    return worker;
  }

  async openPopup(page: Page): Promise<Popup> {
    await this.closePopup();
    await page.bringToFront();
    const worker = await this.serviceWorker();
    const opened = this.browser.waitForTarget(
      (t) => t.url().startsWith(`${this.extensionOrigin}/popup.html`),
      {
        timeout: 10_000,
      },
    );
    await worker.evaluate('chrome.action.openPopup()');
    const target = await opened;
    const popupPage = await target.asPage();
    this.watch(popupPage);
    this.popup = new Popup(popupPage);
    return this.popup;
  }
}

/** puppeteer's BiDi frame keeps its WebDriver BiDi browsing context here (internal, but stable across 2x). */
interface BidiFrameInternals {
  browsingContext?: { navigate(url: string, wait?: 'none' | 'interactive' | 'complete'): Promise<unknown> };
}

class FirefoxExtensionBrowser extends BaseExtensionBrowser {
  readonly name = 'firefox' as const;
  readonly extensionOrigin = `moz-extension://${FIREFOX_UUID}`;

  static async start(
    executablePath: string,
    profileDir: string,
    options: LaunchOptions,
  ): Promise<FirefoxExtensionBrowser> {
    const instance = new FirefoxExtensionBrowser(executablePath, profileDir, options);
    await instance.launch();
    return instance;
  }

  protected async launch(): Promise<void> {
    const { lang, firefoxPrefs = {} } = this.options;
    const langPrefs = lang ? { 'intl.locale.requested': lang, 'intl.accept_languages': lang } : {};
    this.current = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath: this.executablePath,
      headless: true,
      userDataDir: this.profileDir,
      defaultViewport: VIEWPORT,
      extraPrefsFirefox: { ...FIREFOX_PREFS, ...langPrefs, ...firefoxPrefs },
      // WebDriver BiDi refuses to navigate to moz-extension:// pages unless system access is allowed.
      args: ['--remote-allow-system-access', `--width=${VIEWPORT.width}`, `--height=${VIEWPORT.height}`],
    });
    // A temporary add-on: installed at every launch; its storage survives thanks to keepStorageOnUninstall.
    await this.browser.installExtension(BUILDS.firefox);
  }

  /**
   * Navigates a tab to an extension page. puppeteer's `goto` never sees the load of a moz-extension://
   * page (it moves to the extension process), so navigate without waiting and poll the document instead.
   */
  async gotoExtensionPage(page: Page, url: string): Promise<void> {
    const context = (page.mainFrame() as unknown as BidiFrameInternals).browsingContext;
    if (context) await context.navigate(url, 'none');
    else void page.goto(url, { timeout: 5_000 }).catch(() => undefined);
    await poll(
      `${url} to load`,
      () =>
        page
          .evaluate(() => `${location.href} ${document.readyState}`)
          .then((s) => s === `${url} complete`)
          .catch(() => false),
      { timeout: 10_000 },
    );
  }

  async openPopup(page: Page): Promise<Popup> {
    await this.closePopup();
    const popupPage = await this.browser.newPage();
    this.watch(popupPage);
    // Find the article tab's id from an extension page while the article is the active tab.
    await page.bringToFront();
    await this.gotoExtensionPage(popupPage, `${this.extensionOrigin}/popup.html`);
    const tabId = await popupPage.evaluate(async () => {
      type TabsApi = { tabs: { query(q: object): Promise<Array<{ id?: number }>> } };
      const api = (globalThis as unknown as { browser: TabsApi }).browser;
      const [tab] = await api.tabs.query({ active: true, currentWindow: true });
      return tab?.id ?? null;
    });
    if (tabId === null) throw new Error('Could not find the article tab id');
    await this.gotoExtensionPage(popupPage, `${this.extensionOrigin}/popup.html?tab=${tabId}`);
    // A toolbar popup has the focus; so does this tab (input is only delivered to the tab in front).
    await popupPage.bringToFront();
    this.popup = new Popup(popupPage);
    return this.popup;
  }
}

function safeUrl(page: Page): string {
  try {
    return page.url();
  } catch {
    return '?';
  }
}
