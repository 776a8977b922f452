/** Runs the command line as a real child process, as `npm run summarize` does, and keeps what it printed. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: the CLI runs from there. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Each run starts Node and compiles the CLI with tsx: about a second, several on a busy two-core
 * machine. A bound on a test, not an assertion on its duration.
 */
export const CLI_TEST_TIMEOUT_MS = 30_000;

/** What one run of the CLI did. */
export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with `args`, `stdin` as standard input and only the given OPENAI_API_KEY, if any. */
export function runCli(
  args: readonly string[],
  stdin: string,
  env: Record<string, string> = {},
): Promise<Run> {
  const inherited = { ...process.env };
  delete inherited.OPENAI_API_KEY; // a key in the developer's shell must not change the results
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/summarize.ts', ...args], {
    cwd: ROOT,
    env: { ...inherited, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin.end(stdin);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The non-empty lines of a text. */
export const lines = (text: string): string[] => text.split('\n').filter(Boolean);
