import type { Page } from 'puppeteer-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BROWSERS, Panel, poll, useExtension } from './harness';

/**
 * The summary is prepared when the user reaches for it: the pointer resting on the toggle, or the popup opened
 * (its button may expand the panel next). The click then shows the summary at once, with no "loading" state,
 * and nothing is drawn before the click.
 */

/** Records every `data-state` the host takes from now on (in the page's own world: the attribute is public). */
function recordStates(page: Page): Promise<void> {
  return page.evaluate(() => {
    const host = document.querySelector('no-time-to-read');
    if (!host) throw new Error('no panel host');
    const seen: string[] = [];
    (window as unknown as { __states: string[] }).__states = seen;
    new MutationObserver(() => seen.push(host.getAttribute('data-state') ?? '')).observe(host, {
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

const statesSeen = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __states: string[] }).__states);

const summaryReady = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.querySelector('no-time-to-read')?.getAttribute('data-summary') === 'ready');

describe.each(BROWSERS)('%s: preparing the summary before the click', (name) => {
  const e2e = useExtension(name);
  let page: Page;
  let panel: Panel;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
    panel = new Panel(page);
  });

  /** Waits until the page says its summary is prepared, and checks that none of it shows yet. */
  async function expectPreparedNotShown(): Promise<void> {
    await poll(
      'the summary to be prepared',
      () => summaryReady(page),
      { timeout: 20_000 },
      () => panel.describe(),
    );
    const seen = await panel.snapshot();
    expect(seen.state).toBe('collapsed');
    expect(seen.points, 'prepared, not shown').toEqual([]);
  }

  beforeEach(async () => {
    await page.bringToFront();
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    await panel.waitForState('collapsed');
    expect(await summaryReady(page), 'nothing is prepared before the user reaches for the bar').toBe(false);
  });

  it('resting the pointer on the toggle prepares it; the click then shows it without a loading state', async () => {
    const toggle = await panel.toggleHandle();
    await toggle.scrollIntoView();
    await recordStates(page);
    await toggle.hover();
    await expectPreparedNotShown();

    await toggle.click();
    // Waited for, not clicked again: the click alone must take the bar straight to the summary.
    const opened = await panel.waitForState('expanded');
    expect(opened.points.length).toBeGreaterThan(0);
    expect(await statesSeen(page)).toEqual(['expanded']);
  });

  it('opening the popup prepares it on the page and leaves the bar collapsed', async () => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await expectPreparedNotShown();

    // Another length makes the prepared summary stale: the page no longer says it is ready, until it is again.
    const length = await popup.getSetting('length');
    await popup.setSetting('length', length === 'long' ? 'short' : 'long');
    await poll(
      'the prepared summary to be dropped',
      async () => !(await summaryReady(page)),
      {},
      () => panel.describe(),
    );
    await popup.setSetting('length', length as string);
    await poll(
      'the summary to be ready again',
      () => summaryReady(page),
      {},
      () => panel.describe(),
    );
  });
});
