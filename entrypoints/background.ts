import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { onMessages, type BackgroundProtocol } from '@/lib/messaging';
import { isSiteDisabled, loadSettings } from '@/lib/settings';
import { activeTab, togglePanel } from '@/lib/tabs';

export default defineBackground(() => {
  onMessages<BackgroundProtocol>({
    shouldAutoShow: async ({ hostname }) => {
      const settings = await loadSettings();
      return settings.autoShow && !isSiteDisabled(settings, hostname);
    },
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const tab = await activeTab();
    if (tab) await togglePanel(tab.id).catch((error: unknown) => console.warn('toggle-panel:', error));
  });
});
