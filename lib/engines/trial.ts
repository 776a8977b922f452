/**
 * The engine for Firefox's on-device AI (`browser.trial.ml`): an abstractive model that runs in Firefox's
 * inference process, so nothing leaves the device. The model (distilbart) reads about 1,024 tokens of English
 * and writes a short paragraph, whose sentences become the key points. The runs go through a `TrialSession`
 * (lib/engines/trialSession.ts), which owns the extension's one engine.
 */
import type { Article } from '../article';
import { primaryLanguage } from '../text/stopwords';
import { EngineFailure, engineError } from './errors';
import { estimateTokens } from './estimateTokens';
import { fitBlocks } from './fitBlocks';
import { languageName } from './languageName';
import { POINTS_BY_LENGTH } from './prompt';
import { summaryPoints } from './summaryPoints';
import { notAllowedError, TRIAL_NAME, trialError } from './trialErrors';
import type { TrialSession } from './trialSession';
import { trialSummaryText } from './trialSummaryText';
import type { Engine, EngineError, EngineOutput, StreamOptions, SummaryLength } from './types';

/** The trial engine's options. */
export interface TrialOptions {
  /** BCP 47 tag the summary is asked in; the model writes English only. */
  outputLanguage?: string;
}

/** Name shown in the panel as the summary's author. */
const LABEL = 'Firefox on-device AI';

/** The only language the model reads and writes. */
const MODEL_LANGUAGE = 'en';

/**
 * Input budget in estimated tokens (see estimateTokens, an overestimate): the model's 1,024 positions, less its
 * two special tokens and a margin.
 */
export const TRIAL_INPUT_TOKENS = 1_000;

/**
 * New tokens per length. The model was trained on news highlights of 3-4 sentences (about 60 tokens); its own
 * settings allow up to 142.
 */
const MAX_NEW_TOKENS: Readonly<Record<SummaryLength, number>> = Object.freeze({
  short: 60,
  medium: 100,
  long: 142,
});

/** Creates the engine over `session`; `undefined` means this browser has no on-device AI for extensions. */
export function createTrialEngine(
  session: Pick<TrialSession, 'run'> | undefined,
  options: TrialOptions = {},
): Engine {
  return {
    id: 'trial',
    label: LABEL,
    summarizeStream: (article, streamOptions, signal) =>
      stream(session, options, article, streamOptions, signal),
  };
}

async function* stream(
  session: Pick<TrialSession, 'run'> | undefined,
  options: TrialOptions,
  article: Article,
  streamOptions: StreamOptions,
  signal: AbortSignal,
): AsyncGenerator<EngineOutput> {
  if (!session) return yield notAllowedError();
  const unsupported = languageError(article.lang, options.outputLanguage);
  if (unsupported) return yield unsupported;
  if (!article.text.trim()) return yield engineError('unknown', 'The article has no text to summarize.');
  const excerpt = await fitBlocks(article, (text) => estimateTokens(text) <= TRIAL_INPUT_TOKENS);
  if (!excerpt.text)
    return yield engineError(
      'quota',
      `The article is too long for ${TRIAL_NAME}.`,
      'Use the on-device summary.',
    );

  const length = streamOptions.length ?? 'medium';
  try {
    const result = await session.run(excerpt.text, { maxNewTokens: MAX_NEW_TOKENS[length] }, signal);
    const points = summaryPoints(trialSummaryText(result), MODEL_LANGUAGE, POINTS_BY_LENGTH[length]);
    if (points.length === 0) return yield engineError('bad-stream', `${TRIAL_NAME} wrote no summary.`);
    for (const text of points) yield { kind: 'point', text };
    yield { kind: 'done', coverage: excerpt.coverage };
  } catch (error) {
    yield error instanceof EngineFailure
      ? error.error
      : trialError(error, { aborted: signal.aborted, timedOut: false });
  }
}

/** The model reads and writes English only: another article or summary language is refused, not garbled. */
function languageError(articleLang: string, outputLanguage: string | undefined): EngineError | null {
  const wanted = outputLanguage ? primaryLanguage(outputLanguage) : '';
  if (wanted && wanted !== MODEL_LANGUAGE)
    return engineError(
      'unavailable',
      `${TRIAL_NAME} writes summaries in English only, not in ${languageName(wanted) ?? wanted}.`,
      'Set “Summary language” to English or to the article’s language, or choose another engine.',
    );
  const read = primaryLanguage(articleLang || 'und');
  if (read && read !== 'und' && read !== MODEL_LANGUAGE)
    return engineError(
      'unavailable',
      `${TRIAL_NAME} summarizes English articles only; this one is in ${languageName(read) ?? read}.`,
      'Use the on-device summary, or choose another engine.',
    );
  return null;
}
