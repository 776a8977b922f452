import { EngineFailure, engineError, errorName, safeDetail } from './errors';
import type { EngineError } from './types';

/**
 * What goes wrong with Firefox's on-device AI, as errors the panel can show (each with the on-device summary as
 * the way out). Firefox's own errors are plain messages; only the prefs being off has a stable one.
 */

/** The engine inside a sentence. */
export const TRIAL_NAME = "Firefox's on-device AI";

/**
 * Firefox's refusal while `browser.ml.enable` or `extensions.ml.enabled` is off: "Trial ML API is disabled.
 * This API is only available when…" (older releases: "Trial ML is only available when…").
 */
const DISABLED_MESSAGE = /Trial ML (?:API is disabled|is only available)/i;

/** `createEngine` once the extension's one engine exists. */
const ALREADY_CREATED_MESSAGE = /Engine already created/i;

/** A thrown value's message, or ''. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string')
    return error.message;
  return typeof error === 'string' ? error : '';
}

/** Whether Firefox refused because its machine-learning prefs are off (or blocked by setting or policy). */
export function isDisabledError(error: unknown): boolean {
  return DISABLED_MESSAGE.test(errorMessage(error));
}

/** Whether `createEngine` refused because the extension's engine already exists (which is what we wanted). */
export function isAlreadyCreatedError(error: unknown): boolean {
  return ALREADY_CREATED_MESSAGE.test(errorMessage(error));
}

/** Firefox has its on-device AI switched off for extensions. */
export function disabledError(): EngineError {
  return engineError(
    'unavailable',
    `${TRIAL_NAME} is turned off.`,
    'In about:config, set browser.ml.enable and extensions.ml.enabled to true (unless Firefox’s settings or your organization block AI), or use the on-device summary.',
  );
}

/** No `browser.trial.ml`: the user has not allowed it (or this browser has none). */
export function notAllowedError(): EngineError {
  return engineError(
    'unavailable',
    `${TRIAL_NAME} is not available to this extension.`,
    'Open the extension’s popup and choose “Firefox on-device AI” again to allow it.',
  );
}

/** The model was never downloaded: the panel does not start a download of hundreds of MB by itself. */
export function needsDownloadError(): EngineError {
  return engineError(
    'unavailable',
    `${TRIAL_NAME} is not ready: its model has to be downloaded first.`,
    'Start the download from the extension popup.',
  );
}

/** What a failed `createEngine` or `runEngine` means. `waited` tells whether we stopped waiting, and why. */
export function trialError(error: unknown, waited: { aborted: boolean; timedOut: boolean }): EngineError {
  if (error instanceof EngineFailure) return error.error;
  if (waited.aborted || errorName(error) === 'AbortError')
    return engineError('aborted', 'The summary was cancelled.');
  if (waited.timedOut)
    return engineError('timeout', `${TRIAL_NAME} did not answer in time.`, 'Try again later.');
  if (isDisabledError(error)) return disabledError();
  const detail = safeDetail(errorMessage(error));
  return engineError(
    'unknown',
    `${TRIAL_NAME} stopped before it finished${detail ? `: ${detail}` : '.'}`,
    'Firefox may have ended it to free memory. Try again, or use the on-device summary.',
  );
}
