import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  SETTING_SCHEMAS,
  createSettingsStore,
  setSiteDisabled,
  loadSettings,
  type SettingSchemas,
  type Settings,
} from '@/lib/settings';

/**
 * Settings survive updates, downgrades and failing storage. Every release so far stored version 1 of every
 * setting (SETTING_SCHEMAS is empty), so the migration machinery is exercised with EXAMPLE_SCHEMAS, a made-up
 * history in the shape a real one will take: old value names, a value stored as another type, two steps.
 */

/** Version 2 of `length` renamed its values; `disabledSites` was a comma-separated string (v1), then mixed case (v2). */
const EXAMPLE_SCHEMAS: SettingSchemas = {
  length: {
    version: 2,
    migrations: {
      // Async like a real migration may be: reads must still wait for it.
      2: async (v1) => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { brief: 'short', normal: 'medium', detailed: 'long' }[v1 as string] ?? v1;
      },
    },
  },
  disabledSites: {
    version: 3,
    migrations: {
      2: (v1) => (typeof v1 === 'string' ? v1.split(',').filter(Boolean) : v1),
      3: (v2) => (Array.isArray(v2) ? v2.map((h) => (typeof h === 'string' ? h.toLowerCase() : h)) : v2),
    },
  },
};

/** Raw storage contents, the way an older or newer release (or a bug) left them. */
type Raw = Record<string, unknown>;
const writeRaw = (values: Raw) => fakeBrowser.storage.local.set(values);
const readRaw = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('settings migrations', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('no setting has a stored-shape history yet: every release wrote version 1', () => {
    expect(SETTING_SCHEMAS).toEqual({});
  });

  it.each([
    // [what, raw storage before, setting, expected value, raw value after]
    [
      'an old value name (no version stored = v1)',
      { 'settings.length': 'brief' },
      'length',
      'short',
      'short',
    ],
    ['another old value name', { 'settings.length': 'detailed' }, 'length', 'long', 'long'],
    ['a v1 value already in the new names', { 'settings.length': 'long' }, 'length', 'long', 'long'],
    [
      'an unknown v1 value: defaulted on read, kept in storage',
      { 'settings.length': 'gigantic' },
      'length',
      'medium',
      'gigantic',
    ],
    [
      'an already migrated value is not migrated again',
      { 'settings.length': 'brief', 'settings.length$': { v: 2 } },
      'length',
      'medium',
      'brief',
    ],
    [
      'a v1 string through two steps',
      { 'settings.disabledSites': 'News.example,,blog.EXAMPLE' },
      'disabledSites',
      ['news.example', 'blog.example'],
      ['news.example', 'blog.example'],
    ],
    [
      'a v2 list through the last step only',
      { 'settings.disabledSites': ['A.example'], 'settings.disabledSites$': { v: 2 } },
      'disabledSites',
      ['a.example'],
      ['a.example'],
    ],
    [
      'a value from a newer release (downgrade) is read if valid',
      { 'settings.length': 'short', 'settings.length$': { v: 7 } },
      'length',
      'short',
      'short',
    ],
    [
      'a value from a newer release that we cannot read is defaulted, not wiped',
      { 'settings.length': 'adaptive', 'settings.length$': { v: 7 } },
      'length',
      'medium',
      'adaptive',
    ],
  ] as const)('%s', async (_what, raw: Raw, key: keyof Settings, expected, rawAfter) => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined); // the downgrade rows log
    await writeRaw({ ...raw, 'settings.format': 'paragraph', 'settings.theme': 'dark' });
    const store = createSettingsStore(EXAMPLE_SCHEMAS);
    const settings = await store.loadSettings(); // at once: the read must wait for the migration
    expect(settings[key]).toEqual(expected);
    // Nothing else is lost.
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, format: 'paragraph', theme: 'dark', [key]: expected });
    expect(await readRaw(`settings.${key}`)).toEqual(rawAfter);
  });

  it('records the version it migrated to', async () => {
    await writeRaw({ 'settings.disabledSites': 'a.example' });
    await createSettingsStore(EXAMPLE_SCHEMAS).loadSettings();
    expect(await readRaw('settings.disabledSites$')).toEqual({ v: 3 });
  });

  it('a migration that throws leaves the stored value and its version alone', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await writeRaw({ 'settings.theme': 'midnight', 'settings.format': 'paragraph' });
    const store = createSettingsStore({
      theme: {
        version: 2,
        migrations: {
          2: () => {
            throw new Error('bug in a migration');
          },
        },
      },
    });
    const settings = await store.loadSettings();
    expect(settings.theme).toBe('system');
    expect(settings.format).toBe('paragraph');
    expect(await readRaw('settings.theme')).toBe('midnight');
    expect(await readRaw('settings.theme$')).toBeUndefined();
    expect(error).toHaveBeenCalled();
  });

  it('a setting saved on a fresh install is stored at the current version and not migrated later', async () => {
    const store = createSettingsStore(EXAMPLE_SCHEMAS);
    await store.saveSetting('disabledSites', ['Mixed.Example']);
    expect(await readRaw('settings.disabledSites$')).toEqual({ v: 3 });
    const again = await createSettingsStore(EXAMPLE_SCHEMAS).loadSettings();
    expect(again.disabledSites).toEqual(['Mixed.Example']);
  });
});

describe("corrupt values whose parts are the user's choices are repaired, not wiped", () => {
  beforeEach(() => fakeBrowser.reset());

  const server = { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' };

  it.each([
    [
      'bad entries in the disabled sites',
      { 'settings.disabledSites': ['a.example', 42, '', 'b.example', 'a.example', null] },
      'disabledSites',
      ['a.example', 'b.example'],
    ],
    ['a list of nothing valid', { 'settings.disabledSites': [1, 2] }, 'disabledSites', []],
    ['a server with one bad option', { 'settings.server': { ...server, timeoutMs: 5 } }, 'server', server],
    [
      'a server with one bad and one good option',
      { 'settings.server': { ...server, timeoutMs: 5, inputBudgetChars: 8_000 } },
      'server',
      { ...server, inputBudgetChars: 8_000 },
    ],
    [
      'a server without a usable address',
      { 'settings.server': { ...server, baseUrl: 'ftp://x' } },
      'server',
      null,
    ],
  ] as const)('%s', async (_what, raw: Raw, key: keyof Settings, expected) => {
    await writeRaw(raw);
    expect((await loadSettings())[key]).toEqual(expected);
  });

  it('turning a site off after a corrupt entry keeps the other sites', async () => {
    await writeRaw({ 'settings.disabledSites': ['a.example', { host: 'x' }, 'b.example'] });
    await setSiteDisabled('c.example', true);
    expect(await readRaw('settings.disabledSites')).toEqual(['a.example', 'b.example', 'c.example']);
  });
});

describe('settings when storage fails', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('a refused write (quota) rejects and keeps the previous value', async () => {
    const store = createSettingsStore();
    await store.saveSetting('theme', 'dark');
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await expect(store.saveSetting('theme', 'light')).rejects.toThrow(/QUOTA/);
    expect((await store.loadSettings()).theme).toBe('dark');
  });

  it('a failed read rejects instead of handing out defaults that a later write would store', async () => {
    const store = createSettingsStore();
    await store.saveSetting('disabledSites', ['a.example']);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('storage is corrupt'));
    await expect(store.loadSettings()).rejects.toThrow(/corrupt/);
  });
});

describe('two popups editing at once', () => {
  beforeEach(() => fakeBrowser.reset());

  it('each sees the other change, and both changes are kept', async () => {
    // Two stores over one storage area, as two popup pages are.
    const [first, second] = [createSettingsStore(), createSettingsStore()];
    const seen: Settings[][] = [[], []];
    const unwatch = [first, second].map((store, i) => store.watchSettings((s) => seen[i]!.push(s)));
    await Promise.all([first.saveSetting('theme', 'dark'), second.saveSetting('length', 'long')]);
    const both = { ...DEFAULT_SETTINGS, theme: 'dark', length: 'long' };
    await vi.waitFor(() => {
      expect(seen[0]!.at(-1)).toEqual(both);
      expect(seen[1]!.at(-1)).toEqual(both);
    });
    expect(await first.loadSettings()).toEqual(both);
    unwatch.forEach((stop) => stop());
  });
});
