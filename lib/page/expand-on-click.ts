import type { Bar } from './bar';
import type { PanelApi } from './panel-bridge';

/**
 * How long after a click the bar waits for the panel script before it says the summary could not be loaded:
 * the panel's own reading deadline (READ_DEADLINE_MS in lib/panel/controller.tsx) counts from the same click,
 * so a click is answered within it whether the panel script's import or the reading is stuck.
 */
export const PANEL_LOAD_DEADLINE_MS = 4000;

export interface ExpandOnClick {
  bar: Bar;
  /** The panel script, loaded once per frame (lib/page/article-page.ts). */
  panel: () => Promise<PanelApi>;
  /** The part of the page that holds the article (null: the whole page), asked for when the panel is there. */
  region: () => Element | null;
  /** When the user clicked (`performance.now()`): the deadline counts from it. */
  clickedAt: number;
  /** What the bar says when the panel cannot be loaded, in the interface language. */
  failure: string;
  /** Told why the import failed (it rejected rather than never settling). */
  report: (error: unknown) => void;
}

/** Opens `bar` on `message` (as text, in an alert the screen reader announces), in its error state. */
function showFailure(bar: Bar, message: string): void {
  const note = bar.body.ownerDocument.createElement('p');
  note.setAttribute('role', 'alert');
  note.textContent = message;
  bar.body.replaceChildren(note);
  bar.setState('error');
}

/**
 * Expands `bar` with the panel once the panel script is loaded. A click whose import fails, or has not settled
 * by the deadline (the extension was reloaded or updated under the page, the script is blocked), opens the bar
 * on a message instead of leaving it collapsed with no answer. A panel that arrives after the message does not
 * take the bar over by itself: the next click does.
 */
export function expandOnClick({ bar, panel, region, clickedAt, failure, report }: ExpandOnClick): void {
  let answered = false;
  const fail = (): void => {
    if (answered) return;
    answered = true;
    if (bar.host.isConnected) showFailure(bar, failure);
  };
  const timer = setTimeout(fail, Math.max(0, clickedAt + PANEL_LOAD_DEADLINE_MS - performance.now()));
  panel().then(
    (loaded) => {
      clearTimeout(timer);
      if (answered) return;
      answered = true;
      loaded.expand(bar, region(), clickedAt);
    },
    (error: unknown) => {
      clearTimeout(timer);
      report(error);
      fail();
    },
  );
}
