import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, REPO_ROOT, article, poll, useExtension, type Popup } from './harness';

/**
 * "Every interface in the user's language": under a Russian browser the popup and the panel speak Russian;
 * under an Arabic one the popup is Arabic and right-to-left. The expected strings are read from
 * public/_locales/<lang>/messages.json, the translations the extension ships.
 */

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

function messages(lang: string): Record<string, Message> {
  return JSON.parse(
    readFileSync(join(REPO_ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'),
  ) as Record<string, Message>;
}

/** The message `key` of `lang` with its named placeholders ($N$) turned into their positions ($1). */
function positional(lang: string, key: string): string {
  const entry = messages(lang)[key];
  if (!entry) throw new Error(`No message "${key}" in ${lang}`);
  return entry.message.replace(
    /\$([A-Za-z0-9_@]+)\$/g,
    (whole, name: string) => entry.placeholders?.[name.toLowerCase()]?.content ?? whole,
  );
}

/** The message as the browser shows it (`$$` is a literal dollar sign). */
function text(lang: string, key: string): string {
  return positional(lang, key).replace(/\$\$/g, '$');
}

/** A pattern for the message with a number in each substitution, e.g. "7 мин чтения". */
function numbered(lang: string, key: string): RegExp {
  const escaped = text(lang, key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/\\\$[1-9]/g, '\\d+'));
}

/** What the popup says and how it is set up. */
function readPopup(popup: Popup) {
  return popup.page.evaluate(() => ({
    lang: document.documentElement.lang,
    dir: document.documentElement.dir,
    computedDirection: getComputedStyle(document.body).direction,
    toggle: (document.getElementById('toggle')?.textContent ?? '').trim(),
    text: (document.body?.innerText ?? '').replace(/\s+/g, ' ').trim(),
    // Headings as written: innerText applies the CSS text-transform (the section headings are upper-case).
    headings: Array.from(document.querySelectorAll('h1, h2, legend'), (h) => (h.textContent ?? '').trim()),
  }));
}

/** The popup once its settings have loaded too (they arrive after the page's status). */
function settledPopup(popup: Popup, lang: string) {
  return poll(`the popup's settings in ${lang}`, async () => {
    const seen = await readPopup(popup);
    return seen.headings.includes(text(lang, 'settings')) ? seen : null;
  });
}

/** The panel toggle's words as a screen reader reads them (aria-hidden parts left out), and the panel's label. */
function readToggle(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('no-time-to-read')?.shadowRoot;
    const toggle = root?.querySelector('button[aria-expanded]');
    const copy = toggle?.cloneNode(true) as Element | undefined;
    copy?.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
    // The language a screen reader reads the toggle in: the nearest lang, inside the shadow root or above it.
    const lang =
      toggle?.closest('[lang]')?.getAttribute('lang') ?? root?.host.closest('[lang]')?.getAttribute('lang');
    return {
      toggle: (copy?.textContent ?? '').replace(/\s+/g, ' ').trim(),
      lang: lang ?? null,
      label: root?.querySelector('section')?.getAttribute('aria-label') ?? null,
    };
  });
}

const PLAIN = article('plain-article');

describe.each(BROWSERS)('%s under a Russian browser language', (name) => {
  const e2e = useExtension(name, { lang: 'ru' });

  it('the popup is in Russian: lang="ru", the page status and the button from ru/messages.json', async () => {
    const home = await e2e.ext.openPage(e2e.server.fixture('home-teasers'));
    try {
      const popup = await e2e.ext.openPopup(home);
      await popup.waitForText(text('ru', 'noArticle'));
      const seen = await settledPopup(popup, 'ru');
      expect(seen.lang, JSON.stringify(seen)).toBe('ru');
      expect(seen.dir, JSON.stringify(seen)).toBe('ltr');
      expect(seen.toggle).toBe(text('ru', 'showSummary'));
      expect(seen.headings).toContain(text('ru', 'settings'));
    } finally {
      await home.close();
    }

    const story = await e2e.ext.openPage(e2e.server.fixture(PLAIN.slug));
    try {
      await new Panel(story).waitForState('collapsed');
      const popup = await e2e.ext.openPopup(story);
      await popup.waitForText(PLAIN.title);
      const seen = await readPopup(popup);
      expect(seen.text, 'the reading time under the title').toMatch(numbered('ru', 'minRead'));
      expect(seen.toggle).toBe(text('ru', 'showSummary'));
    } finally {
      await story.close();
    }
  });

  it('the panel speaks Russian: its toggle starts with toggleLead, its region has the Russian label', async () => {
    const story = await e2e.ext.openPage(e2e.server.fixture(PLAIN.slug));
    try {
      await new Panel(story).waitForState('collapsed');
      const seen = await readToggle(story);
      expect(seen.toggle.startsWith(text('ru', 'toggleLead')), JSON.stringify(seen)).toBe(true);
      expect(seen.toggle, JSON.stringify(seen)).toContain(text('ru', 'toggleGet'));
      expect(seen.label).toBe(text('ru', 'panelLabel'));
      // On an English article the bar's own words are still Russian, and say so for screen readers.
      expect(seen.lang, JSON.stringify(seen)).toBe(text('ru', 'uiLanguage'));
    } finally {
      await story.close();
    }
  });
});

describe.each(BROWSERS)('%s under an Arabic browser language', (name) => {
  const e2e = useExtension(name, { lang: 'ar' });

  it('the popup is Arabic and right-to-left', async () => {
    const story = await e2e.ext.openPage(e2e.server.fixture(PLAIN.slug));
    try {
      await new Panel(story).waitForState('collapsed');
      const popup = await e2e.ext.openPopup(story);
      await popup.waitForText(PLAIN.title);
      const seen = await settledPopup(popup, 'ar');
      expect(seen.dir, JSON.stringify(seen)).toBe('rtl');
      expect(seen.computedDirection, JSON.stringify(seen)).toBe('rtl');
      expect(seen.lang, JSON.stringify(seen)).toBe('ar');
      expect(seen.toggle).toBe(text('ar', 'showSummary'));
      expect(seen.text).toMatch(numbered('ar', 'minRead'));
      expect(seen.headings).toContain(text('ar', 'settings'));
    } finally {
      await story.close();
    }
  });

  it('the panel toggle is in Arabic', async () => {
    const story = await e2e.ext.openPage(e2e.server.fixture(PLAIN.slug));
    try {
      await new Panel(story).waitForState('collapsed');
      const seen = await readToggle(story);
      expect(seen.toggle.startsWith(text('ar', 'toggleLead')), JSON.stringify(seen)).toBe(true);
    } finally {
      await story.close();
    }
  });
});
