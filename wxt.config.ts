import { defineConfig } from 'wxt';

/** Gecko ID: Firefox needs a stable one for storage and for reinstalling the same add-on. */
const GECKO_ID = 'no-time-to-read@no-time-to-read.org';

export default defineConfig({
  // Every dependency is imported explicitly (see conventions): no auto-imports.
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting'],
    // Access to an AI server's origin is asked for when the user sets the server up, never at install.
    ...(browser === 'firefox'
      ? { optional_permissions: ['http://*/*', 'https://*/*'] } // Manifest V2 names origins as permissions
      : { optional_host_permissions: ['http://*/*', 'https://*/*'] }),
    action: { default_title: '__MSG_extName__' },
    // The panel script is imported on demand by the always-on content script (see lib/page/always-on.ts).
    web_accessible_resources: [
      { resources: ['content-scripts/panel.js'], matches: ['http://*/*', 'https://*/*'] },
    ],
    commands: {
      'toggle-panel': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandToggle__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: GECKO_ID, strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
