import { EngineFailure, engineError, safeDetail } from './errors';
import { createSseParser } from './sse';

/**
 * Reads a chat-completions answer as text deltas, whether the server streamed server-sent events
 * (as asked) or answered with one JSON object (servers that ignore `stream: true`). Throws
 * EngineFailure for malformed data; read errors (connection cut, abort) propagate as they are.
 */

/** Enough raw text to recognize a plain JSON answer that came without a JSON content type. */
const MAX_SNIFF_CHARS = 1_000_000;

/** The text in one parsed chunk or answer: a streamed delta, a full message, or a legacy `text`. */
function contentOf(value: unknown, secrets: readonly (string | undefined)[]): string {
  if (typeof value !== 'object' || value === null) throw malformed();
  if ('error' in value) {
    const { error } = value;
    const message =
      typeof error === 'string'
        ? error
        : typeof error === 'object' &&
            error !== null &&
            'message' in error &&
            typeof error.message === 'string'
          ? error.message
          : 'unknown error';
    throw new EngineFailure(
      engineError('unknown', `The server reported an error: ${safeDetail(message, secrets)}`),
    );
  }
  const choice: unknown = 'choices' in value && Array.isArray(value.choices) ? value.choices[0] : undefined;
  if (typeof choice !== 'object' || choice === null) return '';
  for (const key of ['delta', 'message'] as const) {
    const part: unknown = key in choice ? (choice as Record<string, unknown>)[key] : undefined;
    if (typeof part === 'object' && part !== null && 'content' in part && typeof part.content === 'string')
      return part.content;
  }
  return 'text' in choice && typeof choice.text === 'string' ? choice.text : '';
}

function malformed(): EngineFailure {
  return new EngineFailure(
    engineError(
      'bad-stream',
      'The server sent a malformed answer.',
      'Check that the address is an OpenAI-compatible API.',
    ),
  );
}

function parse(payload: string, secrets: readonly (string | undefined)[]): string {
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    throw malformed();
  }
  return contentOf(value, secrets);
}

/**
 * Yields the answer's text as it arrives. `onData` is called for every chunk of bytes (it restarts the
 * idle timer). Returns normally at `data: [DONE]` or at the end of the body.
 */
export async function* completionText(
  response: Response,
  onData: () => void,
  secrets: readonly (string | undefined)[],
): AsyncGenerator<string> {
  const reader = response.body?.getReader();
  if (!reader) throw malformed();
  const decoder = new TextDecoder();
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const sse = createSseParser();
  let raw = '';
  let events = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
      if (!done) onData();
      if (isJson || (events === 0 && raw.length < MAX_SNIFF_CHARS)) raw += text;
      if (isJson) {
        if (done) yield parse(raw, secrets);
      } else {
        for (const payload of done ? [...sse.push(text), ...sse.end()] : sse.push(text)) {
          events += 1;
          if (payload.trim() === '[DONE]') return;
          yield parse(payload, secrets);
        }
        // No event at all: a JSON answer sent with another content type.
        if (done && events === 0 && raw.trim().startsWith('{')) yield parse(raw, secrets);
      }
      if (done) return;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
