import type { Page } from 'puppeteer-core';
import { attribute, type Phase } from './attribution';
import {
  closePage,
  closeReader,
  delay,
  heapAfterGc,
  load,
  metrics,
  openPage,
  settleWithExtension,
  settleWithout,
  type Bench,
} from './browser';
import { ARM_EXPAND_PROBE, AWAIT_EXPANDED, CLICK_DIRECTLY, COLLAPSE, READ_LONG_TASKS } from './in-page';
import { timeReadabilityInPage, type ReadabilityTiming } from './readability';
import { startRecording, stopRecording } from './recording';
import { median } from './stats';

/** A summary that has not painted by then is reported as stuck rather than waited for. */
const EXPAND_TIMEOUT_MS = 20_000;
/** How long the pointer rests on the toggle before the press in the "hover" runs: a deliberate click. */
const HOVER_DWELL_MS = 300;
const KB = 1024;

/**
 * cold: a DOM click with nothing prepared (no hover, no focus). hover: a real mouse moves onto the toggle,
 * rests there, then presses, so whatever the extension prepares on hover has had its chance.
 */
export type ClickMode = 'cold' | 'hover';
/** What a run does before its click: `closed` is a cold click on a page loaded with the reader closed (see `closeReader`). */
type RunMode = ClickMode | 'closed';

/** Everything measured on one page. Times in ms, heap in KB; null where it does not apply. */
export interface PageResult {
  name: string;
  /** Whether the extension mounted its bar at load (an article was detected). */
  barShown: boolean;
  /** Whether the panel script was imported during load. */
  panelAtLoad: boolean;
  /** Extension main-thread work at load (trace + profile, by URL). */
  load: Phase | null;
  /** A/B cross-check: ScriptDuration with the extension minus without (single runs, noisy). */
  abScriptMs: number | null;
  /** Cold click to painted summary: median of the cold runs, and the runs. */
  toggleMs: number | null;
  toggleRuns: number[];
  /** Cold click to painted summary, the reader closed before the load (median), when measured. */
  closedToggleMs: number | null;
  /** Hover, then click, to painted summary (median), when measured. */
  hoverToggleMs: number | null;
  /** Hover-then-click toggle→painted divided by Readability alone. */
  hoverRatio: number | null;
  /** The panel's final state and how many points it showed; its note when it has one. */
  outcome: string;
  readability: ReadabilityTiming | null;
  /** Cold toggle→painted divided by Readability alone (median runs). */
  ratio: number | null;
  /** Attribution of the traced cold click (instrumented run, so somewhat slower than the clean one). */
  expand: Phase | null;
  /** Longest long task (Long Tasks API) between the clean cold click and the paint, ms (0: none over 50). */
  expandLongTaskMs: number | null;
  /** Heap added by the extension (with − without), after load, after expanding, after collapsing again. */
  heapLoadKb: number | null;
  heapExpandedKb: number | null;
  heapCollapsedKb: number | null;
  error?: string;
}

interface Baseline {
  heap: number;
  scriptMs: number;
  readability: ReadabilityTiming;
}

export interface Probe {
  t0: number;
  tEnd: number;
  state: string;
  points: number;
  note: string | null;
}

/** Load A: the page without the extension — baseline heap and script time, then Readability alone. */
async function measureBaseline(bench: Bench, url: string): Promise<Baseline> {
  const bp = await openPage(bench.without);
  try {
    await load(bp, url);
    await settleWithout(bp);
    const scriptMs = ((await metrics(bp.cdp)).ScriptDuration ?? 0) * 1000;
    const heap = await heapAfterGc(bp.cdp);
    return { heap, scriptMs, readability: await timeReadabilityInPage(bp.cdp) };
  } finally {
    await closePage(bp);
  }
}

/**
 * Clicks the toggle and waits for the painted summary; null when there is no toggle or it never paints.
 * Only in-page scripts and input: the Firefox run (bench:firefox, over WebDriver BiDi) uses it too.
 */
export async function clickAndWait(page: Page, mode: ClickMode): Promise<Probe | null> {
  const target = (await page.evaluate(ARM_EXPAND_PROBE)) as {
    x: number;
    y: number;
    clickable: boolean;
  } | null;
  // A toggle the page covers cannot be hovered: no "after hover" figure rather than a cold one under that name.
  if (!target || (mode === 'hover' && !target.clickable)) return null;
  if (mode === 'hover') {
    await page.mouse.move(target.x, target.y);
    await delay(HOVER_DWELL_MS);
    await page.mouse.down();
    await page.mouse.up();
  } else await page.evaluate(CLICK_DIRECTLY);
  return (await page.evaluate(
    `Promise.race([${AWAIT_EXPANDED}, new Promise((r) => setTimeout(() => r(null), ${EXPAND_TIMEOUT_MS}))])`,
  )) as Probe | null;
}

/** Load B: traced and profiled load and cold click, for attribution. */
async function measureTraced(bench: Bench, url: string) {
  const bp = await openPage(bench.withExtension);
  try {
    await startRecording(bp.cdp);
    await load(bp, url);
    const settled = await settleWithExtension(bp);
    if (settled.state) await clickAndWait(bp.page, 'cold');
    return attribute(await stopRecording(bp.cdp));
  } finally {
    await closePage(bp);
  }
}

/** Load C: a clean cold run — script time and heap at load, toggle→painted, long tasks, heap after. */
async function measureClean(bench: Bench, url: string, baseline: Baseline) {
  const bp = await openPage(bench.withExtension);
  try {
    await load(bp, url);
    const settled = await settleWithExtension(bp);
    const abScriptMs = ((await metrics(bp.cdp)).ScriptDuration ?? 0) * 1000 - baseline.scriptMs;
    const heapLoadKb = ((await heapAfterGc(bp.cdp)) - baseline.heap) / KB;
    const probe = settled.state ? await clickAndWait(bp.page, 'cold') : null;
    if (!probe) return { settled, abScriptMs, heapLoadKb, probe };
    const longTasks = (await bp.page.evaluate(READ_LONG_TASKS)) as [number, number][];
    const expandLongTasks = longTasks.filter(([start]) => start >= probe.t0 && start < probe.tEnd);
    const heapExpandedKb = ((await heapAfterGc(bp.cdp)) - baseline.heap) / KB;
    await bp.page.evaluate(COLLAPSE);
    const heapCollapsedKb = ((await heapAfterGc(bp.cdp)) - baseline.heap) / KB;
    return {
      settled,
      abScriptMs,
      heapLoadKb,
      probe,
      expandLongTaskMs: Math.max(0, ...expandLongTasks.map(([, duration]) => duration)),
      heapExpandedKb,
      heapCollapsedKb,
    };
  } finally {
    await closePage(bp);
  }
}

/** Only the toggle timing, on another fresh load. */
async function measureToggle(bench: Bench, url: string, mode: RunMode): Promise<number | null> {
  const bp = await openPage(bench.withExtension);
  try {
    if (mode === 'closed') await closeReader(bench);
    await load(bp, url);
    if (!(await settleWithExtension(bp)).state) return null;
    const probe = await clickAndWait(bp.page, mode === 'closed' ? 'cold' : mode);
    return probe ? probe.tEnd - probe.t0 : null;
  } finally {
    await closePage(bp);
  }
}

/** How many fresh loads of each kind a page gets. */
export interface Plan {
  /** Cold toggle runs (the first is the clean run that also measures heap and long tasks). */
  coldRuns: number;
  /** Cold toggle runs with the reader closed before the load. */
  closedRuns: number;
  /** Hover-then-click runs (0 to skip). */
  hoverRuns: number;
}

/** Measures one page: a baseline load, a traced load, then clean loads for the toggle timings. */
export async function measurePage(bench: Bench, name: string, url: string, plan: Plan): Promise<PageResult> {
  const baseline = await measureBaseline(bench, url);
  const traced = await measureTraced(bench, url);
  const clean = await measureClean(bench, url, baseline);
  const p = clean.probe;
  const toggleRuns = p ? [p.tEnd - p.t0] : [];
  const closedRuns: number[] = [];
  const hoverRuns: number[] = [];
  for (let i = 1; i < plan.coldRuns && p; i++)
    toggleRuns.push(...present(await measureToggle(bench, url, 'cold')));
  for (let i = 0; i < plan.closedRuns && p; i++)
    closedRuns.push(...present(await measureToggle(bench, url, 'closed')));
  for (let i = 0; i < plan.hoverRuns && p; i++)
    hoverRuns.push(...present(await measureToggle(bench, url, 'hover')));
  const toggleMs = median(toggleRuns);
  const hoverToggleMs = median(hoverRuns);
  return {
    name,
    barShown: clean.settled.state !== null,
    panelAtLoad: clean.settled.panelLoaded,
    load: traced?.load ?? null,
    abScriptMs: clean.abScriptMs,
    toggleMs,
    toggleRuns,
    closedToggleMs: median(closedRuns),
    hoverToggleMs,
    outcome: p ? `${p.state}, ${p.points} points${p.note ? `; note: ${p.note}` : ''}` : 'no bar',
    readability: baseline.readability,
    ratio: toggleMs !== null ? toggleMs / baseline.readability.medianMs : null,
    hoverRatio: hoverToggleMs !== null ? hoverToggleMs / baseline.readability.medianMs : null,
    expand: traced?.expand ?? null,
    expandLongTaskMs: clean.expandLongTaskMs ?? null,
    heapLoadKb: clean.heapLoadKb,
    heapExpandedKb: clean.heapExpandedKb ?? null,
    heapCollapsedKb: clean.heapCollapsedKb ?? null,
  };
}

const present = (value: number | null): number[] => (value === null ? [] : [value]);
