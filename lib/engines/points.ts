/**
 * Turns a model's streamed text into key points as lines arrive. Both engines ask for (or get) one
 * point per line, usually with a bullet; this strips the bullets and the decoration models add anyway.
 */

/** What the parser produces: finished points, and the line still being written. */
export type PointEvent = { kind: 'point'; text: string } | { kind: 'partial'; text: string };

/** An incremental parser: feed it chunks, then `end()` once the text is complete. */
export interface PointParser {
  /** Adds a chunk (any size, may split lines or words anywhere) and returns what it completes. */
  push(chunk: string): PointEvent[];
  /** Flushes the last line, if any, as a point. */
  end(): PointEvent[];
  /** Points emitted so far. */
  readonly count: number;
}

/**
 * Bullets and numbering models put before points: "-", "*", "•", "–", "—", "1.", "1)", "(1)".
 * One pattern, built once, applied to each finished line.
 */
const BULLET = /^\s*(?:[-*•‣◦▪–—]+|\(?\d{1,2}[.)])\s*/u;

/** Markdown emphasis around a whole point or its lead-in ("**Economy:** ..."): we show plain text. */
const EMPHASIS = /\*\*|__/g;

/**
 * A line that introduces the list rather than being a point ("Here are the key points:"). Only
 * dropped before the first point and only without a bullet, so a real point ending in ":" survives.
 */
const PREAMBLE = /:\s*$/;

/** One line as a point's text: bullet, emphasis and surrounding whitespace removed. */
export function cleanPoint(line: string): string {
  return line.replace(BULLET, '').replace(EMPHASIS, '').replace(/\s+/gu, ' ').trim();
}

/** Creates an incremental line → point parser. */
export function createPointParser(): PointParser {
  let pending = '';
  let count = 0;

  const finish = (line: string): PointEvent[] => {
    const text = cleanPoint(line);
    if (!text) return [];
    if (count === 0 && !BULLET.test(line) && PREAMBLE.test(text)) return [];
    count += 1;
    return [{ kind: 'point', text }];
  };

  return {
    push(chunk) {
      pending += chunk;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop() ?? '';
      const events = lines.flatMap(finish);
      const partial = cleanPoint(pending);
      if (partial) events.push({ kind: 'partial', text: partial });
      return events;
    },
    end() {
      const last = pending;
      pending = '';
      return finish(last);
    },
    get count() {
      return count;
    },
  };
}
