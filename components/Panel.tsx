import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CopyFormat } from '@/lib/panel/share';
import type { SummaryFormat } from '@/lib/settings';

/** Everything the panel can show. The host's `data-state` attribute mirrors `kind`. */
export type PanelView =
  | { kind: 'collapsed' }
  | { kind: 'loading' }
  | { kind: 'expanded'; summary: SummaryView }
  | { kind: 'error'; message: string; hint?: string; fallback?: boolean; retry?: boolean };

/** A computed summary, ready to render. */
export interface SummaryView {
  /** The article's title and address, for copying. */
  title: string;
  /** Language of the points: the article's, or the one a model was asked to write in. */
  lang: string;
  url: string;
  points: string[];
  /** "7 min article → 40 s summary". */
  timing: string;
  /** Shown above the points when only part of the article was read. */
  note: string | null;
  /**
   * Set when a model wrote the points (they are not sentences of the article, so there is nothing to jump to):
   * which engine, the point being written, and whether it has finished.
   */
  ai: { label: string; writing: string | null; done: boolean } | null;
}

export interface PanelProps {
  view: PanelView;
  format: SummaryFormat;
  onDisableSite: () => void;
  onPoint: (index: number) => void;
  /** Copies the summary; resolves to whether it worked. */
  onCopy: (format: CopyFormat) => Promise<boolean>;
  /** After an AI engine failed: summarize on this device instead. */
  onFallback: () => void;
  /** After a reading that took too long: read the page again. */
  onRetry: () => void;
}

/**
 * The summary under the bar (the always-on script draws the bar itself, see lib/page/bar.ts). All
 * page-derived strings are rendered as text nodes.
 */
export function Panel(props: PanelProps) {
  const { view, onCopy, onDisableSite } = props;
  return (
    <>
      <PanelBody {...props} />
      {view.kind !== 'loading' && (
        <Footer
          canCopy={view.kind === 'expanded' && (view.summary.ai?.done ?? true)}
          onCopy={onCopy}
          onDisableSite={onDisableSite}
        />
      )}
    </>
  );
}

function PanelBody({ view, format, onPoint, onFallback, onRetry }: PanelProps) {
  switch (view.kind) {
    case 'collapsed':
      return null;
    case 'loading':
      return (
        <p class="status" role="status" aria-live="polite">
          {t('summarizing')}
        </p>
      );
    case 'error':
      return (
        <>
          <p class="error" role="alert">
            {view.message}
          </p>
          {view.hint && <p class="hint">{view.hint}</p>}
          {view.fallback && (
            <button type="button" class="secondary" onClick={onFallback}>
              {t('useOnDevice')}
            </button>
          )}
          {view.retry && (
            <button type="button" class="secondary" onClick={onRetry}>
              {t('tryAgain')}
            </button>
          )}
        </>
      );
    case 'expanded':
      return <Summary summary={view.summary} format={format} onPoint={onPoint} />;
  }
}

function Summary({
  summary,
  format,
  onPoint,
}: {
  summary: SummaryView;
  format: SummaryFormat;
  onPoint: (i: number) => void;
}) {
  const { ai } = summary;
  // Article sentences are links to their place in the page; a model's points have no place to link to.
  const point = (text: string, i: number) =>
    ai ? (
      <span class="point" data-point={i}>
        {text}
      </span>
    ) : (
      <a
        class="point"
        href="#"
        data-point={i}
        title={t('showInArticle')}
        onClick={(event) => {
          event.preventDefault();
          onPoint(i);
        }}
      >
        {text}
      </a>
    );
  const writing = ai && !ai.done && (
    <span class="writing" aria-hidden="true">
      {ai.writing || t('writing')}
    </span>
  );
  return (
    <>
      <p class="timing">{summary.timing}</p>
      {ai && (
        <p class="ai-label">
          <span class="badge">AI</span> {t('aiBy', ai.label)}
        </p>
      )}
      {summary.note && <p class="note">{summary.note}</p>}
      {format === 'bullets' ? (
        <ul class="points" lang={summary.lang} aria-busy={ai ? !ai.done : undefined}>
          {summary.points.map((text, i) => (
            <li key={i}>{point(text, i)}</li>
          ))}
          {writing && <li class="pending">{writing}</li>}
        </ul>
      ) : (
        <p class="paragraph" lang={summary.lang} aria-busy={ai ? !ai.done : undefined}>
          {summary.points.map((text, i) => (
            <span key={i}>{point(text, i)} </span>
          ))}
          {writing}
        </p>
      )}
      {ai && !ai.done && (
        <p class="status" role="status" aria-live="polite">
          {t('writing')}
        </p>
      )}
    </>
  );
}

/** How long the "copied" confirmation stays. */
const NOTICE_MS = 2500;

function Footer({
  canCopy,
  onCopy,
  onDisableSite,
}: { canCopy: boolean } & Pick<PanelProps, 'onCopy' | 'onDisableSite'>) {
  const [notice, setNotice] = useState('');
  const copy = async (format: CopyFormat) => {
    setNotice(t((await onCopy(format)) ? 'copied' : 'copyFailed'));
    setTimeout(() => setNotice(''), NOTICE_MS);
  };
  return (
    <div class="footer">
      {canCopy && (
        <>
          <button type="button" class="link" onClick={() => void copy('text')}>
            {t('copyText')}
          </button>
          <button type="button" class="link" onClick={() => void copy('markdown')}>
            {t('copyMarkdown')}
          </button>
        </>
      )}
      {/* Always in the tree, so screen readers announce the confirmation when its text changes. */}
      <span class="notice" role="status" aria-live="polite">
        {notice}
      </span>
      <button type="button" class="link end" onClick={onDisableSite}>
        {t('disableSite')}
      </button>
    </div>
  );
}
