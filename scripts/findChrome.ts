import { posix, win32 } from 'node:path';

/** What `findChrome` may look at on the machine; passed in so that tests give it any machine they like. */
export interface Machine {
  platform: NodeJS.Platform;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether `path` is an existing file. */
  exists: (path: string) => boolean;
}

/** Where the browser was found, or why not. */
export type ChromeSearch =
  | { kind: 'found'; path: string }
  /** A variable names the browser to use, but nothing is there: say so rather than pick another browser. */
  | { kind: 'bad-variable'; variable: string; path: string }
  | { kind: 'none' };

/**
 * Variables that name the executable: CHROME_PATH, the usual name among Chrome tools, then the CHROMIUM_PATH
 * that the end-to-end tests read (tests/e2e/harness/require.ts).
 */
export const PATH_VARIABLES = ['CHROME_PATH', 'CHROMIUM_PATH'] as const;

/**
 * Commands looked for on PATH, in order: the names Linux distributions give Chromium, then Google Chrome's.
 * Chromium first: it is the browser the end-to-end tests run in.
 */
export const COMMANDS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

/** Where macOS installs the browsers; they are not on PATH there. */
const MAC_APPS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** Where Windows installs them, under these variables' folders (per machine, then per user). */
const WINDOWS_FOLDERS = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'];
const WINDOWS_APPS = ['Chromium\\Application\\chrome.exe', 'Google\\Chrome\\Application\\chrome.exe'];

/**
 * Finds a Chromium or Google Chrome executable: the first of CHROME_PATH and CHROMIUM_PATH that is set, else
 * the first of `COMMANDS` on PATH, else the usual install folders of macOS and Windows.
 */
export function findChrome({ platform, env, exists }: Machine): ChromeSearch {
  for (const variable of PATH_VARIABLES) {
    const path = env[variable];
    if (path) return exists(path) ? { kind: 'found', path } : { kind: 'bad-variable', variable, path };
  }
  const path = candidates(platform, env).find(exists);
  return path ? { kind: 'found', path } : { kind: 'none' };
}

/** Every place to look, in order of preference. */
function candidates(platform: NodeJS.Platform, env: Machine['env']): string[] {
  const windows = platform === 'win32';
  const { delimiter, join } = windows ? win32 : posix;
  // Windows spells it Path; Node's process.env does not mind the case, a plain object does.
  const dirs = (env.PATH ?? env.Path ?? '').split(delimiter).filter(Boolean);
  const onPath = COMMANDS.flatMap((command) =>
    dirs.map((dir) => join(dir, windows ? `${command}.exe` : command)),
  );
  if (platform === 'darwin') return [...onPath, ...MAC_APPS];
  if (!windows) return onPath;
  const folders = WINDOWS_FOLDERS.map((name) => env[name]).filter((dir): dir is string => Boolean(dir));
  return [...onPath, ...WINDOWS_APPS.flatMap((app) => folders.map((folder) => join(folder, app)))];
}
