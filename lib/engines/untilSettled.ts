/**
 * `promise`, or a rejection with the signal's reason as soon as `signal` aborts, for calls that take no signal
 * themselves (`browser.trial.ml`): the caller stops waiting, the call itself runs on.
 */
export function untilSettled<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
