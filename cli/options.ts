/**
 * The command line's options, parsed from a table so a new option is one entry here and one use in
 * summarize.ts.
 */
import { normalizeBaseUrl, POINTS_BY_LENGTH } from '../lib/engines/index';

/** The engines the command line offers: the on-device summarizer, or an OpenAI-compatible server. */
export const ENGINES = ['extractive', 'openai'] as const;

/** Which engine writes the summary. */
export type EngineChoice = (typeof ENGINES)[number];

/** Where the API key comes from when --api-key is not given, as with OpenAI's own tools. */
export const API_KEY_ENV = 'OPENAI_API_KEY';

/** Parsed command line. */
export interface CliOptions {
  input?: string;
  sentences?: number;
  lang?: string;
  json: boolean;
  extract: boolean;
  jsonl?: string;
  help: boolean;
  engine: EngineChoice;
  baseUrl?: string;
  model?: string;
  /** From --api-key, else the OPENAI_API_KEY environment variable. Never printed. */
  apiKey?: string;
}

/** The environment variables parseOptions reads (process.env, or a table in tests). */
export type Environment = Readonly<Record<string, string | undefined>>;

type Spec = { flag: string; value: boolean; apply: (options: CliOptions, value: string) => void };

const SPECS: readonly Spec[] = [
  { flag: '--sentences', value: true, apply: (o, v) => (o.sentences = positiveInteger(v, '--sentences')) },
  { flag: '--lang', value: true, apply: (o, v) => (o.lang = v) },
  { flag: '--json', value: false, apply: (o) => (o.json = true) },
  { flag: '--extract', value: false, apply: (o) => (o.extract = true) },
  { flag: '--jsonl', value: true, apply: (o, v) => (o.jsonl = v) },
  { flag: '--help', value: false, apply: (o) => (o.help = true) },
  { flag: '--engine', value: true, apply: (o, v) => (o.engine = engineChoice(v)) },
  { flag: '--base-url', value: true, apply: (o, v) => (o.baseUrl = v) },
  { flag: '--model', value: true, apply: (o, v) => (o.model = v) },
  { flag: '--api-key', value: true, apply: (o, v) => (o.apiKey = v) },
];

type StringKey = 'baseUrl' | 'model' | 'apiKey';

/** What --engine openai cannot run without. */
const REQUIRED_FOR_OPENAI: readonly (readonly [string, StringKey])[] = [
  ['--base-url', 'baseUrl'],
  ['--model', 'model'],
];

/**
 * Options that only mean something to a model. Given without --engine openai they would be ignored
 * silently and the user would take an extractive summary for the model's, so they are an error.
 */
const OPENAI_ONLY: readonly (readonly [string, StringKey])[] = [
  ...REQUIRED_FOR_OPENAI,
  ['--api-key', 'apiKey'],
];

/** Usage text, printed by --help and after usage errors. */
export const USAGE = `Usage: npm run --silent summarize -- INPUT [options]
  INPUT              an .html or .txt file, an http(s) URL, or - for standard input
  --sentences N      number of summary sentences (default: adapts to the article's length)
  --lang CODE        language of the text (default: from the page, else detected)
  --json             print JSON instead of one sentence per line
  --extract          print the cleaned article text the summarizer reads, not a summary
  --jsonl FILE       batch mode: FILE (or - for standard input) has one {"id", "article"} or
                     {"id", "html"} per line; prints {"id", "summary": [...]} (or {"id", "text"}
                     with --extract) per line, in order
  --engine NAME      extractive (default: on this device, nothing is sent anywhere) or openai:
                     a model on an OpenAI-compatible server (Ollama, LM Studio, llama.cpp,
                     OpenAI...), which is sent the article's title and text and writes the points;
                     --json then prints {"engine", "model", "summary": [...], "coverage"}
  --base-url URL     with --engine openai: the server, e.g. http://localhost:11434/v1 (required)
  --model NAME       with --engine openai: the model, e.g. llama3.2 (required)
  --api-key KEY      with --engine openai: the API key, if the server needs one (default: the
                     ${API_KEY_ENV} environment variable, which other users cannot see as they
                     can see a command line)`;

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} needs a positive whole number, not "${value}".`);
  return n;
}

function engineChoice(value: string): EngineChoice {
  const engine = ENGINES.find((e) => e === value);
  if (!engine) throw new UsageError(`--engine is ${ENGINES.join(' or ')}, not "${value}".`);
  return engine;
}

/** A mistake in the command line: reported with the usage text. */
export class UsageError extends Error {}

/**
 * Parses argv (without node and the script): options anywhere, at most one INPUT. `env` supplies
 * the API key when --api-key is not given.
 */
export function parseOptions(argv: readonly string[], env: Environment = {}): CliOptions {
  const options: CliOptions = { json: false, extract: false, help: false, engine: 'extractive' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const spec = SPECS.find((s) => s.flag === flag);
    if (spec) {
      const value = spec.value ? (inline ?? argv[++i]) : '';
      // "--base-url --model x" (an empty shell variable) must not take "--model" as the address.
      if (value === undefined || (inline === undefined && value.startsWith('--')))
        throw new UsageError(`${flag} needs a value.`);
      spec.apply(options, value);
    } else if (arg.startsWith('--')) {
      // The flag only: "--apikey=sk-..." must not echo the key.
      throw new UsageError(`Unknown option ${flag}.`);
    } else if (options.input === undefined) {
      options.input = arg;
    } else {
      throw new UsageError(`Only one INPUT, please (got "${options.input}" and "${arg}").`);
    }
  }
  if (!options.help && options.input === undefined && options.jsonl === undefined)
    throw new UsageError('No INPUT given.');
  if (options.input !== undefined && options.jsonl !== undefined)
    throw new UsageError('Give either INPUT or --jsonl FILE, not both.');
  if (!options.help) checkEngine(options);
  // Read only after checkEngine: a key in the environment is no mistake when the engine needs none.
  if (options.engine === 'openai') options.apiKey ??= env[API_KEY_ENV] || undefined;
  return options;
}

/** The engine's own options: all that openai needs, and none of them without it. */
function checkEngine(options: CliOptions): void {
  if (options.engine === 'extractive') {
    const stray = OPENAI_ONLY.filter(([, key]) => options[key] !== undefined).map(([flag]) => flag);
    if (stray.length > 0) throw new UsageError(`${stray.join(', ')}: only with --engine openai.`);
    return;
  }
  const missing = REQUIRED_FOR_OPENAI.filter(([, key]) => !options[key]?.trim()).map(([flag]) => flag);
  if (missing.length > 0) throw new UsageError(`--engine openai needs ${missing.join(' and ')}.`);
  // Checked here so a bad address is a usage error, not the panel's "fix it in the settings".
  const base = normalizeBaseUrl(options.baseUrl ?? '');
  if (base.kind === 'invalid') throw new UsageError(`--base-url: ${base.message}`);
  if (options.sentences !== undefined)
    throw new UsageError(
      `--sentences is for the extractive engine; a model writes ${POINTS_BY_LENGTH.medium} points.`,
    );
}
