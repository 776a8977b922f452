/**
 * `npm start`: builds the Chromium extension and opens this machine's Chromium or Google Chrome with it, in a
 * fresh temporary profile, on the bundled sample article (the one the welcome page links to). Runs until the
 * browser is closed or Ctrl+C; the profile is deleted then.
 */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import puppeteer, { type Browser } from 'puppeteer-core';
import { build } from 'wxt';
import { findChrome, type ChromeSearch } from './findChrome';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Where `wxt build` writes the Chromium build. */
const EXTENSION_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
/** The sample article (entrypoints/sample/): an extension page, so it needs no server and no network. */
const SAMPLE_PAGE = 'sample.html';
/** The extension opens its welcome page on install; the sample goes in front once that tab is there. */
const WELCOME_PAGE = 'welcome.html';
const WELCOME_TIMEOUT_MS = 5_000;
/** The bar appears when the page is idle; this is generous even on a slow machine. */
const BAR_TIMEOUT_MS = 15_000;
const WINDOW_SIZE = '--window-size=1200,900';

const NO_BROWSER = `No Chromium or Google Chrome found: npm start needs one to open.
Install one, for example:
  Debian:         sudo apt-get install chromium
  Ubuntu:         sudo snap install chromium
  Fedora:         sudo dnf install chromium
  macOS, Windows: Google Chrome, https://www.google.com/chrome/
or set CHROME_PATH to the executable of a Chromium-based browser.`;

const NO_DISPLAY = `npm start opens a browser window, and this machine has no display (neither DISPLAY nor
WAYLAND_DISPLAY is set). Run it on a desktop, or under a virtual display:
  sudo apt-get install xvfb && xvfb-run -a npm start
Without a display, npm test shows the extension at work in headless browsers.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The executable, or exit with what to install. */
function chromeOrExit(search: ChromeSearch): string {
  if (search.kind === 'found') return search.path;
  if (search.kind === 'bad-variable')
    fail(`${search.variable} is set to ${search.path}, which does not exist.`);
  return fail(NO_BROWSER);
}

/** macOS and Windows always draw windows; elsewhere a browser needs an X11 or Wayland display. */
function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Starts the browser with the build loaded and returns it with the extension's id. */
async function launch(executablePath: string): Promise<{ browser: Browser; id: string }> {
  const browser = await puppeteer.launch({
    executablePath,
    headless: false,
    // Extensions.loadUnpacked (installExtension below) needs a pipe and --enable-unsafe-extension-debugging;
    // unlike --load-extension, branded Chrome 137+ honours it.
    pipe: true,
    enableExtensions: true,
    // Pages take the window's size, as in a browser started by hand.
    defaultViewport: null,
    // Without the "controlled by automated test software" bar.
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      WINDOW_SIZE,
      '--enable-unsafe-extension-debugging',
      // Chromium refuses to start as root with its sandbox on (containers, CI machines).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ],
  });
  return { browser, id: await browser.installExtension(EXTENSION_DIR) };
}

/** Opens the sample article in the first tab, in front of the welcome tab the extension opens. */
async function openSample(browser: Browser, origin: string): Promise<void> {
  await browser
    .waitForTarget((t) => t.url() === `${origin}/${WELCOME_PAGE}`, { timeout: WELCOME_TIMEOUT_MS })
    .catch(() => undefined);
  const [first] = await browser.pages();
  const page = first ?? (await browser.newPage());
  await page.goto(`${origin}/${SAMPLE_PAGE}`);
  await page.bringToFront();
  const shown = await page
    .waitForSelector('no-time-to-read', { timeout: BAR_TIMEOUT_MS })
    .then(() => true)
    .catch(() => false);
  console.log(
    shown
      ? 'The sample article shows the bar "No time to read? Get a summary": click it.'
      : `The sample article is open, but no bar appeared within ${BAR_TIMEOUT_MS / 1000} s.`,
  );
}

async function main(): Promise<void> {
  const chrome = chromeOrExit(findChrome({ platform: process.platform, env: process.env, exists: isFile }));
  if (!hasDisplay()) fail(NO_DISPLAY);
  await build({ root: ROOT });
  console.log(`Opening ${chrome} with the extension, in a fresh profile.`);
  const { browser, id } = await launch(chrome);
  const closed = new Promise<void>((resolve) => browser.once('disconnected', () => resolve()));
  await openSample(browser, `chrome-extension://${id}`);
  console.log('Close the browser, or press Ctrl+C, to stop.');
  await closed;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

await main();
