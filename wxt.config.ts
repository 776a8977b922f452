import { defineConfig } from 'wxt';
import {
  ALWAYS_ON_SCRIPT,
  ARTICLE_PAGE_SCRIPT,
  inPackage,
  PANEL_SCRIPT,
  PREVIEW_SCRIPT,
} from './lib/built-scripts';

/** Gecko ID: Firefox needs a stable one for storage and for reinstalling the same add-on. */
const GECKO_ID = 'no-time-to-read@no-time-to-read.org';

/**
 * Content Security Policy of the extension's own pages (popup, welcome, sample). Scripts only from the
 * package ('self': no remote code, no eval, no inline script; MV3 forbids the rest anyway, MV2 Firefox does
 * not), no plugins, no <base> or form targets to hijack, and no page may frame ours (clickjacking the
 * settings). connect-src stays open: the popup tests the AI server the user typed, on any origin.
 * Written in MV3's object form; WXT turns it into MV2's string for Firefox.
 */
export const EXTENSION_PAGES_CSP =
  "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Firefox's built-in data consent (required on addons.mozilla.org since November 2025): nothing leaves the
 * device by default; page text goes to a server only when the user sets up an AI server (optional).
 */
const DATA_COLLECTION = { required: ['none'], optional: ['websiteContent'] };
/**
 * The first Firefox releases that know data_collection_permissions (desktop 140, the ESR since mid-2025;
 * Android 142). Older ones would ignore the consent, and Mozilla's add-on linter warns about it.
 */
const FIREFOX_MIN_VERSION = '140.0';
const FIREFOX_ANDROID_MIN_VERSION = '142.0';
/** Every http(s) page: where the content script runs, and the links a preview may fetch. */
const WEB_ORIGINS = ['http://*/*', 'https://*/*'];
/**
 * The always-on content script (entrypoints/always-on.ts), declared here rather than with WXT's
 * `defineContentScript`, whose context object costs every page about a millisecond at load (docs/performance.md).
 */
const ALWAYS_ON_CONTENT_SCRIPT = {
  matches: WEB_ORIGINS,
  js: [inPackage(ALWAYS_ON_SCRIPT)],
  run_at: 'document_idle',
};

export default defineConfig({
  // Every dependency is imported explicitly (see conventions): no auto-imports.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // offscreen: Chromium reads articles in an offscreen document (lib/reader/offscreen.ts); Firefox has no such API.
    // contextMenus: "Summarize this link" (no install warning in either browser). Firefox answers to this name too.
    // http(s) origins: a link preview fetches the linked page from the reader, which needs host access. The
    // content script already runs on every http(s) page, so the install warning ("all your data on all
    // websites") is the one the extension showed before; an AI server's origin needs nothing more.
    permissions: [
      'storage',
      'activeTab',
      'scripting',
      'contextMenus',
      ...(browser === 'firefox' ? WEB_ORIGINS : ['offscreen']),
    ],
    // Firefox keeps the same origins optional too: the popup asks for an AI server's origin with Firefox's data
    // consent, which Firefox only lets an extension ask for when its manifest lists it as optional. Chromium
    // calls that redundant (the request for an origin already granted simply succeeds).
    ...(browser === 'firefox'
      ? // trialML: Firefox's on-device AI (browser.trial.ml), asked for when the user chooses that engine.
        { optional_permissions: [...WEB_ORIGINS, 'trialML'] }
      : { host_permissions: WEB_ORIGINS }),
    action: { default_title: '__MSG_extName__' },
    content_scripts: [ALWAYS_ON_CONTENT_SCRIPT],
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    // The article page's script and the panel script are imported on demand by the always-on content script
    // (see lib/page/always-on.ts and lib/page/article-page.ts).
    web_accessible_resources: [
      {
        resources: [ARTICLE_PAGE_SCRIPT, PANEL_SCRIPT, PREVIEW_SCRIPT].map(inPackage),
        matches: WEB_ORIGINS,
      },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: DATA_COLLECTION,
            },
            gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
          },
        }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
