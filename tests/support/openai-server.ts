/**
 * A real OpenAI-compatible HTTP server for tests, on 127.0.0.1 and a random port. It speaks enough of
 * the protocol for the engines (`GET /v1/models`, `POST /v1/chat/completions` streamed as server-sent
 * events or as one JSON answer) and fails on purpose when asked: the behaviour is chosen by the
 * requested model name (see SCRIPTED_MODELS). It records every request it receives.
 *
 * Bounded: every wait ends after MAX_WAIT_MS or when the client goes away, and close() drops open
 * connections, so a test can never hang on it.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Longest the server ever waits (slow answers, stalls, gates): far beyond the engine timeouts tests use. */
const MAX_WAIT_MS = 5_000;

/** Characters per streamed chunk: small, so chunks split lines, words and bullets. */
const CHUNK_CHARS = 7;

/** The answer streamed by default: a preamble and points under every bullet style models use. */
export const DEFAULT_ANSWER = [
  'Here are the key points:',
  '- The council approved the new bridge.',
  '* Construction starts in May.',
  '1. It will cost 40 million euros.',
  '• Residents welcomed the plan.',
  '- Critics worry about traffic.',
].join('\n');

/** The points a client should make of DEFAULT_ANSWER. */
export const DEFAULT_POINTS = [
  'The council approved the new bridge.',
  'Construction starts in May.',
  'It will cost 40 million euros.',
  'Residents welcomed the plan.',
  'Critics worry about traffic.',
];

/** Model names and what the server does when asked for them. Any other name gets a 404. */
export const SCRIPTED_MODELS = {
  /** Streams DEFAULT_ANSWER as SSE, ending with `data: [DONE]`. */
  stream: 'stream',
  /** Streams the first two points, then waits for `release()` before the rest. */
  gated: 'gated',
  /** Answers with one JSON object (`application/json`) although a stream was asked for. */
  json: 'json',
  /** The same JSON answer, labelled text/plain. */
  jsonUntyped: 'json-untyped',
  /** Streams without the final `data: [DONE]`. */
  noDone: 'no-done',
  /** Streams nothing but `data: [DONE]`. */
  empty: 'empty',
  /** Waits MAX_WAIT_MS before answering at all. */
  slow: 'slow',
  /** Streams one chunk, then nothing until the client leaves. */
  stall: 'stall',
  /** A data line that is not JSON after the first chunk. */
  badJson: 'bad-json',
  /** Cuts the connection after the first chunk. */
  cut: 'cut',
  /** An error object inside the stream. */
  inStreamError: 'in-stream-error',
  /** 429 with Retry-After. */
  rateLimited: 'rate-limited',
  /** 500. */
  serverError: 'server-error',
} as const;

/** What the server was asked. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Resolves when the exchange ends: normally, or because the client went away first. */
  ended: Promise<'finished' | 'client-closed'>;
}

/** How a server instance behaves. */
export interface ServerOptions {
  /** When set, requests must carry "Authorization: Bearer <apiKey>", else 401. */
  apiKey?: string;
  /** Origins allowed by CORS (like OLLAMA_ORIGINS); requests with another Origin get 403, as Ollama does. */
  allowOrigins?: readonly string[];
}

/** A running server. */
export interface OpenAIServer {
  /** e.g. http://127.0.0.1:40123/v1 */
  baseUrl: string;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
  requests: RecordedRequest[];
  /** Lets `gated` answers continue. */
  release(): void;
  /** Whether release() was called. */
  readonly released: boolean;
  close(): Promise<void>;
}

type Reply = (req: IncomingMessage, res: ServerResponse, body: string) => Promise<void>;

/** Starts a server; close it in afterAll. */
export async function startOpenAIServer(options: ServerOptions = {}): Promise<OpenAIServer> {
  const requests: RecordedRequest[] = [];
  // One gate per `gated` request: it opens at release(), or when the server closes.
  let released = false;
  let openGate: () => void = () => undefined;
  let gate = Promise.resolve();
  const newGate = () => {
    released = false;
    gate = new Promise<void>((resolve) => (openGate = resolve));
    return gate;
  };

  const handle: Reply = async (req, res, body) => {
    const origin = req.headers.origin;
    if (origin) {
      if (!options.allowOrigins?.includes(origin)) return void res.writeHead(403).end(); // Ollama: empty 403
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (req.method === 'OPTIONS') return preflight(res);
    if (options.apiKey && req.headers.authorization !== `Bearer ${options.apiKey}`)
      return sendJson(
        res,
        401,
        errorBody(`Incorrect API key provided: ${mask(req.headers.authorization)}.`, 'invalid_api_key'),
      );
    if (req.method === 'GET' && req.url === '/v1/models')
      return sendJson(res, 200, { object: 'list', data: Object.values(SCRIPTED_MODELS).map(modelEntry) });
    if (req.method === 'POST' && req.url === '/v1/chat/completions') return completion(res, body, newGate);
    sendJson(res, 404, errorBody('Not found', 'not_found'));
  };

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const ended = new Promise<'finished' | 'client-closed'>((resolve) =>
        res.on('close', () => resolve(res.writableFinished ? 'finished' : 'client-closed')),
      );
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, ended });
      handle(req, res, body).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: `${origin}/v1`,
    origin,
    requests,
    release() {
      released = true;
      openGate();
    },
    get released() {
      return released;
    },
    close: () =>
      new Promise<void>((resolve) => {
        openGate();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function preflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'authorization, content-type, accept',
  });
  res.end();
}

function modelEntry(id: string) {
  return { id, object: 'model', created: 0, owned_by: 'tests' };
}

function errorBody(message: string, code: string) {
  return { error: { message, type: 'invalid_request_error', code } };
}

/** Echoes part of a wrong key the way OpenAI does, so tests can check clients never repeat it. */
function mask(authorization: string | undefined): string {
  const key = authorization?.replace(/^Bearer\s+/i, '') ?? '';
  return key.length > 8 ? `${key.slice(0, 6)}***${key.slice(-4)}` : key;
}

function sendJson(res: ServerResponse, status: number, value: unknown, type = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': type });
  res.end(JSON.stringify(value));
}

/** Waits `ms` (at most MAX_WAIT_MS), or until `until` settles, or until the client leaves. */
function wait(res: ServerResponse, ms: number, until?: Promise<void>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, Math.min(ms, MAX_WAIT_MS));
    timer.unref();
    res.on('close', resolve);
    void until?.then(resolve);
  }).then(() => undefined);
}

const chunkJson = (content: string | undefined, finish: string | null = null) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: 0,
  model: 'test',
  choices: [
    { index: 0, delta: content === undefined ? { role: 'assistant' } : { content }, finish_reason: finish },
  ],
});

const answerJson = (content: string) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion',
  created: 0,
  model: 'test',
  choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
});

function pieces(text: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK_CHARS) result.push(text.slice(i, i + CHUNK_CHARS));
  return result;
}

async function completion(res: ServerResponse, body: string, newGate: () => Promise<void>) {
  const model = (JSON.parse(body) as { model?: string }).model ?? '';
  const M = SCRIPTED_MODELS;
  if (!(Object.values(M) as string[]).includes(model))
    return sendJson(res, 404, errorBody(`The model \`${model}\` does not exist.`, 'model_not_found'));
  if (model === M.rateLimited) {
    res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '7' });
    return void res.end(JSON.stringify(errorBody('Rate limit reached.', 'rate_limit_exceeded')));
  }
  if (model === M.serverError) return sendJson(res, 500, errorBody('Model crashed.', 'server_error'));
  if (model === M.json) return sendJson(res, 200, answerJson(DEFAULT_ANSWER));
  if (model === M.jsonUntyped) return sendJson(res, 200, answerJson(DEFAULT_ANSWER), 'text/plain');
  if (model === M.slow) await wait(res, MAX_WAIT_MS);
  if (res.destroyed) return;

  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
  const send = (payload: unknown) =>
    res.write(`data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}\n\n`);
  send(chunkJson(undefined));
  // `gated` sends the text up to the third point, then waits for release().
  const gateAt = DEFAULT_ANSWER.indexOf('1.');
  const sections =
    model === M.empty
      ? []
      : model === M.gated
        ? [DEFAULT_ANSWER.slice(0, gateAt), DEFAULT_ANSWER.slice(gateAt)]
        : [DEFAULT_ANSWER];
  const gate = model === M.gated ? newGate() : undefined;
  for (const [s, section] of sections.entries()) {
    if (s > 0 && gate) await wait(res, MAX_WAIT_MS, gate);
    for (const [i, part] of pieces(section).entries()) {
      if (res.destroyed) return;
      if (i === 1 && model === M.stall) await wait(res, MAX_WAIT_MS);
      if (i === 1 && model === M.badJson) send('{"choices": [{"delta": {"content": "oops"');
      if (i === 1 && model === M.cut) {
        // Flush what was written, so the client has the headers and a chunk when the connection drops.
        await new Promise<void>((resolve) => res.write(': flush\n\n', () => resolve()));
        return void res.socket?.destroy();
      }
      if (i === 1 && model === M.inStreamError) send({ error: { message: 'The model ran out of memory.' } });
      if (res.destroyed) return;
      send(chunkJson(part));
    }
  }
  if (res.destroyed) return;
  send(chunkJson('', 'stop'));
  if (model !== M.noDone) send('[DONE]');
  res.end();
}
