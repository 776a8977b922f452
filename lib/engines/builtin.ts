/**
 * The engine for the browser's built-in Summarizer API: an on-device model, so nothing leaves the
 * device, but the model may have to be downloaded first (a click in the popup starts it).
 * The `Summarizer` global is passed in; `undefined` means the browser does not have it.
 */
import type { Article } from '../article';
import type { BuiltinAvailability, SummarizerApi, SummarizerInstance, SummarizerOptions } from './builtinApi';
import { startDeadline, type Deadline } from './deadline';
import { EngineFailure, engineError, errorName, safeDetail } from './errors';
import { fitBlocks } from './fitBlocks';
import { languageName } from './languageName';
import { createPointParser } from './points';
import type { Engine, EngineError, EngineOutput, StreamOptions } from './types';

/** The builtin engine's options. */
export interface BuiltinOptions {
  /** BCP 47 tag to write the summary in; default: the article's language. */
  outputLanguage?: string;
}

/** Availability, plus `absent` when the browser has no Summarizer at all (then the option is hidden). */
export type BuiltinStatus = 'absent' | BuiltinAvailability;

/**
 * Longest silence, in ms, while the on-device model downloads (progress events count as activity)
 * or writes. Slow hardware can take long between chunks; two minutes of nothing means it is stuck.
 */
const IDLE_TIMEOUT_MS = 120_000;

/** Key points as plain text: one point per line, which is what our point parser reads. */
const BASE_OPTIONS: SummarizerOptions = { type: 'key-points', format: 'plain-text' };

/** Name shown in the panel as the summary's author. */
const LABEL = "Browser's built-in AI";

/** The same, inside a sentence. */
const NAME = "the browser's built-in AI";

/** The primary language subtag the API takes ("de-AT" → "de"), or undefined when unknown. */
function primaryLanguage(tag: string | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && primary !== 'und' ? primary : undefined;
}

/** Whether the built-in Summarizer can be used; never throws. */
export async function builtinAvailability(
  api: SummarizerApi | undefined,
  options: SummarizerOptions = {},
): Promise<BuiltinStatus> {
  if (!api) return 'absent';
  try {
    return await api.availability({ ...BASE_OPTIONS, ...options });
  } catch {
    return 'unavailable';
  }
}

/** The article does not fit the model's input quota, not even its first words. */
function quotaError(): EngineError {
  return engineError('quota', `The article is too long for the ${NAME}.`, 'Use the on-device summary.');
}

/** The error for an exception the API threw (DOMExceptions by name). */
function builtinError(error: unknown, signal: AbortSignal, deadline: Deadline): EngineError {
  if (error instanceof EngineFailure) return error.error;
  const name = errorName(error);
  if (signal.aborted) return engineError('aborted', 'The summary was cancelled.');
  if (deadline.timedOut)
    return engineError('timeout', `The ${NAME} did not answer in time.`, 'Try again later.');
  if (name === 'AbortError') return engineError('aborted', 'The summary was cancelled.');
  if (name === 'QuotaExceededError') return quotaError();
  if (name === 'NotAllowedError')
    return engineError(
      'unavailable',
      `The ${NAME} is not ready: its model has to be downloaded first.`,
      'Start the download from the extension popup.',
    );
  if (name === 'NotSupportedError' || name === 'InvalidStateError')
    return engineError('unavailable', `The ${NAME} cannot summarize this article.`);
  const detail = error instanceof Error ? safeDetail(error.message) : '';
  return engineError('unknown', `The ${NAME} failed${detail ? `: ${detail}` : '.'}`);
}

/**
 * Starts (or joins) the model download and reports progress as a fraction from 0 to 1. Call it from a
 * click handler: browsers only allow the download after a user gesture. Resolves when the model is ready.
 */
export async function startBuiltinDownload(
  api: SummarizerApi | undefined,
  onProgress: (fraction: number) => void,
  signal: AbortSignal = new AbortController().signal,
): Promise<{ kind: 'ok' } | EngineError> {
  if (!api) return engineError('unavailable', 'This browser has no built-in AI summarizer.');
  const deadline = startDeadline(signal, IDLE_TIMEOUT_MS);
  try {
    const instance = await api.create({
      ...BASE_OPTIONS,
      signal: deadline.signal,
      monitor: (monitor) =>
        monitor.addEventListener('downloadprogress', (event) => {
          deadline.touch();
          onProgress(Math.min(1, Math.max(0, event.loaded / (event.total || 1))));
        }),
    });
    instance.destroy();
    return { kind: 'ok' };
  } catch (error) {
    return builtinError(error, signal, deadline);
  } finally {
    deadline.dispose();
  }
}

/** Creates the engine over the browser's Summarizer. */
export function createBuiltinEngine(api: SummarizerApi | undefined, options: BuiltinOptions = {}): Engine {
  return {
    id: 'builtin',
    label: LABEL,
    summarizeStream: (article, streamOptions, signal) => stream(api, options, article, streamOptions, signal),
  };
}

async function* stream(
  api: SummarizerApi | undefined,
  options: BuiltinOptions,
  article: Article,
  streamOptions: StreamOptions,
  signal: AbortSignal,
): AsyncGenerator<EngineOutput> {
  if (!api) return yield engineError('unavailable', 'This browser has no built-in AI summarizer.');
  if (!article.text.trim()) return yield engineError('unknown', 'The article has no text to summarize.');
  const deadline = startDeadline(signal, IDLE_TIMEOUT_MS);
  let instance: SummarizerInstance | undefined;
  try {
    instance = await createFor(api, article, options, streamOptions, deadline);
    const context = article.title || undefined;
    const quota = instance.inputQuota;
    const measurer = instance;
    const excerpt = await fitBlocks(
      article,
      async (text) => (await measurer.measureInputUsage(text, { context, signal: deadline.signal })) <= quota,
    );
    if (!excerpt.text) return yield quotaError();

    const parser = createPointParser();
    const reader = instance
      .summarizeStreaming(excerpt.text, { context, signal: deadline.signal })
      .getReader();
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        deadline.touch();
        yield* parser.push(chunk.value);
      }
    } finally {
      reader.cancel().catch(() => undefined);
    }
    yield* parser.end();
    if (parser.count === 0) return yield engineError('bad-stream', `The ${NAME} wrote no summary.`);
    yield { kind: 'done', coverage: excerpt.coverage };
  } catch (error) {
    yield builtinError(error, signal, deadline);
  } finally {
    instance?.destroy();
    deadline.dispose();
  }
}

/** Checks the article's (or the chosen) language is supported, then creates a summarizer for it. */
async function createFor(
  api: SummarizerApi,
  article: Article,
  options: BuiltinOptions,
  streamOptions: StreamOptions,
  deadline: Deadline,
): Promise<SummarizerInstance> {
  const input = primaryLanguage(article.lang);
  const output = primaryLanguage(options.outputLanguage) ?? input;
  const wanted: SummarizerOptions = {
    ...BASE_OPTIONS,
    length: streamOptions.length ?? 'medium',
    ...(input ? { expectedInputLanguages: [input] } : {}),
    ...(output ? { outputLanguage: output } : {}),
  };
  if ((await builtinAvailability(api)) === 'unavailable')
    throw new EngineFailure(engineError('unavailable', `The ${NAME} is not available on this device.`));
  const name = languageName(output);
  if ((await builtinAvailability(api, wanted)) === 'unavailable')
    throw new EngineFailure(
      engineError(
        'unavailable',
        name ? `The ${NAME} cannot summarize in ${name}.` : `The ${NAME} cannot summarize this article.`,
        'Choose another output language or engine.',
      ),
    );
  return api.create({
    ...wanted,
    signal: deadline.signal,
    monitor: (monitor) => monitor.addEventListener('downloadprogress', () => deadline.touch()),
  });
}
