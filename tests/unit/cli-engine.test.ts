/**
 * The command line with --engine openai, run as a real child process against the OpenAI-compatible
 * test server on 127.0.0.1: what it prints, on which stream, with which exit code.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_POINTS,
  SCRIPTED_MODELS as M,
  startOpenAIServer,
  type OpenAIServer,
} from '../support/openai-server';
import { CLI_TEST_TIMEOUT_MS, lines, runCli, type Run } from '../support/run-cli';

const API_KEY = 'sk-cli-test-0123456789abcdef';
const WRONG_KEY = 'sk-wrong-cli-key-987654321';

/** Exit codes of cli/summarize.ts. */
const EXIT_FAILURE = 1;
const EXIT_USAGE = 2;

const STORY = [
  'The city council approved the new bridge over the river on Tuesday after a long debate.',
  'Construction starts in May and is expected to take two years, the mayor said.',
  'The bridge will cost 40 million euros, shared between the city and the region.',
].join('\n\n');

/**
 * Far more text than the engine's default input budget (24,000 characters) and less than the
 * 10,000 words extraction keeps, so the model reads only the beginning.
 */
const LONG_STORY = Array.from(
  { length: 120 },
  (_, i) =>
    `Paragraph ${i + 1} of the council's report describes the bridge, its cost, its schedule and ` +
    'what residents said at the meetings held in every district of the city during the spring, ' +
    'including worries about traffic, noise, parking and the old market square by the river bank.',
).join('\n\n');

/** Runs the CLI with the test story as standard input by default. */
const cli = (args: readonly string[], stdin = STORY, env: Record<string, string> = {}): Promise<Run> =>
  runCli(args, stdin, env);

/** Nothing the CLI prints may contain a key, whole or in the pieces servers echo. */
function expectNoKey(run: Run): void {
  const printed = run.stdout + run.stderr;
  for (const secret of [API_KEY, WRONG_KEY, WRONG_KEY.slice(0, 6), WRONG_KEY.slice(-4)])
    expect(printed).not.toContain(secret);
}

let server: OpenAIServer;
let closedBaseUrl: string;
beforeAll(async () => {
  server = await startOpenAIServer({ apiKey: API_KEY });
  const closed = await startOpenAIServer();
  closedBaseUrl = closed.baseUrl; // nothing listens there once closed
  await closed.close();
});
afterAll(() => server.close());

/** The arguments for the test server, with one model and one key (none when `key` is empty). */
const openai = (model: string, key = API_KEY, baseUrl = server.baseUrl) => [
  '-',
  '--engine',
  'openai',
  '--base-url',
  baseUrl,
  '--model',
  model,
  ...(key ? ['--api-key', key] : []),
];

/** The same arguments in batch mode, reading JSON lines from standard input. */
const batch = (args: string[]) => args.map((arg) => (arg === '-' ? '--jsonl=-' : arg));

/** Where an expectation about printed text can be exact (a string to contain) or a pattern. */
const expectSaid = (text: string, said: string | RegExp) =>
  typeof said === 'string' ? expect(text).toContain(said) : expect(text).toMatch(said);

describe('summarize CLI with --engine openai', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('prints the streamed points one per line, and nothing on standard error', async () => {
    const run = await cli(openai(M.stream));
    expect(run).toEqual({ code: 0, stdout: `${DEFAULT_POINTS.join('\n')}\n`, stderr: '' });
  });

  it('prints JSON with the engine, model, points and coverage with --json', async () => {
    const run = await cli([...openai(M.stream), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      engine: 'openai',
      model: M.stream,
      summary: DEFAULT_POINTS,
      coverage: 1,
    });
  });

  it('prints {"id", "summary"} per line with --jsonl', async () => {
    const input = [
      { id: 'a', article: STORY },
      { id: 'b', html: '<p></p>' },
    ].map((r) => JSON.stringify(r));
    const run = await cli(batch(openai(M.stream)), input.join('\n'));
    expect(run.code).toBe(0);
    expect(lines(run.stdout).map((line) => JSON.parse(line) as unknown)).toEqual([
      { id: 'a', summary: DEFAULT_POINTS },
      { id: 'b', summary: [] },
    ]);
  });

  it('says on standard error when the model read only the beginning of the article', async () => {
    const run = await cli(openai(M.stream), LONG_STORY);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual(DEFAULT_POINTS);
    expect(run.stderr).toMatch(/^Summary of the first \d{1,2}% of the article\.\n$/);
  });

  // Thunks: the servers' addresses are known only once beforeAll has run.
  it.each<[string, () => string[], () => (string | RegExp)[]]>([
    ['a wrong API key (401)', () => openai(M.stream, WRONG_KEY), () => [/refused the API key/, /API key/]],
    ['a missing API key (401)', () => openai(M.stream, ''), () => [/needs an API key/]],
    ['an unknown model (404)', () => openai('no-such-model'), () => ['"no-such-model"', /ollama pull/]],
    [
      'an unreachable server',
      () => openai(M.stream, API_KEY, closedBaseUrl),
      () => [`Could not reach ${closedBaseUrl}`, /server is running/],
    ],
    ['a rate limit (429)', () => openai(M.rateLimited), () => [/429/, /Wait 7 seconds/]],
    ['a broken stream', () => openai(M.cut), () => [/broke/]],
  ])('exits non-zero on %s, with the message and hint on standard error only', async (_, args, said) => {
    const run = await cli(args());
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stdout).toBe('');
    for (const expected of said()) expectSaid(run.stderr, expected);
    expectNoKey(run);
  });

  it('stops a --jsonl batch at the first failure, naming the line', async () => {
    const run = await cli(batch(openai(M.stream, WRONG_KEY)), JSON.stringify({ id: 'a', article: STORY }));
    expect(run.code).toBe(EXIT_FAILURE);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^-:1: .*refused the API key/);
    expectNoKey(run);
  });

  it('is a usage error without --model: exit 2, the usage on standard error', async () => {
    const run = await cli(['-', '--engine', 'openai', '--base-url', server.baseUrl]);
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^--engine openai needs --model\.\n\nUsage:/);
  });

  it('sends the OPENAI_API_KEY environment variable as the Authorization header', async () => {
    const marker = 'The harbour ferry will run every ten minutes from June.';
    const withoutKey = openai(M.stream, '');
    const run = await cli(withoutKey, `${STORY}\n\n${marker}`, { OPENAI_API_KEY: API_KEY });
    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual(DEFAULT_POINTS);
    const request = server.requests.find((r) => r.body.includes(marker));
    expect(request?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expectNoKey(run);
  });

  it('prints the cleaned text with --extract and asks the server nothing', async () => {
    const marker = 'The old ferry will be retired when the bridge opens.';
    const text = `${STORY}\n\n${marker}`;
    const run = await cli([...openai(M.stream), '--extract'], text);
    expect(run).toEqual({ code: 0, stdout: `${text}\n`, stderr: '' });
    expect(server.requests.some((r) => r.body.includes(marker))).toBe(false);
  });

  it('still summarizes on the device without --engine', async () => {
    const run = await cli(['-']);
    expect(run.code).toBe(0);
    expect(lines(run.stdout).length).toBeGreaterThan(0);
    for (const line of lines(run.stdout)) expect(STORY).toContain(line);
  });
});
