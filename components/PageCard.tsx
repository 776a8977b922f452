import { t } from '@/lib/i18n';
import type { PageStatus } from '@/lib/messaging';

/** The popup's view of the current tab. */
export type PopupPage = { kind: 'loading' } | { kind: 'unavailable' } | PageStatus;

export interface PageCardProps {
  page: PopupPage;
  busy: boolean;
  error: string | null;
  onToggle: () => void;
}

/** What the current page is, and the button that shows or hides its summary. */
export function PageCard({ page, busy, error, onToggle }: PageCardProps) {
  const canToggle = page.kind === 'article' || page.kind === 'no-article';
  const open = canToggle && page.panel === 'expanded';
  return (
    <section class="page" aria-live="polite">
      {page.kind === 'loading' && <p class="muted">{t('lookingAtPage')}</p>}
      {page.kind === 'unavailable' && <p class="muted">{t('cannotRun')}</p>}
      {page.kind === 'no-article' && <p class="title none">{t('noArticle')}</p>}
      {page.kind === 'article' && (
        <>
          <p class="title" dir="auto">
            {page.title || t('untitled')}
          </p>
          <p class="muted">{t('minRead', page.minutes)}</p>
        </>
      )}
      <button type="button" id="toggle" class="primary" disabled={!canToggle || busy} onClick={onToggle}>
        {open ? t('hideSummary') : t('showSummary')}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
