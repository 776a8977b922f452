import { defineContentScript } from '#imports';
import css from '@/components/panel.css?inline';
import { createPanelController } from '@/lib/panel/controller';
import { registerPanel } from '@/lib/page/panel-bridge';

/**
 * The on-demand script: copies the page for the reader (lib/reader) and draws the summary. Imported by the
 * always-on script.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main(ctx) {
    // A second injection invalidates the first one's context (WXT), so the newest controller takes over.
    registerPanel(createPanelController(ctx, document, window, css));
  },
});
