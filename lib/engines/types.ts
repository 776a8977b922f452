/**
 * The contract every optional AI engine honours, so the panel and the CLI drive them the same way.
 * An engine streams events; the stream never throws and always ends with exactly one terminal
 * event: `done` when the summary is complete, or an `error` that says what went wrong and what to do.
 */
import type { Article } from '../article';
import type { SummaryLength } from '../summarize/sentenceCount';

export type { SummaryLength };

/**
 * What an engine streams while it writes.
 * - `point`: one finished key point, plain text, in order. Points are never revised.
 * - `partial`: the point being written so far; each `partial` replaces the previous one, and the next
 *   `point` (or `done`) supersedes it.
 * - `done`: the summary is complete; `coverage` is the fraction of the article's text the model read
 *   (1 when it read all of it, 0.6 for "a summary of the first 60% of the article").
 */
export type EngineEvent =
  { kind: 'point'; text: string } | { kind: 'partial'; text: string } | { kind: 'done'; coverage: number };

/** Why an engine failed. The UI can offer the on-device summary for every one of them. */
export type EngineErrorCode =
  | 'unauthorized'
  | 'model-not-found'
  | 'unreachable'
  | 'timeout'
  | 'cors'
  | 'rate-limited'
  | 'bad-stream'
  | 'quota'
  | 'unavailable'
  | 'aborted'
  | 'invalid-config'
  | 'unknown';

/**
 * A failure, ready to show: `message` says what happened in one sentence, `hint` what the user can do.
 * Neither ever contains an API key.
 */
export interface EngineError {
  kind: 'error';
  code: EngineErrorCode;
  message: string;
  hint?: string;
}

/** Everything an engine's stream can yield. The last item is always `done` or `error`. */
export type EngineOutput = EngineEvent | EngineError;

/** Which engine wrote a summary (the on-device extractive summarizer is not an Engine). */
export type EngineId = 'builtin' | 'trial' | 'openai';

/** Per-request choices shared by all engines. */
export interface StreamOptions {
  /** short: 3 points, medium: 5, long: 7 (default medium). */
  length?: SummaryLength;
}

/** An optional AI engine. */
export interface Engine {
  readonly id: EngineId;
  /** Names the engine for the panel, e.g. "llama3.2 on localhost:11434" or "Browser's built-in AI". */
  readonly label: string;
  /**
   * Summarizes an article as a stream of events. Aborting `signal` (panel collapsed, page left) stops
   * the request; the stream then ends with an `aborted` error. Breaking out of the loop also stops it.
   */
  summarizeStream(article: Article, options: StreamOptions, signal: AbortSignal): AsyncIterable<EngineOutput>;
}

/** The subset of `fetch` the engines use: the global `fetch` in browsers and in Node 18+. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
