/**
 * Optional AI engines: the browser's built-in Summarizer, Firefox's on-device AI (`browser.trial.ml`) and
 * OpenAI-compatible servers. All stream
 * `EngineOutput` events (points as they are written, then `done` with coverage, or a typed error).
 * The on-device extractive summarizer (lib/summarize) stays the default and is not an Engine.
 *
 * Public surface: the contract (types), the engines, their setup helpers (models list, base URL,
 * availability, download, the trial engine's session) and `collectPoints` for callers that just want the result.
 */
export type {
  Engine,
  EngineError,
  EngineErrorCode,
  EngineEvent,
  EngineId,
  EngineOutput,
  FetchLike,
  StreamOptions,
  SummaryLength,
} from './types';
export {
  createOpenAIEngine,
  listModels,
  DEFAULT_INPUT_BUDGET_CHARS,
  DEFAULT_TIMEOUT_MS,
  type ModelList,
  type OpenAIConfig,
} from './openai';
export { normalizeBaseUrl, permissionPattern, type BaseUrlResult } from './baseUrl';
export {
  builtinAvailability,
  createBuiltinEngine,
  startBuiltinDownload,
  type BuiltinOptions,
  type BuiltinStatus,
} from './builtin';
export type { BuiltinAvailability, SummarizerApi } from './builtinApi';
export { createTrialEngine, TRIAL_INPUT_TOKENS, type TrialOptions } from './trial';
export type { TrialMlApi, TrialProgressEvent } from './trialApi';
export {
  createTrialSession,
  TRIAL_MODEL,
  type TrialHost,
  type TrialSession,
  type TrialState,
  type TrialStatus,
} from './trialSession';
export { estimateTokens } from './estimateTokens';
export { collectPoints, type CollectedSummary } from './collectPoints';
export { POINTS_BY_LENGTH } from './prompt';
export { isOpenAIConfig, INPUT_BUDGET_RANGE, TIMEOUT_RANGE_MS } from './isOpenAIConfig';
export { languageName } from './languageName';
