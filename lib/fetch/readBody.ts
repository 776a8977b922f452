/**
 * Reads a response body as a stream, a chunk at a time, so a reader can stop early: after the first bytes
 * (to sniff them) or past a size limit, without downloading the rest.
 */
export interface BodyReader {
  /** Reads until at least `size` bytes are held or the body ends; true when it has ended. */
  fill(size: number): Promise<boolean>;
  /** The bytes read so far, as one array. */
  bytes(): Uint8Array;
  /** How many bytes have been read. */
  readonly size: number;
  /** Stops reading and tells the server (the connection is closed): the rest is never downloaded. */
  cancel(): void;
}

/**
 * A reader of `body` (null for an empty body). `until` wraps each read so a deadline or an abort ends it even
 * when the stream itself does not notice.
 */
export function readBody(
  body: ReadableStream<Uint8Array> | null,
  until: <T>(step: Promise<T>) => Promise<T>,
): BodyReader {
  const reader = body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = !reader;
  return {
    get size() {
      return size;
    },
    async fill(wanted) {
      while (!ended && size < wanted) {
        const { done, value } = await until(reader!.read());
        if (done) ended = true;
        else if (value.length) {
          chunks.push(value);
          size += value.length;
        }
      }
      return ended;
    },
    bytes() {
      const all = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) {
        all.set(chunk, at);
        at += chunk.length;
      }
      return all;
    },
    cancel() {
      if (!ended) reader?.cancel().catch(() => undefined);
      ended = true;
    },
  };
}
