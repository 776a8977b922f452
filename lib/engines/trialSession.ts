/**
 * Firefox's on-device AI (`browser.trial.ml`) as one session: Firefox gives an extension a single engine, so one
 * owner (the background page) creates it, tracks its download and runs summaries through it one at a time.
 * What the session needs from the extension (the API, the permission, a note that survives restarts) is passed
 * in, so it runs in Node tests against a stand-in.
 */
import { startDeadline } from './deadline';
import { EngineFailure } from './errors';
import type { TrialEngineRequest, TrialMlApi, TrialProgressEvent } from './trialApi';
import {
  disabledError,
  errorMessage,
  isAlreadyCreatedError,
  isDisabledError,
  needsDownloadError,
  notAllowedError,
  trialError,
} from './trialErrors';
import { createTrialProgress, type TrialProgress } from './trialProgress';
import type { EngineError } from './types';
import { untilSettled } from './untilSettled';

/**
 * The model: Mozilla's default for summarization, distilled BART trained on CNN/Daily Mail highlights (English;
 * about 1,024 tokens of input). Firefox fetches it from Hugging Face into its own cache, once.
 */
export const TRIAL_MODEL: Readonly<TrialEngineRequest> = Object.freeze({
  taskName: 'summarization',
  modelHub: 'huggingface',
  modelId: 'Xenova/distilbart-cnn-6-6',
});

/**
 * A task no Firefox supports. `createEngine` checks the prefs first and the task next, so this request tells
 * "turned off" from "on" without creating an engine or downloading anything.
 */
const PROBE_TASK = 'no-time-to-read-probe';

/** Longest silence of the download's progress events, in ms: two minutes without a byte means it is stuck. */
const DOWNLOAD_IDLE_MS = 120_000;

/**
 * Longest wait for one summary, in ms. Inference reports no progress; distilbart on a slow CPU takes well under
 * a minute. An engine Firefox ended mid-run may never answer, so the next request must not wait on it forever.
 */
const RUN_TIMEOUT_MS = 180_000;

/**
 * Where Firefox's on-device AI stands for this extension:
 * - `absent`: this browser has no `browser.trial.ml` (the engine is not offered);
 * - `no-permission`: the user has not allowed the optional permission `trialML`;
 * - `disabled`: the prefs are off, or Firefox's "Block AI enhancements" setting or a policy turned them off;
 * - `unavailable`: anything else stops it;
 * - `downloadable`, `downloading`, `available`: the model's download, as for the built-in Summarizer.
 */
export type TrialStatus =
  'absent' | 'no-permission' | 'disabled' | 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** The status, with the download's progress (0-1) while it downloads. */
export interface TrialState {
  status: TrialStatus;
  progress: number | null;
}

/** What the session needs from the extension. */
export interface TrialHost {
  /** `browser.trial.ml`; undefined until the permission is granted, and where the browser has none. */
  api(): TrialMlApi | undefined;
  /** Whether `trialML` is granted; null where the browser does not know the permission. */
  permission(): Promise<boolean | null>;
  /** Whether the model was downloaded once: Firefox keeps it across restarts, and the engine is not created yet. */
  modelSaved: { get(): Promise<boolean>; set(saved: boolean): Promise<void> };
}

/** The one engine of the extension. */
export interface TrialSession {
  /** Where things stand. Creates nothing and downloads nothing. */
  state(): Promise<TrialState>;
  /** Creates the engine, downloading the model if Firefox has not got it; joins a download under way. */
  download(): Promise<{ kind: 'ok' } | EngineError>;
  /**
   * Summarizes `text`, after the runs asked for before it. Creates the engine first if the model was downloaded
   * before, and refuses (`needsDownloadError`) if it never was. Rejects with an `EngineFailure`.
   */
  run(text: string, options: { maxNewTokens: number }, signal: AbortSignal): Promise<unknown>;
}

/** The session over `host`. */
export function createTrialSession(host: TrialHost): TrialSession {
  let created = false;
  let creating: Promise<{ kind: 'ok' } | EngineError> | null = null;
  let progress: TrialProgress = createTrialProgress();
  /** Settles when the last run asked for has finished, or been given up on. */
  let tail: Promise<void> = Promise.resolve();

  const state = async (): Promise<TrialState> => {
    if (creating) return { status: 'downloading', progress: progress.fraction };
    const granted = await host.permission();
    if (granted === null) return only('absent');
    if (!granted) return only('no-permission');
    const api = host.api();
    if (!api) return only('unavailable');
    const probe = await probeEnabled(api);
    // Firefox deletes the models when AI is blocked: once turned off, the model counts as gone.
    if (probe === 'disabled') await host.modelSaved.set(false);
    if (probe !== 'enabled') return only(probe);
    return only(created || (await host.modelSaved.get()) ? 'available' : 'downloadable');
  };

  const create = async (): Promise<{ kind: 'ok' } | EngineError> => {
    const api = host.api();
    if (!api) return notAllowedError();
    progress = createTrialProgress();
    const deadline = startDeadline(new AbortController().signal, DOWNLOAD_IDLE_MS);
    const onProgress = (event: TrialProgressEvent) => {
      deadline.touch();
      progress.push(event);
    };
    api.onProgress.addListener(onProgress);
    try {
      await untilSettled(createOnce(api), deadline.signal);
      created = true;
      await host.modelSaved.set(true);
      return { kind: 'ok' };
    } catch (error) {
      if (isDisabledError(error)) await host.modelSaved.set(false);
      return trialError(error, { aborted: false, timedOut: deadline.timedOut });
    } finally {
      api.onProgress.removeListener(onProgress);
      deadline.dispose();
    }
  };

  const download = () => (creating ??= create().finally(() => (creating = null)));

  const ready = async (api: TrialMlApi, signal: AbortSignal): Promise<void> => {
    if (created) return;
    // No model yet: say so, unless Firefox has its machine learning off, which has to be fixed first.
    if (!creating && !(await host.modelSaved.get()))
      throw new EngineFailure(
        (await probeEnabled(api)) === 'disabled' ? disabledError() : needsDownloadError(),
      );
    const result = await untilSettled(download(), signal);
    if (result.kind === 'error') throw new EngineFailure(result);
  };

  /** Runs `job` once every run asked for before it has finished (or timed out): never two at once. */
  const inTurn = async (signal: AbortSignal, job: () => Promise<unknown>): Promise<unknown> => {
    const previous = tail;
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    tail = previous.then(() => mine);
    try {
      await untilSettled(previous, signal);
    } catch (error) {
      release();
      throw error;
    }
    const deadline = startDeadline(signal, RUN_TIMEOUT_MS);
    const running = Promise.resolve().then(job);
    // The next run waits for this one to end inside Firefox, even if our caller stopped waiting, unless it hangs.
    const timer = setTimeout(release, RUN_TIMEOUT_MS);
    void running.catch(() => undefined).finally(() => (clearTimeout(timer), release()));
    try {
      return await untilSettled(running, deadline.signal);
    } catch (error) {
      throw new EngineFailure(trialError(error, { aborted: signal.aborted, timedOut: deadline.timedOut }));
    } finally {
      deadline.dispose();
    }
  };

  const run = async (text: string, options: { maxNewTokens: number }, signal: AbortSignal) => {
    const api = host.api();
    if (!api) throw new EngineFailure(notAllowedError());
    try {
      await ready(api, signal);
    } catch (error) {
      throw new EngineFailure(trialError(error, { aborted: signal.aborted, timedOut: false }));
    }
    return inTurn(signal, () =>
      api.runEngine({ args: [text], options: { max_new_tokens: options.maxNewTokens } }),
    );
  };

  return { state, download, run };
}

function only(status: TrialStatus): TrialState {
  return { status, progress: null };
}

/** Creates the engine; one that already exists (created by an earlier page or popup) is just as good. */
async function createOnce(api: TrialMlApi): Promise<void> {
  try {
    await api.createEngine({ ...TRIAL_MODEL });
  } catch (error) {
    if (!isAlreadyCreatedError(error)) throw error;
  }
}

/** Whether Firefox's machine learning is on, asked without creating an engine (see PROBE_TASK). */
async function probeEnabled(api: TrialMlApi): Promise<'enabled' | 'disabled' | 'unavailable'> {
  try {
    await api.createEngine({ taskName: PROBE_TASK });
    return 'enabled';
  } catch (error) {
    if (isDisabledError(error)) return 'disabled';
    return /Unsupported task/i.test(errorMessage(error)) ? 'enabled' : 'unavailable';
  }
}
