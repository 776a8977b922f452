import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, type PanelView } from '@/components/Panel';
import { aiSummaryStream, engineLabel } from '@/lib/ai';
import type { Article } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import type { PageStatus, PanelState } from '@/lib/messaging';
import type { PanelApi } from '@/lib/page/panel-bridge';
import { t } from '@/lib/i18n';
import { readingMinutes } from '@/lib/reading-time';
import { reportError } from '@/lib/report-error';
import {
  DEFAULT_SETTINGS,
  disableSite,
  isSiteDisabled,
  loadSettings,
  watchSettings,
  type Settings,
} from '@/lib/settings';
import { summarize } from '@/lib/summarize';
import { scrollToAndHighlight } from './highlight';
import { findSentence } from './locate';
import { mountPanelHost, type PanelHost } from './mount';
import { copyText, formatSummary, type CopyFormat } from './share';
import { extractiveView, streamAiView } from './views';

/**
 * Words read from an article at most (a 40-minute read); longer pages are summarized from their beginning, and
 * the panel says so. It keeps summarizing within a few tens of milliseconds on any page.
 */
const MAX_WORDS = 10_000;
/** Idle-time extraction after a hover runs within this delay even on a busy page. */
const PREPARE_TIMEOUT_MS = 150;

/**
 * The panel's behaviour on one page: mounting the bar, extracting and summarizing on demand, following
 * settings, and jumping to sentences. It owns all state; the Panel component only renders it.
 */
export function createPanelController(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
  css: string,
): PanelApi {
  let ui: PanelHost | null = null;
  let mounting: Promise<void> | null = null;
  let view: PanelView = { kind: 'collapsed' };
  let preparing = false;
  /** The on-device summary computed ahead of a likely click (see prepare), for the length it was made for. */
  let prepared: { length: Settings['length']; article: Article | null | undefined; view: PanelView } | null =
    null;
  /** The AI summary being written, if any. */
  let aiRequest: AbortController | null = null;
  /** Set by "Use the on-device summary instead": AI engines are skipped on this page. */
  let onDeviceOnly = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  /** undefined: not extracted yet; null: the page has no article text. */
  let article: Article | null | undefined;
  const darkScheme = win.matchMedia('(prefers-color-scheme: dark)');
  const settingsReady = loadSettings().then((loaded) => void (settings = loaded));

  function getArticle(): Article | null {
    if (article === undefined) article = extractArticle(doc, { maxWords: MAX_WORDS });
    return article;
  }

  function computeView(): PanelView {
    if (prepared?.length === settings.length && prepared.article === article) return prepared.view;
    try {
      const art = getArticle();
      if (!art) return { kind: 'error', message: t('noArticleText') };
      return extractiveView(art, summarize(art, { length: settings.length }), location.href);
    } catch (error) {
      reportError(error);
      return { kind: 'error', message: t('summarizeFailed') };
    }
  }

  /** Whether an AI engine writes the summary here (the user can fall back to this device's for the page). */
  const usesAi = (): boolean => settings.engine !== 'extractive' && !onDeviceOnly;

  /** Streams an AI summary into the panel; a newer request or a collapse cancels it. */
  function expandWithAi(): void {
    aiRequest?.abort();
    const request = new AbortController();
    aiRequest = request;
    view = { kind: 'loading' };
    draw();
    ctx.setTimeout(() => {
      const art = (tryGetArticle(), article);
      if (request.signal.aborted) return;
      if (!art) {
        view = { kind: 'error', message: t('noArticleText') };
        return draw();
      }
      const stream = aiSummaryStream(settings, art, request.signal);
      const writer = { label: engineLabel(settings), lang: settings.outputLanguage || art.lang };
      void streamAiView(stream, art, location.href, writer, (next) => {
        if (request.signal.aborted) return;
        view = next;
        draw();
      });
    }, 0);
  }

  function cancelAi(): void {
    aiRequest?.abort();
    aiRequest = null;
  }

  function expand(): void {
    if (usesAi()) return expandWithAi();
    if (article !== undefined) {
      // Already extracted (on hover, or before): summarizing takes a few milliseconds, so no loading state.
      view = computeView();
      return draw();
    }
    view = { kind: 'loading' };
    draw();
    // Extraction and summarization run as two tasks, so the page can handle input between them.
    ctx.setTimeout(() => {
      if (view.kind !== 'loading') return;
      tryGetArticle();
      ctx.setTimeout(() => {
        if (view.kind !== 'loading') return;
        view = computeView();
        draw();
      }, 0);
    }, 0);
  }

  /**
   * The pointer is on the toggle, or it has focus: the user may click soon. Extract the article in idle time
   * now, so the click only has to summarize. Pages where nobody reaches for the bar pay nothing.
   */
  function prepare(): void {
    if (article !== undefined || preparing) return;
    preparing = true;
    ctx.requestIdleCallback(
      () => {
        if (article === undefined && ui) tryGetArticle();
        // Summarizing is a second idle task: it also loads the sentence segmenter's data, which costs a few
        // milliseconds the first time on every page.
        ctx.requestIdleCallback(
          () => {
            preparing = false;
            if (!ui || view.kind !== 'collapsed' || usesAi() || !article) return;
            const made = { length: settings.length, article };
            prepared = { ...made, view: computeView() };
          },
          { timeout: PREPARE_TIMEOUT_MS },
        );
      },
      { timeout: PREPARE_TIMEOUT_MS },
    );
  }

  /** getArticle that turns a failure into "no article" instead of throwing into an event handler. */
  function tryGetArticle(): void {
    try {
      getArticle();
    } catch (error) {
      reportError(error);
    }
  }

  function toggle(): void {
    if (view.kind === 'collapsed') expand();
    else {
      cancelAi();
      view = { kind: 'collapsed' };
      draw();
    }
  }

  function jumpTo(index: number): void {
    if (view.kind !== 'expanded') return;
    const sentence = view.summary.points[index];
    const range = sentence === undefined ? null : findSentence(doc, doc.body, sentence);
    if (range) scrollToAndHighlight(doc, win, range);
  }

  function copy(format: CopyFormat): Promise<boolean> {
    if (view.kind !== 'expanded' || !ui) return Promise.resolve(false);
    return copyText(formatSummary(view.summary, format), doc, ui.uiContainer);
  }

  function draw(): void {
    if (!ui) return;
    const host = ui.shadowHost;
    host.dataset.state = view.kind;
    host.dataset.theme =
      settings.theme === 'system' ? (darkScheme.matches ? 'dark' : 'light') : settings.theme;
    if (article) {
      host.setAttribute('dir', article.dir);
      host.setAttribute('lang', article.lang);
    }
    render(
      <Panel
        view={view}
        format={settings.format}
        onToggle={toggle}
        onIntent={prepare}
        onClose={hide}
        onDisableSite={() => {
          hide();
          void disableSite(location.hostname);
        }}
        onPoint={jumpTo}
        onCopy={copy}
        onFallback={() => {
          onDeviceOnly = true;
          expand();
        }}
      />,
      ui.uiContainer,
    );
  }

  async function mount(): Promise<void> {
    ui = await mountPanelHost(ctx, doc, win, css, settings.placement);
  }

  function hide(): void {
    cancelAi();
    ui?.remove();
    ui = null;
    view = { kind: 'collapsed' };
  }

  async function show({ expanded }: { expanded: boolean }): Promise<void> {
    await settingsReady;
    if (ui && !ui.shadowHost.isConnected) ui = null; // the page replaced its content under us
    if (!ui) {
      mounting ??= mount().finally(() => (mounting = null));
      await mounting;
    }
    if ((expanded || settings.startExpanded) && view.kind === 'collapsed') expand();
    else draw();
  }

  function state(): PanelState {
    if (!ui) return 'hidden';
    return view.kind === 'collapsed' ? 'collapsed' : 'expanded';
  }

  const unwatch = watchSettings((next) => {
    const previous = settings;
    settings = next;
    if (!ui) return;
    if (isSiteDisabled(next, location.hostname) && !isSiteDisabled(previous, location.hostname))
      return hide();
    if (next.placement !== previous.placement) {
      const wasExpanded = view.kind !== 'collapsed';
      ui.remove();
      ui = null;
      void show({ expanded: wasExpanded });
      return;
    }
    const summaryChanged =
      next.length !== previous.length ||
      next.engine !== previous.engine ||
      next.outputLanguage !== previous.outputLanguage ||
      JSON.stringify(next.server) !== JSON.stringify(previous.server);
    if (view.kind !== 'collapsed' && summaryChanged) return expand();
    draw();
  });
  ctx.onInvalidated(unwatch);
  ctx.onInvalidated(cancelAi);
  darkScheme.addEventListener('change', draw);
  ctx.onInvalidated(() => darkScheme.removeEventListener('change', draw));

  return {
    show,
    hide,
    state,
    reset() {
      cancelAi();
      article = undefined;
      prepared = null;
      view = { kind: 'collapsed' };
      if (ui && !ui.shadowHost.isConnected) ui = null;
      draw();
    },
    status(): PageStatus | null {
      if (!article) return article === null ? { kind: 'no-article', panel: state() } : null;
      return {
        kind: 'article',
        title: article.title,
        minutes: readingMinutes(article.wordCount),
        panel: state(),
      };
    },
  };
}
