import { describe, expect, it } from 'vitest';
import { articleFromText } from '@/lib/extract';
import {
  builtinAvailability,
  collectPoints,
  createBuiltinEngine,
  startBuiltinDownload,
  type BuiltinOptions,
  type EngineOutput,
  type StreamOptions,
} from '@/lib/engines';
import type { SummarizerApi } from '@/lib/engines/builtinApi';
import { fakeSummarizer, type FakeOptions } from '../support/fake-summarizer';

const ARTICLE = articleFromText(
  ['Le conseil a voté le pont.', 'Les travaux commencent en mai.', 'Le coût est de 40 millions.'].join(
    '\n\n',
  ),
  { title: 'Un nouveau pont', lang: 'fr-CA' },
);
const CHUNKS = ['* Le con', 'seil a voté.\n* Tra', 'vaux en mai.\n', '* Coût : 40 M€.'];
const POINTS = ['Le conseil a voté.', 'Travaux en mai.', 'Coût : 40 M€.'];

async function run(
  api: SummarizerApi | undefined,
  options: { engine?: BuiltinOptions; stream?: StreamOptions; signal?: AbortSignal } = {},
): Promise<EngineOutput[]> {
  const events: EngineOutput[] = [];
  const engine = createBuiltinEngine(api, options.engine);
  const signal = options.signal ?? new AbortController().signal;
  for await (const event of engine.summarizeStream(ARTICLE, options.stream ?? {}, signal)) events.push(event);
  return events;
}

describe('builtinAvailability', () => {
  it.each(['unavailable', 'downloadable', 'downloading', 'available'] as const)(
    'reports %s',
    async (state) => {
      const { api, record } = fakeSummarizer({ availability: state });
      expect(await builtinAvailability(api)).toBe(state);
      expect(record.availabilityCalls[0]).toMatchObject({ type: 'key-points', format: 'plain-text' });
    },
  );

  it('reports absent when the browser has no Summarizer', async () => {
    expect(await builtinAvailability(undefined)).toBe('absent');
  });

  it('reports unavailable when the API throws', async () => {
    const api: SummarizerApi = {
      availability: () => Promise.reject(new Error('boom')),
      create: () => Promise.reject(),
    };
    expect(await builtinAvailability(api)).toBe('unavailable');
  });
});

describe('startBuiltinDownload', () => {
  it('reports download progress as fractions, then ok', async () => {
    const { api, record } = fakeSummarizer({
      availability: 'downloadable',
      downloadProgress: [0, 0.25, 0.5, 1],
    });
    const progress: number[] = [];
    expect(await startBuiltinDownload(api, (fraction) => progress.push(fraction))).toEqual({ kind: 'ok' });
    expect(progress).toEqual([0, 0.25, 0.5, 1]);
    expect(record.destroyed).toBe(1);
  });

  it.each<[string, SummarizerApi | undefined, RegExp]>([
    ['without a user gesture', fakeSummarizer({ createError: 'NotAllowedError' }).api, /popup/],
    ['without the API', undefined, /no built-in AI/],
  ])('explains a failure %s', async (_, api, text) => {
    const result = await startBuiltinDownload(api, () => undefined);
    expect(result).toMatchObject({ kind: 'error', code: 'unavailable' });
    expect(JSON.stringify(result)).toMatch(text);
  });
});

describe('builtin engine', () => {
  it('streams points, then done with full coverage, and frees the summarizer', async () => {
    const { api, record } = fakeSummarizer({ chunks: CHUNKS });
    const events = await run(api);
    expect(events.filter((e) => e.kind === 'point').map((e) => e.kind === 'point' && e.text)).toEqual(POINTS);
    expect(events.some((e) => e.kind === 'partial')).toBe(true);
    expect(events.at(-1)).toEqual({ kind: 'done', coverage: 1 });
    expect(record.summarized).toEqual([{ input: ARTICLE.text, context: 'Un nouveau pont' }]);
    expect(record.destroyed).toBe(1);
  });

  it.each<[string, BuiltinOptions, StreamOptions, object]>([
    [
      'the article language',
      {},
      {},
      { outputLanguage: 'fr', expectedInputLanguages: ['fr'], length: 'medium' },
    ],
    ['a forced output language', { outputLanguage: 'es' }, {}, { outputLanguage: 'es' }],
    ['the length setting', {}, { length: 'short' }, { length: 'short' }],
  ])('creates the summarizer with %s', async (_, engine, stream, expected) => {
    const { api, record } = fakeSummarizer({ chunks: CHUNKS });
    await run(api, { engine, stream });
    expect(record.createCalls[0]).toMatchObject({ type: 'key-points', format: 'plain-text', ...expected });
  });

  it('cuts the input to the quota on paragraph boundaries and reports the coverage', async () => {
    const context = 'Un nouveau pont'.length;
    const twoParagraphs = ARTICLE.text.slice(0, ARTICLE.text.lastIndexOf('\n\n'));
    const { api, record } = fakeSummarizer({ chunks: CHUNKS, inputQuota: twoParagraphs.length + context });
    const events = await run(api);
    expect(record.summarized[0]?.input).toBe(twoParagraphs);
    expect(events.at(-1)).toEqual({ kind: 'done', coverage: twoParagraphs.length / ARTICLE.text.length });
  });

  it.each<[string, FakeOptions, BuiltinOptions, string, RegExp]>([
    ['an unsupported output language', { unsupportedLanguages: ['fr'] }, {}, 'unavailable', /in French/],
    ['no model on this device', { availability: 'unavailable' }, {}, 'unavailable', /not available/],
    [
      'a download that needs a click',
      { createError: 'NotAllowedError' },
      {},
      'unavailable',
      /downloaded first/,
    ],
    ['an article beyond the quota', { inputQuota: 3 }, {}, 'quota', /too long/],
    ['a quota error while summarizing', { streamError: 'QuotaExceededError' }, {}, 'quota', /too long/],
    ['an unexpected failure', { streamError: 'UnknownError' }, {}, 'unknown', /failed: stream failed/],
    ['an empty answer', { chunks: ['\n\n'] }, {}, 'bad-stream', /no summary/],
  ])('explains %s', async (_, fake, engine, code, message) => {
    const { api, record } = fakeSummarizer({ chunks: CHUNKS, ...fake });
    const events = await run(api, { engine });
    expect(events.at(-1)).toMatchObject({ kind: 'error', code, message: expect.stringMatching(message) });
    expect(record.destroyed).toBe(record.createCalls.length - (fake.createError ? 1 : 0));
  });

  it('explains that the browser has no built-in AI', async () => {
    expect(
      await collectPoints(createBuiltinEngine(undefined).summarizeStream(ARTICLE, {}, AbortSignal.abort())),
    ).toMatchObject({ kind: 'error', code: 'unavailable' });
  });

  it('ends with aborted and frees the summarizer when the signal aborts', async () => {
    const { api, record } = fakeSummarizer({ chunks: CHUNKS, hold: true });
    const controller = new AbortController();
    const events: EngineOutput[] = [];
    for await (const event of createBuiltinEngine(api).summarizeStream(ARTICLE, {}, controller.signal)) {
      events.push(event);
      if (event.kind === 'partial') controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ kind: 'error', code: 'aborted' });
    expect(record.destroyed).toBe(1);
  });

  it('frees the summarizer when the caller stops reading', async () => {
    const { api, record } = fakeSummarizer({ chunks: CHUNKS, hold: true });
    for await (const event of createBuiltinEngine(api).summarizeStream(
      ARTICLE,
      {},
      new AbortController().signal,
    ))
      if (event.kind === 'partial') break;
    expect(record.destroyed).toBe(1);
  });
});

describe('collectPoints', () => {
  it('gathers the points and the coverage', async () => {
    const { api } = fakeSummarizer({ chunks: CHUNKS });
    const seen: string[] = [];
    const result = await collectPoints(
      createBuiltinEngine(api).summarizeStream(ARTICLE, {}, new AbortController().signal),
      (point) => seen.push(point),
    );
    expect(result).toEqual({ kind: 'ok', points: POINTS, coverage: 1 });
    expect(seen).toEqual(POINTS);
  });
});
