import type { WxtBrowser } from 'wxt/browser';

type WithExtensionApi = typeof globalThis & { browser?: WxtBrowser; chrome?: WxtBrowser };

let api: WxtBrowser | undefined;

/**
 * The extension API (Firefox's `browser`, Chromium's `chrome`), looked up when first used. WXT's `browser` export
 * looks it up as its module loads, reading `browser.runtime.id`: in a page, that sets up the extension's bindings,
 * about half a millisecond on every page the always-on script runs on (docs/performance.md). The modules that
 * script imports use this instead, so a page where nothing is asked of the extension never pays for it.
 */
export function extensionApi(): WxtBrowser {
  const global = globalThis as WithExtensionApi;
  api ??= global.browser?.runtime?.id ? global.browser : global.chrome!;
  return api;
}
