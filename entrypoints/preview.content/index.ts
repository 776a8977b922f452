import { defineContentScript } from '#imports';
import css from '@/components/preview.css?inline';
import { registerPreview } from '@/lib/preview/bridge';
import { createPreviewController } from '@/lib/preview/controller';

/** The on-demand link preview script: the card and its messages. Imported by the always-on script's trigger. */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  noScriptStartedPostMessage: true,
  main() {
    registerPreview(createPreviewController(document, window, css));
  },
});
