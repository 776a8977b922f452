import type { Protocol } from 'puppeteer-core';
import { ALWAYS_ON_SCRIPT } from '../../lib/built-scripts';
import { CLICK_MARK, PAINTED_MARK } from './in-page';
import type { Recording, TraceEvent } from './recording';

/**
 * Attributes main-thread time to the extension, by URL: trace events whose script URL is
 * chrome-extension://… (compile, evaluate, calls) and CPU-profile samples with an extension frame on their
 * stack (which also catches its promise continuations, timers and message callbacks). The union of both is
 * the extension's JavaScript time; the page's own scripts never run extension frames, so nothing of theirs
 * is counted. Style, layout and paint that the browser does later because the extension changed the DOM
 * carry no URL: they are reported separately for the expand phase, where the page is otherwise idle.
 */

const EXTENSION_URL = 'chrome-extension://';
/** A sample stands for the time until the next one, but never more than this (the sampler can stall). */
const MAX_SAMPLE_US = 2000;
/** Top-level tasks of Chromium's scheduler, as DevTools shows them. */
const TASK_EVENT = 'RunTask';
/** Main-thread rendering steps, for the expand phase's "style, layout and paint" share. */
const RENDERING_EVENTS = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']);
/** A task is the extension's when its own JavaScript is at least this share of the task. */
const OWN_TASK_SHARE = 0.5;

interface Interval {
  start: number;
  end: number;
}
interface Slice extends Interval {
  /** The extension script that started this work (the outermost extension frame). */
  script: string;
  /** The sampled function itself (profile slices only), for the "where the time goes" list. */
  self?: string;
}
/** How many functions the per-phase hot list keeps. */
const HOT_FUNCTIONS = 6;

/** What the extension cost the main thread in one phase (load, or click to painted summary). */
export interface Phase {
  /** Extension JavaScript, all scripts (ms). */
  extMs: number;
  /** Of which started by the always-on content script. */
  contentMs: number;
  /** Longest top-level task that is mostly the extension's JavaScript (ms), 0 if none. */
  longestOwnTaskMs: number;
  /** Longest top-level task of any kind in the phase (ms). */
  longestTaskMs: number;
  /** Style, layout and paint on the main thread outside the extension's JavaScript (ms). */
  renderMs: number;
  /** The extension's hottest functions by sampled self time: "name file:line" and ms. */
  hot: { fn: string; ms: number }[];
}

/** The load phase (until the click) and, when the toggle was clicked, the expand phase. */
export interface Attribution {
  load: Phase;
  expand: Phase | null;
}

/** Splits the recording at the click and painted marks and attributes each phase. */
export function attribute(rec: Recording): Attribution | null {
  const anchor = rec.events.find((e) => e.ph === 'X' && extensionUrl(e) !== null);
  if (!anchor) return null;
  const main = rec.events.filter((e) => e.pid === anchor.pid && e.tid === anchor.tid);
  const slices = [...traceSlices(main), ...profileSlices(rec.profile)];
  const click = markTime(rec.events, CLICK_MARK);
  const painted = markTime(rec.events, PAINTED_MARK);
  const load = phase(main, slices, { start: -Infinity, end: click ?? Infinity });
  const expand =
    click !== null && painted !== null ? phase(main, slices, { start: click, end: painted }) : null;
  return { load, expand };
}

function extensionUrl(e: TraceEvent): string | null {
  const url = e.args?.data?.url ?? e.args?.fileName;
  return url?.startsWith(EXTENSION_URL) ? url : null;
}

function markTime(events: readonly TraceEvent[], name: string): number | null {
  return events.find((e) => e.name === name && e.cat.includes('blink.user_timing'))?.ts ?? null;
}

function traceSlices(main: readonly TraceEvent[]): Slice[] {
  return main.flatMap((e) => {
    const url = e.ph === 'X' && e.dur ? extensionUrl(e) : null;
    return url ? [{ start: e.ts, end: e.ts + e.dur!, script: url }] : [];
  });
}

/** Per profile node: the outermost extension script on its stack, if any. */
function classifyNodes(profile: Protocol.Profiler.Profile): Map<number, { script: string } | null> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const result = new Map<number, { script: string } | null>();
  const visit = (id: number, inherited: { script: string } | null): void => {
    const node = byId.get(id);
    if (!node) return;
    const { url } = node.callFrame;
    const here = inherited ?? (url.startsWith(EXTENSION_URL) ? { script: url } : null);
    result.set(id, here);
    for (const child of node.children ?? []) visit(child, here);
  };
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  for (const n of profile.nodes) if (!childIds.has(n.id)) visit(n.id, null);
  return result;
}

function profileSlices(profile: Protocol.Profiler.Profile): Slice[] {
  const classes = classifyNodes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  const slices: Slice[] = [];
  let t = profile.startTime;
  const times = deltas.map((d) => (t += d));
  for (let i = 0; i < samples.length; i++) {
    const cls = classes.get(samples[i]!);
    const start = times[i];
    if (!cls || start === undefined) continue;
    const end = Math.min(times[i + 1] ?? profile.endTime, start + MAX_SAMPLE_US);
    if (end > start) slices.push({ start, end, ...cls, self: label(byId.get(samples[i]!)) });
  }
  return slices;
}

function label(node: Protocol.Profiler.ProfileNode | undefined): string {
  if (!node) return '?';
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? `${url.slice(url.lastIndexOf('/') + 1)}:${lineNumber + 1}` : '(native)';
  return `${functionName || '(anonymous)'} ${file}`;
}

/** Sampled self time per function inside the window, largest first. */
function hotFunctions(slices: readonly Slice[], window: Interval): { fn: string; ms: number }[] {
  const totals = new Map<string, number>();
  for (const s of slices) {
    const us = Math.min(s.end, window.end) - Math.max(s.start, window.start);
    if (s.self && us > 0) totals.set(s.self, (totals.get(s.self) ?? 0) + us);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, HOT_FUNCTIONS)
    .map(([fn, us]) => ({ fn, ms: us / 1000 }));
}

/** Total length of the union of intervals, clipped to a window. */
function unionLength(intervals: readonly Interval[], window: Interval): number {
  const clipped = intervals
    .map((i) => ({ start: Math.max(i.start, window.start), end: Math.min(i.end, window.end) }))
    .filter((i) => i.end > i.start)
    .sort((a, b) => a.start - b.start);
  let total = 0;
  let cursor = -Infinity;
  for (const i of clipped) {
    const from = Math.max(i.start, cursor);
    if (i.end > from) total += i.end - from;
    cursor = Math.max(cursor, i.end);
  }
  return total;
}

/** Top-level tasks: RunTask events not nested in another one. */
function topLevelTasks(main: readonly TraceEvent[]): Interval[] {
  const tasks = main
    .filter((e) => e.ph === 'X' && e.name === TASK_EVENT && e.dur)
    .map((e) => ({ start: e.ts, end: e.ts + e.dur! }))
    .sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const task of tasks) if (!out.length || task.start >= out[out.length - 1]!.end) out.push(task);
  return out;
}

const ms = (us: number): number => us / 1000;

function phase(main: readonly TraceEvent[], slices: readonly Slice[], window: Interval): Phase {
  const only = (keep: (s: Slice) => boolean): Slice[] => slices.filter(keep);
  const tasks = topLevelTasks(main).filter((t) => t.end > window.start && t.start < window.end);
  const ownTasks = tasks.filter((t) => unionLength(slices, t) >= OWN_TASK_SHARE * (t.end - t.start));
  const rendering = main
    .filter((e) => e.ph === 'X' && e.dur && RENDERING_EVENTS.has(e.name))
    .map((e) => ({ start: e.ts, end: e.ts + e.dur! }));
  const extUs = unionLength(slices, window);
  return {
    extMs: ms(extUs),
    contentMs: ms(
      unionLength(
        only((s) => s.script.endsWith(ALWAYS_ON_SCRIPT)),
        window,
      ),
    ),
    longestOwnTaskMs: ms(Math.max(0, ...ownTasks.map((t) => t.end - t.start))),
    longestTaskMs: ms(Math.max(0, ...tasks.map((t) => t.end - t.start))),
    renderMs: ms(unionLength([...slices, ...rendering], window) - extUs),
    hot: hotFunctions(slices, window),
  };
}
