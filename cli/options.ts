/**
 * The command line's options, parsed from a table so a new option (issue 5's --engine) is one
 * entry here and one use in summarize.ts.
 */

/** Parsed command line. */
export interface CliOptions {
  input?: string;
  sentences?: number;
  lang?: string;
  json: boolean;
  extract: boolean;
  jsonl?: string;
  help: boolean;
}

type Spec = { flag: string; value: boolean; apply: (options: CliOptions, value: string) => void };

const SPECS: readonly Spec[] = [
  { flag: '--sentences', value: true, apply: (o, v) => (o.sentences = positiveInteger(v, '--sentences')) },
  { flag: '--lang', value: true, apply: (o, v) => (o.lang = v) },
  { flag: '--json', value: false, apply: (o) => (o.json = true) },
  { flag: '--extract', value: false, apply: (o) => (o.extract = true) },
  { flag: '--jsonl', value: true, apply: (o, v) => (o.jsonl = v) },
  { flag: '--help', value: false, apply: (o) => (o.help = true) },
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
                     with --extract) per line, in order`;

function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(`${flag} needs a positive whole number, not "${value}".`);
  return n;
}

/** A mistake in the command line: reported with the usage text. */
export class UsageError extends Error {}

/** Parses argv (without node and the script): options anywhere, at most one INPUT. */
export function parseOptions(argv: readonly string[]): CliOptions {
  const options: CliOptions = { json: false, extract: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const spec = SPECS.find((s) => s.flag === flag);
    if (spec) {
      const value = spec.value ? (inline ?? argv[++i]) : '';
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      spec.apply(options, value);
    } else if (arg.startsWith('--')) {
      throw new UsageError(`Unknown option ${arg}.`);
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
  return options;
}
