import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleFromText } from '@/lib/extract';
import {
  createTrialEngine,
  createTrialSession,
  estimateTokens,
  TRIAL_INPUT_TOKENS,
  TRIAL_MODEL,
  type EngineOutput,
  type StreamOptions,
  type TrialOptions,
  type TrialSession,
  type TrialStatus,
} from '@/lib/engines';
import { summaryPoints } from '@/lib/engines/summaryPoints';
import type { TrialProgressEvent } from '@/lib/engines/trialApi';
import { createTrialProgress } from '@/lib/engines/trialProgress';
import { trialSummaryText } from '@/lib/engines/trialSummaryText';
import {
  DISABLED_MESSAGE,
  FAKE_POINTS,
  FAKE_SUMMARY,
  fakeTrialHost,
  fakeTrialMl,
  type FakeTrialOptions,
  type ResultShape,
} from '../support/fake-trial-ml';

const ARTICLE = articleFromText(
  [
    'The city council voted on Tuesday to build a new bridge over the river.',
    'Work begins in May and should take two years, the mayor said.',
    'The bridge will cost 40 million dollars, paid by the state and the city.',
  ].join('\n\n'),
  { title: 'A new bridge', lang: 'en-US' },
);

/** 60 paragraphs of about 40 tokens: far beyond the model's input. */
const LONG_ARTICLE = articleFromText(
  Array.from(
    { length: 60 },
    (_, i) =>
      `Paragraph ${i + 1} reports how the council debated the budget for the bridge, the roads and the schools, and what the opposition said about the delays.`,
  ).join('\n\n'),
  { title: 'A long debate', lang: 'en' },
);

/** A session over a fake API, with the model already downloaded unless said otherwise. */
function setUp(
  fake: FakeTrialOptions = {},
  host: { permission?: boolean | null; modelSaved?: boolean } = {},
) {
  const { api, record } = fakeTrialMl(fake);
  const trialHost = fakeTrialHost(api, { modelSaved: true, ...host });
  return { api, record, host: trialHost, session: createTrialSession(trialHost) };
}

async function run(
  session: TrialSession | undefined,
  options: {
    engine?: TrialOptions;
    stream?: StreamOptions;
    signal?: AbortSignal;
    article?: typeof ARTICLE;
  } = {},
): Promise<EngineOutput[]> {
  const events: EngineOutput[] = [];
  const engine = createTrialEngine(session, options.engine);
  const signal = options.signal ?? new AbortController().signal;
  for await (const event of engine.summarizeStream(options.article ?? ARTICLE, options.stream ?? {}, signal))
    events.push(event);
  return events;
}

const pointsOf = (events: EngineOutput[]) =>
  events.flatMap((event) => (event.kind === 'point' ? [event.text] : []));

afterEach(() => {
  vi.useRealTimers();
});

describe('trial session: state', () => {
  it.each<[string, FakeTrialOptions, { permission?: boolean | null; modelSaved?: boolean }, TrialStatus]>([
    ['a browser without the permission trialML', {}, { permission: null }, 'absent'],
    ['the permission not granted', {}, { permission: false }, 'no-permission'],
    ['the prefs off (or AI blocked)', { enabled: false }, {}, 'disabled'],
    ['a model never downloaded', {}, { modelSaved: false }, 'downloadable'],
    ['a model downloaded before', {}, { modelSaved: true }, 'available'],
  ])('reports %s', async (_, fake, host, status) => {
    const { session, record } = setUp(fake, host);
    expect(await session.state()).toEqual({ status, progress: null });
    // Asking never creates the engine nor downloads anything.
    expect(record.createCalls.filter((call) => call.taskName === 'summarization')).toEqual([]);
    expect(record.enginesCreated).toBe(0);
  });

  it('reports unavailable when the permission is granted but the API is missing', async () => {
    const session = createTrialSession(fakeTrialHost(undefined));
    expect((await session.state()).status).toBe('unavailable');
  });

  it('reports unavailable when Firefox refuses the probe for another reason', async () => {
    const { api } = fakeTrialMl();
    api.createEngine = () => Promise.reject(new Error('Extension has already shutdown'));
    expect((await createTrialSession(fakeTrialHost(api)).state()).status).toBe('unavailable');
  });

  it('forgets the downloaded model once the prefs are off (blocking AI deletes the models)', async () => {
    const { session, host } = setUp({ enabled: false }, { modelSaved: true });
    await session.state();
    expect(host.saved()).toBe(false);
  });
});

describe('trial session: download', () => {
  const FILES: TrialProgressEvent[] = [
    { id: 'encoder', type: 'downloading', statusText: 'size_estimate', total: 100, totalLoaded: 0 },
    { id: 'decoder', type: 'downloading', statusText: 'size_estimate', total: 300, totalLoaded: 0 },
    { id: 'encoder', type: 'downloading', statusText: 'in_progress', total: 100, totalLoaded: 100 },
    { id: 'decoder', type: 'downloading', statusText: 'in_progress', total: 300, totalLoaded: 150 },
    { id: 'decoder', type: 'downloading', statusText: 'done', total: 300, totalLoaded: 290 },
  ];

  it('reports the progress of all files while it downloads, then the model is ready and remembered', async () => {
    const { session, record, host } = setUp({ progress: FILES }, { modelSaved: false });
    const seen: number[] = [];
    const download = session.download();
    for (let i = 0; i < 8; i++) {
      const state = await session.state();
      if (state.status === 'downloading') seen.push(state.progress ?? -1);
      await Promise.resolve();
    }
    expect(await download).toEqual({ kind: 'ok' });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(await session.state()).toEqual({ status: 'available', progress: null });
    expect(record.createCalls.filter((call) => call.taskName === 'summarization')).toEqual([
      { ...TRIAL_MODEL },
    ]);
    expect(record.listeners).toBe(0);
    expect(host.saved()).toBe(true);
  });

  it('joins a download under way', async () => {
    const { session, record } = setUp({ progress: FILES }, { modelSaved: false });
    expect(await Promise.all([session.download(), session.download()])).toEqual([
      { kind: 'ok' },
      { kind: 'ok' },
    ]);
    expect(record.enginesCreated).toBe(1);
  });

  it('takes an engine created before (by another page of the extension) as ready', async () => {
    const { api, record } = fakeTrialMl();
    await api.createEngine({ ...TRIAL_MODEL });
    const session = createTrialSession(fakeTrialHost(api));
    expect(await session.download()).toEqual({ kind: 'ok' });
    expect(record.enginesCreated).toBe(1);
  });

  it('explains that the prefs are off, and how to turn them on', async () => {
    const { session } = setUp({ enabled: false }, { modelSaved: false });
    const result = await session.download();
    expect(result).toMatchObject({
      kind: 'error',
      code: 'unavailable',
      message: expect.stringMatching(/off/),
    });
    expect(JSON.stringify(result)).toMatch(/browser\.ml\.enable.*extensions\.ml\.enabled/);
  });

  it('gives up on a download that goes silent', async () => {
    vi.useFakeTimers();
    const { api } = fakeTrialMl();
    api.createEngine = (request) =>
      request.taskName === 'summarization' ? new Promise(() => undefined) : Promise.reject(new Error('x'));
    const session = createTrialSession(fakeTrialHost(api));
    const download = session.download();
    await vi.advanceTimersByTimeAsync(121_000);
    expect(await download).toMatchObject({ kind: 'error', code: 'timeout' });
  });
});

describe('trial engine', () => {
  it.each<[ResultShape]>([['docs'], ['output'], ['output-string']])(
    'reads a result shaped as %s into points, then done with full coverage',
    async (shape) => {
      const { session, record } = setUp({ shape });
      const events = await run(session);
      expect(pointsOf(events)).toEqual(FAKE_POINTS);
      expect(events.at(-1)).toEqual({ kind: 'done', coverage: 1 });
      expect(record.runCalls).toEqual([{ args: [ARTICLE.text], options: { max_new_tokens: 100 } }]);
    },
  );

  it.each<[StreamOptions['length'], number, number]>([
    ['short', 60, 3],
    ['long', 142, 3],
  ])('asks %s summaries for %i new tokens', async (length, tokens, points) => {
    const { session, record } = setUp();
    const events = await run(session, { stream: { length } });
    expect(record.runCalls[0]?.options).toEqual({ max_new_tokens: tokens });
    expect(pointsOf(events)).toHaveLength(points);
  });

  it('creates the engine from the saved model on the first summary after a restart', async () => {
    const { session, record } = setUp({}, { modelSaved: true });
    expect(pointsOf(await run(session))).toEqual(FAKE_POINTS);
    expect(record.enginesCreated).toBe(1);
  });

  it('summarizes the beginning of a long article that fits the model, and says how much', async () => {
    const { session, record } = setUp();
    const events = await run(session, { article: LONG_ARTICLE });
    const input = String(record.runCalls[0]?.args[0]);
    expect(estimateTokens(input)).toBeLessThanOrEqual(TRIAL_INPUT_TOKENS);
    expect(LONG_ARTICLE.text.startsWith(input)).toBe(true);
    expect(input.endsWith('delays.')).toBe(true); // cut after a whole paragraph
    const done = events.at(-1);
    expect(done).toEqual({ kind: 'done', coverage: input.length / LONG_ARTICLE.text.length });
    expect(done?.kind === 'done' && done.coverage).toBeLessThan(0.5);
  });

  it.each<[string, FakeTrialOptions, { modelSaved?: boolean }, TrialOptions, string, RegExp]>([
    ['a model never downloaded', {}, { modelSaved: false }, {}, 'unavailable', /downloaded first/],
    ['prefs turned off since', { enabled: false }, {}, {}, 'unavailable', /turned off/],
    [
      'prefs off before any download',
      { enabled: false },
      { modelSaved: false },
      {},
      'unavailable',
      /turned off/,
    ],
    [
      'a failed run',
      { runError: 'Out of memory' },
      {},
      {},
      'unknown',
      /stopped before it finished: Out of memory/,
    ],
    ['an empty result', { summary: '  ' }, {}, {}, 'bad-stream', /no summary/],
    [
      'a summary asked in French',
      {},
      {},
      { outputLanguage: 'fr' },
      'unavailable',
      /English only, not in French/,
    ],
  ])('explains %s', async (_, fake, host, engine, code, message) => {
    const { session } = setUp(fake, host);
    const events = await run(session, { engine });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'error', code, message: expect.stringMatching(message) });
  });

  it('refuses an article in another language rather than garbling it', async () => {
    const { session, record } = setUp();
    const german = articleFromText('Der Stadtrat hat am Dienstag den Bau einer Brücke beschlossen.', {
      title: 'Brücke',
      lang: 'de',
    });
    const [event] = await run(session, { article: german });
    expect(event).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/English articles only.*German/),
    });
    expect(record.runCalls).toEqual([]);
  });

  it('explains that the extension is not allowed to use it (no browser.trial.ml)', async () => {
    const [event] = await run(undefined);
    expect(event).toMatchObject({
      kind: 'error',
      code: 'unavailable',
      message: expect.stringMatching(/not available/),
    });
    const [again] = await run(createTrialSession(fakeTrialHost(undefined)));
    expect(again).toMatchObject({ kind: 'error', hint: expect.stringMatching(/popup/) });
  });

  it('recovers from an engine Firefox ended mid-run: that summary fails, the next one works', async () => {
    const { session, record } = setUp({ killFirstRun: true });
    const killed = await run(session);
    expect(killed.at(-1)).toMatchObject({
      kind: 'error',
      code: 'unknown',
      hint: expect.stringMatching(/free memory/),
    });
    const next = await run(session);
    expect(pointsOf(next)).toEqual(FAKE_POINTS);
    expect(record.enginesCreated).toBe(2);
  });

  it('stops waiting for an engine that never answers, and does not hold the next summary on it', async () => {
    vi.useFakeTimers();
    const { session } = setUp({ hang: true });
    const first = run(session);
    await vi.advanceTimersByTimeAsync(181_000);
    expect((await first).at(-1)).toMatchObject({ kind: 'error', code: 'timeout' });
    const second = run(session);
    await vi.advanceTimersByTimeAsync(181_000);
    expect((await second).at(-1)).toMatchObject({ kind: 'error', code: 'timeout' });
  });

  it('ends with aborted at once when the panel is collapsed, and runs the next summary after it', async () => {
    const { session, record } = setUp({ runMs: 30 });
    const controller = new AbortController();
    const first = run(session, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await first).at(-1)).toMatchObject({ kind: 'error', code: 'aborted' });
    expect(pointsOf(await run(session))).toEqual(FAKE_POINTS);
    expect(record.maxConcurrentRuns).toBe(1);
  });

  it('never starts a summary cancelled while it waited for its turn', async () => {
    const { session, record } = setUp({ runMs: 20 });
    const controller = new AbortController();
    const first = run(session);
    const second = run(session, { signal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expect((await second).at(-1)).toMatchObject({ kind: 'error', code: 'aborted' });
    expect(pointsOf(await first)).toEqual(FAKE_POINTS);
    expect(record.runCalls).toHaveLength(1);
  });

  it('runs summaries of several tabs one at a time on the one engine', async () => {
    const { session, record } = setUp({ runMs: 10 });
    const results = await Promise.all([run(session), run(session), run(session)]);
    for (const events of results) expect(pointsOf(events)).toEqual(FAKE_POINTS);
    expect(record.maxConcurrentRuns).toBe(1);
    expect(record.enginesCreated).toBe(1);
  });

  it('is labelled for the panel', () => {
    expect(createTrialEngine(undefined)).toMatchObject({ id: 'trial', label: 'Firefox on-device AI' });
  });
});

describe('trialSummaryText', () => {
  it.each<[string, unknown, string]>([
    ["Mozilla's docs: res[0].summary_text", [{ summary_text: ' A. ' }], 'A.'],
    ["Mozilla's tests: res.output", { output: [{ summary_text: 'B.' }] }, 'B.'],
    ['output as a string', { output: 'C.' }, 'C.'],
    ['output as a list of strings', { output: ['D.'] }, 'D.'],
    ['a bare object', { summary_text: 'E.' }, 'E.'],
    ['generated text', [{ generated_text: 'F.' }], 'F.'],
    ['nothing usable', { output: [{ score: 1 }] }, ''],
    ['null', null, ''],
  ])('reads %s', (_, result, text) => {
    expect(trialSummaryText(result)).toBe(text);
  });
});

describe('summaryPoints', () => {
  it.each<[string, string, number, string[]]>([
    ['sentences, tidied', FAKE_SUMMARY, 7, FAKE_POINTS],
    ['at most max', FAKE_SUMMARY, 2, FAKE_POINTS.slice(0, 2)],
    ['each once', 'Same thing. Same thing. Other.', 5, ['Same thing.', 'Other.']],
    ['nothing from nothing', ' ', 3, []],
  ])('gives %s', (_, summary, max, points) => {
    expect(summaryPoints(summary, 'en', max)).toEqual(points);
  });
});

describe('estimateTokens', () => {
  it.each<[string, number]>([
    ['', 0],
    ['The council voted.', 1 + 2 + 2 + 1],
    ['In 2024, 40%', 1 + 2 + 1 + 1 + 1],
    ['東京', 6],
  ])('estimates %j as %i', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });
});

describe('createTrialProgress', () => {
  it.each<[string, TrialProgressEvent[], number[]]>([
    [
      'bytes of all files over their sizes',
      [
        { id: 'a', total: 100, totalLoaded: 50 },
        { id: 'b', total: 300, totalLoaded: 0 },
        { id: 'b', total: 300, totalLoaded: 300 },
      ],
      [0.5, 0.5, 0.875], // never back, though a file announced late adds to the total
    ],
    ['a percentage when events name no file', [{ progress: 10 }, { progress: 55 }], [0.1, 0.55]],
    ['a file done in full', [{ id: 'a', total: 80, totalLoaded: 70, statusText: 'done' }], [1]],
    ['never above 1', [{ id: 'a', total: 10, totalLoaded: 30 }], [1]],
  ])('counts %s', (_, events, fractions) => {
    const progress = createTrialProgress();
    expect(events.map((event) => progress.push(event))).toEqual(fractions);
  });
});

it('the fake refuses as Firefox does while the prefs are off', async () => {
  const { api } = fakeTrialMl({ enabled: false });
  await expect(api.createEngine({ taskName: 'x' })).rejects.toThrow(DISABLED_MESSAGE);
});
