import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { Panel, type PanelView } from '@/components/Panel';
import { aiSummaryStream, engineLabel } from '@/lib/ai';
import {
  CopyTimedOut,
  copyPageInSlices,
  prefersWholePage,
  readsWholePageToo,
  scopesToRead,
} from '@/lib/extract/copyPage';
import { readInReader, sendToBackground, type PageInfo } from '@/lib/messaging';
import type { Bar } from '@/lib/page/bar';
import type { PanelApi } from '@/lib/page/panel-bridge';
import { t } from '@/lib/i18n';
import { reportError } from '@/lib/report-error';
import { DEFAULT_SETTINGS, loadSettings, watchSettings, type Settings } from '@/lib/settings';
import type { ArticleAbout, ReadResult } from '@/lib/reader';
import { scrollToAndHighlight } from './highlight';
import { findSentence } from './locate';
import { copyText, formatSummary, type CopyFormat } from './share';
import { extractiveView, streamAiView } from './views';

/**
 * Words read from an article at most (a 40-minute read); longer pages are summarized from their beginning, and
 * the panel says so. It keeps summarizing within a few tens of milliseconds on any page.
 */
const MAX_WORDS = 10_000;
/** Idle-time copying after a hover runs within this delay even on a busy page. */
const PREPARE_TIMEOUT_MS = 150;
/**
 * A click whose reading (the panel script's import, the settings, the copy and the reader's answer) has not
 * finished this long after the click is given up: the panel says so and offers to try again, so no click is
 * left loading. Readings take well under a second on the largest pages measured (bench:browser), so this is
 * only reached when something is stuck: a reader that never answers, a page that keeps its main thread busy.
 * The copy itself stops at the deadline too, so it does not go on taking the page's time.
 */
const READ_DEADLINE_MS = 4000;

/** `promise`'s outcome, or 'timeout' once `ms` have passed without one. */
function within<T>(promise: Promise<T>, ms: number): Promise<{ result: T } | { error: unknown } | 'timeout'> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), ms);
    promise
      .then(
        (result) => resolve({ result }),
        (error: unknown) => resolve({ error }),
      )
      .finally(() => clearTimeout(timer));
  });
}

/**
 * The summary's behaviour on one page: reading and summarizing on demand, following the settings that change
 * the summary, and jumping to sentences. The always-on script owns the bar; this renders into its body.
 *
 * The page only copies what it shows; the reader (lib/reader) extracts and summarizes that copy in an extension
 * document, off the page's main thread, and answers with the summary: the article's text comes back to the page
 * only for an AI engine, until it is sent. What stays is the summary (a few sentences) and what the popup shows,
 * so a collapsed panel holds next to nothing.
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
  /** The reading under way, and the length it asked for: a click during a hover's reading waits for it. */
  let reading: { length: Settings['length']; result: Promise<ReadResult> } | null = null;
  /** Counts resets: a reading of the page before the last reset (a navigation) is dropped. */
  let generation = 0;
  /** Counts what the panel was asked to show (expand, collapse, reset): only the latest request draws. */
  let requests = 0;
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

  /**
   * Reads the page: copies the detected region (then the whole page, if that holds no article) and has the reader
   * extract it, and summarize it when `length` is given. Copying is the only part on the page's main thread.
   */
  async function read(length: Settings['length'] | null, giveUpAt = Infinity): Promise<ReadResult> {
    // As extractArticle reads a page: a short story from the region has the whole page read too.
    let fromRegion: ReadResult = null;
    for (const scope of scopesToRead(doc, region)) {
      const copy = await copyPageInSlices(doc, MAX_WORDS, scope, giveUpAt);
      const result = await readInReader({ copy, maxWords: MAX_WORDS, length });
      if (!result) continue;
      if (!scope) {
        const keepRegion =
          fromRegion && !prefersWholePage(fromRegion.about.wordCount, result.about.wordCount);
        return keepRegion ? fromRegion : result;
      }
      if (!readsWholePageToo(result.about.wordCount)) return result;
      fromRegion = result;
    }
    return fromRegion;
  }

  /** Keeps what the popup and the panel's language need of a read article. */
  function learn(about: ArticleAbout | null): void {
    info = about
      ? { kind: 'article', title: about.title, lang: about.lang, words: about.words, chars: about.chars }
      : { kind: 'no-article' };
    written = about && { lang: about.lang, dir: about.dir };
  }

  /**
   * The on-device summary at `length`: read once (a reading under way is joined), then reused. Never rejects: a
   * failure is an error view, and an answer for a page left meanwhile (a navigation) is a collapsed one. An
   * answer not there by `deadline` (`performance.now()` time) is a "try again" view.
   */
  async function summaryView(length: Settings['length'], deadline: number): Promise<PanelView> {
    if (summary?.length === length) return summary.view;
    if (reading?.length !== length) reading = { length, result: read(length, deadline) };
    const pending = reading;
    const started = generation;
    const answer = await within(pending.result, Math.max(0, deadline - performance.now()));
    if (reading === pending) reading = null;
    if (started !== generation) return { kind: 'collapsed' };
    if (answer === 'timeout' || ('error' in answer && answer.error instanceof CopyTimedOut))
      return { kind: 'error', message: t('readTimedOut'), retry: true };
    try {
      if ('error' in answer) throw answer.error;
      const { result } = answer;
      learn(result?.about ?? null);
      if (!result?.summary) return { kind: 'error', message: t('noArticleText') };
      const made = extractiveView(result.about, result.summary, location.href);
      summary = { length, view: made };
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
    void read(null).then(
      (result) => {
        if (request.signal.aborted) return;
        learn(result?.about ?? null);
        const article = result?.article;
        if (!article) {
          view = { kind: 'error', message: t('noArticleText') };
          return draw();
        }
        const stream = aiSummaryStream(settings, article, request.signal);
        const writer = { label: engineLabel(settings), lang: settings.outputLanguage || article.lang };
        void streamAiView(stream, result.about, location.href, writer, (next) => {
          if (request.signal.aborted) return;
          view = next;
          draw();
        });
      },
      (error: unknown) => {
        reportError(error);
        if (request.signal.aborted) return;
        view = { kind: 'error', message: t('summarizeFailed') };
        draw();
      },
    );
  }

  function cancelAi(): void {
    aiRequest?.abort();
    aiRequest = null;
  }

  async function expand(clickedAt = performance.now()): Promise<void> {
    const ticket = ++requests;
    const deadline = clickedAt + READ_DEADLINE_MS;
    await within(settingsReady, READ_DEADLINE_MS);
    if (ticket !== requests) return;
    if (usesAi()) return expandWithAi();
    cancelAi();
    const length = settings.length;
    // Prepared (on hover, or an earlier expand): the summary is drawn at once.
    const ready = summary?.length === length;
    // Reading starts first: the copy's first slice runs before the loading view changes the page's layout.
    // Copying asks which elements are rendered, so after the loading view it would lay the page out again in the
    // same task (15-25 ms on big pages). The loading view paints no later: it could not paint before this task
    // ends anyway.
    const made = summaryView(length, deadline);
    if (!ready) {
      view = { kind: 'loading' };
      draw();
    }
    const next = await made;
    // Collapsed, navigated away or asked again (another length, another engine) meanwhile: not wanted any more.
    if (ticket !== requests) return;
    view = next;
    draw();
  }

  /**
   * The pointer is on the toggle, or it has focus: the user may click soon. Read and summarize the page in idle
   * time now, so the click only has to draw. Pages where nobody reaches for the bar pay nothing.
   */
  function prepare(): void {
    if (summary || reading || preparing) return;
    preparing = true;
    ctx.requestIdleCallback(
      () => {
        preparing = false;
        if (view.kind === 'collapsed' && !usesAi())
          void summaryView(settings.length, performance.now() + READ_DEADLINE_MS);
      },
      { timeout: PREPARE_TIMEOUT_MS },
    );
  }

  function collapse(): void {
    requests++;
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
            void expand().catch(reportError);
          }}
          onRetry={() => void expand().catch(reportError)}
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
    if (view.kind !== 'collapsed' && summaryChanged) return void expand().catch(reportError);
    draw();
  });
  ctx.onInvalidated(unwatch);
  ctx.onInvalidated(cancelAi);

  return {
    expand(target, articleRegion, clickedAt) {
      attach(target);
      region = articleRegion;
      void expand(clickedAt).catch(reportError);
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
      generation++;
      requests++;
      reading = null;
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
