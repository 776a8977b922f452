import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { timeReadability } from './in-page';
import { clickAndWait, type ClickMode } from './measure';
import { readabilitySource } from './readability';
import { startServer } from './server';
import { median, present } from './stats';

/**
 * `npm run bench:firefox -- [--only a,b]`: the part of the browser benchmark that Firefox allows. puppeteer
 * drives it over WebDriver BiDi, which has no tracing, CPU profiler or heap metrics, so only in-page timings
 * are taken: click → summary painted (cold, and after the pointer rested on the toggle) with the same probe as
 * in Chromium, and `Readability.parse` alone, which runs in the page's own world here (BiDi has no isolated
 * worlds puppeteer exposes). Each on a fresh load.
 */

const FIREFOX = '/usr/bin/firefox-esr';
const EXTENSION_DIR = path.resolve('.output/firefox-mv2');
const PAGES_DIR = path.resolve('../shared/corpus/readability-pages');
const VIEWPORT = { width: 1280, height: 800 };
const PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
};
/** The bar appears after idle time (at most 2 s after load), then asks the background for the settings. */
const BAR_TIMEOUT_MS = 4000;
const NAVIGATION_TIMEOUT_MS = 30_000;
const READABILITY_RUNS = 3;

interface Row {
  name: string;
  coldMs: number | null;
  hoverMs: number | null;
  readabilityMs: number | null;
  error?: string;
}

/** A fresh tab on `url` with the probe's store installed; null when no bar appears there. */
async function openWithBar(browser: Browser, url: string): Promise<Page | null> {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  await page.evaluateOnNewDocument('window.__ntrBench = { longTasks: [] };');
  await page.bringToFront();
  await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
  const shown = await page
    .waitForFunction(`document.querySelector('no-time-to-read')?.dataset.state === 'collapsed'`, {
      timeout: BAR_TIMEOUT_MS,
      polling: 50,
    })
    .then(() => true)
    .catch(() => false);
  if (shown) return page;
  await page.close();
  return null;
}

/** Click → painted on a fresh load, cold (a DOM click) or after the pointer rested on the toggle. */
async function toggleMs(browser: Browser, url: string, mode: ClickMode): Promise<number | null> {
  const page = await openWithBar(browser, url);
  if (!page) return null;
  try {
    const probe = await clickAndWait(page, mode);
    return probe && probe.state === 'expanded' ? probe.tEnd - probe.t0 : null;
  } finally {
    await page.close();
  }
}

/** `new Readability(document.cloneNode(true)).parse()` on a fresh load, median of the runs. */
async function readabilityMs(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: NAVIGATION_TIMEOUT_MS });
    await page.evaluate(`${readabilitySource}\n;globalThis.__ntrReadability = Readability; 0`);
    const runs = (await page.evaluate(timeReadability(READABILITY_RUNS))) as {
      clone: number;
      parse: number;
    }[];
    return median(runs.map((r) => r.clone + r.parse))!;
  } finally {
    await page.close();
  }
}

async function measure(browser: Browser, name: string, url: string): Promise<Row> {
  try {
    const coldMs = await toggleMs(browser, url, 'cold');
    if (coldMs === null) return { name, coldMs, hoverMs: null, readabilityMs: null };
    const hoverMs = await toggleMs(browser, url, 'hover');
    return { name, coldMs, hoverMs, readabilityMs: await readabilityMs(browser, url) };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { name, coldMs: null, hoverMs: null, readabilityMs: null, error: message };
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : [];
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No build in .output/firefox-mv2: run `npx wxt build -b firefox` first.');
  const all = readdirSync(PAGES_DIR).filter((n) => existsSync(path.join(PAGES_DIR, n, 'source.html')));
  const names = only.length ? all.filter((n) => only.includes(n)) : all;
  const server = await startServer(PAGES_DIR, names, new Map());
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: PREFS,
    args: [`--width=${VIEWPORT.width}`, `--height=${VIEWPORT.height}`],
  });
  const rows: Row[] = [];
  try {
    await browser.installExtension(EXTENSION_DIR);
    for (const [i, name] of names.entries()) {
      const row = await measure(browser, name, server.urlFor(name));
      rows.push(row);
      console.error(
        `[${i + 1}/${names.length}] ${name}: cold ${row.coldMs?.toFixed(0) ?? '-'} ${row.error ?? ''}`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const fmt = (v: number | null, d = 0): string => (v === null ? '–' : v.toFixed(d));
  const ratio = (ms: number | null, r: Row): number | null =>
    ms !== null && r.readabilityMs ? ms / r.readabilityMs : null;
  console.log(
    ['page', 'cold ms', 'after hover ms', 'Readability ms', 'ratio cold', 'ratio hover'].join('\t'),
  );
  for (const r of rows)
    console.log(
      [
        r.name,
        fmt(r.coldMs),
        fmt(r.hoverMs),
        fmt(r.readabilityMs, 1),
        fmt(ratio(r.coldMs, r), 2),
        fmt(ratio(r.hoverMs, r), 2),
        r.error ?? '',
      ].join('\t'),
    );
  const measured = rows.filter((r) => r.coldMs !== null);
  const m = (get: (r: Row) => number | null, d = 0): string => fmt(median(present(measured.map(get))), d);
  console.log(
    `\nMEDIAN over ${measured.length} pages with a bar: cold ${m((r) => r.coldMs)} ms, after hover ${m((r) => r.hoverMs)} ms, ` +
      `Readability alone ${m((r) => r.readabilityMs, 1)} ms, ratio cold ${m((r) => ratio(r.coldMs, r), 2)}×, ` +
      `after hover ${m((r) => ratio(r.hoverMs, r), 2)}×`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
