import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { CDPSession } from 'puppeteer-core';
import { timeReadability } from './in-page';

/** Readability.js as the extension bundles it (the project's own dependency). */
const READABILITY_PATH = createRequire(import.meta.url).resolve('@mozilla/readability/Readability.js');
/** Runs of Readability alone per page: the first is cold (like the extension's single run), then warm ones. */
const RUNS = 3;
/** Name of the isolated world the bench creates, like the extension's own world but separate from it. */
const WORLD = 'ntr-bench-readability';

/** Readability.js's source text. */
export const readabilitySource = readFileSync(READABILITY_PATH, 'utf8');

/** `new Readability(document.cloneNode(true)).parse()` timed in the page, in ms. */
export interface ReadabilityTiming {
  /** Median of the runs, clone included (the "Readability.parse alone"). */
  medianMs: number;
  /** The first, cold run, clone included. */
  coldMs: number;
  /** Median time of `document.cloneNode(true)` alone. */
  cloneMs: number;
  /** Whether Readability found an article. */
  found: boolean;
}

/**
 * Times Readability in a fresh isolated world of the page's top frame, the same kind of world the
 * extension's content scripts run in (pristine built-ins, shared DOM).
 */
export async function timeReadabilityInPage(cdp: CDPSession): Promise<ReadabilityTiming> {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName: WORLD,
  });
  await evaluate(cdp, contextId, `${readabilitySource}\n;globalThis.__ntrReadability = Readability; 0`);
  const runs = (await evaluate(cdp, contextId, timeReadability(RUNS))) as {
    clone: number;
    parse: number;
    found: boolean;
  }[];
  const totals = runs.map((r) => r.clone + r.parse).sort((a, b) => a - b);
  const clones = runs.map((r) => r.clone).sort((a, b) => a - b);
  return {
    medianMs: totals[totals.length >> 1]!,
    coldMs: runs[0]!.clone + runs[0]!.parse,
    cloneMs: clones[clones.length >> 1]!,
    found: runs[0]!.found,
  };
}

async function evaluate(cdp: CDPSession, contextId: number, expression: string): Promise<unknown> {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    contextId,
    expression,
    returnByValue: true,
  });
  if (exceptionDetails)
    throw new Error(`In page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value;
}
