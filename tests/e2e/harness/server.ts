import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { CORPUS_DIR, FIXTURES_DIR } from './paths';

/**
 * Saved pages may load from this server (and inline content) only: the third-party hosts they reference cannot be
 * reached from this offline machine, and the browser refuses those loads at once instead of waiting on them.
 */
export const OFFLINE_POLICY = "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:";

/**
 * A tiny static HTTP server on 127.0.0.1 for the end-to-end tests.
 *
 *   /fixtures/<slug>/...      files from tests/fixtures/ (`/fixtures/<slug>/` serves its index.html)
 *   /corpus/<name>/           ../shared/corpus/readability-pages/<name>/source.html, when that folder exists
 *   anything added with `route()`: a body with custom headers (e.g. a strict Content-Security-Policy)
 *
 * A fixture folder may hold a `headers.json` ({"Header-Name": "value"}) whose headers are sent with every
 * file of that folder, so a fixture can declare the headers it needs without test code.
 * Pages are served as http://127.0.0.1:<port>/... because the extension's content script matches http(s) only.
 */

/** Content types for the few kinds of files the fixtures hold. */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/** A page served from memory. */
export interface Route {
  body: string | Buffer;
  headers?: Record<string, string>;
  status?: number;
}

/** The running server. */
export interface FixtureServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** URL of a fixture page: `fixture('plain-article')` → http://127.0.0.1:<port>/fixtures/plain-article/ */
  fixture(slug: string): string;
  /** URL of a saved news page from the shared corpus. */
  corpus(name: string): string;
  /** Serves `route` at `path` (which must start with "/"); returns its URL. */
  route(path: string, route: Route): string;
  /** Serves a fixture's files under another path, with extra headers (e.g. a strict CSP); returns its URL. */
  fixtureWithHeaders(slug: string, headers: Record<string, string>): string;
  close(): Promise<void>;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end(body);
}

/** Resolves `rest` under `root`, refusing paths that climb out of it. */
function inside(root: string, rest: string): string | null {
  const path = normalize(join(root, decodeURIComponent(rest)));
  return path === root || path.startsWith(root + sep) ? path : null;
}

/** A file's path and bytes; a folder stands for its index.html. */
interface Found {
  path: string;
  body: Buffer;
}

async function readIfFile(path: string): Promise<Found | null> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) return readIfFile(join(path, 'index.html'));
    return { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

async function folderHeaders(folder: string): Promise<Record<string, string>> {
  const raw = await readIfFile(join(folder, 'headers.json'));
  return raw ? (JSON.parse(raw.body.toString('utf8')) as Record<string, string>) : {};
}

/** Starts the server on a random free port of 127.0.0.1. */
export async function startServer(): Promise<FixtureServer> {
  const routes = new Map<string, Route>();
  /** Path prefix → [fixture slug, extra headers] for `fixtureWithHeaders`. */
  const aliases = new Map<string, [string, Record<string, string>]>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname;
    const route = routes.get(path);
    if (route)
      return send(res, route.status ?? 200, route.body, {
        'content-type': CONTENT_TYPES['.html']!,
        ...route.headers,
      });

    for (const [prefix, [slug, headers]] of aliases) {
      if (!path.startsWith(prefix)) continue;
      const file = inside(FIXTURES_DIR, `${slug}/${path.slice(prefix.length)}`);
      const found = file && (await readIfFile(file));
      if (found) return send(res, 200, found.body, { 'content-type': contentType(found.path), ...headers });
    }

    const [, area = '', name = '', ...rest] = path.split('/');
    if (area === 'fixtures' && name) {
      const folder = inside(FIXTURES_DIR, name);
      const file = folder && inside(folder, rest.join('/'));
      const found = file && (await readIfFile(file));
      if (folder && found) {
        return send(res, 200, found.body, {
          'content-type': contentType(found.path),
          ...(await folderHeaders(folder)),
        });
      }
    }
    if (area === 'corpus' && name && rest.join('') === '') {
      const file = inside(CORPUS_DIR, `${name}/source.html`);
      const found = file && (await readIfFile(file));
      // The saved pages reference third-party hosts that this offline machine cannot reach; a policy that allows
      // only this server makes the browser refuse those loads at once instead of waiting on them (Firefox would
      // otherwise hold DOMContentLoaded for bbc-1's blocking scripts). The extension is not subject to it.
      if (found)
        return send(res, 200, found.body, {
          'content-type': CONTENT_TYPES['.html']!,
          'content-security-policy': OFFLINE_POLICY,
        });
    }
    if (path === '/favicon.ico') return send(res, 204, '', {});
    send(res, 404, 'Not found', { 'content-type': CONTENT_TYPES['.txt']! });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) =>
      send(res, 500, String(error), { 'content-type': 'text/plain' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    fixture: (slug) => `${origin}/fixtures/${slug}/`,
    corpus: (name) => `${origin}/corpus/${name}/`,
    route(path, route) {
      routes.set(path, route);
      return origin + path;
    },
    fixtureWithHeaders(slug, headers) {
      const prefix = `/with-headers/${aliases.size}/${slug}/`;
      aliases.set(prefix, [slug, headers]);
      return origin + prefix;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function contentType(file: string): string {
  return CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
}
