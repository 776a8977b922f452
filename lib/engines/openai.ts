/**
 * The OpenAI-compatible engine: any server with `POST /chat/completions` and `GET /models` (Ollama,
 * LM Studio, llama.cpp's server, vLLM, OpenAI). `fetch` is passed in, so the same code runs in the
 * extension and in Node (CLI, tests).
 *
 * What is sent: the article's title and the beginning of its text that fits `inputBudgetChars`, with
 * the instructions; the API key only in the Authorization header. Nothing is logged.
 */
import type { Article } from '../article';
import { normalizeBaseUrl } from './baseUrl';
import { completionText } from './completion';
import { startDeadline, type Deadline } from './deadline';
import { EngineFailure, engineError } from './errors';
import { fitBlocks } from './fitBlocks';
import { httpError, unreachableError, type ErrorContext } from './openaiErrors';
import { createPointParser } from './points';
import { buildMessages } from './prompt';
import type { Engine, EngineError, EngineOutput, FetchLike, StreamOptions } from './types';

/** The user's server settings. */
export interface OpenAIConfig {
  /** As typed by the user; normalized by `normalizeBaseUrl` (e.g. "localhost:11434" → ".../v1"). */
  baseUrl: string;
  model: string;
  /** Sent as "Authorization: Bearer …" when set; local servers usually need none. */
  apiKey?: string;
  /** Most characters of article text per request (default DEFAULT_INPUT_BUDGET_CHARS). */
  inputBudgetChars?: number;
  /** BCP 47 tag to write the summary in; default: the article's language. */
  outputLanguage?: string;
  /** Longest wait for the server's next bytes, in ms (default DEFAULT_TIMEOUT_MS). */
  timeoutMs?: number;
}

/**
 * About 6,000 tokens of English (4 characters a token, fewer for other scripts): a whole
 * 4,000-word article, and it fits the 8k contexts of small local models with room for the answer.
 * Ollama's default context is smaller (2-4k) unless raised: lower this for such a setup.
 */
export const DEFAULT_INPUT_BUDGET_CHARS = 24_000;

/**
 * A local model may take a minute to load into memory before its first token; after that tokens
 * come every fraction of a second. Two minutes of silence means the server is stuck.
 */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** "Test connection" should answer quickly: listing models involves no model. */
const LIST_MODELS_TIMEOUT_MS = 10_000;

/** A short look, only after a network failure, to tell "server down" from "CORS refused". */
const CORS_PROBE_TIMEOUT_MS = 3_000;

/** The models a server offers, or why they could not be listed. */
export type ModelList = { kind: 'ok'; models: string[] } | EngineError;

/** A config ready to use, or the error to show instead. */
function resolve(config: OpenAIConfig): { baseUrl: string; context: ErrorContext } | EngineError {
  const base = normalizeBaseUrl(config.baseUrl);
  if (base.kind === 'invalid')
    return engineError('invalid-config', base.message, 'Fix the server address in the settings.');
  return { baseUrl: base.url, context: { baseUrl: base.url, model: config.model, apiKey: config.apiKey } };
}

function headers(config: OpenAIConfig, accept: string): Record<string, string> {
  const result: Record<string, string> = { Accept: accept };
  if (config.apiKey) result.Authorization = `Bearer ${config.apiKey}`;
  return result;
}

/**
 * After fetch itself failed: in a browser a CORS refusal looks exactly like a server that is down.
 * An opaque `no-cors` request succeeds in the first case only. In Node it fails like the first fetch.
 */
async function corsLikely(fetchFn: FetchLike, baseUrl: string, parent: AbortSignal): Promise<boolean> {
  const deadline = startDeadline(parent, CORS_PROBE_TIMEOUT_MS);
  try {
    await fetchFn(`${baseUrl}/models`, { mode: 'no-cors', signal: deadline.signal });
    return true;
  } catch {
    return false;
  } finally {
    deadline.dispose();
  }
}

/** Turns whatever a request threw into the error to show, given where it happened. */
async function classify(
  error: unknown,
  phase: 'connect' | 'read',
  deadline: Deadline,
  signal: AbortSignal,
  probe: () => Promise<boolean>,
  baseUrl: string,
): Promise<EngineError> {
  if (error instanceof EngineFailure) return error.error;
  if (signal.aborted) return engineError('aborted', 'The summary was cancelled.');
  if (deadline.timedOut)
    return engineError(
      'timeout',
      `${baseUrl} did not answer in time.`,
      'The model may still be loading: try again, or use a smaller model.',
    );
  if (phase === 'read')
    return engineError(
      'bad-stream',
      `The connection to ${baseUrl} broke before the summary was complete.`,
      'Try again.',
    );
  // Node's fetch says why in `cause` (ECONNREFUSED, ENOTFOUND...) and has no CORS; browsers say nothing.
  const detailed = error instanceof Error && error.cause !== undefined;
  return unreachableError(baseUrl, !detailed && (await probe()));
}

/** Creates the engine for one server and model. */
export function createOpenAIEngine(config: OpenAIConfig, fetchFn: FetchLike): Engine {
  const resolved = resolve(config);
  const label = 'kind' in resolved ? config.model : `${config.model} on ${new URL(resolved.baseUrl).host}`;
  return {
    id: 'openai',
    label,
    summarizeStream: (article, options, signal) =>
      stream(config, resolved, fetchFn, article, options, signal),
  };
}

async function* stream(
  config: OpenAIConfig,
  resolved: ReturnType<typeof resolve>,
  fetchFn: FetchLike,
  article: Article,
  options: StreamOptions,
  signal: AbortSignal,
): AsyncGenerator<EngineOutput> {
  if ('kind' in resolved) return yield resolved;
  if (!article.text.trim()) return yield engineError('unknown', 'The article has no text to summarize.');
  const { baseUrl, context } = resolved;
  const budget = config.inputBudgetChars ?? DEFAULT_INPUT_BUDGET_CHARS;
  const excerpt = await fitBlocks(article, (text) => text.length <= budget);
  if (!excerpt.text)
    return yield engineError('quota', 'The input budget is too small for any of the article.');
  const messages = buildMessages(article, excerpt.text, {
    length: options.length ?? 'medium',
    outputLanguage: config.outputLanguage,
    partial: excerpt.coverage < 1,
  });

  const deadline = startDeadline(signal, config.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const parser = createPointParser();
  let phase: 'connect' | 'read' = 'connect';
  try {
    const response = await fetchFn(`${baseUrl}/chat/completions`, {
      method: 'POST',
      headers: {
        ...headers(config, 'text/event-stream, application/json'),
        'Content-Type': 'application/json',
      },
      // No temperature or token limit: OpenAI's reasoning models refuse non-default values, and the
      // prompt already bounds the answer to a few lines.
      body: JSON.stringify({ model: config.model, messages, stream: true }),
      signal: deadline.signal,
    });
    phase = 'read';
    if (!response.ok) return yield await httpError(response, context);
    for await (const text of completionText(response, deadline.touch, [config.apiKey]))
      yield* parser.push(text);
    yield* parser.end();
    if (parser.count === 0)
      return yield engineError(
        'bad-stream',
        `"${config.model}" answered with no summary.`,
        'Try again, or try another model.',
      );
    yield { kind: 'done', coverage: excerpt.coverage };
  } catch (error) {
    yield await classify(error, phase, deadline, signal, () => corsLikely(fetchFn, baseUrl, signal), baseUrl);
  } finally {
    deadline.dispose();
  }
}

/** Lists the server's models (`GET {baseUrl}/models`), for "Test connection" and the model picker. */
export async function listModels(
  config: OpenAIConfig,
  fetchFn: FetchLike,
  signal?: AbortSignal,
): Promise<ModelList> {
  const resolved = resolve(config);
  if ('kind' in resolved) return resolved;
  const { baseUrl, context } = resolved;
  const parent = signal ?? new AbortController().signal;
  const deadline = startDeadline(parent, config.timeoutMs ?? LIST_MODELS_TIMEOUT_MS);
  let phase: 'connect' | 'read' = 'connect';
  try {
    const response = await fetchFn(`${baseUrl}/models`, {
      headers: headers(config, 'application/json'),
      signal: deadline.signal,
    });
    phase = 'read';
    if (response.status === 404)
      return engineError(
        'invalid-config',
        `${baseUrl}/models was not found (404).`,
        'Check the address: it should point to an OpenAI-compatible API, which usually ends in /v1.',
      );
    if (!response.ok) return await httpError(response, context);
    return { kind: 'ok', models: modelIds(await response.json()) };
  } catch (error) {
    if (error instanceof SyntaxError)
      return engineError('bad-stream', `${baseUrl}/models is not an OpenAI-compatible model list.`);
    return classify(error, phase, deadline, parent, () => corsLikely(fetchFn, baseUrl, parent), baseUrl);
  } finally {
    deadline.dispose();
  }
}

/** The model ids in a `/models` answer (`{ data: [{ id }] }`), sorted; unknown shapes give none. */
function modelIds(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('data' in body) || !Array.isArray(body.data)) return [];
  return body.data
    .map((entry: unknown) =>
      typeof entry === 'object' && entry !== null && 'id' in entry && typeof entry.id === 'string'
        ? entry.id
        : '',
    )
    .filter(Boolean)
    .sort((a, b) => a.localeCompare(b));
}
