/**
 * The WHATWG Encoding Standard name for a label ("Shift_JIS" → "shift_jis", "latin1" → "windows-1252"), or
 * null for a label this platform's TextDecoder does not know. Browsers and Node (with full ICU) implement the
 * standard's label table in TextDecoder, so asking it is how a label is "resolved" the way a browser would.
 * The "replacement" encoding (iso-2022-kr, hz-gb-2312…) makes the constructor throw, so it comes back null too.
 */
export function resolveEncoding(label: string): string | null {
  const trimmed = label.trim();
  if (!trimmed) return null;
  try {
    return new TextDecoder(trimmed).encoding;
  } catch {
    return null;
  }
}
