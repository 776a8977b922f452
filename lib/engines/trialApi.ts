/**
 * The shape of Firefox's `browser.trial.ml` (Firefox 134+, optional permission `trialML`), as much of it as we
 * use. Declared here because no typings ship it; the namespace is passed in (`browser.trial.ml` in the
 * background, a stand-in in tests). Source: Firefox's `toolkit/components/extensions/schemas/trial_ml.json`,
 * `parent/ext-trial-ml.js` and the "WebExtensions AI API" page of its source docs.
 */

/**
 * What `createEngine` takes: a Transformers.js pipeline. Firefox only downloads models of its own hub or of
 * the Hugging Face organizations it allows (Mozilla, Xenova).
 */
export interface TrialEngineRequest {
  taskName: string;
  modelHub?: 'huggingface' | 'mozilla';
  modelId?: string;
  modelRevision?: string;
  dtype?: string;
}

/** What `runEngine` takes: `args` and `options` are the pipeline's first and second arguments. */
export interface TrialRunRequest {
  args: unknown[];
  options?: Record<string, unknown>;
}

/**
 * One `onProgress` event (Firefox's `ProgressAndStatusCallbackParams`). Every field may be null. `id` names the
 * file being fetched; `totalLoaded` and `total` count its bytes; `progress` is a percentage; `type` is
 * 'downloading' or 'loading_from_cache'; `statusText` is 'initiate', 'size_estimate', 'in_progress' or 'done'.
 */
export interface TrialProgressEvent {
  id?: string | null;
  type?: string | null;
  statusText?: string | null;
  progress?: number | null;
  totalLoaded?: number | null;
  total?: number | null;
}

/** `browser.trial.ml`. */
export interface TrialMlApi {
  /**
   * Creates the extension's one engine, downloading the model into Firefox's cache if it is not there yet.
   * Rejects with "Engine already created" once one exists, and with "Trial ML API is disabled…" while the prefs
   * `browser.ml.enable` or `extensions.ml.enabled` are off (also what Firefox's "Block AI enhancements" setting
   * and the GenerativeAI/AIControls policies switch off).
   */
  createEngine(request: TrialEngineRequest): Promise<unknown>;
  /**
   * Runs the engine. Mozilla's docs read the result as `res[0].summary_text`, its own tests as `res.output`. An
   * engine Firefox closed (idle, memory pressure) is created again with the same request first.
   */
  runEngine(request: TrialRunRequest): Promise<unknown>;
  onProgress: {
    addListener(listener: (event: TrialProgressEvent) => void): void;
    removeListener(listener: (event: TrialProgressEvent) => void): void;
  };
}
