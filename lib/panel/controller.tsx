import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, type PanelView } from '@/components/Panel';
import { aiSummaryStream, engineLabel } from '@/lib/ai';
import type { Article } from '@/lib/article';
import { extractArticle } from '@/lib/extract';
import { sendToBackground, type PageInfo } from '@/lib/messaging';
import type { Bar } from '@/lib/page/bar';
import type { PanelApi } from '@/lib/page/panel-bridge';
import { t } from '@/lib/i18n';
import { countReadingUnits } from '@/lib/text/words';
import { reportError } from '@/lib/report-error';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import { summarize } from '@/lib/summarize';
import { scrollToAndHighlight } from './highlight';
import { findSentence } from './locate';
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
 * The summary's behaviour on one page: extracting and summarizing on demand, following the settings that
 * change the summary, and jumping to sentences. The always-on script owns the bar; this renders into its body.
 *
 * The article's text lives only from extraction to summary: what stays is the computed summary (a few
 * sentences) and what the popup shows, so a collapsed panel holds next to nothing.
 */
export function createPanelController(
  ctx: ContentScriptContext,
  doc: Document,
  win: Window,
  css: string,
): PanelApi {
  /** The bar the summary is drawn in (the always-on script may replace it, e.g. for another placement). */
  let bar: Bar | null = null;
  let view: PanelView = { kind: 'collapsed' };
  /** Where detection found the article (extraction reads only that part of the page). */
  let region: Element | null = null;
  /** The extracted article, between the extraction task and the summary task only. */
  let extracted: Article | null | undefined;
  /** The on-device summary for this page, and the length it was made for: reused on the next expand. */
  let summary: { length: Settings['length']; view: PanelView } | null = null;
  /** What the popup shows, and the article's language: they outlive its text. */
  let info: PageInfo | null = null;
  let written: { lang: string; dir: 'ltr' | 'rtl' } | null = null;
  let preparing = false;
  /** The AI summary being written, if any. */
  let aiRequest: AbortController | null = null;
  /** Set by "Use the on-device summary instead": AI engines are skipped on this page. */
  let onDeviceOnly = false;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  const settingsReady = loadSettings().then((loaded) => void (settings = loaded));

  function attach(target: Bar): void {
    if (bar === target) return;
    bar = target;
    target.addStyle(css);
    markReady();
  }

  /**
   * Tells automation whether the on-device summary at the current length is computed, so that a click shows it
   * at once: the host's `data-summary` is `ready` then, and absent otherwise.
   */
  function markReady(): void {
    if (summary?.length === settings.length) bar?.host.setAttribute('data-summary', 'ready');
    else bar?.host.removeAttribute('data-summary');
  }

  /** Extracts the article once per summary; a failure counts as "no article text". */
  function extract(): Article | null {
    if (extracted !== undefined) return extracted;
    try {
      extracted = extractArticle(doc, { maxWords: MAX_WORDS, scope: region });
    } catch (error) {
      reportError(error);
      extracted = null;
    }
    info = extracted
      ? {
          kind: 'article',
          title: extracted.title,
          lang: extracted.lang,
          ...countReadingUnits(extracted.text),
        }
      : { kind: 'no-article' };
    written = extracted && { lang: extracted.lang, dir: extracted.dir };
    return extracted;
  }

  /** The on-device summary at the current length, then the article's text is let go. */
  function summaryView(): PanelView {
    if (summary?.length === settings.length) return summary.view;
    const article = extract();
    extracted = undefined;
    if (!article) return { kind: 'error', message: t('noArticleText') };
    try {
      const made = extractiveView(article, summarize(article, { length: settings.length }), location.href);
      summary = { length: settings.length, view: made };
      markReady();
      return made;
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
      const article = extract();
      extracted = undefined;
      if (request.signal.aborted) return;
      if (!article) {
        view = { kind: 'error', message: t('noArticleText') };
        return draw();
      }
      const stream = aiSummaryStream(settings, article, request.signal);
      const writer = { label: engineLabel(settings), lang: settings.outputLanguage || article.lang };
      void streamAiView(stream, article, location.href, writer, (next) => {
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

  async function expand(): Promise<void> {
    await settingsReady;
    if (usesAi()) return expandWithAi();
    if (summary?.length === settings.length || extracted !== undefined) {
      // Prepared (on hover, or an earlier expand): summarizing takes a few milliseconds at most.
      view = summaryView();
      return draw();
    }
    view = { kind: 'loading' };
    draw();
    // Extraction and summarization run as two tasks, so the page can handle input between them.
    ctx.setTimeout(() => {
      if (view.kind !== 'loading') return;
      extract();
      ctx.setTimeout(() => {
        if (view.kind !== 'loading') return;
        view = summaryView();
        draw();
      }, 0);
    }, 0);
  }

  /**
   * The pointer is on the toggle, or it has focus: the user may click soon. Extract the article in idle time
   * now, so the click only has to summarize. Pages where nobody reaches for the bar pay nothing.
   */
  function prepare(): void {
    if (summary || extracted !== undefined || preparing) return;
    preparing = true;
    ctx.requestIdleCallback(
      () => {
        if (view.kind === 'collapsed') extract();
        // Summarizing is a second idle task: it also loads the sentence segmenter's data, which costs a few
        // milliseconds the first time on every page.
        ctx.requestIdleCallback(
          () => {
            preparing = false;
            if (view.kind === 'collapsed' && extracted !== undefined && !usesAi()) summaryView();
          },
          { timeout: PREPARE_TIMEOUT_MS },
        );
      },
      { timeout: PREPARE_TIMEOUT_MS },
    );
  }

  function collapse(): void {
    cancelAi();
    view = { kind: 'collapsed' };
    draw();
  }

  function jumpTo(index: number): void {
    if (view.kind !== 'expanded') return;
    const sentence = view.summary.points[index];
    const range = sentence === undefined ? null : findSentence(doc, doc.body, sentence);
    if (range) scrollToAndHighlight(doc, win, range);
  }

  function copy(format: CopyFormat): Promise<boolean> {
    if (view.kind !== 'expanded' || !bar) return Promise.resolve(false);
    return copyText(formatSummary(view.summary, format), doc, bar.body);
  }

  function draw(): void {
    if (!bar) return;
    bar.setState(view.kind);
    if (written) {
      bar.host.setAttribute('lang', written.lang);
      bar.host.setAttribute('dir', written.dir);
    }
    const shown = bar;
    render(
      view.kind === 'collapsed' ? null : (
        <Panel
          view={view}
          format={settings.format}
          onDisableSite={() => {
            shown.close();
            const site = { hostname: location.hostname, disabled: true };
            void sendToBackground('setSiteDisabled', site).catch(reportError);
          }}
          onPoint={jumpTo}
          onCopy={copy}
          onFallback={() => {
            onDeviceOnly = true;
            void expand();
          }}
        />
      ),
      shown.body,
    );
  }

  const unwatch = watchSettings((next) => {
    const previous = settings;
    settings = next;
    const summaryChanged =
      next.length !== previous.length ||
      next.engine !== previous.engine ||
      next.outputLanguage !== previous.outputLanguage ||
      JSON.stringify(next.server) !== JSON.stringify(previous.server);
    markReady();
    if (view.kind !== 'collapsed' && summaryChanged) return void expand();
    draw();
  });
  ctx.onInvalidated(unwatch);
  ctx.onInvalidated(cancelAi);

  return {
    expand(target, articleRegion) {
      attach(target);
      region = articleRegion;
      void expand().catch(reportError);
    },
    collapse(target) {
      attach(target);
      collapse();
    },
    prepare(target, articleRegion) {
      attach(target);
      region = articleRegion;
      prepare();
    },
    reset() {
      cancelAi();
      extracted = undefined;
      summary = null;
      region = null;
      info = null;
      written = null;
      view = { kind: 'collapsed' };
      markReady();
      draw();
    },
    info: () => info,
  };
}
