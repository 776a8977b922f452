/**
 * lib/fetch in real browsers: the module bundled as it ships, run in a page of headless Chromium and Firefox
 * against the test's own server on 127.0.0.1. What only a browser can show: `redirect: 'manual'` coming back
 * opaque (so the browser follows), `credentials: 'omit'` keeping the page's own cookie off the request, no
 * Referer, streaming cancelled past the limit, and legacy charsets decoded by the browser's TextDecoder.
 * No extension is loaded: the page is the test server's, so every fetch is same-origin and needs no CORS.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// esbuild comes with vite and WXT: it bundles the module the way the extension's build does.
import { build } from 'esbuild';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../lib/fetch/index';
import {
  answer,
  startPageServer,
  windows1251,
  type Handler,
  type PageServer,
  type Received,
} from '../support/page-server';
import { BROWSERS, requireBrowser, type BrowserName } from './harness/index';
import { browserExecutable } from './harness/require';

const RUSSIAN = 'Привет, мир! Ёжик и ёлка.';
const HUGE_BYTES = 50 * 1024 * 1024;
const SMALL_TIMEOUT_MS = 500;

const redirect =
  (location: string): Handler =>
  (_request, response) =>
    response.writeHead(302, { Location: location }).end();

function streamHuge(): Handler {
  return (_request, response) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    response.writeHead(200, { 'Content-Type': 'text/html' });
    const pump = () => {
      while (sent < HUGE_BYTES) {
        sent += chunk.length;
        if (!response.write(chunk)) return void response.once('drain', pump);
      }
      response.end();
    };
    pump();
  };
}

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, '../../lib/fetch/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'nttrFetch',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

/** The requests fetchPage made, without the browser's own (Firefox asks for /favicon.ico when it likes). */
const ours = (requests: Received[]) => requests.filter((request) => request.path !== '/favicon.ico');

let server: PageServer;
beforeAll(async () => {
  const script = await bundle();
  server = await startPageServer({
    '/': answer(200, { 'Content-Type': 'text/html' }, '<!doctype html><title>Fetch</title><script src="/fetch.js"></script>'),
    '/fetch.js': answer(200, { 'Content-Type': 'text/javascript' }, script),
    '/cp1251-meta': answer(200, { 'Content-Type': 'text/html' }, windows1251(`<meta charset="windows-1251"><p>${RUSSIAN}</p>`)),
    '/sjis-header': answer(200, { 'Content-Type': 'text/html; charset=Shift_JIS' }, Uint8Array.from([0x3c, 0x70, 0x3e, 0x93, 0xfa, 0x96, 0x7b])),
    '/r/0': answer(200, { 'Content-Type': 'text/html' }, '<p>Arrived</p>'),
    '/r/1': redirect('/r/0'),
    '/r/2': redirect('/r/1'),
    '/r/3': redirect('/r/2'),
    '/loop/a': redirect('/loop/b'),
    '/loop/b': redirect('/loop/a'),
    '/pdf': answer(200, { 'Content-Type': 'application/pdf' }, '%PDF-1.7'),
    '/pdf-untyped': answer(200, {}, '%PDF-1.7\n1 0 obj'),
    '/silent': () => undefined,
    '/huge': streamHuge(),
  }); // prettier-ignore
});
afterAll(() => server?.close());

async function launch(name: BrowserName, profileDir: string): Promise<Browser> {
  const executablePath = browserExecutable(name)!;
  return name === 'chromium'
    ? puppeteer.launch({ browser: 'chrome', executablePath, headless: true, pipe: true, userDataDir: profileDir, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] }) // prettier-ignore
    : puppeteer.launch({ browser: 'firefox', protocol: 'webDriverBiDi', executablePath, headless: true, userDataDir: profileDir }); // prettier-ignore
}

describe.each(BROWSERS)('fetchPage in %s', (name) => {
  const required = requireBrowser(name);
  let browser: Browser;
  let page: Page;
  let profileDir: string;

  beforeAll(async () => {
    if (!required.ok) return;
    profileDir = await mkdtemp(join(tmpdir(), `nttr-fetch-${name}-`));
    browser = await launch(name, profileDir);
    page = await browser.newPage();
    await page.goto(`${server.base}/`);
  });
  afterAll(async () => {
    await browser?.close();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  /** Runs fetchPage in the page on a path of the test server. */
  const fetchIn = (path: string, options: { timeoutMs?: number } = {}): Promise<FetchedPage> =>
    page.evaluate(
      (url, opts) =>
        (window as unknown as { nttrFetch: typeof import('../../lib/fetch/index') }).nttrFetch.fetchPage(
          url,
          opts,
        ),
      `${server.base}${path}`,
      options,
    );

  it.skipIf(!required.ok)('follows redirects through the opaque-redirect fallback', async () => {
    const before = server.received.length;
    expect(await fetchIn('/r/3')).toMatchObject({ kind: 'html', url: `${server.base}/r/0` });
    // The first request, with redirect: 'manual', came back opaque; the second let the browser follow. (The
    // first fetch of this page's copy of the module: later ones ask to follow at once.)
    const paths = ours(server.received.slice(before)).map((request) => request.path);
    expect(paths).toEqual(['/r/3', '/r/3', '/r/2', '/r/1', '/r/0']);
  });

  it.skipIf(!required.ok).each([
    ['/cp1251-meta', 'windows-1251', RUSSIAN],
    ['/sjis-header', 'shift_jis', '日本'],
  ])('decodes %s as %s', async (path, charset, text) => {
    const fetched = await fetchIn(path);
    expect(fetched).toMatchObject({ kind: 'html', charset });
    expect(fetched.kind === 'html' && fetched.html).toContain(text);
  });

  it.skipIf(!required.ok).each([
    ['/pdf', { kind: 'not-html', what: 'pdf' }],
    ['/pdf-untyped', { kind: 'not-html', what: 'pdf' }],
    ['/missing', { kind: 'http-error', status: 404 }],
    ['/huge', { kind: 'too-large' }],
    ['/silent', { kind: 'timeout', ms: SMALL_TIMEOUT_MS }],
  ])('%s → %o', async (path, expected) => {
    expect(
      await fetchIn(path, { timeoutMs: SMALL_TIMEOUT_MS * (path === '/silent' ? 1 : 20) }),
    ).toMatchObject(expected);
  });

  it.skipIf(!required.ok)("ends a redirect loop (the browser's own limit)", async () => {
    // Chromium: "Failed to fetch"; Firefox: "NetworkError when attempting to fetch resource."
    expect(await fetchIn('/loop/a')).toMatchObject({ kind: 'network-error', url: `${server.base}/loop/a` });
  });

  it.skipIf(!required.ok)("sends neither the page's cookie nor a Referer", async () => {
    await page.evaluate(() => (document.cookie = 'session=secret; path=/'));
    expect(await page.evaluate(() => document.cookie)).toContain('session=secret');
    const before = server.received.length;
    expect(await fetchIn('/r/0')).toMatchObject({ kind: 'html' });
    const requests = ours(server.received.slice(before));
    expect(requests.map((request) => request.path)).toEqual(['/r/0']);
    expect(requests[0]!.headers).not.toHaveProperty('cookie');
    expect(requests[0]!.headers).not.toHaveProperty('referer');
  });
});
