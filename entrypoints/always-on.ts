import { defineContentScript } from '#imports';
import { runAlwaysOn } from '@/lib/page/always-on';

/** The small always-on script: a cheap first look and the listeners; the rest loads on demand. */
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    runAlwaysOn(ctx, document);
  },
});
