/**
 * The server address the user typed, made into the base of an OpenAI-compatible API.
 *
 * Rules, so "localhost:11434", "http://localhost:11434/" and "http://localhost:11434/v1" all work:
 * - no scheme → `http://` (local servers rarely have TLS); only http and https are accepted;
 * - an address with no path gets `/v1`: Ollama, LM Studio, llama.cpp's server, vLLM and OpenAI
 *   itself all serve the API there. Any other path is kept as typed (proxies, Azure-style paths);
 * - a pasted endpoint (`.../chat/completions`, `.../models`) is cut back to its base;
 * - trailing slashes, query and fragment are dropped;
 * - credentials in the address are refused: the key has its own field and goes in a header.
 */

/** The normalized base URL, or why the input cannot be one. */
export type BaseUrlResult = { kind: 'ok'; url: string } | { kind: 'invalid'; message: string };

/** Where OpenAI-compatible servers mount their API when the user gives only host and port. */
const DEFAULT_API_PATH = '/v1';

/** Endpoint suffixes users paste from documentation, cut back to the base. */
const ENDPOINT_SUFFIX = /\/(?:chat\/completions|completions|models)$/;

/** Normalizes a server address as described above. */
export function normalizeBaseUrl(input: string): BaseUrlResult {
  const trimmed = input.trim();
  if (!trimmed) return { kind: 'invalid', message: 'Enter the server address, e.g. http://localhost:11434.' };
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { kind: 'invalid', message: `"${trimmed}" is not a valid address.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { kind: 'invalid', message: 'The address must start with http:// or https://.' };
  if (url.username || url.password)
    return {
      kind: 'invalid',
      message: 'Remove the user name or password from the address; use the API key field.',
    };
  const path = url.pathname.replace(/\/+$/, '').replace(ENDPOINT_SUFFIX, '');
  return { kind: 'ok', url: `${url.origin}${path || DEFAULT_API_PATH}` };
}

/**
 * The host-permission pattern to request for a server (`browser.permissions.request({ origins })`).
 * Without a port: match patterns ignore ports in Chrome and reject them in Firefox.
 */
export function permissionPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
