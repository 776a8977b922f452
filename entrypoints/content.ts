import { defineContentScript } from '#imports';
import css from '@/components/bar.css?inline';
import { runAlwaysOn } from '@/lib/page/always-on';

/** The small always-on script: detection, the collapsed bar and messaging; the panel loads on demand. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runAlwaysOn(ctx, document, { css });
  },
});
