import type { EngineError, EngineErrorCode } from './types';

/**
 * Longest piece of a server's own error text we repeat to the user: enough for "model 'x' not found,
 * try pulling it first", short enough that an HTML error page cannot flood the panel.
 */
const MAX_DETAIL_CHARS = 200;

/**
 * Things that look like API keys: OpenAI-style "sk-…", masked echoes ("sk-ab***yz"), "Bearer …", and
 * any unbroken token of 32+ key characters. Servers sometimes echo a key in their errors; we never
 * repeat one, masked or not.
 */
const KEY_LIKE = /\bsk-[\w*.-]*[\w*]|[\w-]*\*{3,}[\w-]*|\bBearer\s+\S+|\b[\w-]{32,}/gi;

/** Builds an EngineError. */
export function engineError(code: EngineErrorCode, message: string, hint?: string): EngineError {
  return hint ? { kind: 'error', code, message, hint } : { kind: 'error', code, message };
}

/**
 * A server's error text made safe to show: the given secrets and anything key-like replaced, whitespace
 * collapsed, cut to a readable length. Empty when nothing is left.
 */
export function safeDetail(text: string, secrets: readonly (string | undefined)[] = []): string {
  let safe = text;
  for (const secret of secrets) if (secret) safe = safe.split(secret).join('[key]');
  safe = safe.replace(KEY_LIKE, '[key]').replace(/\s+/gu, ' ').trim();
  return safe.length > MAX_DETAIL_CHARS ? `${safe.slice(0, MAX_DETAIL_CHARS - 1)}…` : safe;
}

/** The `name` of a thrown Error or DOMException ("AbortError", "QuotaExceededError"), if it has one. */
export function errorName(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('name' in error)) return undefined;
  return typeof error.name === 'string' ? error.name : undefined;
}

/**
 * Thrown inside an engine to carry a typed failure up to the stream's one catch, which yields it.
 * Never escapes an engine.
 */
export class EngineFailure extends Error {
  constructor(readonly error: EngineError) {
    super(error.message);
    this.name = 'EngineFailure';
  }
}
