import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  closePage,
  launchBench,
  load,
  metrics,
  openPage,
  settleWithExtension,
  settleWithout,
  type Bench,
} from './browser';
import { startServer } from './server';
import { median, present } from './stats';

/**
 * `npm run bench:floor`: what any content script costs at page load, next to ours. The same build is loaded
 * four times with a different always-on script: an empty one; one that only registers a message listener (the
 * least a script must do to answer the popup: it starts the browser's extension bindings in the page); one that
 * also reads the page once in idle time (the least a script must do to notice an article: its first DOM call
 * sets up the page's DOM for the extension's isolated world); and the real one. Each page is loaded alternately without and with the extension; the cost is the difference in
 * Chromium's ScriptDuration (uninstrumented: no tracing or profiler), median over the runs.
 */

const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
const PAGES_DIR = path.resolve('../shared/corpus/readability-pages');
const CONTENT_SCRIPT = 'content-scripts/content.js';
/** Two pages that are not articles (no bar) and four articles of different sizes. */
const DEFAULT_PAGES = ['base-url', 'basic-tags-cleaning', 'aclu', 'guardian-1', 'wikipedia', 'yahoo-2'];
const DEFAULT_RUNS = 5;

/** The always-on scripts compared, by name; null keeps the built one. */
const VARIANTS: [string, string | null][] = [
  ['empty script', ''],
  ['one message listener', 'chrome.runtime.onMessage.addListener(() => undefined);'],
  [
    'listener + one DOM read when idle',
    'chrome.runtime.onMessage.addListener(() => undefined);\n' +
      "requestIdleCallback(() => document.body.getElementsByTagName('p').length);",
  ],
  ['No Time to Read', null],
];

/** ScriptDuration of one fresh load, ms. */
async function scriptMs(bench: Bench, url: string, withExtension: boolean): Promise<number> {
  const bp = await openPage(withExtension ? bench.withExtension : bench.without);
  try {
    // The extension's welcome tab may have taken the front: rendering, and so idle callbacks, need it.
    await bp.page.bringToFront();
    await load(bp, url);
    await (withExtension ? settleWithExtension(bp) : settleWithout(bp));
    return ((await metrics(bp.cdp)).ScriptDuration ?? 0) * 1000;
  } finally {
    await closePage(bp);
  }
}

/** Median added script time per page for one build. */
async function measureVariant(dir: string, urls: readonly string[], runs: number): Promise<number[]> {
  const bench = await launchBench(dir);
  try {
    const added: number[] = [];
    for (const url of urls) {
      const without: number[] = [];
      const withExt: number[] = [];
      for (let i = 0; i < runs; i++) {
        without.push(await scriptMs(bench, url, false));
        withExt.push(await scriptMs(bench, url, true));
      }
      added.push(median(withExt)! - median(without)!);
    }
    return added;
  } finally {
    await bench.browser.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Math.max(1, Number.parseInt(args[runsFlag + 1] ?? '', 10) || 1) : DEFAULT_RUNS;
  const pages = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs');
  const names = pages.length ? pages : DEFAULT_PAGES;
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No build in .output/chrome-mv3: run `npx wxt build` first.');
  const server = await startServer(PAGES_DIR, names, new Map());
  const urls = names.map((name) => server.urlFor(name));
  const rows: string[][] = [];
  try {
    for (const [label, script] of VARIANTS) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ntr-floor-'));
      try {
        cpSync(EXTENSION_DIR, dir, { recursive: true });
        if (script !== null) writeFileSync(path.join(dir, CONTENT_SCRIPT), script);
        const added = await measureVariant(dir, urls, runs);
        rows.push([label, ...added.map((ms) => ms.toFixed(1)), median(present(added))!.toFixed(1)]);
        console.error(`${label}: done`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await server.close();
  }
  const head = ['always-on script', ...names, 'median'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [head, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
  console.log(
    `\nScript time added at load (ms): ScriptDuration with the extension minus without, median of ${runs} runs each.`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
