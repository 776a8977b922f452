/**
 * A server-sent events reader for chat-completion streams: collects the `data:` lines of each event
 * and hands back their payloads. Comments (":" lines, used as keep-alives), `event:`, `id:` and
 * `retry:` fields are ignored; the completion protocol only uses `data`.
 */
export interface SseParser {
  /** Adds decoded text (any split) and returns the payloads of the events it completes. */
  push(text: string): string[];
  /** Returns the payload of an event left unterminated when the stream ended, if any. */
  end(): string[];
}

/** Creates a server-sent events parser. */
export function createSseParser(): SseParser {
  let buffer = '';
  let data: string[] = [];

  const dispatch = (): string[] => {
    if (data.length === 0) return [];
    const payload = data.join('\n');
    data = [];
    return [payload];
  };
  const line = (text: string): string[] => {
    if (text === '') return dispatch();
    if (!text.startsWith('data:')) return [];
    // The spec strips exactly one space after the colon.
    data.push(text.slice(text.startsWith('data: ') ? 6 : 5));
    return [];
  };

  return {
    push(text) {
      buffer += text;
      // A "\r" at the very end may be the first half of "\r\n": hold it until the next chunk.
      const held = buffer.endsWith('\r') ? '\r' : '';
      const lines = buffer.slice(0, buffer.length - held.length).split(/\r\n|\r|\n/);
      buffer = (lines.pop() ?? '') + held;
      return lines.flatMap(line);
    },
    end() {
      const last = buffer;
      buffer = '';
      return [...(last ? line(last.replace(/\r$/, '')) : []), ...dispatch()];
    },
  };
}
