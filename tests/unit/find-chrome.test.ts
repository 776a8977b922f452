/** `npm start`'s search for a browser (scripts/findChrome.ts), on made-up machines. */
import { describe, expect, it } from 'vitest';
import { findChrome, type ChromeSearch, type Machine } from '../../scripts/findChrome';

/** A machine whose only files are `files`. */
function machine(platform: NodeJS.Platform, env: Machine['env'], files: readonly string[]): Machine {
  return { platform, env, exists: (path) => files.includes(path) };
}

const PATH = '/usr/local/bin:/usr/bin';
const MAC_CHROME = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
const WIN_CHROME = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';

describe('findChrome', () => {
  it.each<[string, Machine, ChromeSearch]>([
    [
      "Debian's chromium on PATH",
      machine('linux', { PATH }, ['/usr/bin/chromium']),
      { kind: 'found', path: '/usr/bin/chromium' },
    ],
    [
      'Chromium before Google Chrome, whatever the order of PATH',
      machine('linux', { PATH }, ['/usr/local/bin/google-chrome', '/usr/bin/chromium-browser']),
      { kind: 'found', path: '/usr/bin/chromium-browser' },
    ],
    [
      'google-chrome-stable alone',
      machine('linux', { PATH }, ['/usr/bin/google-chrome-stable']),
      { kind: 'found', path: '/usr/bin/google-chrome-stable' },
    ],
    [
      'CHROME_PATH over PATH',
      machine('linux', { PATH, CHROME_PATH: '/opt/chrome/chrome' }, [
        '/opt/chrome/chrome',
        '/usr/bin/chromium',
      ]),
      { kind: 'found', path: '/opt/chrome/chrome' },
    ],
    [
      "the tests' CHROMIUM_PATH",
      machine('linux', { PATH, CHROMIUM_PATH: '/opt/chromium/chrome' }, ['/opt/chromium/chrome']),
      { kind: 'found', path: '/opt/chromium/chrome' },
    ],
    [
      'a CHROME_PATH that names nothing is reported, not replaced by another browser',
      machine('linux', { PATH, CHROME_PATH: '/nowhere/chrome' }, ['/usr/bin/chromium']),
      { kind: 'bad-variable', variable: 'CHROME_PATH', path: '/nowhere/chrome' },
    ],
    ['nothing installed', machine('linux', { PATH }, []), { kind: 'none' }],
    ['no PATH at all', machine('linux', {}, []), { kind: 'none' }],
    [
      'macOS: the application folder',
      machine('darwin', { PATH }, [MAC_CHROME]),
      { kind: 'found', path: MAC_CHROME },
    ],
    [
      'Windows: Program Files',
      machine('win32', { Path: 'C:\\Windows', PROGRAMFILES: 'C:\\Program Files' }, [WIN_CHROME]),
      { kind: 'found', path: WIN_CHROME },
    ],
    [
      'Linux does not look in the folders of other systems',
      machine('linux', { PATH, PROGRAMFILES: 'C:\\Program Files' }, [MAC_CHROME, WIN_CHROME]),
      { kind: 'none' },
    ],
  ])('%s', (_name, input, expected) => {
    expect(findChrome(input)).toEqual(expected);
  });
});
