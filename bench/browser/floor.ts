import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ALWAYS_ON_SCRIPT, inPackage } from '../../lib/built-scripts';
import {
  closePage,
  delay,
  launchBench,
  load,
  metrics,
  openPage,
  settleWithExtension,
  settleWithout,
  type Bench,
} from './browser';
import { startServer } from './server';
import { median, present, quantile } from './stats';

/**
 * `npm run bench:floor`: what any content script costs at page load, next to ours. The same build is loaded
 * four times with a different always-on script: an empty one; one that only registers a message listener (the
 * least a script must do to answer the popup: it starts the browser's extension bindings in the page); one that
 * also reads the page once in idle time (the least a script must do to notice an article: its first DOM call
 * sets up the page's DOM for the extension's isolated world); and the real one. `--build label=DIR` adds another
 * built extension (an older build, for an A/B), `--script label=FILE` this build with another always-on script (an
 * ablation). The variants take turns on each load; each page is loaded alternately without and with the
 * extension, and the cost is the difference in Chromium's script time, compiling included (ScriptDuration +
 * V8CompileDuration, uninstrumented: no tracing or profiler), over the runs: the median, and the lower quartile.
 *
 * Both are printed because these times are wall-clock time, and a renderer descheduled in the middle of a script
 * is charged for the wait: on a 2-core machine, a trace of the floor script's one read showed 0.7-5.2 ms of wall
 * time for 0.7-1.3 ms of the thread's CPU time. The waits only ever add time, so the loads split into a fast group
 * and a slow one, and the median jumps between them from one run to the next (by 2 ms and more). The lower
 * quartile stays in the fast group: it is the cost when the machine lets the script run.
 */

const EXTENSION_DIR = path.resolve('.output/chrome-mv3');
const PAGES_DIR = path.resolve('../shared/corpus/readability-pages');
/** Two pages that are not articles (no bar) and four articles of different sizes. */
const DEFAULT_PAGES = ['base-url', 'basic-tags-cleaning', 'aclu', 'guardian-1', 'wikipedia', 'yahoo-2'];
const DEFAULT_RUNS = 5;
/**
 * A pause after each load, before the next one in any of the browsers: a closed tab's teardown (and the spare
 * renderer the browser starts) otherwise overlaps the next load on this 2-core machine. Timed inside the scripts
 * (5 µs clock, interleaved), it made the always-on script's start take 3.9 ms instead of 2.6, and the floor's
 * 1.2 instead of 1.1.
 */
const BETWEEN_LOADS_MS = 400;

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

/**
 * Main-thread script time of one fresh load, ms: running scripts (ScriptDuration) and compiling them
 * (V8CompileDuration, which ScriptDuration leaves out: a content script is compiled again on every page it runs on).
 */
async function scriptMs(bench: Bench, url: string, withExtension: boolean): Promise<number> {
  const bp = await openPage(withExtension ? bench.withExtension : bench.without);
  try {
    // The extension's welcome tab may have taken the front: rendering, and so idle callbacks, need it.
    await bp.page.bringToFront();
    await load(bp, url);
    await (withExtension ? settleWithExtension(bp) : settleWithout(bp));
    const { ScriptDuration = 0, V8CompileDuration = 0 } = await metrics(bp.cdp);
    return (ScriptDuration + V8CompileDuration) * 1000;
  } finally {
    await closePage(bp);
    await delay(BETWEEN_LOADS_MS);
  }
}

/** How the runs of one page and variant are summed up (see the file's comment). */
type Statistic = 'median' | 'lower quartile';

/** One extension build under comparison: a name and its directory. */
interface Variant {
  label: string;
  dir: string;
}

/** Parses `--build label=DIR` (a whole built extension) and `--script label=FILE` (the built one, this script swapped in). */
function extraVariants(args: readonly string[]): [string, string, string][] {
  const extra: [string, string, string][] = [];
  args.forEach((arg, i) => {
    if (arg !== '--build' && arg !== '--script') return;
    const value = args[i + 1] ?? '';
    const eq = value.indexOf('=');
    if (eq <= 0) throw new Error(`${arg} needs label=path, got "${value}"`);
    extra.push([arg, value.slice(0, eq), path.resolve(value.slice(eq + 1))]);
  });
  return extra;
}

/**
 * Added script time per statistic, variant and page: with the extension minus without, each side's median or
 * lower quartile over the runs. The variants' browsers run side by side and take turns on each load, so a change
 * in the machine's load between the start and end of the run reaches every variant alike.
 */
async function measureInterleaved(
  variants: readonly Variant[],
  urls: readonly string[],
  runs: number,
): Promise<Record<Statistic, number[][]>> {
  const benches: Bench[] = [];
  try {
    for (const v of variants) benches.push(await launchBench(v.dir));
    const added = {
      median: variants.map(() => urls.map(() => 0)),
      'lower quartile': variants.map(() => urls.map(() => 0)),
    };
    for (const [u, url] of urls.entries()) {
      const without = variants.map((): number[] => []);
      const withExt = variants.map((): number[] => []);
      for (let i = 0; i < runs; i++)
        for (const [b, bench] of benches.entries()) {
          without[b]!.push(await scriptMs(bench, url, false));
          withExt[b]!.push(await scriptMs(bench, url, true));
        }
      for (const b of benches.keys()) {
        added.median[b]![u] = median(withExt[b]!)! - median(without[b]!)!;
        added['lower quartile'][b]![u] = quantile(withExt[b]!, 0.25)! - quantile(without[b]!, 0.25)!;
      }
      console.error(`${path.basename(url)}: done`);
    }
    return added;
  } finally {
    for (const bench of benches) await bench.browser.close();
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const runsFlag = args.indexOf('--runs');
  const runs = runsFlag >= 0 ? Math.max(1, Number.parseInt(args[runsFlag + 1] ?? '', 10) || 1) : DEFAULT_RUNS;
  const pages = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const names = pages.length ? pages : DEFAULT_PAGES;
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    throw new Error('No build in .output/chrome-mv3: run `npx wxt build` first.');
  const temporary: string[] = [];
  const variants: Variant[] = [];
  // Each variant gets a copy, so a build made while the bench runs does not change what it measures.
  const swapped = (label: string, script: string | null): void => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ntr-floor-'));
    temporary.push(dir);
    cpSync(EXTENSION_DIR, dir, { recursive: true });
    if (script !== null) writeFileSync(path.join(dir, inPackage(ALWAYS_ON_SCRIPT)), script);
    variants.push({ label, dir });
  };
  for (const [label, script] of VARIANTS) swapped(label, script);
  for (const [kind, label, where] of extraVariants(args))
    if (kind === '--build') variants.push({ label, dir: where });
    else swapped(label, readFileSync(where, 'utf8'));
  const server = await startServer(PAGES_DIR, names, new Map());
  const urls = names.map((name) => server.urlFor(name));
  let added: Record<Statistic, number[][]>;
  try {
    added = await measureInterleaved(variants, urls, runs);
  } finally {
    await server.close();
    for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
  }
  for (const [statistic, table] of Object.entries(added)) {
    const rows = variants.map((v, b) => [
      v.label,
      ...table[b]!.map((ms) => ms.toFixed(1)),
      median(present(table[b]!))!.toFixed(1),
    ]);
    const head = [`${statistic} of ${runs} runs`, ...names, 'median of the pages'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    for (const row of [head, ...rows]) console.log(row.map((c, i) => c.padEnd(widths[i]!)).join('  '));
    console.log('');
  }
  console.log(
    "Script time added at load (ms): ScriptDuration + V8CompileDuration with the extension minus without (each side's median, or lower quartile, over the runs), variants interleaved.",
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
