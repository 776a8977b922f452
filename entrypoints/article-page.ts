import { defineUnlistedScript } from '#imports';
import css from '@/components/bar.css?inline';
import { startArticlePage } from '@/lib/page/article-page';
import { registerArticlePage } from '@/lib/page/article-page-bridge';

/**
 * The article page's script: full detection and the collapsed bar. Imported by the always-on script on pages
 * that may be articles, or when the popup or the shortcut ask.
 */
export default defineUnlistedScript(() => {
  registerArticlePage((ctx, doc) => startArticlePage(ctx, doc, { css }));
});
