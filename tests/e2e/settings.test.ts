import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, Panel, poll, useExtension } from './harness';

/**
 * User path 4: "Changes settings in the popup." Changes apply at once to a panel already open in another tab.
 */

describe.each(BROWSERS)('%s: settings from the popup change an open panel', (name) => {
  const e2e = useExtension(name);
  let page: Page;
  let panel: Panel;

  beforeAll(async () => {
    page = await e2e.ext.openPage(e2e.server.fixture('long-article'));
    panel = new Panel(page);
    await panel.waitForState('collapsed');
    await panel.expand();
  });

  let longCount = 0;
  let shortCount = 0;

  it('short length gives fewer (or as many) points than long', async () => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();

    await popup.setSetting('length', 'long');
    // Give the panel time to re-summarize, then read the settled count.
    await poll(
      'the panel to settle after the length change',
      async () => {
        const a = await panel.snapshot();
        await new Promise((r) => setTimeout(r, 700));
        const b = await panel.snapshot();
        return a.state === 'expanded' && b.state === 'expanded' && a.points.join() === b.points.join()
          ? b
          : null;
      },
      {},
      () => panel.describe(),
    );
    longCount = (await panel.waitForState('expanded')).points.length;

    await popup.setSetting('length', 'short');
    await poll(
      'the panel to re-render after the length change',
      async () => {
        const s = await panel.snapshot();
        return s.state === 'expanded' && s.points.length > 0 && s.points.length < longCount ? s : null;
      },
      { timeout: 8_000 },
    ).catch(() => undefined);
    const short = await panel.waitForState('expanded');
    shortCount = short.points.length;
    expect(shortCount, `short ${shortCount} vs long ${longCount}`).toBeLessThanOrEqual(longCount);
    expect(shortCount).toBeGreaterThan(0);
  });

  it('on a 2,000-word story, short and long actually differ', () => {
    expect(
      shortCount,
      `short ${shortCount} vs long ${longCount}: the length setting changed nothing`,
    ).toBeLessThan(longCount);
  });

  it('dark and light themes set data-theme on the open panel', async () => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('theme', 'dark');
    await poll(
      'data-theme="dark"',
      async () => (await panel.snapshot()).theme === 'dark',
      {},
      () => panel.describe(),
    );
    await popup.setSetting('theme', 'light');
    await poll(
      'data-theme="light"',
      async () => (await panel.snapshot()).theme === 'light',
      {},
      () => panel.describe(),
    );
  });

  it('turning automatic showing off keeps the bar off new article pages', async () => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('autoShow', false);
    const other = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    try {
      expect(await new Panel(other).staysAbsent(4_000), 'panel appeared with autoShow off').toBe(true);
    } finally {
      await other.close();
      const again = await e2e.ext.openPopup(page);
      await again.setSetting('autoShow', true);
    }
  });

  it('start expanded opens the summary on page load', async () => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('startExpanded', true);
    const other = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    try {
      await new Panel(other).waitForState('expanded', 20_000);
    } finally {
      await other.close();
      const again = await e2e.ext.openPopup(page);
      await again.setSetting('startExpanded', false);
    }
  });
});
