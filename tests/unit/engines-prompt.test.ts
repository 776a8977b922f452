import { describe, expect, it } from 'vitest';
import { articleFromText } from '@/lib/extract';
import { isOpenAIConfig } from '@/lib/engines';
import { normalizeBaseUrl, permissionPattern } from '@/lib/engines/baseUrl';
import { safeDetail } from '@/lib/engines/errors';
import { fitBlocks } from '@/lib/engines/fitBlocks';
import { buildMessages, languageInstruction } from '@/lib/engines/prompt';

describe('normalizeBaseUrl', () => {
  it.each([
    ['http://localhost:11434', 'http://localhost:11434/v1'],
    ['http://localhost:11434/', 'http://localhost:11434/v1'],
    ['localhost:11434', 'http://localhost:11434/v1'],
    ['http://127.0.0.1:1234/v1/', 'http://127.0.0.1:1234/v1'],
    ['https://api.openai.com/v1', 'https://api.openai.com/v1'],
    ['https://api.openai.com/v1/chat/completions', 'https://api.openai.com/v1'],
    ['http://localhost:8080/v1/models?x=1#y', 'http://localhost:8080/v1'],
    ['https://proxy.example/openai/v1', 'https://proxy.example/openai/v1'],
    ['  http://LOCALHOST:11434  ', 'http://localhost:11434/v1'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeBaseUrl(input)).toEqual({ kind: 'ok', url: expected });
  });

  it.each([[''], ['ftp://example.com'], ['http://user:secret@example.com'], ['http://exa mple.com']])(
    'refuses %j with a message',
    (input) => {
      const result = normalizeBaseUrl(input);
      expect(result.kind).toBe('invalid');
      expect(JSON.stringify(result)).not.toContain('secret');
    },
  );

  it.each([
    ['http://localhost:11434/v1', 'http://localhost/*'],
    ['https://api.openai.com/v1', 'https://api.openai.com/*'],
  ])('asks permission for %j as %j', (url, pattern) => {
    expect(permissionPattern(url)).toBe(pattern);
  });
});

describe('languageInstruction', () => {
  it.each([
    ['de', undefined, 'Write in German.'],
    ['en', 'fr', 'Write in French.'],
    ['pt-BR', undefined, 'Write in Brazilian Portuguese.'],
    ['und', undefined, 'Write in the same language as the article.'],
    ['und', 'es', 'Write in Spanish.'],
    ['not a tag!', undefined, 'Write in the same language as the article.'],
  ])('article %j, output %j → %j', (lang, output, expected) => {
    expect(languageInstruction(lang, output)).toBe(expected);
  });
});

describe('buildMessages', () => {
  const article = articleFromText('Erster Absatz.\n\nZweiter Absatz.', { title: 'Titel', lang: 'de' });

  it.each([
    ['short', 3],
    ['medium', 5],
    ['long', 7],
  ] as const)('asks for the right number of points (%s → %i)', (length, count) => {
    const [system] = buildMessages(article, article.text, { length, partial: false });
    expect(system?.content).toContain(`exactly ${count} key points`);
    expect(system?.content).toContain('Write in German.');
  });

  it('puts the title and the excerpt in the user message, and says when it is partial', () => {
    const [, user] = buildMessages(article, 'Erster Absatz.', { length: 'medium', partial: true });
    expect(user?.content).toContain('Title: Titel');
    expect(user?.content).toContain('Erster Absatz.');
    expect(user?.content).not.toContain('Zweiter');
    expect(user?.content).toContain('beginning of a longer article');
  });
});

describe('fitBlocks', () => {
  const article = articleFromText('aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.', { lang: 'en' });
  // text: "aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc." (34 characters)

  it.each([
    [1000, 'aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.', 1],
    [34, 'aaaa aaaa.\n\nbbbb bbbb.\n\ncccc cccc.', 1],
    [33, 'aaaa aaaa.\n\nbbbb bbbb.', 22 / 34],
    [21, 'aaaa aaaa.', 10 / 34],
    [9, 'aaaa', 4 / 34],
    [3, '', 0],
  ])('with a budget of %i characters reads %j (coverage %d)', async (budget, text, coverage) => {
    expect(await fitBlocks(article, (t) => t.length <= budget)).toEqual({ text, coverage });
  });

  it('works with an asynchronous measure', async () => {
    const excerpt = await fitBlocks(article, async (t) => t.length <= 22);
    expect(excerpt.text).toBe('aaaa aaaa.\n\nbbbb bbbb.');
  });
});

describe('safeDetail', () => {
  it.each([
    ['Incorrect API key provided: sk-abc***wxyz.', [], 'Incorrect API key provided: [key].'],
    ['bad key my-secret-value here', ['my-secret-value'], 'bad key [key] here'],
    ['Authorization: Bearer abc.def', [], 'Authorization: [key]'],
    ['word '.repeat(100), [], `${'word '.repeat(100).slice(0, 199)}…`],
    ['token abcdefghijklmnopqrstuvwxyz0123456789 end', [], 'token [key] end'],
  ])('%j → %j', (text, secrets, expected) => {
    expect(safeDetail(text, secrets)).toBe(expected);
  });
});

describe('isOpenAIConfig', () => {
  const valid = { baseUrl: 'http://localhost:11434', model: 'llama3.2' };
  it.each<[string, unknown, boolean]>([
    ['a minimal config', valid, true],
    [
      'every field',
      { ...valid, apiKey: 'k', inputBudgetChars: 24_000, outputLanguage: 'de', timeoutMs: 60_000 },
      true,
    ],
    ['null', null, false],
    ['a missing model', { baseUrl: valid.baseUrl }, false],
    ['a blank model', { ...valid, model: '  ' }, false],
    ['an ftp address', { ...valid, baseUrl: 'ftp://x' }, false],
    ['a key that is not text', { ...valid, apiKey: 42 }, false],
    ['a tiny budget', { ...valid, inputBudgetChars: 10 }, false],
    ['a fractional timeout', { ...valid, timeoutMs: 1500.5 }, false],
    ['a malformed language', { ...valid, outputLanguage: 'not a tag!' }, false],
  ])('%s → %s', (_, value, expected) => {
    expect(isOpenAIConfig(value)).toBe(expected);
  });
});
