/** Built once: naming languages in English is what the prompt needs, whatever the UI language. */
const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });

/**
 * The English name of a BCP 47 language tag ("de" → "German", "pt-BR" → "Brazilian Portuguese"),
 * or undefined when the tag is unknown ("und"), empty or malformed.
 */
export function languageName(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed || trimmed.toLowerCase() === 'und') return undefined;
  try {
    return NAMES.of(trimmed);
  } catch {
    return undefined; // RangeError: not a well-formed tag
  }
}
