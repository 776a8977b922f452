/** The command line's option parsing: the engine options of issue 5 and the checks around them. */
import { describe, expect, it } from 'vitest';
import { parseOptions, UsageError, type CliOptions, type Environment } from '../../cli/options';

const URL = 'http://localhost:11434/v1';
const KEY = 'sk-from-the-command-line-0123';
const ENV_KEY = 'sk-from-the-environment-4567';
const OPENAI = ['a.html', '--engine', 'openai', '--base-url', URL, '--model', 'llama3.2'];

/** The message of the UsageError parsing `argv` throws; fails the test when there is none. */
function usageError(argv: readonly string[]): string {
  try {
    parseOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseOptions: engines', () => {
  it.each<[string, string[], Environment, Partial<CliOptions>]>([
    ['extractive by default', ['a.html'], {}, { engine: 'extractive', apiKey: undefined }],
    ['--engine extractive', ['a.html', '--engine', 'extractive'], {}, { engine: 'extractive' }],
    [
      'openai with its server and model',
      OPENAI,
      {},
      { engine: 'openai', baseUrl: URL, model: 'llama3.2', apiKey: undefined },
    ],
    [
      'the --option=value form',
      ['a.html', '--engine=openai', `--base-url=${URL}`, '--model=llama3.2', `--api-key=${KEY}`],
      {},
      { engine: 'openai', baseUrl: URL, model: 'llama3.2', apiKey: KEY },
    ],
    ['--api-key', [...OPENAI, '--api-key', KEY], {}, { apiKey: KEY }],
    ['the key from OPENAI_API_KEY', OPENAI, { OPENAI_API_KEY: ENV_KEY }, { apiKey: ENV_KEY }],
    [
      '--api-key over OPENAI_API_KEY',
      [...OPENAI, '--api-key', KEY],
      { OPENAI_API_KEY: ENV_KEY },
      { apiKey: KEY },
    ],
    ['no key for an empty OPENAI_API_KEY', OPENAI, { OPENAI_API_KEY: '' }, { apiKey: undefined }],
    [
      'OPENAI_API_KEY unused by the extractive engine',
      ['a.html'],
      { OPENAI_API_KEY: ENV_KEY },
      { engine: 'extractive', apiKey: undefined },
    ],
    [
      'a server address without /v1 (normalized later)',
      [...OPENAI, '--base-url', 'localhost:1234'],
      {},
      {
        baseUrl: 'localhost:1234',
      },
    ],
    ['openai with --extract', [...OPENAI, '--extract'], {}, { engine: 'openai', extract: true }],
    [
      'openai in batch mode',
      [...OPENAI.slice(1), '--jsonl', 'in.jsonl'],
      {},
      { engine: 'openai', jsonl: 'in.jsonl' },
    ],
    ['--help without the rest', ['--engine', 'openai', '--help'], {}, { help: true }],
  ])('parses %s', (_, argv, env, expected) => {
    const options = parseOptions(argv, env);
    // Only the fields the row names; `undefined` there means "not set".
    const fields = Object.keys(expected) as (keyof CliOptions)[];
    expect(Object.fromEntries(fields.map((field) => [field, options[field]]))).toEqual(expected);
  });

  it.each<[string, string[], RegExp]>([
    ['an unknown engine', ['a.html', '--engine', 'gpt'], /--engine is extractive or openai, not "gpt"/],
    ['openai without --model', ['a.html', '--engine', 'openai', '--base-url', URL], /needs --model\./],
    ['openai without --base-url', ['a.html', '--engine', 'openai', '--model', 'm'], /needs --base-url\./],
    ['openai with neither', ['a.html', '--engine', 'openai'], /needs --base-url and --model/],
    ['an empty --model', [...OPENAI, '--model='], /needs --model/],
    ['a base URL that is not http', [...OPENAI, '--base-url', 'ftp://example.com'], /--base-url: .*http/],
    [
      'an option as the value of --base-url',
      ['a.html', '--engine', 'openai', '--base-url', '--model', 'm'],
      /--base-url needs a value/,
    ],
    ['--model without --engine openai', ['a.html', '--model', 'm'], /--model: only with --engine openai/],
    [
      '--api-key without --engine openai',
      ['a.html', '--api-key', KEY],
      /--api-key: only with --engine openai/,
    ],
    ['--sentences with openai', [...OPENAI, '--sentences', '3'], /--sentences is for the extractive engine/],
  ])('rejects %s', (_, argv, message) => {
    expect(usageError(argv)).toMatch(message);
  });

  it.each<[string, string[]]>([
    ['a misspelt option carrying the key', ['a.html', `--apikey=${KEY}`]],
    ['--api-key without --engine openai', ['a.html', '--api-key', KEY]],
    ['a missing --model', ['a.html', '--engine', 'openai', '--base-url', URL, '--api-key', KEY]],
  ])('never repeats the key in the error for %s', (_, argv) => {
    expect(usageError(argv)).not.toContain(KEY);
  });
});
