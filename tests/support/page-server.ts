/**
 * A real HTTP server on 127.0.0.1 for fetch tests: each path answers with a handler of the test's choosing,
 * and every request's method, path and headers are kept so a test can check what reached the server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Longer than any test: see startPageServer. */
const KEEP_ALIVE_MS = 10 * 60_000;

/** Answers one request. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** A request as the server received it. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
}

/** A running server: its base address, what it received, and how to stop it. */
export interface PageServer {
  base: string;
  received: Received[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 (a free port) that answers `routes[path]`, and 404 elsewhere. */
export async function startPageServer(routes: Record<string, Handler>): Promise<PageServer> {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    received.push({ method: request.method ?? '', path, headers: request.headers });
    const handler = routes[path.split('?')[0]!];
    if (handler) handler(request, response);
    else response.writeHead(404, { 'Content-Type': 'text/html' }).end('<p>Not found</p>');
  });
  // Node closes an idle kept-alive connection after 5 s, and a client busy for about that long (jsdom parsing a
  // big page on a loaded machine) can reuse it just as it closes: ECONNRESET. Tests close the server anyway.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        // Handlers that never answer keep their sockets open: close them, or close() would wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A handler that answers `status` with `body` and the given headers (no Content-Type unless given). */
export const answer =
  (status: number, headers: Record<string, string>, body: string | Uint8Array = ''): Handler =>
  (_request, response) => {
    response.writeHead(status, headers).end(body);
  };

/** windows-1251 bytes of a text of ASCII and Russian letters (А-я sit at 0xC0-0xFF, ё and Ё at 0xB8 and 0xA8). */
export function windows1251(text: string): Uint8Array {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x350;
    if (char === 'ё') return 0xb8;
    if (char === 'Ё') return 0xa8;
    throw new Error(`no windows-1251 byte for ${char} in this helper`);
  });
}
