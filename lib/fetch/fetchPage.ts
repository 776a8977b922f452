import { classifyContentType, sniffContent, SNIFF_BYTES } from './classifyContent';
import { decodeHtml } from './decodeHtml';
import { readBody } from './readBody';
import type { FetchedPage, FetchPageOptions } from './types';

/** An answer without a usable header within this time is a timeout: the whole fetch, body included. */
const DEFAULT_TIMEOUT_MS = 8000;
/** Larger than any article page (the biggest saved news pages weigh 1-3 MB), small enough for memory. */
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** What we want, in the order we want it; servers that negotiate send the page. */
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.1';

/**
 * Fetch implementations seen answering `redirect: 'manual'` with an opaque redirect (browsers, by the Fetch
 * standard: status 0, no Location header), so later fetches with them ask to follow at once instead of
 * sending the first request twice.
 */
const hidesRedirects = new WeakSet<typeof fetch>();

/**
 * Fetches a link's page under the link-preview rules, for the extension and the command line alike:
 * - one GET, without cookies or credentials (`credentials: 'omit'`), without a Referer, and without writing
 *   to the HTTP cache (`cache: 'no-store'`: nothing about a preview goes to disk);
 * - only http(s) addresses, each redirect's target checked again, at most `maxRedirects` redirects;
 * - only text/html or XHTML (a response without a usable Content-Type is sniffed as a browser would);
 * - at most `maxBytes`, read as a stream and cancelled past the limit (or refused from Content-Length);
 * - one deadline of `timeoutMs` for all of it, which aborts the request;
 * - the bytes decoded as a browser decodes a page (decodeHtml).
 *
 * Redirects: where the platform shows them (Node's fetch with `redirect: 'manual'` returns the 3xx response
 * and its Location), each hop is followed here, counted and its scheme checked. Browsers do not: the Fetch
 * standard answers `redirect: 'manual'` with an opaque redirect (type 'opaqueredirect', status 0, no
 * headers), so there the request is sent again with `redirect: 'follow'`. The browser then follows up to its
 * own limit of 20 redirects, and only to http(s) (any other scheme is a network error by the standard): a
 * redirect loop ends as a `network-error` there (Chromium and Firefox both), within the same deadline.
 *
 * Never throws: every outcome is a {@link FetchedPage}.
 */
export async function fetchPage(url: string, options: FetchPageOptions = {}): Promise<FetchedPage> {
  const start = httpUrl(url);
  if (!start) return { kind: 'bad-url', url };
  const { signal, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  if (signal?.aborted) return { kind: 'aborted', url: start };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  // Rejects when the fetch is aborted, so a step that ignores the signal still ends on time.
  const stopped = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(new Error('aborted')), { once: true }),
  );
  stopped.catch(() => undefined);
  const until = <T>(step: Promise<T>) => Promise.race([step, stopped]);
  const at = { url: start };
  try {
    return await follow(at, options, controller.signal, until);
  } catch (error) {
    if (signal?.aborted) return { kind: 'aborted', url: at.url };
    if (timedOut) return { kind: 'timeout', url: at.url, ms: timeoutMs };
    return { kind: 'network-error', url: at.url, message: errorMessage(error) };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

type Until = <T>(step: Promise<T>) => Promise<T>;

/** Requests `at.url`, following redirects (updating `at.url` at each hop), then reads the final response. */
async function follow(
  at: { url: string },
  options: FetchPageOptions,
  signal: AbortSignal,
  until: Until,
): Promise<FetchedPage> {
  const fetchImpl = options.fetchImpl ?? globalThis.fetch;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  for (let hops = 0; ; hops++) {
    const manual = !hidesRedirects.has(fetchImpl);
    let response = await until(fetchImpl(at.url, requestInit(manual ? 'manual' : 'follow', signal)));
    if (manual && response.type === 'opaqueredirect') {
      hidesRedirects.add(fetchImpl);
      response = await until(fetchImpl(at.url, requestInit('follow', signal)));
    }
    if (response.redirected && response.url) at.url = response.url;
    if (!REDIRECT_STATUSES.has(response.status)) return readResponse(response, at.url, options, until);
    void response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (location === null) return { kind: 'http-error', url: at.url, status: response.status };
    if (hops >= maxRedirects) return { kind: 'too-many-redirects', url: at.url };
    const next = httpUrl(location, at.url);
    if (!next) return { kind: 'bad-url', url: location };
    at.url = next;
  }
}

function requestInit(redirect: RequestRedirect, signal: AbortSignal): RequestInit {
  return {
    method: 'GET',
    headers: { Accept: ACCEPT },
    credentials: 'omit',
    referrer: '',
    referrerPolicy: 'no-referrer',
    cache: 'no-store',
    redirect,
    signal,
  };
}

/** Reads a final (non-redirect) response: an error status, something that is not a page, or the page. */
async function readResponse(
  response: Response,
  url: string,
  options: FetchPageOptions,
  until: Until,
): Promise<FetchedPage> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const body = readBody(response.body, until);
  if (!response.ok) {
    body.cancel();
    return { kind: 'http-error', url, status: response.status };
  }
  const contentType = response.headers.get('content-type');
  let verdict = classifyContentType(contentType);
  if (verdict.kind !== 'not-html' && Number(response.headers.get('content-length')) > maxBytes) {
    body.cancel();
    return { kind: 'too-large', url, maxBytes };
  }
  if (verdict.kind === 'sniff') {
    await body.fill(SNIFF_BYTES);
    verdict = sniffContent(body.bytes().subarray(0, SNIFF_BYTES));
  }
  if (verdict.kind === 'not-html') {
    body.cancel();
    return { kind: 'not-html', url, contentType: contentType ?? '', what: verdict.what };
  }
  await body.fill(maxBytes + 1);
  if (body.size > maxBytes) {
    body.cancel();
    return { kind: 'too-large', url, maxBytes };
  }
  return { kind: 'html', url, ...decodeHtml(body.bytes(), contentType) };
}

/** The absolute http(s) address `url` names (relative to `base`), or null. */
function httpUrl(url: string, base?: string): string | null {
  try {
    const parsed = new URL(url, base);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Node's fetch hides the socket error in `cause`: "fetch failed" alone tells a reader nothing. */
function errorMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return cause ? `${error.message}: ${cause}` : error.message;
}
