import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, CORPUS_DIR, corpusAvailable } from './paths';

/**
 * What the end-to-end tests need from the machine. On a developer's machine a missing browser or corpus
 * skips the tests that need it, with a message saying why; under CI=true it is a failure, never a skip.
 */

export type BrowserName = 'chromium' | 'firefox';

/** The executables the tests drive, found on PATH (Debian's packages). */
const EXECUTABLES: Record<BrowserName, { command: string; apt: string }> = {
  chromium: { command: 'chromium', apt: 'chromium' },
  firefox: { command: 'firefox-esr', apt: 'firefox-esr' },
};

/** Whether this run is CI, where nothing may be skipped for lack of a tool. */
export const IS_CI = process.env.CI === 'true' || process.env.CI === '1';

/** The outcome of a requirement check: use `describe.skipIf(!r.ok)` and put `r.label` in the title. */
export interface Requirement {
  ok: boolean;
  /** Empty when ok; otherwise " (skipped: <reason>)", to append to a describe title. */
  label: string;
  reason: string;
}

function requirement(missing: string | null): Requirement {
  if (missing === null) return { ok: true, label: '', reason: '' };
  if (IS_CI) throw new Error(`CI=true and ${missing}: the end-to-end tests cannot be skipped in CI.`);
  console.warn(`[e2e] SKIPPED: ${missing}`);
  return { ok: false, label: ` (skipped: ${missing})`, reason: missing };
}

/** The path of a browser's executable, or null. */
export function browserExecutable(name: BrowserName): string | null {
  const envPath = process.env[name === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'];
  if (envPath) return existsSync(envPath) ? envPath : null;
  try {
    return execFileSync('which', [EXECUTABLES[name].command], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

/** The browser must be installed. */
export function requireBrowser(name: BrowserName): Requirement {
  return requirement(
    browserExecutable(name)
      ? null
      : `${EXECUTABLES[name].command} is not installed (apt-get install ${EXECUTABLES[name].apt})`,
  );
}

/** The shared corpus of saved news pages must be present next to the repository. */
export function requireCorpus(): Requirement {
  return requirement(corpusAvailable() ? null : `the corpus ${CORPUS_DIR} is not present`);
}

/**
 * The built extension must exist. A missing build is always a failure (never a skip): `npm test` builds
 * first, so a missing build means the build failed or the tests were started by hand without it.
 */
export function assertBuilt(name: BrowserName): void {
  const manifest = join(BUILDS[name], 'manifest.json');
  if (!existsSync(manifest)) {
    const command = name === 'chromium' ? 'npm run build' : 'npm run build:firefox';
    throw new Error(`${manifest} is missing: run \`${command}\` before the end-to-end tests.`);
  }
}
