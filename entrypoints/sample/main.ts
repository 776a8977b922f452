import { ContentScriptContext } from 'wxt/utils/content-script-context';
import css from '@/components/panel.css?inline';
import { createPanelController } from '@/lib/panel/controller';

// Content scripts do not run on extension pages, so the sample article mounts the same panel itself.
const panel = createPanelController(new ContentScriptContext('sample'), document, window, css);
void panel.show({ expanded: false });
