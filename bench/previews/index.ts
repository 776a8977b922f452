/**
 * `npm run bench:previews -- [--browser chromium|firefox] [--previews N]`
 *
 * Link previews as a reader gets them, in the built extension loaded into Chromium and Firefox: a front page
 * served from 127.0.0.1 links to every saved article of ../shared/corpus/real-pages-dev (each served at its
 * original path). For each link the pointer moves over it and Shift+Alt is pressed (puppeteer's trusted input);
 * the time is from the key's event (`event.timeStamp`) to the frame after the card's `data-state` turns `ready`
 * (or another settled state), measured in the page. The first look at each link is cold (fetched and read); the
 * links are then gone through again until N previews (default 100) are done, which pushes every link out of the
 * reader's 30-entry cache, then the last 10 links are looked at again (cache hits). Chromium: the reader's (offscreen document's) JS heap after a full
 * garbage collection at 30, 60 and N previews. A benchmark, not a test: it prints and exits 0 unless it cannot run.
 */
import type { CDPSession, Page } from 'puppeteer-core';
import { launchBrowser, type ExtensionBrowser } from '../../tests/e2e/harness/browsers';
import { browserExecutable, type BrowserName } from '../../tests/e2e/harness/require';
import { OFFLINE_POLICY, startServer, type FixtureServer } from '../../tests/e2e/harness/server';
import { hasRealPages, readRealPages } from '../realPages';

const USAGE = 'npm run bench:previews -- [--browser chromium|firefox] [--previews N]';
/** A card still loading after this is counted as stuck (the fetch deadline is 8 s). */
const SETTLE_TIMEOUT_MS = 10_000;
const DEFAULT_PREVIEWS = 100;
/** Heap is read when the reader's cache has just filled, then twice more. */
const HEAP_AT = [30, 60];
/** Looks again at the last links previewed, which the reader's cache holds. */
const CACHE_HITS = 10;

interface Options {
  browsers: BrowserName[];
  previews: number;
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { browsers: ['chromium', 'firefox'], previews: DEFAULT_PREVIEWS };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1] ?? ''];
    if (flag === '--browser') options.browsers = [value as BrowserName];
    else if (flag === '--previews') options.previews = Number(value);
    else throw new Error(`Unknown option ${flag}. Usage: ${USAGE}`);
  }
  return options;
}

/** Installed in the page: the time from Shift+Alt to the frame after the card settles, per preview. */
const PROBE = `(() => {
  window.__previewRuns = [];
  let start = null;
  addEventListener('keydown', (e) => { if (e.key === 'Alt' && e.shiftKey) start = e.timeStamp; }, true);
  new MutationObserver((records) => {
    for (const r of records) {
      const state = r.target.getAttribute && r.target.getAttribute('data-state');
      if (r.target.localName !== 'no-time-to-read-preview' || !state || state === 'loading' || start === null) continue;
      const t0 = start;
      start = null;
      requestAnimationFrame(() => setTimeout(() => window.__previewRuns.push({ state, ms: performance.now() - t0 })));
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-state'], subtree: true });
})()`;

interface Run {
  state: string;
  ms: number;
}

function frontPage(server: FixtureServer): { url: string; count: number } {
  const taken = new Set<string>();
  const links: string[] = [];
  for (const page of readRealPages(REAL_PAGES_ROOT).filter((p) => p.kind === 'article')) {
    let path = page.url ? new URL(page.url).pathname : `/${page.id}/`;
    if (taken.has(path)) path = `/${page.id}${path}`;
    taken.add(path);
    const url = server.route(path, {
      body: page.html(),
      headers: { 'content-security-policy': OFFLINE_POLICY },
    });
    links.push(`<li><a id="l${links.length}" href="${url}">${page.id}</a></li>`);
  }
  const body = `<!doctype html><html lang="en"><title>Links</title><ul>${links.join('')}</ul></html>`;
  return { url: server.route('/front/', { body }), count: links.length };
}

const REAL_PAGES_ROOT = '../shared/corpus';

async function previewOnce(page: Page, index: number, done: number): Promise<Run | null> {
  await page.keyboard.press('Escape');
  const box = await page.evaluate((i) => {
    const link = document.getElementById(`l${i}`)!;
    link.scrollIntoView({ block: 'center' });
    const r = link.getBoundingClientRect();
    return { x: r.left + 3, y: r.top + r.height / 2 };
  }, index);
  // Every link is scrolled to the same place: leave it and come back, so the pointer really moves onto the link
  // (a pointer that stays still while the page scrolls under it gets its hover late, in Firefox).
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x, box.y);
  await page.keyboard.down('Shift');
  await page.keyboard.down('Alt');
  await page.keyboard.up('Alt');
  await page.keyboard.up('Shift');
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const runs = (await page.evaluate('window.__previewRuns.length')) as number;
    if (runs > done) return (await page.evaluate(`window.__previewRuns[${done}]`)) as Run;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return null;
}

async function readerHeap(
  ext: ExtensionBrowser,
  session: { cdp: CDPSession | null },
): Promise<number | null> {
  if (ext.name !== 'chromium') return null;
  if (!session.cdp) {
    const target = ext.browser.targets().find((t) => t.url().endsWith('/reader.html'));
    if (!target) return null;
    session.cdp = await target.createCDPSession();
    await session.cdp.send('Performance.enable');
  }
  await session.cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await session.cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
}

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

async function runBrowser(name: BrowserName, options: Options): Promise<void> {
  const server = await startServer();
  const ext = await launchBrowser(name);
  try {
    const front = frontPage(server);
    const page = await ext.openPage(front.url);
    await page.evaluate(PROBE);
    const cold: Run[] = [];
    const warm: Run[] = [];
    const heaps: string[] = [];
    const session = { cdp: null as CDPSession | null };
    let stuck = 0;
    const stuckIds: string[] = [];
    let done = 0;
    for (let n = 0; n < options.previews; n++) {
      const index = n % front.count;
      const run = await previewOnce(page, index, done);
      if (!run) {
        stuck++;
        stuckIds.push(await page.evaluate((i) => document.getElementById(`l${i}`)!.textContent ?? '', index));
        // The probe may still record this one late: resynchronise on what it holds.
        done = (await page.evaluate('window.__previewRuns.length')) as number;
        continue;
      }
      done++;
      (n < front.count ? cold : warm).push(run);
      if (HEAP_AT.includes(n + 1) || n + 1 === options.previews) {
        const heap = await readerHeap(ext, session);
        heaps.push(`${n + 1}: ${heap === null ? 'n/a' : `${(heap / 1e6).toFixed(1)} MB`}`);
      }
    }
    // The links previewed last are in the reader's cache: a look at them again paints from memory.
    const hits: Run[] = [];
    for (let n = options.previews - CACHE_HITS; n < options.previews; n++) {
      const run = await previewOnce(page, n % front.count, done);
      if (!run) continue;
      hits.push(run);
      done++;
    }
    const states = new Map<string, number>();
    for (const run of [...cold, ...warm]) states.set(run.state, (states.get(run.state) ?? 0) + 1);
    const ready = cold
      .filter((r) => r.state === 'ready')
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    const all = cold.map((r) => r.ms).sort((a, b) => a - b);
    const warmReady = warm
      .filter((r) => r.state === 'ready')
      .map((r) => r.ms)
      .sort((a, b) => a - b);
    console.log(`\n## ${name}: ${options.previews} previews of ${front.count} real-pages-dev links`);
    console.log(
      `- states: ${[...states].map(([s, c]) => `${s} ${c}`).join(', ')}; stuck (no answer in 10 s): ${stuck}`,
    );
    console.log(
      `- cold (first look), points painted: n=${ready.length}, median ${quantile(ready, 0.5).toFixed(0)} ms, p95 ${quantile(ready, 0.95).toFixed(0)} ms, max ${quantile(ready, 1).toFixed(0)} ms`,
    );
    console.log(
      `- cold, any settled state: n=${all.length}, median ${quantile(all, 0.5).toFixed(0)} ms, p95 ${quantile(all, 0.95).toFixed(0)} ms`,
    );
    console.log(
      `- second looks at the first links, which have left the 30-entry cache (fetched again), ready: n=${warmReady.length}, median ${quantile(warmReady, 0.5).toFixed(0)} ms, p95 ${quantile(warmReady, 0.95).toFixed(0)} ms`,
    );
    const hitMs = hits.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `- cache hits (the last ${CACHE_HITS} links again): n=${hitMs.length}, median ${quantile(hitMs, 0.5).toFixed(0)} ms, p95 ${quantile(hitMs, 0.95).toFixed(0)} ms`,
    );
    if (stuckIds.length) console.log(`- stuck links: ${stuckIds.join(', ')}`);
    console.log(
      `- reader JS heap after GC, by previews done: ${name === 'chromium' ? heaps.join('; ') : 'not measurable over WebDriver BiDi (no CDP)'}`,
    );
    await session.cdp?.detach().catch(() => undefined);
  } finally {
    await ext.close();
    await server.close();
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!hasRealPages(REAL_PAGES_ROOT)) throw new Error(`No saved pages in ${REAL_PAGES_ROOT}/real-pages-dev`);
  for (const name of options.browsers) {
    if (!browserExecutable(name)) throw new Error(`${name} is not installed`);
    await runBrowser(name, options);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
