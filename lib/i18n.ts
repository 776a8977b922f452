import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

/**
 * Interface strings, through the browser's i18n (`public/_locales/<lang>/messages.json`), so every part of the
 * extension follows the browser's language. English is the reference: its keys are the type of every key.
 */

export type MessageKey = keyof typeof english;

/** The interface string `key` in the browser's language, with `$1`, `$2`… filled from `substitutions`. */
export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  // WXT types getMessage with one overload per key, which a key of union type cannot pick; MessageKey is
  // checked against the English messages above instead.
  const getMessage = browser.i18n.getMessage as (name: string, substitutions?: string[]) => string;
  const message = getMessage(key, substitutions.map(String));
  // An empty answer means a missing translation or a test environment without i18n: show the key, not nothing.
  return message || key;
}

/**
 * The language and direction of the translation in use. Read from the messages themselves: the browser's
 * `@@bidi_dir` and `getUILanguage()` can disagree with the locale it picked for the messages.
 */
export function uiLocale(): { lang: string; dir: 'ltr' | 'rtl' } {
  return { lang: t('uiLanguage'), dir: t('uiDirection') === 'rtl' ? 'rtl' : 'ltr' };
}
