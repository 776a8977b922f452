import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, type ExtensionBrowser } from './browsers';
import { requireBrowser, type BrowserName } from './require';
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
 * If the browser is missing, every test is skipped with the reason (a failure under CI=true instead).
 */
export function useExtension(name: BrowserName): E2eContext {
  const need = requireBrowser(name);
  let server: FixtureServer | null = null;
  let ext: ExtensionBrowser | null = null;

  if (!need.ok) {
    beforeEach((ctx) => ctx.skip(need.reason));
  } else {
    beforeAll(async () => {
      server = await startServer();
      ext = await launchBrowser(name);
    });
    afterAll(async () => {
      await ext?.close();
      await server?.close();
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
