import { ContentScriptContext } from 'wxt/utils/content-script-context';
import barCss from '@/components/bar.css?inline';
import panelCss from '@/components/panel.css?inline';
import { runAlwaysOn } from '@/lib/page/always-on';
import { startArticlePage } from '@/lib/page/article-page';
import { createPanelController } from '@/lib/panel/controller';

// Content scripts do not run on extension pages, so the sample article runs the same parts itself.
const ctx = new ContentScriptContext('sample');
const panel = createPanelController(ctx, document, window, panelCss);
runAlwaysOn(ctx, document, {
  loadArticlePage: () =>
    Promise.resolve((c, doc) =>
      startArticlePage(c, doc, { css: barCss, loadPanel: () => Promise.resolve(panel) }),
    ),
});
