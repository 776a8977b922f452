import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasRealPages } from '../../../bench/realPages';
import { BUILDS, CORPUS_DIR, REAL_PAGES_ROOT, corpusAvailable } from './paths';

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

/** Where Debian's packages put the interface translations, and the package that installs them. */
const LOCALE_PACKS: Record<
  BrowserName,
  { dir: string; file: (lang: string) => RegExp; apt: (lang: string) => string }
> = {
  // Chromium picks an interface language only if its <lang>.pak is there; otherwise it stays in en-US.
  chromium: {
    dir: '/usr/lib/chromium/locales',
    file: (lang) => new RegExp(`^${lang}\\.pak$`),
    apt: () => 'chromium-l10n',
  },
  // Firefox needs the language pack add-on in its application folder for intl.locale.requested to apply.
  firefox: {
    dir: '/usr/lib/firefox-esr/browser/extensions',
    file: (lang) => new RegExp(`^langpack-${lang}@.*\\.xpi$`),
    apt: (lang) => `firefox-esr-l10n-${lang}`,
  },
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

/**
 * The browser must be able to switch its interface (and so the extension's i18n) to `lang`: the locale pack
 * is looked for next to the real executable, and in Debian's folder.
 */
export function requireLocale(name: BrowserName, lang: string): Requirement {
  const pack = LOCALE_PACKS[name];
  const dirs = [pack.dir];
  const executable = browserExecutable(name);
  if (executable) {
    try {
      const home = dirname(realpathSync(executable));
      dirs.unshift(name === 'chromium' ? join(home, 'locales') : join(home, 'browser/extensions'));
    } catch {
      // A wrapper script that cannot be resolved: Debian's folder is still checked.
    }
  }
  const found = dirs.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => pack.file(lang).test(f)));
  return requirement(
    found
      ? null
      : `${name} has no '${lang}' interface language pack in ${[...new Set(dirs)].join(' or ')}, so it cannot ` +
          `run in '${lang}' (apt-get install ${pack.apt(lang)})`,
  );
}

/** The shared corpus of saved news pages must be present next to the repository. */
export function requireCorpus(): Requirement {
  return requirement(corpusAvailable() ? null : `the corpus ${CORPUS_DIR} is not present`);
}

/** The saved real pages (real-pages-dev) must be present next to the repository. */
export function requireRealPages(): Requirement {
  return requirement(
    hasRealPages(REAL_PAGES_ROOT)
      ? null
      : `the saved real pages ${REAL_PAGES_ROOT}/real-pages-dev are not present`,
  );
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
