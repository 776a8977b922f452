import { afterEach, describe, expect, it, vi } from 'vitest';
import { closeWhenIdle } from '../../lib/reader/offscreen';

/**
 * The offscreen reader closes itself five minutes after its last request, so an idle browser holds no extra page.
 */

afterEach(() => {
  vi.useRealTimers();
});

function fakeWindow() {
  const close = vi.fn();
  const win = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number,
    clearTimeout: (id: number) => clearTimeout(id),
    close,
  } as unknown as Window;
  return { win, close };
}

describe('closeWhenIdle', () => {
  it('closes five minutes after the last request, and each request postpones it', () => {
    vi.useFakeTimers();
    const { win, close } = fakeWindow();
    const touch = closeWhenIdle(win);
    touch();
    vi.advanceTimersByTime(299_000);
    touch();
    vi.advanceTimersByTime(299_000);
    expect(close).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(close).toHaveBeenCalledTimes(1);
  });
});
