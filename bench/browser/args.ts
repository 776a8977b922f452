import path from 'node:path';

/** Command-line options of `npm run bench:browser -- [--pages DIR] [--only a,b] [--runs N] [--no-hover] [--no-synthetic]`. */
export interface BenchArgs {
  /** Folder of `<name>/source.html` pages. */
  pagesDir: string;
  /** Page names to measure; empty means all. */
  only: string[];
  /** Cold toggle→painted runs per page (each on a fresh load). */
  runs: number;
  /** Whether to add the generated ~200,000-word page. */
  synthetic: boolean;
  /** Hover-then-click runs on every page (on by default; `--no-hover` measures cold clicks only). */
  hover: boolean;
}

/** The shared corpus, relative to the project root (the folder `npm run` starts in). */
const DEFAULT_PAGES = '../shared/corpus/readability-pages';

/** Parses process arguments; throws with a usage line on anything it does not know. */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    pagesDir: path.resolve(DEFAULT_PAGES),
    only: [],
    runs: 1,
    synthetic: true,
    hover: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = (): string => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--pages') args.pagesDir = path.resolve(value());
    else if (flag === '--only') args.only = value().split(',').filter(Boolean);
    else if (flag === '--runs') args.runs = Math.max(1, Number.parseInt(value(), 10) || 1);
    else if (flag === '--no-synthetic') args.synthetic = false;
    else if (flag === '--no-hover') args.hover = false;
    else
      throw new Error(
        `Unknown option ${flag}. Usage: bench:browser -- [--pages DIR] [--only a,b] [--runs N] [--no-hover] [--no-synthetic]`,
      );
  }
  return args;
}
