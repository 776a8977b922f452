import { normalizeBaseUrl } from './baseUrl';
import { languageName } from './languageName';
import type { OpenAIConfig } from './openai';

/**
 * Bounds for stored numbers: below 1,000 characters no summary is worth having, above a million no
 * model context fits; a timeout under a second always fails, over ten minutes nobody waits.
 */
export const INPUT_BUDGET_RANGE = Object.freeze({ min: 1_000, max: 1_000_000 });
export const TIMEOUT_RANGE_MS = Object.freeze({ min: 1_000, max: 600_000 });

const inRange = (value: unknown, range: { min: number; max: number }) =>
  typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;

/**
 * Validation for a stored OpenAIConfig (for the settings module): a usable address, a model name,
 * and optional fields of the right type and range. Unknown extra fields are tolerated.
 */
export function isOpenAIConfig(value: unknown): value is OpenAIConfig {
  if (typeof value !== 'object' || value === null) return false;
  const config = value as Record<string, unknown>;
  return (
    typeof config.baseUrl === 'string' &&
    normalizeBaseUrl(config.baseUrl).kind === 'ok' &&
    typeof config.model === 'string' &&
    config.model.trim().length > 0 &&
    (config.apiKey === undefined || typeof config.apiKey === 'string') &&
    (config.inputBudgetChars === undefined || inRange(config.inputBudgetChars, INPUT_BUDGET_RANGE)) &&
    (config.timeoutMs === undefined || inRange(config.timeoutMs, TIMEOUT_RANGE_MS)) &&
    (config.outputLanguage === undefined ||
      (typeof config.outputLanguage === 'string' && languageName(config.outputLanguage) !== undefined))
  );
}
