import { browser, type Browser } from 'wxt/browser';

/**
 * The one message protocol between the extension's parts. Each side declares its handlers as a map from
 * message name to function, and the compiler checks names, arguments and answers on both ends.
 */

/** Where the panel is on a page: not there, the collapsed bar, or showing the summary (or its message). */
export type PanelState = 'hidden' | 'collapsed' | 'expanded';

/** What the popup shows about a tab's page. */
export type PageStatus =
  | { kind: 'article'; title: string; minutes: number; panel: PanelState }
  | { kind: 'no-article'; panel: PanelState };

/** Messages a content script sends to the background. */
export interface BackgroundProtocol {
  /** Whether the bar should appear by itself on this hostname, per the user's settings. */
  shouldAutoShow(data: { hostname: string }): boolean;
}

/** Messages the popup or the background send to a tab's always-on content script. */
export interface TabProtocol {
  getPageStatus(data: void): PageStatus;
  togglePanel(data: void): PageStatus;
}

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

function unwrap(reply: unknown): unknown {
  const r = reply as Reply | undefined;
  if (!r) throw new Error('No answer from the other side of the extension');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** Registers the handlers of one side. Returns a function that removes them. */
export function onMessages<P>(handlers: Handlers<P>): () => void {
  const listener = (
    message: unknown,
    sender: Browser.runtime.MessageSender,
    sendResponse: (reply: Reply) => void,
  ): true | undefined => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type as keyof P] as (data: unknown, s: typeof sender) => unknown;
    Promise.resolve()
      .then(() => handler(message.data, sender))
      .then(
        (value) => sendResponse({ ok: true, value }),
        (error: unknown) => sendResponse({ ok: false, error: String((error as Error)?.message ?? error) }),
      );
    return true; // keeps the channel open for the asynchronous answer
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Sends a message to the background. */
export async function sendToBackground<K extends keyof BackgroundProtocol>(
  type: K,
  data: Data<BackgroundProtocol, K>,
): Promise<Answer<BackgroundProtocol, K>> {
  const envelope: Envelope = { protocol: 'no-time-to-read', type, data };
  return unwrap(await browser.runtime.sendMessage(envelope)) as Answer<BackgroundProtocol, K>;
}

/** Sends a message to the always-on content script of a tab's top frame. */
export async function sendToTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data: Data<TabProtocol, K>,
): Promise<Answer<TabProtocol, K>> {
  const envelope: Envelope = { protocol: 'no-time-to-read', type, data };
  return unwrap(await browser.tabs.sendMessage(tabId, envelope, { frameId: 0 })) as Answer<TabProtocol, K>;
}
