import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type ExtensionBrowser, type LaunchOptions } from './browsers';
import { requireBrowser, requireLocale, type BrowserName } from './require';
import { startServer, type FixtureServer } from './server';

/** The two browsers every user path runs in. */
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** What a test file gets: the fixture server and one browser with the extension, shared by its tests. */
export interface E2eContext {
  readonly server: FixtureServer;
  readonly ext: ExtensionBrowser;
}

/**
 * Registers hooks in the enclosing `describe` that start the fixture server and `name` with the extension
 * (once for the whole describe, to keep the suite fast on two cores) and close them afterwards.
 * After the file's tests it fails if any page opened through the harness threw an uncaught exception.
 * If the browser is missing, every test is skipped with the reason (a failure under CI=true instead); so are
 * they if `options.lang` asks for an interface language the browser has no language pack for.
 */
export function useExtension(name: BrowserName, options: LaunchOptions = {}): E2eContext {
  const browserNeed = requireBrowser(name);
  const need = browserNeed.ok && options.lang ? requireLocale(name, options.lang) : browserNeed;
  let server: FixtureServer | null = null;
  let ext: ExtensionBrowser | null = null;

  if (!need.ok) {
    beforeEach((ctx) => ctx.skip(need.reason));
  } else {
    beforeAll(async () => {
      server = await startServer();
      ext = await launchBrowser(name, options);
    });
    // "Never break the site": whatever a file did, the pages it opened must have thrown no uncaught exception.
    afterAll(async () => {
      const errors = ext ? [...ext.pageErrors] : [];
      const consoleErrors = ext ? [...ext.consoleErrors] : [];
      await ext?.close();
      await server?.close();
      if (errors.length > 0) {
        throw new Error(
          `${name}: uncaught page errors: ${JSON.stringify(errors)}; console errors: ${JSON.stringify(consoleErrors)}`,
        );
      }
    });
  }

  return {
    get server() {
      if (!server) throw new Error('The fixture server is not running');
      return server;
    },
    get ext() {
      if (!ext) throw new Error(`${name} is not running`);
      return ext;
    },
  };
}
