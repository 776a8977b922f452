/**
 * A stand-in for Firefox's `browser.trial.ml` that behaves as `ext-trial-ml.js` does: the prefs checked first
 * ("Trial ML API is disabled…"), then the task ("Unsupported task …"); one engine per extension ("Engine already
 * created"); progress events while `createEngine` fetches the model; an engine Firefox ended (memory pressure)
 * created again by the next `runEngine`. It records how it was called.
 */
import type {
  TrialEngineRequest,
  TrialMlApi,
  TrialProgressEvent,
  TrialRunRequest,
} from '@/lib/engines/trialApi';
import type { TrialHost } from '@/lib/engines/trialSession';

/** Firefox's message while `browser.ml.enable` or `extensions.ml.enabled` is off (Firefox 153). */
export const DISABLED_MESSAGE =
  'Trial ML API is disabled. This API is only available when "extensions.ml.enabled" and browser.ml.enable" preferences are set to true.';

/** The shapes a run's result comes in: Mozilla's docs (`res[0].summary_text`) and its tests (`res.output`). */
export type ResultShape = 'docs' | 'output' | 'output-string';

/** How the stand-in behaves. */
export interface FakeTrialOptions {
  /** The prefs (default on). */
  enabled?: boolean;
  /** Events `createEngine` fires, in order, as it fetches the model. */
  progress?: TrialProgressEvent[];
  /** What the model writes. */
  summary?: string;
  shape?: ResultShape;
  /** Message `createEngine` rejects with (for a supported task). */
  createError?: string;
  /** Message every run rejects with. */
  runError?: string;
  /** Firefox ends the engine during the first run, which rejects; the next run creates it again. */
  killFirstRun?: boolean;
  /** Runs never answer (an engine ended without a word). */
  hang?: boolean;
  /** How long a run takes, in ms (default: a microtask). */
  runMs?: number;
}

/** What the stand-in saw. */
export interface FakeTrialRecord {
  createCalls: TrialEngineRequest[];
  runCalls: TrialRunRequest[];
  /** Engines really created (by `createEngine`, or again by `runEngine` after a kill). */
  enginesCreated: number;
  /** Most runs in progress at once. */
  maxConcurrentRuns: number;
  /** Progress listeners still registered. */
  listeners: number;
}

/** The summary the stand-in writes by default, with the spaces before punctuation BART's decoding can leave. */
export const FAKE_SUMMARY =
  ' The city council voted to build a new bridge over the river . Work begins in May and should take two years . The bridge will cost 40 million dollars .';
export const FAKE_POINTS = [
  'The city council voted to build a new bridge over the river.',
  'Work begins in May and should take two years.',
  'The bridge will cost 40 million dollars.',
];

/** A `browser.trial.ml` stand-in and its record. */
export function fakeTrialMl(options: FakeTrialOptions = {}): { api: TrialMlApi; record: FakeTrialRecord } {
  const record: FakeTrialRecord = {
    createCalls: [],
    runCalls: [],
    enginesCreated: 0,
    maxConcurrentRuns: 0,
    listeners: 0,
  };
  const listeners = new Set<(event: TrialProgressEvent) => void>();
  let engine: 'none' | 'open' | 'closed' = 'none';
  let running = 0;
  let runs = 0;
  const enabled = options.enabled ?? true;

  const api: TrialMlApi = {
    async createEngine(request) {
      record.createCalls.push(request);
      if (!enabled) throw new Error(DISABLED_MESSAGE);
      if (request.taskName !== 'summarization') throw new Error(`Unsupported task ${request.taskName}`);
      if (engine !== 'none') throw new Error('Engine already created');
      if (options.createError) throw new Error(options.createError);
      for (const event of options.progress ?? []) {
        await Promise.resolve();
        listeners.forEach((listener) => listener(event));
      }
      engine = 'open';
      record.enginesCreated += 1;
    },
    async runEngine(request) {
      record.runCalls.push(request);
      if (!enabled) throw new Error(DISABLED_MESSAGE);
      if (engine === 'none') throw new Error('An unexpected error occurred');
      if (engine === 'closed') {
        engine = 'open';
        record.enginesCreated += 1;
      }
      running += 1;
      record.maxConcurrentRuns = Math.max(record.maxConcurrentRuns, running);
      try {
        runs += 1;
        if (options.hang) await new Promise(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, options.runMs ?? 0));
        if (options.killFirstRun && runs === 1) {
          engine = 'closed';
          throw new Error('The inference process was killed');
        }
        if (options.runError) throw new Error(options.runError);
        return result(options.summary ?? FAKE_SUMMARY, options.shape ?? 'docs');
      } finally {
        running -= 1;
      }
    },
    onProgress: {
      addListener(listener) {
        listeners.add(listener);
        record.listeners = listeners.size;
      },
      removeListener(listener) {
        listeners.delete(listener);
        record.listeners = listeners.size;
      },
    },
  };
  return { api, record };
}

function result(summary: string, shape: ResultShape): unknown {
  if (shape === 'docs') return [{ summary_text: summary }];
  if (shape === 'output') return { output: [{ summary_text: summary }], metrics: { inferenceTime: 12 } };
  return { output: summary };
}

/** A host over `api`: the permission as given (null: the browser does not know it), the note in memory. */
export function fakeTrialHost(
  api: TrialMlApi | undefined,
  options: { permission?: boolean | null; modelSaved?: boolean } = {},
): TrialHost & { saved: () => boolean } {
  let saved = options.modelSaved ?? false;
  return {
    api: () => api,
    permission: async () => (options.permission === undefined ? true : options.permission),
    modelSaved: {
      get: async () => saved,
      set: async (value) => void (saved = value),
    },
    saved: () => saved,
  };
}
