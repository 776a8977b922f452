import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, Panel, blocking, describeViolations, poll, runAxe, useExtension } from './harness';

/**
 * "Accessible to keyboard and screen-reader users": axe-core finds no serious or critical violation in the
 * popup or in the expanded panel (inside its shadow root, and only there: the page around it is not ours), in
 * the light and the dark theme; and the panel works from the keyboard alone.
 */

const THEMES = ['light', 'dark'] as const;

/** What the focused element is, looking through shadow roots: the panel's controls live in one. */
async function focused(
  page: Page,
): Promise<{ inPanel: boolean; cls: string; point: string | null; text: string; outline: string }> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let inPanel = false;
    while (el?.shadowRoot?.activeElement) {
      if (el.tagName.toLowerCase() === 'no-time-to-read') inPanel = true;
      el = el.shadowRoot.activeElement;
    }
    return {
      inPanel,
      cls: el?.getAttribute('class') ?? el?.tagName.toLowerCase() ?? '',
      point: el?.getAttribute('data-point') ?? null,
      text: (el?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      outline: el ? getComputedStyle(el).outlineStyle : 'none',
    };
  });
}

describe.each(BROWSERS)('%s: accessibility of the popup and the panel', (name) => {
  const e2e = useExtension(name);
  let page: Page;
  let panel: Panel;

  beforeAll(async () => {
    page = await e2e.ext.openPage(e2e.server.fixture('long-article'));
    panel = new Panel(page);
    await panel.waitForState('collapsed');
  });

  it.each(THEMES)('popup: no serious or critical axe violations in the %s theme', async (theme) => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('theme', theme);
    await poll(`the popup to use the ${theme} theme`, () =>
      popup.page.evaluate((t: string) => document.documentElement.dataset.theme === t, theme),
    );
    const violations = blocking(await runAxe(popup.page));
    expect(violations, `${name} popup, ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
  });

  it.each(THEMES)('expanded panel: no serious or critical axe violations in the %s theme', async (theme) => {
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('theme', theme);
    await page.bringToFront();
    await poll(
      `data-theme="${theme}"`,
      async () => (await panel.snapshot()).theme === theme,
      {},
      () => panel.describe(),
    );
    await panel.expand();
    const violations = blocking(await runAxe(page, [['no-time-to-read']]));
    expect(violations, `${name} panel, ${theme} theme:\n${describeViolations(violations)}`).toEqual([]);
    // Nothing left for a person to judge either (the × and ▾ used to be text that axe asked about).
    const review = await runAxe(page, [['no-time-to-read']], 'incomplete');
    expect(review, `${name} panel, ${theme} theme, needs review:\n${describeViolations(review)}`).toEqual([]);
  });

  it('the panel works from the keyboard: Tab to the toggle, Enter expands, Tab reaches the points, Enter on × closes', async () => {
    const article = await e2e.ext.openPage(e2e.server.fixture('long-article'));
    try {
      const bar = new Panel(article);
      await bar.waitForState('collapsed');
      await article.bringToFront();
      // Real Tab presses from the top of the page until the focus is on the panel's toggle.
      const seen: string[] = [];
      let onToggle = false;
      let outline = 'none';
      for (let i = 0; i < 60 && !onToggle; i++) {
        await article.keyboard.press('Tab');
        const f = await focused(article);
        seen.push(f.inPanel ? `panel:${f.cls}` : f.cls);
        onToggle = f.inPanel && f.cls.split(' ').includes('toggle');
        outline = f.outline;
      }
      expect(onToggle, `Tab never reached the panel's toggle; focus went: ${seen.join(' → ')}`).toBe(true);
      expect(outline, 'the focused toggle shows no focus outline').not.toBe('none');

      await article.keyboard.press('Enter');
      const expanded = await poll(
        'the panel to expand with points',
        async () => {
          const s = await bar.snapshot();
          return s.state === 'expanded' && s.points.length > 0 ? s : null;
        },
        { timeout: 20_000 },
        () => bar.describe(),
      );
      expect(expanded.ariaExpanded).toBe('true');

      // Onward from the toggle: the close button, then the points.
      const order: string[] = [];
      let pointReached = false;
      for (let i = 0; i < 6 && !pointReached; i++) {
        await article.keyboard.press('Tab');
        const f = await focused(article);
        order.push(f.inPanel ? `panel:${f.cls}${f.point === null ? '' : `#${f.point}`}` : f.cls);
        pointReached = f.inPanel && f.point === '0';
      }
      expect(pointReached, `Tab after the toggle went: ${order.join(' → ')}`).toBe(true);

      // Back to the close button and press Enter: the panel goes from the page.
      let onClose = false;
      for (let i = 0; i < 6 && !onClose; i++) {
        await article.keyboard.down('Shift');
        await article.keyboard.press('Tab');
        await article.keyboard.up('Shift');
        const f = await focused(article);
        onClose = f.inPanel && f.cls.split(' ').includes('close');
      }
      expect(onClose, 'Shift+Tab from the points did not reach the close button').toBe(true);
      await article.keyboard.press('Enter');
      await poll(
        'the panel to be removed',
        async () => !(await bar.isPresent()),
        { timeout: 5_000 },
        () => bar.describe(),
      );
    } finally {
      await article.close();
    }
  });
});
