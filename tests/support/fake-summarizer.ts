/**
 * A stand-in for the browser's `Summarizer` global with the API's shape: availability states, a model
 * download with progress events, `summarizeStreaming` as a ReadableStream, `inputQuota` and
 * `measureInputUsage`, and DOMException failures by name. It records how it was called.
 */
import type {
  BuiltinAvailability,
  SummarizerApi,
  SummarizerCreateOptions,
  SummarizerInstance,
  SummarizerOptions,
} from '@/lib/engines/builtinApi';

/** How the stand-in behaves. */
export interface FakeOptions {
  availability?: BuiltinAvailability;
  /** Output languages it cannot write: availability() says 'unavailable' for them. */
  unsupportedLanguages?: string[];
  /** `loaded` values of the downloadprogress events `create()` fires when the model is not there yet. */
  downloadProgress?: number[];
  /** Usage is the input's length plus the context's. */
  inputQuota?: number;
  /** What summarizeStreaming streams. */
  chunks?: string[];
  /** DOMException name `create()` rejects with. */
  createError?: string;
  /** DOMException name the stream errors with after its first chunk. */
  streamError?: string;
  /** After the first chunk, the stream waits until aborted. */
  hold?: boolean;
}

/** What the stand-in saw. */
export interface FakeRecord {
  availabilityCalls: SummarizerOptions[];
  createCalls: SummarizerOptions[];
  measured: string[];
  summarized: { input: string; context?: string }[];
  destroyed: number;
}

/** A Summarizer stand-in and its record. */
export function fakeSummarizer(options: FakeOptions = {}): { api: SummarizerApi; record: FakeRecord } {
  const record: FakeRecord = {
    availabilityCalls: [],
    createCalls: [],
    measured: [],
    summarized: [],
    destroyed: 0,
  };
  const availability = options.availability ?? 'available';

  const api: SummarizerApi = {
    async availability(wanted = {}) {
      record.availabilityCalls.push(wanted);
      const language = wanted.outputLanguage ?? '';
      return options.unsupportedLanguages?.includes(language) ? 'unavailable' : availability;
    },
    async create(wanted: SummarizerCreateOptions = {}) {
      const { monitor, signal, ...rest } = wanted;
      record.createCalls.push(rest);
      if (options.createError) throw new DOMException('create failed', options.createError);
      if (availability === 'unavailable') throw new DOMException('unavailable', 'NotSupportedError');
      const listeners: ((event: { loaded: number; total: number }) => void)[] = [];
      monitor?.({ addEventListener: (_, listener) => listeners.push(listener) });
      if (availability !== 'available')
        for (const loaded of options.downloadProgress ?? [0, 1])
          listeners.forEach((l) => l({ loaded, total: 1 }));
      signal?.throwIfAborted();
      return instance(options, record);
    },
  };
  return { api, record };
}

function instance(options: FakeOptions, record: FakeRecord): SummarizerInstance {
  return {
    inputQuota: options.inputQuota ?? 100_000,
    async measureInputUsage(input, call = {}) {
      record.measured.push(input);
      return input.length + (call.context?.length ?? 0);
    },
    summarizeStreaming(input, call = {}) {
      record.summarized.push({ input, context: call.context });
      const chunks = [...(options.chunks ?? [])];
      return new ReadableStream<string>({
        async pull(controller) {
          const chunk = chunks.shift();
          if (chunk === undefined) return controller.close();
          if (chunks.length < (options.chunks?.length ?? 0) - 1) {
            if (options.streamError)
              return controller.error(new DOMException('stream failed', options.streamError));
            if (options.hold) await aborted(call.signal);
            if (call.signal?.aborted) return controller.error(new DOMException('aborted', 'AbortError'));
          }
          controller.enqueue(chunk);
        },
      });
    },
    destroy() {
      record.destroyed += 1;
    },
  };
}

/** Longest a held stream waits: far beyond any test's need, so the stand-in can never hang a run. */
const MAX_HOLD_MS = 5_000;

/** Resolves when the signal aborts, or after MAX_HOLD_MS. */
function aborted(signal: AbortSignal | undefined): Promise<void> {
  if (!signal || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    setTimeout(resolve, MAX_HOLD_MS).unref();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
