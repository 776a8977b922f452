/**
 * lib/fetch against a real HTTP server on 127.0.0.1: what reaches the server, redirects, limits, content
 * types and charsets as a browser decodes them.
 */
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, type FetchedPage } from '../../lib/fetch/index';
import { answer, startPageServer, windows1251, type Handler, type PageServer } from '../support/page-server';

const RUSSIAN = 'Привет, мир! Ёжик и ёлка.';
const RUSSIAN_PAGE = (head: string) =>
  windows1251(`<html><head>${head}</head><body><p>${RUSSIAN}</p></body></html>`);
/** 日本語こんにちは in Shift_JIS (two bytes per character, from the JIS X 0208 table). */
const SJIS_TEXT = '日本語こんにちは';
const SJIS_BYTES = [
  0x93, 0xfa, 0x96, 0x7b, 0x8c, 0xea, 0x82, 0xb1, 0x82, 0xf1, 0x82, 0xc9, 0x82, 0xbf, 0x82, 0xcd,
];
const sjisPage = (head: string) =>
  concat(
    ascii(`<html><head>${head}</head><body><p>`),
    Uint8Array.from(SJIS_BYTES),
    ascii('</p></body></html>'),
  );
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const HTML = { 'Content-Type': 'text/html' };
const HUGE_BYTES = 50 * 1024 * 1024;
const SMALL_TIMEOUT_MS = 300;

const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);
function concat(...parts: Uint8Array[]): Uint8Array {
  const all = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  parts.reduce((at, part) => (all.set(part, at), at + part.length), 0);
  return all;
}

const redirect =
  (location: string, headers: Record<string, string> = {}): Handler =>
  (_request, response) =>
    response.writeHead(302, { Location: location, ...headers }).end();

/** How much the 50 MB page had written when its connection closed. */
let hugeSent: Promise<number>;
function streamHuge(response: ServerResponse) {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  hugeSent = new Promise((resolve) => response.on('close', () => resolve(sent)));
  response.writeHead(200, HTML);
  const pump = () => {
    while (sent < HUGE_BYTES) {
      sent += chunk.length;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    response.end();
  };
  pump();
}

const routes: Record<string, Handler> = {
  '/utf8': answer(
    200,
    { 'Content-Type': 'text/html; charset=utf-8' },
    '<title>Café</title><p>naïve — 東京</p>',
  ),
  '/xhtml': answer(200, { 'Content-Type': 'application/xhtml+xml' }, '<html><p>x</p></html>'),
  '/cp1251-header': answer(200, { 'Content-Type': 'text/html; charset=windows-1251' }, RUSSIAN_PAGE('')),
  '/cp1251-meta': answer(
    200,
    HTML,
    RUSSIAN_PAGE('<!-- <meta charset="utf-8"> --><meta charset="windows-1251">'),
  ),
  '/cp1251-http-equiv': answer(
    200,
    HTML,
    RUSSIAN_PAGE('<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'),
  ),
  '/sjis-header': answer(200, { 'Content-Type': 'text/html; charset=Shift_JIS' }, sjisPage('')),
  '/sjis-meta': answer(200, HTML, sjisPage('<meta charset="shift_jis">')),
  '/bom': answer(
    200,
    { 'Content-Type': 'text/html; charset=windows-1251' },
    concat(Uint8Array.from(UTF8_BOM), utf8(`<p>${RUSSIAN}</p>`)),
  ),
  '/undeclared-utf8': answer(200, HTML, utf8(`<p>${RUSSIAN}</p>`)),
  '/undeclared-legacy': answer(200, HTML, Uint8Array.from([...ascii('<p>caf'), 0xe9, ...ascii('</p>')])),
  '/unknown-label': answer(200, { 'Content-Type': 'text/html; charset=klingon' }, utf8(`<p>${RUSSIAN}</p>`)),
  '/500': answer(500, HTML, '<p>Server error</p>'),
  '/r/0': answer(200, HTML, '<p>Arrived</p>'),
  ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`/r/${i + 1}`, redirect(`/r/${i}`)])),
  '/loop/a': redirect('/loop/b'),
  '/loop/b': redirect('/loop/a'),
  '/to-ftp': redirect('ftp://127.0.0.1/file'),
  '/no-location': answer(302, {}),
  '/set-cookie': redirect('/utf8', { 'Set-Cookie': 'session=secret; Path=/' }),
  '/silent': () => undefined,
  '/stall': (_request, response) => void response.writeHead(200, HTML).write('<p>The beginning'),
  '/huge': (_request, response) => streamHuge(response),
  '/huge-declared': (_request, response) =>
    void response.writeHead(200, { ...HTML, 'Content-Length': String(HUGE_BYTES) }).write('<p>'),
  '/pdf': answer(200, { 'Content-Type': 'application/pdf' }, '%PDF-1.7\n%…'),
  '/pdf-untyped': answer(200, {}, '%PDF-1.7\n1 0 obj'),
  '/png': answer(200, { 'Content-Type': 'image/png' }, Uint8Array.from([0x89, 0x50, 0x4e, 0x47])),
  '/mp4': answer(200, { 'Content-Type': 'video/mp4' }, ''),
  '/mp3': answer(200, { 'Content-Type': 'audio/mpeg' }, ''),
  '/json': answer(200, { 'Content-Type': 'application/json' }, '{}'),
  '/text': answer(200, { 'Content-Type': 'text/plain; charset=utf-8' }, '<html>not a page</html>'),
  '/png-untyped': answer(200, {}, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
  '/html-untyped': answer(200, {}, '\n  <!DOCTYPE html><html><p>Sniffed</p></html>'),
  '/binary-untyped': answer(200, {}, Uint8Array.from([0, 1, 2, 3, 250, 251])),
};

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer(routes);
});
afterAll(() => server.close());

const at = (path: string) => `${server.base}${path}`;
const fetchAt = (path: string, options = {}) => fetchPage(at(path), options);
const asHtml = (page: FetchedPage) => {
  if (page.kind !== 'html') throw new Error(`expected html, got ${JSON.stringify(page)}`);
  return page;
};

describe('fetchPage: pages and their charsets', () => {
  it.each([
    ['/utf8', 'utf-8', 'naïve — 東京'],
    ['/xhtml', 'utf-8', '<p>x</p>'],
    ['/cp1251-header', 'windows-1251', RUSSIAN],
    ['/cp1251-meta', 'windows-1251', RUSSIAN],
    ['/cp1251-http-equiv', 'windows-1251', RUSSIAN],
    ['/sjis-header', 'shift_jis', SJIS_TEXT],
    ['/sjis-meta', 'shift_jis', SJIS_TEXT],
    ['/bom', 'utf-8', RUSSIAN],
    ['/undeclared-utf8', 'utf-8', RUSSIAN],
    ['/undeclared-legacy', 'windows-1252', 'café'],
    ['/unknown-label', 'utf-8', RUSSIAN],
    ['/html-untyped', 'utf-8', 'Sniffed'],
  ])('%s is read as %s', async (path, charset, text) => {
    const page = asHtml(await fetchAt(path));
    expect(page).toMatchObject({ url: at(path), charset });
    expect(page.html).toContain(text);
    expect(page.html.charCodeAt(0)).not.toBe(0xfeff);
  });
});

describe('fetchPage: what is not a page', () => {
  it.each([
    ['/500', 500],
    ['/missing', 404],
    ['/no-location', 302],
  ])('%s answers HTTP %i', async (path, status) => {
    expect(await fetchAt(path)).toEqual({ kind: 'http-error', url: at(path), status });
  });

  it.each([
    ['/pdf', { kind: 'not-html', what: 'pdf', contentType: 'application/pdf' }],
    ['/pdf-untyped', { kind: 'not-html', what: 'pdf', contentType: '' }],
    ['/png', { kind: 'not-html', what: 'image' }],
    ['/png-untyped', { kind: 'not-html', what: 'image' }],
    ['/mp4', { kind: 'not-html', what: 'video' }],
    ['/mp3', { kind: 'not-html', what: 'audio' }],
    ['/json', { kind: 'not-html', what: 'other' }],
    ['/text', { kind: 'not-html', what: 'other' }],
    ['/binary-untyped', { kind: 'not-html', what: 'other' }],
  ])('%s → %o', async (path, expected) => {
    expect(await fetchAt(path)).toEqual({ url: at(path), contentType: expect.any(String), ...expected });
  });

  it.each([
    'javascript:alert(1)',
    'mailto:a@example.com',
    'ftp://127.0.0.1/file',
    'tel:+100',
    'not a url',
    '',
  ])('%j is a bad URL', async (url) => {
    const before = server.received.length;
    expect(await fetchPage(url)).toEqual({ kind: 'bad-url', url });
    expect(server.received.length).toBe(before);
  });
});

describe('fetchPage: redirects', () => {
  it.each([
    ['/r/3', 0],
    ['/r/5', 0],
  ])('follows %s to the page and reports its final URL', async (path) => {
    expect(await fetchAt(path)).toMatchObject({ kind: 'html', url: at('/r/0') });
  });

  it.each([
    ['/r/6', {}, '/r/1'],
    ['/r/3', { maxRedirects: 2 }, '/r/1'],
    ['/loop/a', {}, '/loop/b'],
  ])('stops %s %o after too many redirects', async (path, options, last) => {
    expect(await fetchAt(path, options)).toEqual({ kind: 'too-many-redirects', url: at(last) });
  });

  it('refuses a redirect to another scheme', async () => {
    expect(await fetchAt('/to-ftp')).toEqual({ kind: 'bad-url', url: 'ftp://127.0.0.1/file' });
  });

  it("falls back to the browser's own redirects when manual redirects come back opaque", async () => {
    const modes: RequestRedirect[] = [];
    // A browser answers redirect: 'manual' with an opaque redirect and no Location (the Fetch standard).
    const browserLike: typeof fetch = async (input, init) => {
      modes.push(init?.redirect ?? 'follow');
      const response = await fetch(input, init);
      if (init?.redirect !== 'manual' || response.status < 300 || response.status >= 400) return response;
      return { type: 'opaqueredirect', status: 0, ok: false, redirected: false, url: '', headers: new Headers(), body: null } as unknown as Response; // prettier-ignore
    };
    expect(await fetchAt('/r/3', { fetchImpl: browserLike })).toMatchObject({
      kind: 'html',
      url: at('/r/0'),
    });
    expect(await fetchAt('/r/2', { fetchImpl: browserLike })).toMatchObject({
      kind: 'html',
      url: at('/r/0'),
    });
    // Manual once, then follow; the second fetch asks to follow at once.
    expect(modes).toEqual(['manual', 'follow', 'follow']);
  });
});

describe('fetchPage: what reaches the server', () => {
  it('sends one GET per hop without cookies, credentials or Referer', async () => {
    const before = server.received.length;
    expect(await fetchAt('/set-cookie')).toMatchObject({ kind: 'html', url: at('/utf8') });
    const requests = server.received.slice(before);
    expect(requests.map((request) => [request.method, request.path])).toEqual([
      ['GET', '/set-cookie'],
      ['GET', '/utf8'],
    ]);
    for (const { headers } of requests) {
      expect(headers).not.toHaveProperty('cookie');
      expect(headers).not.toHaveProperty('referer');
      expect(headers).not.toHaveProperty('authorization');
      expect(headers.accept).toMatch(/^text\/html/);
    }
  });
});

describe('fetchPage: limits', () => {
  it.each(['/silent', '/stall'])('%s ends at the deadline', async (path) => {
    expect(await fetchAt(path, { timeoutMs: SMALL_TIMEOUT_MS })).toEqual({
      kind: 'timeout',
      url: at(path),
      ms: SMALL_TIMEOUT_MS,
    });
  });

  it('stops reading a 50 MB page after 5 MB', async () => {
    expect(await fetchAt('/huge')).toEqual({
      kind: 'too-large',
      url: at('/huge'),
      maxBytes: 5 * 1024 * 1024,
    });
    // The reader cancelled the body: the server could not send the rest (socket buffers hold a few MB at most).
    expect(await hugeSent).toBeLessThan(HUGE_BYTES / 2);
  });

  it('refuses a page whose Content-Length is over the limit before reading it', async () => {
    expect(await fetchAt('/huge-declared', { maxBytes: 1000 })).toEqual({
      kind: 'too-large',
      url: at('/huge-declared'),
      maxBytes: 1000,
    });
  });

  it("ends when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const pending = fetchAt('/silent', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toEqual({ kind: 'aborted', url: at('/silent') });
    expect(await fetchAt('/utf8', { signal: AbortSignal.abort() })).toEqual({
      kind: 'aborted',
      url: at('/utf8'),
    });
  });

  it('says why a server could not be reached', async () => {
    const gone = await startPageServer({});
    await gone.close();
    const page = await fetchPage(`${gone.base}/`);
    expect(page).toMatchObject({ kind: 'network-error', url: `${gone.base}/` });
    expect(page.kind === 'network-error' && page.message).toMatch(/ECONNREFUSED/);
  });
});
