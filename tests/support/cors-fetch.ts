/**
 * A fetch that enforces CORS the way a browser does for a page or content script at `origin`, on top of
 * Node's fetch (which has no CORS). It sends the Origin header, makes the preflight for non-simple
 * requests, and fails with the browser's opaque "Failed to fetch" TypeError when the server does not
 * allow the origin. `mode: 'no-cors'` requests succeed with an empty answer whenever the server answers.
 */
import type { FetchLike } from '@/lib/engines';

/** Headers a browser may send cross-origin without a preflight (and with a simple content type). */
const SIMPLE_HEADERS = new Set(['accept', 'accept-language', 'content-language']);

function failedToFetch(): TypeError {
  return new TypeError('Failed to fetch');
}

/** Creates the CORS-enforcing fetch for pages at `origin`. */
export function corsEnforcingFetch(origin: string): FetchLike {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('Origin', origin);
    const method = init.method ?? 'GET';
    if (init.mode === 'no-cors') {
      await fetch(input, { ...init, headers }); // a network failure still rejects
      return new Response(null); // opaque: nothing readable
    }
    const custom = [...headers.keys()].filter((name) => name !== 'origin' && !SIMPLE_HEADERS.has(name));
    const allowed = (response: Response) => response.headers.get('access-control-allow-origin') === origin;
    if (custom.length > 0 || !['GET', 'HEAD', 'POST'].includes(method)) {
      const preflight = await fetch(input, {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': method,
          'Access-Control-Request-Headers': custom.join(','),
        },
        signal: init.signal,
      }).catch(() => {
        throw failedToFetch();
      });
      if (!preflight.ok || !allowed(preflight)) throw failedToFetch();
    }
    const response = await fetch(input, { ...init, headers }).catch((error: unknown) => {
      throw init.signal?.aborted ? error : failedToFetch();
    });
    if (!allowed(response)) throw failedToFetch();
    return response;
  };
}
