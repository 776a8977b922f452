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
      {page.kind === 'loading' && <p class="muted">Looking at this page…</p>}
      {page.kind === 'unavailable' && <p class="muted">The summary can’t run on this page.</p>}
      {page.kind === 'no-article' && <p class="title none">No article found on this page</p>}
      {page.kind === 'article' && (
        <>
          <p class="title">{page.title || 'Untitled article'}</p>
          <p class="muted">{page.minutes} min read</p>
        </>
      )}
      <button type="button" id="toggle" class="primary" disabled={!canToggle || busy} onClick={onToggle}>
        {open ? 'Hide summary' : 'Show summary'}
      </button>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
