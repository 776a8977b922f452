import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Every translation has every English message, with the same placeholders, and no empty text. */
const LOCALES_DIR = join(import.meta.dirname, '../../public/_locales');
type Messages = Record<string, { message: string; placeholders?: Record<string, unknown> }>;
const read = (lang: string): Messages =>
  JSON.parse(readFileSync(join(LOCALES_DIR, lang, 'messages.json'), 'utf8')) as Messages;
const english = read('en');
const languages = readdirSync(LOCALES_DIR).filter((lang) => lang !== 'en');

describe('translations', () => {
  it('cover the languages the store listing promises', () => {
    expect(languages.sort()).toEqual(['ar', 'de', 'es', 'fr', 'ja', 'pt_BR', 'pt_PT', 'ru', 'zh_CN']);
  });

  it.each(languages)('%s has every message with its placeholders', (lang) => {
    const messages = read(lang);
    expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
    for (const [key, { placeholders }] of Object.entries(english)) {
      expect(messages[key]?.message.trim(), `${lang}.${key}`).not.toBe('');
      for (const name of Object.keys(placeholders ?? {}))
        expect(messages[key]?.message, `${lang}.${key} uses $${name.toUpperCase()}$`).toContain(
          `$${name.toUpperCase()}$`,
        );
    }
  });

  it('names Arabic as right-to-left', () => {
    expect(read('ar').uiDirection?.message).toBe('rtl');
  });
});
