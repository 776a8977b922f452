/** Fields a Transformers.js text pipeline writes its text in: summarization, then text2text and generation. */
const TEXT_FIELDS = ['summary_text', 'generated_text', 'text'] as const;

/**
 * The text of a `browser.trial.ml.runEngine` result, or '' when it holds none. Mozilla's docs read
 * `res[0].summary_text` (the pipeline's own output), its tests `res.output` (the engine's wrapper): both are
 * read, with the summary either as an object with a text field or as a plain string, alone or first of a list.
 */
export function trialSummaryText(result: unknown): string {
  let value = result;
  if (isRecord(value) && 'output' in value) value = value.output;
  if (Array.isArray(value)) value = value[0];
  if (typeof value === 'string') return value.trim();
  if (!isRecord(value)) return '';
  for (const field of TEXT_FIELDS) {
    const text = value[field];
    if (typeof text === 'string' && text.trim()) return text.trim();
  }
  return '';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
