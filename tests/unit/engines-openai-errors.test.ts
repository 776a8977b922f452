import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listModels, type EngineError, type FetchLike, type OpenAIConfig } from '@/lib/engines';
import { API_KEY, run } from '../support/engine-runs';
import { corsEnforcingFetch } from '../support/cors-fetch';
import {
  DEFAULT_POINTS,
  SCRIPTED_MODELS as M,
  startOpenAIServer,
  type OpenAIServer,
} from '../support/openai-server';

/** An idle timeout far below the server's scripted waits (5 s); no assertion depends on timing. */
const SHORT_TIMEOUT_MS = 200;
const WRONG_KEY = 'sk-wrong-key-0123456789';
const EXTENSION_ORIGIN = 'chrome-extension://abcdefghijklmnop';

let server: OpenAIServer;
let closedBaseUrl: string;
beforeAll(async () => {
  server = await startOpenAIServer({ apiKey: API_KEY, allowOrigins: [EXTENSION_ORIGIN] });
  const closed = await startOpenAIServer();
  closedBaseUrl = closed.baseUrl; // nothing listens there once closed
  await closed.close();
});
afterAll(() => server.close());

const base = (): OpenAIConfig => ({ baseUrl: server.baseUrl, model: M.stream, apiKey: API_KEY });

/** The stream's last event, which must be its only error. */
async function failure(config: OpenAIConfig, fetchFn: FetchLike = fetch): Promise<EngineError> {
  const events = await run(config, { fetch: fetchFn });
  const last = events.at(-1);
  expect(events.filter((e) => e.kind === 'error' || e.kind === 'done')).toEqual([last]);
  if (last?.kind !== 'error') throw new Error(`expected an error, got ${JSON.stringify(last)}`);
  return last;
}

/** Never a key, masked or not, in anything shown. */
function expectNoKey(error: EngineError) {
  const shown = `${error.message} ${error.hint ?? ''}`;
  for (const secret of [API_KEY, WRONG_KEY, WRONG_KEY.slice(0, 6), WRONG_KEY.slice(-4)])
    expect(shown).not.toContain(secret);
}

describe('OpenAI-compatible engine: failures', () => {
  it.each<[string, Partial<OpenAIConfig>, EngineError['code'], RegExp, RegExp?]>([
    ['a wrong API key (401)', { apiKey: WRONG_KEY }, 'unauthorized', /refused the API key/, /API key/],
    ['a missing API key (401)', { apiKey: undefined }, 'unauthorized', /needs an API key/, /API key/],
    [
      'an unknown model (404)',
      { model: 'no-such-model' },
      'model-not-found',
      /"no-such-model"/,
      /ollama pull/,
    ],
    ['a rate limit (429)', { model: M.rateLimited }, 'rate-limited', /429/, /Wait 7 seconds/],
    ['a server error (500)', { model: M.serverError }, 'unavailable', /500.*Model crashed/],
    ['a malformed data line', { model: M.badJson }, 'bad-stream', /malformed/],
    ['a connection cut mid-stream', { model: M.cut }, 'bad-stream', /broke before the summary was complete/],
    ['an error inside the stream', { model: M.inStreamError }, 'unknown', /ran out of memory/],
    ['an answer with no text', { model: M.empty }, 'bad-stream', /no summary/],
    [
      'no answer in time',
      { model: M.slow, timeoutMs: SHORT_TIMEOUT_MS },
      'timeout',
      /did not answer in time/,
    ],
    [
      'a stall mid-stream',
      { model: M.stall, timeoutMs: SHORT_TIMEOUT_MS },
      'timeout',
      /did not answer in time/,
    ],
    ['an invalid address', { baseUrl: 'ftp://example.com' }, 'invalid-config', /http/],
  ])('explains %s', async (_, override, code, message, hint) => {
    const error = await failure({ ...base(), ...override });
    expect(error).toMatchObject({ code, message: expect.stringMatching(message) });
    if (hint) expect(error.hint).toMatch(hint);
    expectNoKey(error);
  });

  it('names the base URL when the server is unreachable', async () => {
    const error = await failure({ ...base(), baseUrl: closedBaseUrl });
    expect(error).toMatchObject({ code: 'unreachable', message: `Could not reach ${closedBaseUrl}.` });
    expect(await listModels({ ...base(), baseUrl: closedBaseUrl }, fetch)).toMatchObject({
      code: 'unreachable',
    });
  });

  it('never repeats the key a server echoes back', async () => {
    const result = await listModels({ ...base(), apiKey: WRONG_KEY }, fetch);
    expect(result).toMatchObject({ kind: 'error', code: 'unauthorized' });
    if (result.kind === 'error') expectNoKey(result);
  });
});

describe('OpenAI-compatible engine: origins (CORS)', () => {
  it.each([
    ['allowed', 'OPTIONS', EXTENSION_ORIGIN, 204, EXTENSION_ORIGIN],
    ['refused', 'OPTIONS', 'chrome-extension://other', 403, null],
    ['refused', 'GET', 'chrome-extension://other', 403, null],
  ])(
    'the test server answers an %s origin like Ollama (%s)',
    async (_, method, origin, status, allowOrigin) => {
      const response = await fetch(`${server.baseUrl}/models`, {
        method,
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          Authorization: `Bearer ${API_KEY}`,
        },
      });
      expect(response.status).toBe(status);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowOrigin);
    },
  );

  it('works through a browser fetch from an allowed origin', async () => {
    const events = await run(base(), { fetch: corsEnforcingFetch(EXTENSION_ORIGIN) });
    expect(events.flatMap((e) => (e.kind === 'point' ? [e.text] : []))).toEqual(DEFAULT_POINTS);
  });

  it('explains OLLAMA_ORIGINS when a browser fetch is refused by CORS', async () => {
    const error = await failure(base(), corsEnforcingFetch('chrome-extension://other'));
    expect(error).toMatchObject({
      code: 'cors',
      message: expect.stringMatching(/refused requests from the extension/),
    });
    expect(error.hint).toMatch(/OLLAMA_ORIGINS=chrome-extension:\/\/\*,moz-extension:\/\/\*/);
  });

  it('explains OLLAMA_ORIGINS when the server answers 403 to the origin (host permission, no CORS)', async () => {
    const withOrigin: FetchLike = (input, init) =>
      fetch(input, {
        ...init,
        headers: { ...(init?.headers as Record<string, string>), Origin: 'moz-extension://x' },
      });
    const error = await failure(base(), withOrigin);
    expect(error).toMatchObject({ code: 'cors', message: expect.stringMatching(/403/) });
    expect(error.hint).toMatch(/OLLAMA_ORIGINS/);
  });

  it('still reports a server that is down as unreachable through a browser fetch', async () => {
    const error = await failure({ ...base(), baseUrl: closedBaseUrl }, corsEnforcingFetch(EXTENSION_ORIGIN));
    expect(error.code).toBe('unreachable');
  });
});
