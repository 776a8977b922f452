import type { Page } from 'puppeteer-core';
import { launchBrowser } from '../../tests/e2e/harness/browsers';
import type { BrowserName } from '../../tests/e2e/harness/require';
import { clickAndWait } from '../browser/measure';
import { PANEL_STATE, PANEL_TAG } from '../browser/in-page';
import type { RealPage } from '../realPages';

/** One page in one browser: did the bar show, and what did a click on it give? */
export interface PageRun {
  id: string;
  set: RealPage['set'];
  kind: RealPage['kind'];
  bar: boolean;
  /**
   * After a click: the summary, a message, nothing within the probe's timeout (stuck), or the bar gone with
   * the page's own document (some saved pages replace themselves, or navigate to their live site, when their
   * scripts fail to load offline). A page without the bar that did so is 'gone' too.
   */
  click: 'expanded' | 'error' | 'stuck' | 'gone' | null;
  /** Click → summary painted, when it painted. */
  clickMs: number | null;
  points: string[];
  /** The panel's text when it shows a message instead of points. */
  message: string | null;
  /**
   * The page's load event never came. Offline, a page's own scripts can keep it loading for ever (an image whose
   * error handler loads another image the offline policy refuses, again and again); Firefox runs content scripts
   * at document_idle only after load, so such a page gets no bar there, while Chromium runs them at idle time.
   */
  neverLoaded: boolean;
  /** Why the page could not be measured (navigation failed…), if it could not. */
  failure?: string;
}

/** The bar appears after idle time (at most 2 s after load), then asks the background for the settings. */
const BAR_TIMEOUT_MS = 5000;
const POLL_MS = 50;
/** Saved pages load from this machine; their third-party resources are refused at once (see the server). */
const NAVIGATION_TIMEOUT_MS = 20_000;

/** The points and any message the panel shows, read through its shadow root. */
const READ_PANEL = `(() => {
  const root = document.querySelector('${PANEL_TAG}')?.shadowRoot;
  const norm = (s) => (s || '').replace(/\\s+/g, ' ').trim();
  const points = root ? Array.from(root.querySelectorAll('[data-point]'), (p) => norm(p.textContent)) : [];
  const body = root && root.querySelector('p.error, p.note');
  return { points, message: body ? norm(body.textContent) : null };
})()`;

/** Whether the page has no body with text any more (it replaced its own document). */
const PAGE_REPLACED = `!document.body || !document.body.innerText.trim()`;

/**
 * Whether the page is gone: it went to another site (its live one, an error page here) or has no body with text any
 * more, as some saved pages do when their scripts fail offline.
 */
async function pageGone(page: Page, url: string): Promise<boolean> {
  if (new URL(page.url()).origin !== new URL(url).origin) return true;
  return (await page.evaluate(PAGE_REPLACED)) as boolean;
}

async function waitForBar(page: Page): Promise<boolean> {
  const deadline = Date.now() + BAR_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if ((await page.evaluate(PANEL_STATE)) === 'collapsed') return true;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  return false;
}

/** A page's run before anything is known of it. */
function emptyRun(real: RealPage): PageRun {
  return {
    id: real.id,
    set: real.set,
    kind: real.kind,
    bar: false,
    click: null,
    clickMs: null,
    points: [],
    message: null,
    neverLoaded: false,
  };
}

async function runPage(page: Page, url: string, real: RealPage): Promise<PageRun> {
  const run = emptyRun(real);
  // A page whose load event never comes still gets its bar at idle time in Chromium (see `neverLoaded`).
  await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS }).catch(() => {
    run.neverLoaded = true;
  });
  run.bar = await waitForBar(page);
  if (!run.bar) {
    // Some saved pages replace their own document, or go to their live site (an error page here), when their
    // scripts cannot load offline: nothing to detect.
    if (await pageGone(page, url)) run.click = 'gone';
    return run;
  }
  // Some pages' own scripts re-render the part that holds the bar once after load; the bar comes back (see
  // lib/page/always-on.ts) and the click is tried once more on it.
  const probe = await clickAndWait(page, 'cold').catch(async () =>
    (await waitForBar(page)) ? clickAndWait(page, 'cold') : null,
  );
  if (!probe) {
    run.click = (await page.evaluate(PANEL_STATE)) === null ? 'gone' : 'stuck';
    return run;
  }
  run.click = probe.state === 'expanded' ? 'expanded' : 'error';
  run.clickMs = probe.tEnd - probe.t0;
  if ((await page.evaluate(PANEL_STATE)) === null) {
    run.click = 'gone';
    return run;
  }
  const panel = (await page.evaluate(READ_PANEL)) as { points: string[]; message: string | null };
  // A page that is leaving as the panel is read (blank, then an error page) shows neither points nor a message.
  if (!panel.points.length && !panel.message && (await pageGone(page, url))) {
    run.click = 'gone';
    return run;
  }
  run.points = panel.points;
  run.message = run.click === 'error' || panel.points.length === 0 ? panel.message : null;
  return run;
}

/** Loads every page in `name` with the built extension and clicks the bar where it shows. */
export async function runBrowser(
  name: BrowserName,
  pages: readonly RealPage[],
  urlOf: (page: RealPage) => string,
  progress: (line: string) => void,
): Promise<PageRun[]> {
  const ext = await launchBrowser(name);
  const runs: PageRun[] = [];
  try {
    for (const [i, real] of pages.entries()) {
      // A fresh tab per page: no state of one page's scripts carries into the next.
      const page = await ext.openPage('about:blank', { foreign: true });
      await page.evaluateOnNewDocument('window.__ntrBench = { longTasks: [] };');
      const run = await runPage(page, urlOf(real), real).catch((error: unknown): PageRun => ({
        ...emptyRun(real),
        failure: error instanceof Error ? error.message.split('\n')[0] : String(error),
      }));
      await page.close().catch(() => undefined);
      runs.push(run);
      progress(
        `${name} [${i + 1}/${pages.length}] ${real.id}: ${run.bar ? `bar, ${run.click} ${run.clickMs?.toFixed(0) ?? ''}` : 'no bar'}${run.failure ? ` (${run.failure})` : ''}`,
      );
    }
  } finally {
    await ext.close();
  }
  return runs;
}
