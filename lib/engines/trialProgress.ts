import type { TrialProgressEvent } from './trialApi';

/** Turns `browser.trial.ml.onProgress` events into one fraction of the whole model, from 0 to 1. */
export interface TrialProgress {
  /** Takes one event; returns the fraction so far. */
  push(event: TrialProgressEvent): number;
  readonly fraction: number;
}

/**
 * A tracker for one model download. The model is several files (encoder, decoder, tokenizer, configs), each
 * reported under its own `id` with its own byte counts: the fraction is the bytes of all files seen so far over
 * their sizes. An event without an `id` or sizes counts by its `progress` percentage. The fraction never goes
 * back, although a file announced late adds to the total.
 */
export function createTrialProgress(): TrialProgress {
  const files = new Map<string, { loaded: number; total: number }>();
  let fraction = 0;

  const bytesFraction = (): number => {
    let loaded = 0;
    let total = 0;
    for (const file of files.values()) {
      loaded += Math.min(file.loaded, file.total);
      total += file.total;
    }
    return total > 0 ? loaded / total : 0;
  };

  const push = (event: TrialProgressEvent): number => {
    const total = finite(event.total);
    if (event.id && total > 0) {
      const done = event.statusText === 'done';
      files.set(event.id, { loaded: done ? total : finite(event.totalLoaded), total });
      fraction = Math.max(fraction, bytesFraction());
    } else if (files.size === 0) {
      fraction = Math.max(fraction, finite(event.progress) / 100);
    }
    fraction = Math.min(1, fraction);
    return fraction;
  };

  return {
    push,
    get fraction() {
      return fraction;
    },
  };
}

function finite(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
