/**
 * The command line's side of the optional AI engines (issue 5): runs the OpenAI-compatible engine on
 * an article and words its failures and partial coverage for standard error, as the panel does.
 */
import type { Article } from '../lib/article';
import {
  collectPoints,
  createOpenAIEngine,
  type CollectedSummary,
  type EngineError,
} from '../lib/engines/index';
import type { CliOptions } from './options';

/** The command line asks for the panel's default length: the same number of points in both places. */
const LENGTH = 'medium';

/**
 * Summarizes `article` with the server and model in `options` (which parseOptions has checked),
 * calling `onPoint` with each point as the model finishes it. Never throws: failures come back as an
 * EngineError, whose message and hint never contain the API key.
 */
export function summarizeWithModel(
  article: Article,
  options: Pick<CliOptions, 'baseUrl' | 'model' | 'apiKey'>,
  onPoint?: (text: string) => void,
): Promise<CollectedSummary> {
  const engine = createOpenAIEngine(
    { baseUrl: options.baseUrl ?? '', model: options.model ?? '', apiKey: options.apiKey },
    fetch,
  );
  // Nothing cancels a command-line run but the user's Ctrl-C, which ends the process anyway.
  const stream = engine.summarizeStream(article, { length: LENGTH }, new AbortController().signal);
  return collectPoints(stream, onPoint);
}

/** An engine failure as the panel shows it: what happened, then what to do. */
export function describeEngineError(error: EngineError): string {
  return error.hint ? `${error.message}\n${error.hint}` : error.message;
}

/**
 * The note for a summary of only the beginning of an article, or undefined when the model read it
 * all. Rounded down, so "100%" never describes a summary that missed the end.
 */
export function coverageNote(coverage: number): string | undefined {
  if (coverage >= 1) return undefined;
  return `Summary of the first ${Math.floor(coverage * 100)}% of the article.`;
}
