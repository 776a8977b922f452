import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bar, BarState } from '@/lib/page/bar';
import { expandOnClick, PANEL_LOAD_DEADLINE_MS } from '@/lib/page/expand-on-click';
import type { PanelApi } from '@/lib/page/panel-bridge';

const FAILURE = 'The summary could not be loaded.';

/** A bar with the parts expandOnClick uses: a host on the page, a body, a state. */
function fakeBar(): Bar {
  const { document } = parseHTML('<!doctype html><html><body><p>Story</p></body></html>');
  const host = document.createElement('no-time-to-read');
  const body = document.createElement('div');
  host.append(body);
  document.body.append(host);
  let state: BarState = 'collapsed';
  return {
    host,
    body,
    shadow: null as unknown as ShadowRoot,
    state: () => state,
    setState: (next) => void (state = next),
    setTheme: () => undefined,
    addStyle: () => undefined,
    close: () => undefined,
    remove: () => host.remove(),
  };
}

function fakePanel() {
  const expand = vi.fn<PanelApi['expand']>();
  const panel: PanelApi = { expand, collapse: vi.fn(), prepare: vi.fn(), reset: vi.fn(), info: () => null };
  return { panel, expand };
}

/** The panel script's import: settles after `ms` (resolves or rejects), or never (null). */
type Import = { ms: number | null; outcome: 'loads' | 'fails' };

describe('expandOnClick: every click is answered within the deadline, whatever the import does', () => {
  beforeEach(() => void vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => void vi.useRealTimers());

  it.each<[string, Import, { expanded: boolean; message: boolean; at: number }]>([
    [
      'an import that loads at once expands the panel',
      { ms: 0, outcome: 'loads' },
      { expanded: true, message: false, at: 0 },
    ],
    [
      'an import that loads in 3 s expands the panel',
      { ms: 3000, outcome: 'loads' },
      { expanded: true, message: false, at: 3000 },
    ],
    [
      'an import that never settles gets the message at the deadline',
      { ms: null, outcome: 'loads' },
      { expanded: false, message: true, at: PANEL_LOAD_DEADLINE_MS },
    ],
    [
      'an import that loads after the deadline leaves the message',
      { ms: 6000, outcome: 'loads' },
      { expanded: false, message: true, at: PANEL_LOAD_DEADLINE_MS },
    ],
    [
      'an import that fails gets the message at once',
      { ms: 10, outcome: 'fails' },
      { expanded: false, message: true, at: 10 },
    ],
  ])('%s', async (_, load, expected) => {
    const bar = fakeBar();
    const { panel, expand } = fakePanel();
    const report = vi.fn();
    const imported =
      load.ms === null
        ? new Promise<PanelApi>(() => undefined)
        : new Promise<PanelApi>((resolve, reject) =>
            setTimeout(
              () => (load.outcome === 'loads' ? resolve(panel) : reject(new Error('blocked'))),
              load.ms!,
            ),
          );
    const clickedAt = performance.now();
    expandOnClick({ bar, panel: () => imported, region: () => null, clickedAt, failure: FAILURE, report });

    // Nothing is said before the answer is due.
    if (expected.at > 0) {
      await vi.advanceTimersByTimeAsync(expected.at - 1);
      expect(bar.state()).toBe('collapsed');
      expect(expand).not.toHaveBeenCalled();
    }
    await vi.advanceTimersByTimeAsync(expected.at > 0 ? 1 : 0);
    await vi.advanceTimersByTimeAsync(10_000);

    expect(expand.mock.calls).toEqual(expected.expanded ? [[bar, null, clickedAt]] : []);
    expect(bar.state()).toBe(expected.message ? 'error' : 'collapsed');
    expect(bar.body.textContent).toBe(expected.message ? FAILURE : '');
    expect(bar.body.querySelector('[role="alert"]') !== null).toBe(expected.message);
    expect(report).toHaveBeenCalledTimes(load.outcome === 'fails' ? 1 : 0);
  });

  it('counts the deadline from the click, not from the call', async () => {
    const bar = fakeBar();
    const clickedAt = performance.now();
    await vi.advanceTimersByTimeAsync(3000);
    expandOnClick({
      bar,
      panel: () => new Promise<PanelApi>(() => undefined),
      region: () => null,
      clickedAt,
      failure: FAILURE,
      report: vi.fn(),
    });
    await vi.advanceTimersByTimeAsync(PANEL_LOAD_DEADLINE_MS - 3000);
    expect(bar.state()).toBe('error');
  });
});
