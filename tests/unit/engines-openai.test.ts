import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFromText } from '@/lib/extract';
import { createOpenAIEngine, listModels, type EngineOutput } from '@/lib/engines';
import { API_KEY, ARTICLE, pointsOf, run, type RecordedBody } from '../support/engine-runs';
import {
  DEFAULT_POINTS,
  SCRIPTED_MODELS as M,
  startOpenAIServer,
  type OpenAIServer,
} from '../support/openai-server';

let server: OpenAIServer;
beforeAll(async () => {
  server = await startOpenAIServer({ apiKey: API_KEY });
});
afterAll(() => server.close());

const config = (model: string) => ({ baseUrl: server.baseUrl, model, apiKey: API_KEY });
const lastBody = () => JSON.parse(server.requests.at(-1)?.body ?? '{}') as RecordedBody;

describe('OpenAI-compatible engine: answers', () => {
  it.each([
    ['a server-sent event stream', M.stream],
    ['a plain JSON answer', M.json],
    ['a JSON answer labelled text/plain', M.jsonUntyped],
    ['a stream without [DONE]', M.noDone],
  ])('turns %s into points, then done with full coverage', async (_, model) => {
    const events = await run(config(model));
    expect(pointsOf(events)).toEqual(DEFAULT_POINTS);
    expect(events.at(-1)).toEqual({ kind: 'done', coverage: 1 });
  });

  it('streams partial lines before their points', async () => {
    const events = await run(config(M.stream));
    const firstPoint = events.findIndex((e) => e.kind === 'point');
    expect(events.slice(0, firstPoint).some((e) => e.kind === 'partial')).toBe(true);
  });

  it('yields points while the server is still writing', async () => {
    const engine = createOpenAIEngine(config(M.gated), fetch);
    const seenBeforeRelease: string[] = [];
    const points: string[] = [];
    for await (const event of engine.summarizeStream(ARTICLE, {}, new AbortController().signal)) {
      if (event.kind !== 'point') continue;
      points.push(event.text);
      if (!server.released) seenBeforeRelease.push(event.text);
      if (points.length === 2) server.release(); // the server holds the rest until now
    }
    expect(seenBeforeRelease).toEqual(DEFAULT_POINTS.slice(0, 2));
    expect(points).toEqual(DEFAULT_POINTS);
  });

  it('sends the key only in the Authorization header, and the article with a language instruction', async () => {
    await run(config(M.stream));
    const request = server.requests.at(-1);
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    const otherHeaders = Object.entries(request?.headers ?? {}).filter(([name]) => name !== 'authorization');
    expect(JSON.stringify(otherHeaders)).not.toContain(API_KEY);
    expect(request?.body).not.toContain(API_KEY);
    const body = lastBody();
    expect(body).toMatchObject({ model: M.stream, stream: true });
    const prompt = body.messages.map((m) => m.content).join('\n');
    expect(prompt).toContain(ARTICLE.text);
    expect(prompt).toContain('Neue Brücke beschlossen');
    expect(prompt).toContain('Write in German.');
    expect(prompt).toContain('exactly 5 key points');
  });

  it.each([
    ['fr', 'Write in French.'],
    ['ja', 'Write in Japanese.'],
  ])('writes in the forced output language %s', async (outputLanguage, instruction) => {
    await run({ ...config(M.stream), outputLanguage });
    expect(lastBody().messages[0]?.content).toContain(instruction);
  });

  it('sends no Authorization header without a key', async () => {
    const open = await startOpenAIServer();
    try {
      await run({ baseUrl: open.baseUrl, model: M.stream });
      expect(open.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await open.close();
    }
  });

  it.each([
    ['the server origin alone', () => server.origin],
    ['a trailing slash', () => `${server.baseUrl}/`],
    ['the endpoint pasted whole', () => `${server.baseUrl}/chat/completions`],
  ])('accepts a base URL given as %s', async (_, baseUrl) => {
    const events = await run({ ...config(M.stream), baseUrl: baseUrl() });
    expect(events.at(-1)).toEqual({ kind: 'done', coverage: 1 });
  });
});

describe('OpenAI-compatible engine: long articles', () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Absatz ${i + 1}: ${'Wort '.repeat(40).trim()}.`);
  const long = articleFromText(paragraphs.join('\n\n'), { title: 'Lang', lang: 'de' });

  it.each([500, 2000, 5000])('fits a budget of %i characters and reports the coverage', async (budget) => {
    const events = await run({ ...config(M.stream), inputBudgetChars: budget }, { article: long });
    const user = lastBody().messages.find((m) => m.role === 'user')?.content ?? '';
    const excerpt =
      user.slice(user.indexOf('Article:\n') + 'Article:\n'.length).split('\n\n(This is')[0] ?? '';
    expect(excerpt.length).toBeGreaterThan(0);
    expect(excerpt.length).toBeLessThanOrEqual(budget);
    expect(long.text.startsWith(excerpt)).toBe(true);
    expect(user).toContain('beginning of a longer article');
    const done = events.at(-1);
    expect(done).toEqual({ kind: 'done', coverage: excerpt.length / long.text.length });
    expect(done?.kind === 'done' && done.coverage).toBeLessThan(1);
  });
});

describe('OpenAI-compatible engine: cancellation', () => {
  it('ends with an aborted error and closes the connection when the signal aborts', async () => {
    const controller = new AbortController();
    const engine = createOpenAIEngine(config(M.gated), fetch);
    const events: EngineOutput[] = [];
    for await (const event of engine.summarizeStream(ARTICLE, {}, controller.signal)) {
      events.push(event);
      if (event.kind === 'point') controller.abort(); // the server is waiting at its gate
    }
    expect(events.at(-1)).toMatchObject({ kind: 'error', code: 'aborted' });
    expect(await server.requests.at(-1)?.ended).toBe('client-closed');
  });

  it('closes the connection when the caller stops reading', async () => {
    const engine = createOpenAIEngine(config(M.stall), fetch);
    for await (const event of engine.summarizeStream(ARTICLE, {}, new AbortController().signal))
      if (event.kind === 'partial') break;
    expect(await server.requests.at(-1)?.ended).toBe('client-closed');
  });

  it('ends at once when the signal is already aborted', async () => {
    const events = await run(config(M.stream), { signal: AbortSignal.abort() });
    expect(events).toEqual([expect.objectContaining({ kind: 'error', code: 'aborted' })]);
  });
});

describe('listModels', () => {
  it('lists the server models, sorted', async () => {
    const result = await listModels(config(M.stream), fetch);
    expect(result).toEqual({ kind: 'ok', models: Object.values(M).sort((a, b) => a.localeCompare(b)) });
    expect(server.requests.at(-1)).toMatchObject({ method: 'GET', path: '/v1/models' });
  });

  it.each<[string, { apiKey?: string; baseUrl?: string }, string, RegExp]>([
    ['a wrong key', { apiKey: 'sk-wrong-key-000000' }, 'unauthorized', /API key/],
    ['a path that is not the API', { baseUrl: 'BASE/elsewhere' }, 'invalid-config', /\/elsewhere\/models/],
    ['an invalid address', { baseUrl: 'ftp://example.com' }, 'invalid-config', /http/],
  ])('explains %s', async (_, override, code, message) => {
    const baseUrl = override.baseUrl?.replace('BASE', server.origin) ?? server.baseUrl;
    const result = await listModels({ ...config(M.stream), ...override, baseUrl }, fetch);
    expect(result).toMatchObject({ kind: 'error', code, message: expect.stringMatching(message) });
  });
});
