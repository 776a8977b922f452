import { engineError, safeDetail } from './errors';
import type { EngineError } from './types';

/** What an error message may name: the server and the model. The key is only used to redact it. */
export interface ErrorContext {
  baseUrl: string;
  model: string;
  apiKey?: string;
}

/** Shown with every origin refusal: Ollama answers 403 to origins not in OLLAMA_ORIGINS. */
const ORIGINS_HINT =
  'For Ollama, allow the extension: set OLLAMA_ORIGINS=chrome-extension://*,moz-extension://* ' +
  'in the environment of the Ollama server and restart it. Other servers have a similar CORS setting.';

/** OpenAI-style error bodies: `{ "error": { "message", "code" } }`, or Ollama's `{ "error": "..." }`. */
function parseErrorBody(body: string): { message: string; code: string } | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return undefined;
    const error = parsed.error;
    if (typeof error === 'string') return { message: error, code: '' };
    if (typeof error !== 'object' || error === null) return undefined;
    const message = 'message' in error && typeof error.message === 'string' ? error.message : '';
    const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
    return { message, code };
  } catch {
    return undefined;
  }
}

/** Words in a 400 answer that mean the prompt was longer than the model's context. */
const CONTEXT_TOO_LONG = /context[_ ]length|context window|too many tokens|maximum context/i;

/**
 * The typed error for a non-2xx answer. Reads the body for the server's own explanation, which is
 * repeated (redacted, shortened) except for 401, whose body may echo part of the key.
 */
export async function httpError(response: Response, context: ErrorContext): Promise<EngineError> {
  const body = await response.text().catch(() => '');
  const parsed = parseErrorBody(body);
  const detail = safeDetail(parsed?.message ?? '', [context.apiKey]);
  const said = detail ? ` The server said: ${detail}` : '';
  const { status } = response;
  const { baseUrl, model } = context;

  if (status === 401)
    return context.apiKey
      ? engineError(
          'unauthorized',
          `${baseUrl} refused the API key (401).`,
          'Check the API key in the settings.',
        )
      : engineError('unauthorized', `${baseUrl} needs an API key (401).`, 'Add the API key in the settings.');
  if (status === 403 && !parsed)
    return engineError('cors', `${baseUrl} refused requests from the extension (403).`, ORIGINS_HINT);
  if (status === 403)
    return engineError(
      'unauthorized',
      `${baseUrl} refused access (403).${said}`,
      'Check the API key and its permissions.',
    );
  if (status === 404)
    return engineError(
      'model-not-found',
      `Model "${model}" was not found on ${baseUrl} (404).${said}`,
      'Check the model name ("Test connection" lists the models); for Ollama, run "ollama pull ' +
        `${model}". If the name is right, check that the address points to the API (it usually ends in /v1).`,
    );
  if (status === 429) {
    const retry = Number(response.headers.get('retry-after'));
    const wait = Number.isFinite(retry) && retry > 0 ? `Wait ${Math.ceil(retry)} seconds` : 'Wait a moment';
    const quota = parsed?.code === 'insufficient_quota';
    return engineError(
      'rate-limited',
      quota
        ? `The account's quota on ${baseUrl} is used up (429).${said}`
        : `${baseUrl} is limiting requests (429).`,
      quota ? 'Check the plan and billing of the account.' : `${wait} and try again.`,
    );
  }
  if (status === 408 || status === 504)
    return engineError('timeout', `${baseUrl} timed out (${status}).`, 'Try again, or use a smaller model.');
  if (status === 400 && CONTEXT_TOO_LONG.test(body))
    return engineError('quota', `The article is too long for "${model}".${said}`, 'Lower the input budget.');
  if (status >= 500)
    return engineError('unavailable', `${baseUrl} failed (${status}).${said}`, 'Try again later.');
  return engineError('unknown', `${baseUrl} answered with an error (${status}).${said}`);
}

/** The error when the request never got an answer: the server is down, or (in a browser) CORS. */
export function unreachableError(baseUrl: string, corsLikely: boolean): EngineError {
  return corsLikely
    ? engineError('cors', `${baseUrl} refused requests from the extension (CORS).`, ORIGINS_HINT)
    : engineError(
        'unreachable',
        `Could not reach ${baseUrl}.`,
        'Check that the server is running and that the address is right.',
      );
}
