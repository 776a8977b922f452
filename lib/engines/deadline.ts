/**
 * One AbortSignal for a request that ends when the caller aborts, when the server goes quiet for too
 * long, or when we are done with it. An idle timeout rather than a total one: a slow local model that
 * keeps streaming is fine; a server that stops answering is not.
 */
export interface Deadline {
  /** Pass this to fetch. */
  readonly signal: AbortSignal;
  /** Call whenever bytes arrive: restarts the idle timer. */
  touch(): void;
  /** Whether the idle timer (not the caller) ended the request. */
  readonly timedOut: boolean;
  /** Stops the timer and aborts anything still in flight. Safe to call twice. */
  dispose(): void;
}

/** Starts a deadline of `idleMs` without data, also ended by `parent`. */
export function startDeadline(parent: AbortSignal, idleMs: number): Deadline {
  const controller = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onParentAbort = () => controller.abort(parent.reason);
  const touch = () => {
    clearTimeout(timer);
    if (controller.signal.aborted) return;
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The server did not answer in time.', 'TimeoutError'));
    }, idleMs);
  };

  if (parent.aborted) onParentAbort();
  else parent.addEventListener('abort', onParentAbort, { once: true });
  touch();

  return {
    signal: controller.signal,
    touch,
    get timedOut() {
      return timedOut;
    },
    dispose() {
      clearTimeout(timer);
      parent.removeEventListener('abort', onParentAbort);
      controller.abort();
    },
  };
}
