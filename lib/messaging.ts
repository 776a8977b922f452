import type { Browser } from 'wxt/browser';
import { extensionApi } from '@/lib/extension-api';
import type { Article } from '@/lib/article';
import type { EngineError, EngineOutput, TrialState } from '@/lib/engines';
import type { PreviewRequest, PreviewResult } from '@/lib/preview/types';
import type { ReadRequest, ReadResult } from '@/lib/reader';
import type { Placement, SummaryLength, Theme } from '@/lib/settings';
import type { ReadingUnits } from '@/lib/text/words';

/**
 * The one message protocol between the extension's parts. Each side declares its handlers as a map from
 * message name to function, and the compiler checks names, arguments and answers on both ends.
 */

/** Where the panel is on a page: not there, the collapsed bar, or showing the summary (or its message). */
export type PanelState = 'hidden' | 'collapsed' | 'expanded';

/**
 * What a tab's page knows of itself: an article, with what its reading time is computed from (the text's
 * counts and language: the reading speeds stay out of the always-on script), or not an article.
 */
export type PageInfo =
  ({ kind: 'article'; title: string; lang: string } & ReadingUnits) | { kind: 'no-article' };

/** A tab's answer about its page. */
export type PageReport = PageInfo & { panel: PanelState };

/** What the popup shows about a tab's page. */
export type PageStatus =
  | { kind: 'article'; title: string; minutes: number; panel: PanelState }
  | { kind: 'no-article'; panel: PanelState };

/** What the bar needs of the settings, read by the background so the always-on script stays small. */
export interface BarSettings {
  /** Whether the bar appears by itself on articles. */
  autoShow: boolean;
  /** The user chose "Don't show on this site" for this hostname (or a parent domain). */
  siteDisabled: boolean;
  startExpanded: boolean;
  placement: Placement;
  theme: Theme;
}

/** What link previews need of the settings, read by the background when the user reaches for a preview. */
export interface PreviewSettings {
  /** Link previews are on. */
  enabled: boolean;
  /** Preview a link the pointer rests on, without a key. */
  onHover: boolean;
  length: SummaryLength;
  theme: Theme;
}

/** Messages a content script sends to the background. */
export interface BackgroundProtocol {
  /** The settings link previews need (asked for at the first gesture, not at load). */
  previewSettings(data: void): PreviewSettings;
  /**
   * The settings the article page needs to draw the bar on this hostname. When they allow a bar, the background
   * also gets the reader ready (as `openReader`): one message at load instead of two.
   */
  barSettings(data: { hostname: string }): BarSettings;
  /**
   * Turns the bar off (or back on) for a hostname. Every edit of the list goes through the background, one at a
   * time, so a panel and a popup editing it at once cannot undo each other's change.
   */
  setSiteDisabled(data: { hostname: string; disabled: boolean }): void;
  /**
   * Gets the reader ready to answer `readArticle`: Chromium opens its offscreen document; Firefox's background
   * page, the reader itself and always open, loads the reader's code and warms it up.
   */
  openReader(data: void): void;
  /** Firefox: where its on-device AI (`browser.trial.ml`) stands for this extension, for the popup. */
  trialStatus(data: void): TrialState;
  /**
   * Firefox: creates the on-device AI's engine, downloading its model if needed (hundreds of MB, so only on the
   * user's click). Answers when it is ready or has failed; `trialStatus` tells the progress meanwhile.
   */
  trialDownload(data: void): { kind: 'ok' } | EngineError;
}

/**
 * Messages a page sends to the reader (lib/reader): Chromium's offscreen document, Firefox's background page.
 * Named apart from the background's own: a page's message reaches every extension document, and only one may
 * answer it.
 */
export interface ReaderProtocol {
  /** Reads a page's copy into its article and summary, off the page's main thread. */
  readArticle(data: ReadRequest): ReadResult;
  /** Fetches a link's page and previews it; a newer request aborts this one (answered `aborted`). */
  previewLink(data: PreviewRequest): PreviewResult;
}

/** Messages the popup or the background send to a tab's always-on content script. */
export interface TabProtocol {
  getPageStatus(data: void): PageReport;
  togglePanel(data: void): PageReport;
}

/** Messages the background sends to a tab's link-preview trigger (lib/preview/trigger.ts). */
export interface PreviewTabProtocol {
  /** The context menu's "Summarize this link": preview the link to `url` (the one last right-clicked). */
  previewLink(data: { url: string }): void;
}

/** Everything a tab's content scripts answer. */
type AnyTabProtocol = TabProtocol & PreviewTabProtocol;

type Handlers<P> = {
  [K in keyof P]: P[K] extends (data: infer D) => infer R
    ? (data: D, sender: Browser.runtime.MessageSender) => R | Promise<R>
    : never;
};
type Data<P, K extends keyof P> = P[K] extends (data: infer D) => unknown ? D : never;
type Answer<P, K extends keyof P> = P[K] extends (data: never) => infer R ? R : never;

interface Envelope {
  protocol: 'no-time-to-read';
  type: string;
  data: unknown;
}
type Reply = { ok: true; value: unknown } | { ok: false; error: string };

function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as Partial<Envelope>).protocol === 'no-time-to-read' &&
    typeof (message as Partial<Envelope>).type === 'string'
  );
}

/** No extension document answered the message: none has a handler for it (or none was listening). */
export class NoAnswer extends Error {}

function unwrap(reply: unknown): unknown {
  const r = reply as Reply | undefined;
  if (!r) throw new NoAnswer('No answer from the other side of the extension');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Answers `message` with `handlers`, or returns undefined when it is not one of theirs. */
function answer<P>(
  handlers: Handlers<P>,
  message: unknown,
  sender: Browser.runtime.MessageSender,
): Promise<Reply> | undefined {
  if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
  const handler = handlers[message.type as keyof P] as (data: unknown, s: typeof sender) => unknown;
  return Promise.resolve()
    .then(() => handler(message.data, sender))
    .then(
      (value): Reply => ({ ok: true, value }),
      (error: unknown): Reply => ({ ok: false, error: String((error as Error)?.message ?? error) }),
    );
}

/** Registers the handlers of one side. Returns a function that removes them. */
export function onMessages<P>(handlers: Handlers<P>): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ): true | undefined => {
    const reply = answer(handlers, message, sender);
    if (!reply) return undefined;
    void reply.then(sendResponse);
    return true; // keeps the channel open for the asynchronous answer
  };
  extensionApi().runtime.onMessage.addListener(listener);
  return () => extensionApi().runtime.onMessage.removeListener(listener);
}

/**
 * Where a tab's always-on script keeps its answerer, on its isolated world's global object (out of the page's
 * reach). `answerInTab` repeats the key: a function run by `scripting.executeScript` is sent as its source text.
 */
const TAB_ANSWERER = 'no-time-to-read.tab';
type TabAnswerer = (message: unknown) => Promise<Reply> | null;
type WithTabAnswerer = typeof globalThis & { [key: symbol]: TabAnswerer | undefined };

/**
 * A tab's side: registers the handlers of the always-on script, which the popup and the background reach with
 * `scripting.executeScript` rather than a message listener, so that a page costs no extension API call at load.
 * `isValid` is asked on every call: an orphaned copy (the extension was reloaded) answers nothing, so a new copy
 * is injected. Returns a function that removes them.
 */
export function onTabMessages(handlers: Handlers<AnyTabProtocol>, isValid: () => boolean): () => void {
  const key = Symbol.for(TAB_ANSWERER);
  const global = globalThis as WithTabAnswerer;
  const answerer: TabAnswerer = (message) => (isValid() ? (answer(handlers, message, {}) ?? null) : null);
  global[key] = answerer;
  return () => {
    if (global[key] === answerer) delete global[key];
  };
}

/** Run in a tab's top frame by `scripting.executeScript`: self-contained, as only its source text is sent. */
export function answerInTab(message: unknown): Promise<Reply> | null {
  const answerer = (globalThis as WithTabAnswerer)[Symbol.for('no-time-to-read.tab')];
  return typeof answerer === 'function' ? answerer(message) : null;
}

/** Sends a message to the background. */
export function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  data: Data<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  return sendToExtension<BackgroundProtocol, K>(type, data);
}

/**
 * Has the reader read a page's copy. The copy goes to the reader directly, not through the background: one trip
 * for 20-500 KB instead of two, and the background never holds it. A reader that is not open (Chromium closes it
 * five minutes after its last request) does not answer: the background opens it, and the page asks again.
 */
export async function readInReader(request: ReadRequest): Promise<ReadResult> {
  const read = () => sendToExtension<ReaderProtocol, 'readArticle'>('readArticle', request);
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof NoAnswer)) throw error;
    await sendToBackground('openReader', undefined);
    return read();
  }
}

/** Has the reader preview a link, opening the reader first if it is closed (as `readInReader`). */
export async function previewInReader(request: PreviewRequest): Promise<PreviewResult> {
  const ask = () => sendToExtension<ReaderProtocol, 'previewLink'>('previewLink', request);
  try {
    return await ask();
  } catch (error) {
    if (!(error instanceof NoAnswer)) throw error;
    await sendToBackground('openReader', undefined);
    return ask();
  }
}

/**
 * Sends a message to the extension's documents; the one with a handler for `type` answers. The browser rejects
 * a message no document answers (Chromium: "Receiving end does not exist", "message port closed"): `NoAnswer`.
 */
async function sendToExtension<P, K extends keyof P & string>(
  type: K,
  data: Data<P, K>,
): Promise<Answer<P, K>> {
  const envelope: Envelope = { protocol: 'no-time-to-read', type, data };
  const reply = await extensionApi()
    .runtime.sendMessage(envelope)
    .catch((error: unknown) => {
      throw new NoAnswer(String((error as Error)?.message ?? error));
    });
  return unwrap(reply) as Answer<P, K>;
}

/**
 * Sends a message to the always-on script of a tab's top frame, through `scripting.executeScript` (host access or
 * the popup's activeTab grant). A tab whose script has not run yet, or whose copy is orphaned, answers `NoAnswer`.
 */
export async function sendToTab<K extends keyof AnyTabProtocol>(
  tabId: number,
  type: K,
  data: Data<AnyTabProtocol, K>,
): Promise<Answer<AnyTabProtocol, K>> {
  const envelope: Envelope = { protocol: 'no-time-to-read', type, data };
  const [injection] = await extensionApi().scripting.executeScript({
    target: { tabId, frameIds: [0] },
    func: answerInTab,
    args: [envelope],
  });
  return unwrap(injection?.result ?? undefined) as Answer<AnyTabProtocol, K>;
}

/** Port name of a streamed AI summary: the panel asks, the background (which may reach the server) answers. */
const SUMMARY_PORT = 'no-time-to-read.summary';

/** What the panel asks the background to summarize with the configured server. */
export interface SummaryRequest {
  article: Article;
  length: SummaryLength;
}

/**
 * Panel side: streams the background's engine output for `request`. Aborting `signal` disconnects the port,
 * which cancels the request in the background. A port that closes early ends the stream with an error.
 */
export async function* streamFromBackground(
  request: SummaryRequest,
  signal: AbortSignal,
): AsyncGenerator<EngineOutput> {
  const port = extensionApi().runtime.connect({ name: SUMMARY_PORT });
  const queue: EngineOutput[] = [];
  let wake: (() => void) | null = null;
  let closed = false;
  const notify = () => {
    wake?.();
    wake = null;
  };
  port.onMessage.addListener((message: unknown) => {
    queue.push(message as EngineOutput);
    notify();
  });
  port.onDisconnect.addListener(() => {
    closed = true;
    notify();
  });
  const abort = () => port.disconnect();
  signal.addEventListener('abort', abort, { once: true });
  try {
    port.postMessage(request);
    for (;;) {
      const next = queue.shift();
      if (next) {
        yield next;
        if (next.kind === 'done' || next.kind === 'error') return;
      } else if (closed || signal.aborted) {
        yield {
          kind: 'error',
          code: signal.aborted ? 'aborted' : 'unknown',
          message: 'The summary was interrupted.',
        };
        return;
      } else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    signal.removeEventListener('abort', abort);
    if (!closed) port.disconnect();
  }
}

/** Background side: answers each summary port with the events of `summarize`, until the panel disconnects. */
export function onSummaryStreams(
  summarize: (request: SummaryRequest, signal: AbortSignal) => AsyncIterable<EngineOutput>,
): void {
  extensionApi().runtime.onConnect.addListener((port) => {
    if (port.name !== SUMMARY_PORT) return;
    const controller = new AbortController();
    port.onDisconnect.addListener(() => controller.abort());
    port.onMessage.addListener(async (request: unknown) => {
      for await (const event of summarize(request as SummaryRequest, controller.signal)) {
        if (controller.signal.aborted) return;
        port.postMessage(event);
      }
    });
  });
}
