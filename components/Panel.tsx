import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { CopyFormat } from '@/lib/panel/share';
import type { SummaryFormat } from '@/lib/settings';

/** Everything the panel can show. The host's `data-state` attribute mirrors `kind`. */
export type PanelView =
  | { kind: 'collapsed' }
  | { kind: 'loading' }
  | { kind: 'expanded'; summary: SummaryView }
  | { kind: 'error'; message: string };

/** A computed summary, ready to render. */
export interface SummaryView {
  /** The article's title and address, for copying. */
  title: string;
  url: string;
  points: string[];
  /** "7 min article → 40 s summary". */
  timing: string;
  /** Shown above the points when only part of the article was read. */
  note: string | null;
}

export interface PanelProps {
  view: PanelView;
  format: SummaryFormat;
  onToggle: () => void;
  /** The user is about to use the toggle (pointer over it, or focus). */
  onIntent: () => void;
  onClose: () => void;
  onDisableSite: () => void;
  onPoint: (index: number) => void;
  /** Copies the summary; resolves to whether it worked. */
  onCopy: (format: CopyFormat) => Promise<boolean>;
}

const BODY_ID = 'no-time-to-read-body';

/** The bar and, when expanded, the summary. All page-derived strings are rendered as text nodes. */
export function Panel({
  view,
  format,
  onToggle,
  onIntent,
  onClose,
  onDisableSite,
  onPoint,
  onCopy,
}: PanelProps) {
  const open = view.kind !== 'collapsed';
  return (
    <section class="panel" aria-label={t('panelLabel')}>
      <div class="bar">
        <button
          type="button"
          class="toggle"
          aria-expanded={open}
          aria-controls={BODY_ID}
          onClick={onToggle}
          onPointerEnter={onIntent}
          onFocus={onIntent}
        >
          <Mark />
          <span>
            {t('toggleLead')} <strong>{open ? t('toggleHide') : t('toggleGet')}</strong>
          </span>
          <span class="chevron" aria-hidden="true">
            {open ? '▴' : '▾'}
          </span>
        </button>
        <button
          type="button"
          class="close"
          aria-label={t('closeLabel')}
          title={t('closeTitle')}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      {open && (
        <div class="body" id={BODY_ID}>
          <PanelBody view={view} format={format} onPoint={onPoint} />
          {view.kind !== 'loading' && (
            <Footer canCopy={view.kind === 'expanded'} onCopy={onCopy} onDisableSite={onDisableSite} />
          )}
        </div>
      )}
    </section>
  );
}

function PanelBody({ view, format, onPoint }: Pick<PanelProps, 'view' | 'format' | 'onPoint'>) {
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
        <p class="error" role="alert">
          {view.message}
        </p>
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
  // Links, not buttons: they wrap like text (list markers stay on the first line) and jump within the page.
  const point = (text: string, i: number) => (
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
  return (
    <>
      <p class="timing">{summary.timing}</p>
      {summary.note && <p class="note">{summary.note}</p>}
      {format === 'bullets' ? (
        <ul class="points">
          {summary.points.map((text, i) => (
            <li key={i}>{point(text, i)}</li>
          ))}
        </ul>
      ) : (
        <p class="paragraph">
          {summary.points.map((text, i) => (
            <span key={i}>{point(text, i)} </span>
          ))}
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

/** The extension's icon: three lines of text getting shorter. */
function Mark() {
  return (
    <svg class="mark" viewBox="0 0 128 128" aria-hidden="true">
      <rect x="4" y="4" width="120" height="120" rx="28" class="mark-bg" />
      <rect x="28" y="34" width="72" height="10" rx="5" class="mark-line" />
      <rect x="28" y="59" width="56" height="10" rx="5" class="mark-line" />
      <rect x="28" y="84" width="38" height="10" rx="5" class="mark-last" />
    </svg>
  );
}
