import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_SETTINGS,
  setSiteDisabled,
  isSiteDisabled,
  loadSettings,
  saveSetting,
  watchSettings,
  type Settings,
} from '@/lib/settings';

/** Writes raw values the way an older version, a bug or another tool might have left them. */
const writeRaw = (values: Record<string, unknown>) => fakeBrowser.storage.local.set(values);

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips every setting', async () => {
    const changed: Settings = {
      autoShow: false,
      startExpanded: true,
      length: 'long',
      format: 'paragraph',
      theme: 'dark',
      placement: 'floating',
      disabledSites: ['example.com'],
      engine: 'openai',
      server: { baseUrl: 'http://127.0.0.1:11434/v1', model: 'llama3.2' },
      apiKey: 'sk-test',
      outputLanguage: 'fr',
      linkPreviews: false,
      previewOnHover: true,
    };
    for (const key of Object.keys(changed) as (keyof Settings)[])
      await saveSetting(key, changed[key] as never);
    expect(await loadSettings()).toEqual(changed);
  });

  it.each([
    ['settings.length', 'huge', 'length'],
    ['settings.length', 42, 'length'],
    ['settings.theme', null, 'theme'],
    ['settings.autoShow', 'yes', 'autoShow'],
    ['settings.disabledSites', 'example.com', 'disabledSites'],
    ['settings.disabledSites', [1, 2], 'disabledSites'],
    ['settings.placement', { nested: true }, 'placement'],
    ['settings.engine', 'gpt', 'engine'],
    ['settings.server', { baseUrl: 'not a url at all', model: '' }, 'server'],
    ['settings.apiKey', 12345, 'apiKey'],
    ['settings.outputLanguage', 'xx-nonsense', 'outputLanguage'],
  ] as const)('falls back to the default for a corrupt %s = %j, field by field', async (key, raw, field) => {
    await saveSetting('format', 'paragraph');
    await writeRaw({ [key]: raw });
    const settings = await loadSettings();
    expect(settings[field]).toEqual(DEFAULT_SETTINGS[field]);
    expect(settings.format).toBe('paragraph'); // a valid neighbour is kept
  });

  it('refuses to store an invalid value', async () => {
    await expect(saveSetting('length', 'huge' as never)).rejects.toThrow(/length/);
    expect((await loadSettings()).length).toBe('medium');
  });

  it('adds and removes disabled sites without duplicates', async () => {
    await setSiteDisabled('news.example', true);
    await setSiteDisabled('news.example', true);
    await setSiteDisabled('other.example', true);
    expect((await loadSettings()).disabledSites).toEqual(['news.example', 'other.example']);
    await setSiteDisabled('news.example', false);
    expect((await loadSettings()).disabledSites).toEqual(['other.example']);
  });

  it('keeps every one of several site edits made at once', async () => {
    const sites = ['a.example', 'b.example', 'c.example', 'd.example', 'e.example'];
    await Promise.all(sites.map((site) => setSiteDisabled(site, true)));
    expect([...(await loadSettings()).disabledSites].sort()).toEqual(sites);
    await Promise.all([setSiteDisabled('a.example', false), setSiteDisabled('f.example', true)]);
    expect([...(await loadSettings()).disabledSites].sort()).toEqual([...sites.slice(1), 'f.example']);
  });

  it.each([
    ['example.com', true],
    ['www.example.com', true],
    ['notexample.com', false],
    ['example.org', false],
  ])('isSiteDisabled(%s) with example.com listed is %s', (hostname, expected) => {
    expect(isSiteDisabled({ ...DEFAULT_SETTINGS, disabledSites: ['example.com'] }, hostname)).toBe(expected);
  });

  it('tells watchers about changes with the full validated settings', async () => {
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await saveSetting('theme', 'dark');
    await vi_waitFor(() => seen.length > 0);
    expect(seen.at(-1)).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    unwatch();
  });
});

async function vi_waitFor(condition: () => boolean, timeoutMs = 1000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
