import type { PageLifetime } from './lifetime';

/** How long the DOM must stay quiet after an in-page navigation before we look for the new article. */
const SETTLE_QUIET_MS = 250;
/** Pages that never stop mutating (tickers, infinite scroll) are examined after this long anyway. */
const SETTLE_MAX_MS = 3000;

/** Calls `then` once the document has stopped changing for a moment, or after a bounded wait. */
export function afterDomSettles(lifetime: PageLifetime, doc: Document, then: () => void): void {
  let quietTimer = 0;
  const finish = (): void => {
    observer.disconnect();
    clearTimeout(quietTimer);
    clearTimeout(maxTimer);
    if (lifetime.isValid) then();
  };
  const observer = new MutationObserver(() => {
    clearTimeout(quietTimer);
    quietTimer = window.setTimeout(finish, SETTLE_QUIET_MS);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
  quietTimer = window.setTimeout(finish, SETTLE_QUIET_MS);
  const maxTimer = window.setTimeout(finish, SETTLE_MAX_MS);
}
