import { browser } from 'wxt/browser';
import { defineBackground } from '#imports';
import { backgroundSummaryStream } from '@/lib/ai';
import { onMessages, onSummaryStreams, type BackgroundProtocol, type ReaderProtocol } from '@/lib/messaging';
import { registerPreviewMenu } from '@/lib/preview/contextMenu';
import { openReader } from '@/lib/reader/offscreen';
import { reportError } from '@/lib/report-error';
import { isSiteDisabled, loadSettings, setSiteDisabled } from '@/lib/settings';
import { activeTab, togglePanel } from '@/lib/tabs';
import { trialSession } from '@/lib/trial-host';

/** The reader's code (Firefox only), loaded when a page first shows its bar or asks for a reading. */
const loadReader = () => import('@/lib/reader');
/** The link previews' reader side (Firefox only), loaded at the first preview. */
const loadPreviews = () => import('@/lib/preview/reader');
let warming: Promise<void> | null = null;
/** Firefox: the first bar shown loads the reader's code and warms it up, once per browser session. */
const warmReader = (): Promise<void> => (warming ??= loadReader().then((reader) => void reader.warmUp()));

/**
 * Gets the reader ready to answer: Chromium's service worker has no DOM to read in, so the reader is an offscreen
 * document (lib/reader/offscreen); Firefox's background page has one, and is the reader itself: always open, it
 * only warms up.
 */
const getReaderReady = (): Promise<void> => (import.meta.env.FIREFOX ? warmReader() : openReader());

export default defineBackground(() => {
  onMessages<BackgroundProtocol>({
    barSettings: async ({ hostname }) => {
      const settings = await loadSettings();
      const { autoShow, startExpanded, placement, theme } = settings;
      const siteDisabled = isSiteDisabled(settings, hostname);
      // A bar will show: the reader gets ready while the user looks at it, so the first click does not wait.
      if (autoShow && !siteDisabled) void getReaderReady().catch(reportError);
      return { autoShow, siteDisabled, startExpanded, placement, theme };
    },
    previewSettings: async () => {
      const { linkPreviews, previewOnHover, length, theme } = await loadSettings();
      return { enabled: linkPreviews, onHover: previewOnHover, length, theme };
    },
    setSiteDisabled: ({ hostname, disabled }) => setSiteDisabled(hostname, disabled),
    openReader: getReaderReady,
    // Firefox's on-device AI: the background owns the extension's one engine. Elsewhere it is 'absent'.
    trialStatus: () => trialSession().state(),
    trialDownload: () => trialSession().download(),
  });
  if (import.meta.env.FIREFOX)
    onMessages<ReaderProtocol>({
      readArticle: async (request) => (await loadReader()).readArticle(request),
      previewLink: async (request) => (await loadPreviews()).previewLink(request),
    });
  registerPreviewMenu();

  onSummaryStreams(backgroundSummaryStream);

  // First run: a short welcome page with a sample article to try the bar on.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });

  browser.commands.onCommand.addListener(async (command) => {
    if (command !== 'toggle-panel') return;
    const tab = await activeTab();
    if (tab) await togglePanel(tab.id).catch((error: unknown) => console.warn('toggle-panel:', error));
  });
});
