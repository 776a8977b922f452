import { defineUnlistedScript } from '#imports';
import { runAlwaysOn } from '@/lib/page/always-on';
import { scriptLifetime } from '@/lib/page/lifetime';

/**
 * The small always-on script: a cheap first look and the listeners; the rest loads on demand. wxt.config.ts
 * declares it as the manifest's content script (an unlisted script: no WXT context object at load).
 */
export default defineUnlistedScript(() => {
  runAlwaysOn(scriptLifetime(), document);
});
