/**
 * The shape of the browser's built-in Summarizer API (Chrome's Summarization API), as much of it as
 * we use. Declared here because TypeScript's DOM library does not have it yet; the global is passed
 * in (`globalThis.Summarizer` in the browser, a stand-in in tests).
 */

/** Whether the on-device model can be used, must be downloaded first, or never will be here. */
export type BuiltinAvailability = 'unavailable' | 'downloadable' | 'downloading' | 'available';

/** Progress of the model download: `loaded` is a fraction of `total` (Chrome reports total = 1). */
export interface DownloadProgressEvent {
  readonly loaded: number;
  readonly total?: number;
}

/** What `monitor` receives while `create()` downloads the model. */
export interface CreateMonitor {
  addEventListener(type: 'downloadprogress', listener: (event: DownloadProgressEvent) => void): void;
}

/** Options of `availability()` and `create()`. */
export interface SummarizerOptions {
  type?: 'key-points' | 'tldr' | 'teaser' | 'headline';
  format?: 'plain-text' | 'markdown';
  length?: 'short' | 'medium' | 'long';
  sharedContext?: string;
  expectedInputLanguages?: string[];
  outputLanguage?: string;
}

/** Options of `create()` only. */
export interface SummarizerCreateOptions extends SummarizerOptions {
  monitor?: (monitor: CreateMonitor) => void;
  signal?: AbortSignal;
}

/** Per-call options of `summarizeStreaming()` and `measureInputUsage()`. */
export interface SummarizeCallOptions {
  context?: string;
  signal?: AbortSignal;
}

/** A created summarizer. */
export interface SummarizerInstance {
  /** How much input (in the API's units, as `measureInputUsage` counts) one call may take. */
  readonly inputQuota: number;
  measureInputUsage(input: string, options?: SummarizeCallOptions): Promise<number>;
  /** The summary as a stream of text chunks, each following the previous one. */
  summarizeStreaming(input: string, options?: SummarizeCallOptions): ReadableStream<string>;
  destroy(): void;
}

/** The `Summarizer` global. */
export interface SummarizerApi {
  availability(options?: SummarizerOptions): Promise<BuiltinAvailability>;
  create(options?: SummarizerCreateOptions): Promise<SummarizerInstance>;
}
