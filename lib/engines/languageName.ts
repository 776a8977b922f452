/**
 * Built on first use: naming languages in English is what the prompt needs, whatever the UI language. Building
 * it loads the browser's language-name data (about 30 ms), which only an AI summary needs.
 */
let names: Intl.DisplayNames | null = null;

/**
 * The English name of a BCP 47 language tag ("de" → "German", "pt-BR" → "Brazilian Portuguese"),
 * or undefined when the tag is unknown ("und"), empty or malformed.
 */
export function languageName(tag: string | undefined): string | undefined {
  const trimmed = tag?.trim();
  if (!trimmed || trimmed.toLowerCase() === 'und') return undefined;
  names ??= new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' });
  try {
    return names.of(trimmed);
  } catch {
    return undefined; // RangeError: not a well-formed tag
  }
}
