import type { Article } from '@/lib/article';
import {
  createBuiltinEngine,
  createOpenAIEngine,
  createTrialEngine,
  type Engine,
  type EngineOutput,
  type SummarizerApi,
} from '@/lib/engines';
import { streamFromBackground, type SummaryRequest } from '@/lib/messaging';
import { loadSettings, type Settings } from '@/lib/settings';
import { trialSession } from '@/lib/trial-host';

/**
 * The optional AI engines as the extension runs them. The browser's built-in model runs in the page's tab; a
 * server is called from the background, which holds the server's host permission and the API key, so the key
 * never enters a web page's process. Firefox's on-device AI is called from the background too: Firefox gives
 * the extension one engine, which the background owns for every tab.
 */

/** The browser's Summarizer API, where this browser has one. */
export function summarizerApi(): SummarizerApi | undefined {
  return (globalThis as { Summarizer?: SummarizerApi }).Summarizer;
}

/** Panel side: streams an AI summary of `article` with the engine the settings name. */
export function aiSummaryStream(
  settings: Settings,
  article: Article,
  signal: AbortSignal,
): AsyncIterable<EngineOutput> {
  if (settings.engine === 'builtin') {
    const engine = createBuiltinEngine(summarizerApi(), {
      outputLanguage: settings.outputLanguage || undefined,
    });
    return engine.summarizeStream(article, { length: settings.length }, signal);
  }
  return streamFromBackground({ article, length: settings.length }, signal);
}

/** A label for the engine that wrote a summary: "Browser's built-in AI", "llama3.2 on localhost:11434". */
export function engineLabel(settings: Settings): string {
  if (settings.engine === 'builtin') return createBuiltinEngine(undefined).label;
  if (settings.engine === 'trial') return createTrialEngine(undefined).label;
  if (!settings.server) return 'AI';
  return createOpenAIEngine({ ...settings.server }, fetch).label;
}

/** Background side: summarizes with the engine the settings name, Firefox's on-device AI or the server. */
export async function* backgroundSummaryStream(
  request: SummaryRequest,
  signal: AbortSignal,
): AsyncGenerator<EngineOutput> {
  const settings = await loadSettings();
  if (settings.engine === 'trial') {
    const engine = createTrialEngine(trialSession(), {
      outputLanguage: settings.outputLanguage || undefined,
    });
    return yield* engine.summarizeStream(request.article, { length: request.length }, signal);
  }
  const engine = serverEngine(settings);
  if (!engine) {
    yield {
      kind: 'error',
      code: 'invalid-config',
      message: 'No server is set up for AI summaries.',
      hint: 'Open the extension’s popup and set up a server under “Engine”.',
    };
    return;
  }
  yield* engine.summarizeStream(request.article, { length: request.length }, signal);
}

/** The configured server as an engine, or null when none is set up. */
function serverEngine(settings: Settings): Engine | null {
  if (!settings.server) return null;
  return createOpenAIEngine(
    {
      ...settings.server,
      apiKey: settings.apiKey || undefined,
      outputLanguage: settings.outputLanguage || undefined,
    },
    (input, init) => fetch(input, init),
  );
}
