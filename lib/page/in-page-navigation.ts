import type { PageLifetime } from './lifetime';

/**
 * In-page navigations: a single-page site changes its address (history.pushState, replaceState, a new hash) and
 * its content without loading a new document, so the article page's script must look again.
 */

/** Where the Navigation API is missing (older Firefox releases), the address is compared this often instead. */
const POLL_MS = 1000;

/** The parts of the Navigation API read here (TypeScript's DOM library does not declare it yet). */
interface NavigateEventLike extends Event {
  destination: { url: string };
}
type WithNavigation = Window & { navigation?: EventTarget };

/** Calls `onNavigate` whenever the page's address changes without a new document, for as long as `lifetime` lasts. */
export function watchInPageNavigations(lifetime: PageLifetime, win: Window, onNavigate: () => void): void {
  const navigation = (win as WithNavigation).navigation;
  if (navigation) {
    // `navigate` fires before the address changes: the current address is the one being left. Frameworks that
    // save their state with replaceState keep the same address, which is not a new page.
    const onNavigateEvent = (event: Event): void => {
      if ((event as NavigateEventLike).destination.url !== win.location.href) onNavigate();
    };
    lifetime.addEventListener(navigation, 'navigate', onNavigateEvent);
    return;
  }
  let address = win.location.href;
  const timer = win.setInterval(() => {
    if (win.location.href === address) return;
    address = win.location.href;
    onNavigate();
  }, POLL_MS);
  lifetime.onInvalidated(() => win.clearInterval(timer));
}
