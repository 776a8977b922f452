import { extensionApi } from '@/lib/extension-api';

/**
 * How long a content script's copy may act on a page. It ends when the extension is reloaded, updated or removed
 * (the copy is orphaned: its extension API is gone) or when a newer copy takes over the page. Listeners added
 * through it go away with it, and `onInvalidated` callbacks take away what the copy drew.
 *
 * WXT's `ContentScriptContext` has the same shape, and the panel script (a WXT content script) uses it. The
 * always-on script and the article page's script use `scriptLifetime()` instead: WXT's context dispatches a DOM
 * event and reads the extension's id as it starts, which costs every page about a millisecond at load (as much as
 * a script that reads the page once, see docs/performance.md). This one costs nothing until something asks.
 */
export interface PageLifetime {
  /** Whether the copy may still act: false once it ended, or once the extension's API is gone. */
  readonly isValid: boolean;
  /** Calls `callback` when the lifetime ends; returns a function that cancels the call. */
  onInvalidated(callback: () => void): () => void;
  /** Adds an event listener that is removed when the lifetime ends. */
  addEventListener<K extends keyof DocumentEventMap>(
    target: Document,
    type: K,
    handler: (event: DocumentEventMap[K]) => void,
    options?: AddEventListenerOptions,
  ): void;
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void;
}

/** A lifetime that ends by `end()`, or when the extension's API is found gone. */
export interface ScriptLifetime extends PageLifetime {
  end(): void;
}

/** Where the newest copy's lifetime is kept, on the isolated world's global object. */
const NEWEST = Symbol.for('no-time-to-read.lifetime');
type WithLifetime = typeof globalThis & { [NEWEST]?: ScriptLifetime };

/**
 * A new content script copy's lifetime. It ends the lifetime of an older copy in the same world, which a popup
 * that found it orphaned replaced: the older copy's bar goes with it. Plain callbacks rather than an
 * AbortController: on a page that is not an article, every DOM interface the script first touches costs it time.
 */
export function scriptLifetime(): ScriptLifetime {
  let ended = false;
  const callbacks = new Set<() => void>();
  const end = (): void => {
    if (ended) return;
    ended = true;
    for (const callback of callbacks) callback();
    callbacks.clear();
  };
  const lifetime: ScriptLifetime = {
    get isValid() {
      // An orphaned copy in Chromium keeps running, but its runtime has no id any more.
      if (!ended && !extensionApi().runtime?.id) end();
      return !ended;
    },
    onInvalidated(callback) {
      if (!ended) callbacks.add(callback);
      return () => void callbacks.delete(callback);
    },
    addEventListener(
      target: EventTarget,
      type: string,
      handler: (event: Event) => void,
      options?: AddEventListenerOptions,
    ) {
      target.addEventListener(type, handler, options);
      lifetime.onInvalidated(() => target.removeEventListener(type, handler, options));
    },
    end,
  };
  const global = globalThis as WithLifetime;
  global[NEWEST]?.end();
  global[NEWEST] = lifetime;
  return lifetime;
}
