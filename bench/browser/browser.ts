import puppeteer, {
  type Browser,
  type BrowserContext,
  type CDPSession,
  type Page,
  type Target,
} from 'puppeteer-core';
import { AFTER_IDLE, LONG_TASK_RECORDER, PANEL_STATE } from './in-page';

/** Debian's Chromium; puppeteer-core brings no browser of its own. */
const CHROMIUM = '/usr/bin/chromium';
/**
 * Quiet, offline Chromium. The saved pages reference hundreds of third-party URLs: resolving every host to
 * "not found" (except the local server) makes them fail at once instead of waiting for network timeouts.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
/** The viewport of a small laptop, so the bar and the page lay out as users see them. */
const VIEWPORT = { width: 1280, height: 800 };
/** The content script runs at document_idle, at the latest just after the load event. */
const INJECT_TIMEOUT_MS = 3000;
/** After idle time, how long the always-on script gets to ask the background and start importing the panel. */
const PANEL_DECISION_MS = 500;
/** How long an article page may take to mount the bar once the panel script is requested. */
const MOUNT_TIMEOUT_MS = 5000;
/** Saved pages load from memory; anything slower than this is stuck on something and is measured as is. */
const NAVIGATION_TIMEOUT_MS = 30_000;
const POLL_MS = 10;

/** One browser with the extension, plus a context where it does not run (the A of the A/B comparisons). */
export interface Bench {
  browser: Browser;
  withExtension: BrowserContext;
  /** A separate (incognito-like) context: extensions are not enabled there. */
  without: BrowserContext;
}

/** Launches Chromium with the built extension. */
export async function launchBench(extensionDir: string): Promise<Bench> {
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    pipe: true,
    enableExtensions: [extensionDir],
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    browser,
    withExtension: browser.defaultBrowserContext(),
    without: await browser.createBrowserContext(),
  };
}

/** A fresh tab with a CDP session and what the bench watches for during its load. */
export interface BenchPage {
  page: Page;
  cdp: CDPSession;
  /**
   * Resolves when an extension's isolated world is created (its content script is about to run). Its
   * origin is chrome-extension://<id>; the name is the manifest's, which may be a __MSG_…__ placeholder.
   * The content script is declared for the top frame only, so no frame check is needed.
   */
  injected: Promise<void>;
  /** Whether the page requested the panel script (chrome-extension://…/content-scripts/panel.js). */
  panelRequested(): boolean;
}

/** Opens a tab, with the long-task recorder installed before any page script and metrics enabled. */
export async function openPage(context: BrowserContext): Promise<BenchPage> {
  const page = await context.newPage();
  await page.setViewport(VIEWPORT);
  const cdp = await page.createCDPSession();
  let panelRequested = false;
  const injected = new Promise<void>((resolve) => {
    cdp.on('Runtime.executionContextCreated', ({ context: ctx }) => {
      if (ctx.origin.startsWith('chrome-extension://')) resolve();
    });
  });
  cdp.on('Network.requestWillBeSent', ({ request }) => {
    if (request.url.startsWith('chrome-extension://') && request.url.endsWith('/panel.js'))
      panelRequested = true;
  });
  await Promise.all([cdp.send('Runtime.enable'), cdp.send('Network.enable'), cdp.send('Performance.enable')]);
  await page.evaluateOnNewDocument(LONG_TASK_RECORDER);
  return { page, cdp, injected, panelRequested: () => panelRequested };
}

/** Loads a URL and waits for its load event. */
export async function load(bp: BenchPage, url: string): Promise<void> {
  await bp.page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
}

/** Waits `ms` milliseconds. */
export const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** What the extension did while the page loaded. */
export interface Settled {
  injected: boolean;
  panelLoaded: boolean;
  /** The bar's data-state, or null when it was not mounted (no article detected). */
  state: string | null;
}

/**
 * Waits until the extension has finished its load-time work: content script injected, its idle callback run,
 * and, on article pages, the panel script imported and the collapsed bar mounted.
 */
export async function settleWithExtension(bp: BenchPage): Promise<Settled> {
  const injected = await Promise.race([
    bp.injected.then(() => true),
    delay(INJECT_TIMEOUT_MS).then(() => false),
  ]);
  await bp.page.evaluate(AFTER_IDLE);
  for (let waited = 0; waited < PANEL_DECISION_MS && !bp.panelRequested(); waited += POLL_MS)
    await delay(POLL_MS);
  if (bp.panelRequested()) {
    await bp.page
      .waitForFunction(`(${PANEL_STATE}) !== null`, { timeout: MOUNT_TIMEOUT_MS, polling: POLL_MS })
      .catch(() => undefined);
    await bp.page.evaluate(AFTER_IDLE);
  }
  const state = (await bp.page.evaluate(PANEL_STATE)) as string | null;
  return { injected, panelLoaded: bp.panelRequested(), state };
}

/** The baseline's equivalent wait: the same idle callback and frames, with no extension to wait for. */
export async function settleWithout(bp: BenchPage): Promise<void> {
  await bp.page.evaluate(AFTER_IDLE);
}

const READER_PAGE = '/reader.html';

/**
 * Closes the extension's offscreen reader, as five minutes without summaries do, and waits until it is gone: the
 * next article page opens it again when its bar appears, as the first article after a pause does.
 */
export async function closeReader(bench: Bench): Promise<void> {
  const isReader = (t: Target) => t.url().startsWith('chrome-extension://') && t.url().endsWith(READER_PAGE);
  const worker = await bench.browser
    .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'))
    .then((t) => t.worker());
  if (!worker) throw new Error("The extension's service worker is not running");
  await worker.evaluate('chrome.offscreen.closeDocument().catch(() => {})');
  for (let waited = 0; bench.browser.targets().some(isReader); waited += POLL_MS) {
    if (waited > MOUNT_TIMEOUT_MS) throw new Error('The reader did not close');
    await delay(POLL_MS);
  }
}

/** JS heap in use after a full garbage collection, in bytes (the page's V8 isolate, all worlds). */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  return (await metrics(cdp)).JSHeapUsedSize ?? 0;
}

/** Chromium's per-page counters (Performance.getMetrics), by name. */
export async function metrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((m) => [m.name, m.value]));
}

/** Closes a tab, ignoring a page that already crashed or closed. */
export async function closePage(bp: BenchPage): Promise<void> {
  await bp.page.close().catch(() => undefined);
}
