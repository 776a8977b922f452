import { storage } from '@wxt-dev/storage';
import { isOpenAIConfig, type OpenAIConfig } from '@/lib/engines';

/**
 * The one settings module: every setting with its default, its validation and its storage item.
 * Nothing else in the codebase names a storage key or repeats a default.
 */

export type SummaryLength = 'short' | 'medium' | 'long';
export type SummaryFormat = 'bullets' | 'paragraph';
export type Theme = 'system' | 'light' | 'dark';
export type Placement = 'inline' | 'floating';
/** Who writes the summary: this device's extractive summarizer (default), the browser's model, or a server. */
export type EngineChoice = 'extractive' | 'builtin' | 'openai';
/** An OpenAI-compatible server, without its key (the key is a setting of its own). */
export type ServerSettings = Omit<OpenAIConfig, 'apiKey' | 'outputLanguage'>;

export interface Settings {
  /** Show the collapsed bar by itself on pages detected as articles. */
  autoShow: boolean;
  /** Open the bar already expanded. */
  startExpanded: boolean;
  length: SummaryLength;
  format: SummaryFormat;
  theme: Theme;
  /** Above the article body, or a small card in a corner. */
  placement: Placement;
  /** Hostnames where the bar never shows by itself. */
  disabledSites: string[];
  engine: EngineChoice;
  /** The OpenAI-compatible server, once the user has set one up. */
  server: ServerSettings | null;
  /**
   * The server's API key ('' for none). Like every setting it lives in storage.local on this device only (never
   * synced); it is sent only to the configured server.
   */
  apiKey: string;
  /** Language of AI summaries: '' for the article's own language, else a BCP 47 tag. */
  outputLanguage: string;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  autoShow: true,
  startExpanded: false,
  length: 'medium',
  format: 'bullets',
  theme: 'system',
  placement: 'inline',
  disabledSites: [],
  engine: 'extractive',
  server: null,
  apiKey: '',
  outputLanguage: '',
});

/** Longest list of disabled sites we keep; far beyond real use, it bounds storage and lookups. */
const MAX_DISABLED_SITES = 1000;
/** Languages an AI summary can be asked to be written in (besides the article's own). */
export const OUTPUT_LANGUAGES = Object.freeze([
  'ar',
  'de',
  'en',
  'es',
  'fr',
  'he',
  'hi',
  'it',
  'ja',
  'ko',
  'nl',
  'pl',
  'pt',
  'ru',
  'tr',
  'uk',
  'zh',
] as const);
/** API keys are a few hundred characters at most; anything longer is not a key. */
const MAX_KEY_LENGTH = 4096;

const oneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown): value is T =>
    typeof value === 'string' && (values as string[]).includes(value);
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isHostList = (value: unknown): value is string[] =>
  Array.isArray(value) &&
  value.length <= MAX_DISABLED_SITES &&
  value.every((host) => typeof host === 'string' && host.length > 0 && host.length < 256);

const VALIDATORS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  autoShow: isBoolean,
  startExpanded: isBoolean,
  length: oneOf('short', 'medium', 'long'),
  format: oneOf('bullets', 'paragraph'),
  theme: oneOf('system', 'light', 'dark'),
  placement: oneOf('inline', 'floating'),
  disabledSites: isHostList,
  engine: oneOf('extractive', 'builtin', 'openai'),
  server: (value: unknown): value is ServerSettings | null => value === null || isOpenAIConfig(value),
  apiKey: (value: unknown): value is string => typeof value === 'string' && value.length < MAX_KEY_LENGTH,
  outputLanguage: (value: unknown): value is string =>
    value === '' || (typeof value === 'string' && (OUTPUT_LANGUAGES as readonly string[]).includes(value)),
};

function defineSetting<K extends keyof Settings>(key: K) {
  return storage.defineItem<Settings[K]>(`local:settings.${key}`, {
    fallback: DEFAULT_SETTINGS[key],
    version: 1,
  });
}

/** The storage item of each setting, typed by key. */
type Items = { [K in keyof Settings]: ReturnType<typeof defineSetting<K>> };

const ITEMS: Items = {
  autoShow: defineSetting('autoShow'),
  startExpanded: defineSetting('startExpanded'),
  length: defineSetting('length'),
  format: defineSetting('format'),
  theme: defineSetting('theme'),
  placement: defineSetting('placement'),
  disabledSites: defineSetting('disabledSites'),
  engine: defineSetting('engine'),
  server: defineSetting('server'),
  apiKey: defineSetting('apiKey'),
  outputLanguage: defineSetting('outputLanguage'),
};

const KEYS = Object.keys(ITEMS) as (keyof Settings)[];

/** A stored value if it is valid, else the default: corrupt or old values never reach the UI. */
function validOrDefault<K extends keyof Settings>(key: K, value: unknown): Settings[K] {
  return VALIDATORS[key](value) ? (value as Settings[K]) : DEFAULT_SETTINGS[key];
}

/** Reads all settings in one storage round trip, falling back to defaults field by field. */
export async function loadSettings(): Promise<Settings> {
  const entries = await storage.getItems(KEYS.map((key) => ITEMS[key]));
  const settings = { ...DEFAULT_SETTINGS } as Settings;
  KEYS.forEach((key, i) => {
    (settings as Record<keyof Settings, unknown>)[key] = validOrDefault(key, entries[i]?.value);
  });
  return settings;
}

/** Saves one setting; invalid values are refused rather than stored. */
export async function saveSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> {
  if (!VALIDATORS[key](value)) throw new TypeError(`Invalid value for setting "${key}"`);
  await ITEMS[key].setValue(value);
}

/** Calls `onChange` with the full, validated settings whenever any of them changes. Returns an unwatch function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const unwatchers = KEYS.map((key) => ITEMS[key].watch(() => void loadSettings().then(onChange)));
  return () => unwatchers.forEach((unwatch) => unwatch());
}

/** Whether the user turned the bar off on this hostname (subdomains of a listed site included). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => hostname === site || hostname.endsWith(`.${site}`));
}

/** Adds a hostname to the disabled sites, keeping the list unique. */
export async function disableSite(hostname: string): Promise<void> {
  const { disabledSites } = await loadSettings();
  if (disabledSites.includes(hostname)) return;
  await saveSetting('disabledSites', [...disabledSites, hostname].slice(-MAX_DISABLED_SITES));
}

/** Removes a hostname from the disabled sites. */
export async function enableSite(hostname: string): Promise<void> {
  const { disabledSites } = await loadSettings();
  await saveSetting(
    'disabledSites',
    disabledSites.filter((site) => site !== hostname),
  );
}
