/** Polling helpers: the same code for CDP and WebDriver BiDi, with a readable message on timeout. */

export interface PollOptions {
  timeout?: number;
  interval?: number;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `check` until it returns a truthy value and returns that value. On timeout, throws with `what` and,
 * if given, the evidence `describe()` gathers (e.g. the panel's state), so a failure says what was seen.
 */
export async function poll<T>(
  what: string,
  check: () => Promise<T> | T,
  { timeout = 10_000, interval = 100 }: PollOptions = {},
  describe?: () => Promise<string>,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      // A check that never settles (e.g. a renderer that stopped answering) must not outlive the deadline.
      const value = await Promise.race([
        check(),
        sleep(Math.max(0, deadline - Date.now()) + interval).then(() => {
          throw new Error('the check itself did not answer');
        }),
      ]);
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const evidence = describe ? await describe().catch((e: unknown) => `(no evidence: ${String(e)})`) : '';
      throw new Error(
        `Timed out after ${timeout} ms waiting for ${what}.${evidence ? ` Seen: ${evidence}` : ''}${
          last ? ` Last error: ${String(last)}` : ''
        }`,
      );
    }
    await sleep(interval);
  }
}
