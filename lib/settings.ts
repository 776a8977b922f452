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
/**
 * Who writes the summary: this device's extractive summarizer (default), the browser's built-in model, Firefox's
 * on-device AI (`browser.trial.ml`), or a server.
 */
export type EngineChoice = 'extractive' | 'builtin' | 'trial' | 'openai';
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
  /** Shift+Alt on a link (or its context menu) shows a card with the linked article's key points. */
  linkPreviews: boolean;
  /** Also preview a link the pointer rests on for about a second: it fetches pages only pointed at, so off. */
  previewOnHover: boolean;
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
  linkPreviews: true,
  previewOnHover: false,
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
const isHost = (host: unknown): host is string =>
  typeof host === 'string' && host.length > 0 && host.length < 256;
const isHostList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.length <= MAX_DISABLED_SITES && value.every(isHost);

const VALIDATORS: { [K in keyof Settings]: (value: unknown) => value is Settings[K] } = {
  autoShow: isBoolean,
  startExpanded: isBoolean,
  length: oneOf('short', 'medium', 'long'),
  format: oneOf('bullets', 'paragraph'),
  theme: oneOf('system', 'light', 'dark'),
  placement: oneOf('inline', 'floating'),
  disabledSites: isHostList,
  engine: oneOf('extractive', 'builtin', 'trial', 'openai'),
  server: (value: unknown): value is ServerSettings | null => value === null || isOpenAIConfig(value),
  apiKey: (value: unknown): value is string => typeof value === 'string' && value.length < MAX_KEY_LENGTH,
  outputLanguage: (value: unknown): value is string =>
    value === '' || (typeof value === 'string' && (OUTPUT_LANGUAGES as readonly string[]).includes(value)),
  linkPreviews: isBoolean,
  previewOnHover: isBoolean,
};

/** The optional fields of a server, each kept on its own if valid. */
const SERVER_OPTIONAL_FIELDS = ['inputBudgetChars', 'timeoutMs'] as const;

/**
 * What can be saved from an invalid stored value whose parts are the user's choices: one bad entry must not
 * cost the whole list (the next disableSite would store the default over it), nor one bad option the server.
 */
const REPAIRS: { [K in keyof Settings]?: (value: unknown) => unknown } = {
  disabledSites: (value) =>
    Array.isArray(value) ? [...new Set(value.filter(isHost))].slice(-MAX_DISABLED_SITES) : undefined,
  server: (value) => {
    if (typeof value !== 'object' || value === null) return undefined;
    const stored = value as Record<string, unknown>;
    const server: Record<string, unknown> = { baseUrl: stored.baseUrl, model: stored.model };
    for (const field of SERVER_OPTIONAL_FIELDS)
      if (field in stored && isOpenAIConfig({ ...server, [field]: stored[field] }))
        server[field] = stored[field];
    return server;
  },
};

/**
 * One change of a setting's stored shape. `migrations[n]` receives whatever a version n-1 release left in
 * storage (which may be corrupt) and returns the version n value. It maps the values it knows and returns
 * anything else unchanged: validation on read then defaults that one setting, and the raw value stays in
 * storage rather than being wiped.
 */
export interface SettingSchema {
  version: number;
  migrations: Record<number, (stored: unknown) => unknown>;
}

/** The stored-shape history of the settings that have one. A setting not listed is at version 1. */
export type SettingSchemas = { [K in keyof Settings]?: SettingSchema };

/**
 * Every release so far has written version 1 of every setting: one item per setting at
 * `local:settings.<key>`, holding the value names above (see `git log lib/settings.ts`), so no migration
 * exists yet. When a setting changes shape, add `key: { version: 2, migrations: { 2: (v1) => v2 } }` here and
 * a row for it in tests/unit/settings-migrations.test.ts. The machinery (@wxt-dev/storage's per-item
 * `version` and `migrations`, reads that wait for them) is tested there with a made-up history.
 */
export const SETTING_SCHEMAS: Readonly<SettingSchemas> = Object.freeze({});

/** Reading, writing and watching the settings; one per set of schemas (tests build their own). */
export interface SettingsStore {
  /** Reads all settings, after any pending migration, falling back to defaults field by field. */
  loadSettings(): Promise<Settings>;
  /** Saves one setting; invalid values are refused rather than stored. Rejects if storage refuses the write. */
  saveSetting<K extends keyof Settings>(key: K, value: Settings[K]): Promise<void>;
  /** Calls `onChange` with the full, validated settings whenever any changes. Returns an unwatch function. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
}

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

/** One setting's storage item: `local:settings.<key>`, at its schema's version (1 if it has none). */
function defineSetting<K extends keyof Settings>(key: K, schema: SettingSchema | undefined) {
  return storage.defineItem<Settings[K]>(`local:settings.${key}`, {
    fallback: DEFAULT_SETTINGS[key],
    version: schema?.version ?? 1,
    ...(schema ? { migrations: schema.migrations } : {}),
  });
}

/** The storage item of each setting, typed by key. */
type Items = { [K in keyof Settings]: ReturnType<typeof defineSetting<K>> };

/** A stored value if it is valid, else the default: corrupt or old values never reach the UI. */
function validOrDefault<K extends keyof Settings>(key: K, value: unknown): Settings[K] {
  if (VALIDATORS[key](value)) return value as Settings[K];
  const repaired = REPAIRS[key]?.(value);
  return VALIDATORS[key](repaired) ? (repaired as Settings[K]) : DEFAULT_SETTINGS[key];
}

/**
 * A settings store for `schemas`. Each item starts its migrations as it is defined (in every extension
 * context that imports this module); a failed migration or a value from a newer version is logged by
 * @wxt-dev/storage and left in storage untouched.
 */
export function createSettingsStore(schemas: SettingSchemas = SETTING_SCHEMAS): SettingsStore {
  const items = Object.fromEntries(KEYS.map((key) => [key, defineSetting(key, schemas[key])])) as Items;
  const migrating = KEYS.filter((key) => schemas[key]);
  let migrated: Promise<unknown> | null = null;
  // storage.getItems reads past the items' own migration lock: wait for it, or a read in the middle of an
  // update would see an old value, default it, and the next read-modify-write (disableSite) would store that.
  // An item's getMeta resolves once its migration has finished or failed.
  const migrationsDone = () =>
    (migrated ??= Promise.all(migrating.map((key) => items[key].getMeta().catch(() => undefined))));

  const loadSettings = async (): Promise<Settings> => {
    await migrationsDone();
    const entries = await storage.getItems(KEYS.map((key) => items[key]));
    const settings = { ...DEFAULT_SETTINGS } as Settings;
    KEYS.forEach((key, i) => {
      (settings as Record<keyof Settings, unknown>)[key] = validOrDefault(key, entries[i]?.value);
    });
    return settings;
  };

  const saveSetting = async <K extends keyof Settings>(key: K, value: Settings[K]): Promise<void> => {
    if (!VALIDATORS[key](value)) throw new TypeError(`Invalid value for setting "${key}"`);
    await items[key].setValue(value);
  };

  const watchSettings = (onChange: (settings: Settings) => void): (() => void) => {
    // A reload that fails leaves the caller with the last settings it had rather than defaults.
    const reload = () => void loadSettings().then(onChange, () => undefined);
    const unwatchers = KEYS.map((key) => items[key].watch(reload));
    return () => unwatchers.forEach((unwatch) => unwatch());
  };

  return { loadSettings, saveSetting, watchSettings };
}

const store = createSettingsStore();

/** Reads all settings in one storage round trip, falling back to defaults field by field. */
export const loadSettings: SettingsStore['loadSettings'] = store.loadSettings;

/** Saves one setting; invalid values are refused rather than stored. */
export const saveSetting: SettingsStore['saveSetting'] = store.saveSetting;

/** Calls `onChange` with the full, validated settings whenever any of them changes. Returns an unwatch function. */
export const watchSettings: SettingsStore['watchSettings'] = store.watchSettings;

/** Whether the user turned the bar off on this hostname (subdomains of a listed site included). */
export function isSiteDisabled(settings: Settings, hostname: string): boolean {
  return settings.disabledSites.some((site) => hostname === site || hostname.endsWith(`.${site}`));
}

/** Adds a hostname to the disabled sites, keeping the list unique. */
async function disableSite(hostname: string): Promise<void> {
  const { disabledSites } = await loadSettings();
  if (disabledSites.includes(hostname)) return;
  await saveSetting('disabledSites', [...disabledSites, hostname].slice(-MAX_DISABLED_SITES));
}

/** Removes a hostname from the disabled sites. */
async function enableSite(hostname: string): Promise<void> {
  const { disabledSites } = await loadSettings();
  await saveSetting(
    'disabledSites',
    disabledSites.filter((site) => site !== hostname),
  );
}

/** Edits of the disabled-sites list in this context, applied in order: each reads what the previous one wrote. */
let siteEdits: Promise<void> = Promise.resolve();

/**
 * Turns the bar off or back on for a hostname. The list is read, changed and written back, so edits made at once
 * would undo each other: the background makes them all, one after another (see `setSiteDisabled` in
 * lib/messaging.ts).
 */
export function setSiteDisabled(hostname: string, disabled: boolean): Promise<void> {
  const edit = siteEdits.then(() => (disabled ? disableSite(hostname) : enableSite(hostname)));
  siteEdits = edit.catch(() => undefined);
  return edit;
}
