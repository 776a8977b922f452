import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, REPO_ROOT, useExtension, type PanelSnapshot } from './harness';
import { cspViolations, installCspWatch, isRed, panelLook, type Box } from './harness/hostile';

/**
 * Hostile pages, CSS: a page whose stylesheet shrinks, reddens, hides and displaces every element it does not
 * name, and transforms `body`, must not reach the panel (its shadow root and `:host` reset keep its own look),
 * whether the bar is inline or floating. Pages with a strict Content-Security-Policy (the csp-article fixture's
 * `style-src 'self'`, and `style-src 'none'`) must get the same look: the panel's styles live in its shadow root
 * and must not be blocked.
 */

/** The smallest legible text, in CSS pixels. */
const MIN_FONT_PX = 12;

/** Asserts the panel, expanded, is drawn legibly and inside the viewport (horizontally, and vertically once scrolled to). */
async function expectOwnLook(page: Page, expanded: PanelSnapshot): Promise<void> {
  await page.evaluate(() => document.querySelector('no-time-to-read')?.scrollIntoView({ block: 'center' }));
  const look = await panelLook(page);
  const evidence = JSON.stringify(look);
  expect(look, 'panel host with a shadow root').not.toBeNull();
  const { host, toggle, points, viewport } = look!;
  const inside = (box: Box): boolean =>
    box.width > 0 &&
    box.height > 0 &&
    box.left >= 0 &&
    box.left + box.width <= viewport.width + 1 &&
    box.top >= 0 &&
    box.top + box.height <= viewport.height + 1;
  expect(host.display, evidence).toBe('block');
  expect(host.visibility, evidence).toBe('visible');
  expect(host.opacity, evidence).toBe('1');
  expect(toggle, evidence).not.toBeNull();
  expect(toggle!.display, evidence).not.toBe('none');
  expect(toggle!.visibility, evidence).toBe('visible');
  expect(toggle!.opacity, evidence).toBe('1');
  expect(toggle!.fontSize, evidence).toBeGreaterThanOrEqual(MIN_FONT_PX);
  expect(isRed(toggle!.color), `toggle colour ${toggle!.color}`).toBe(false);
  expect(toggle!.textIndent, evidence).toBe('0px');
  expect(inside(toggle!.rect), `toggle inside the viewport: ${evidence}`).toBe(true);
  expect(points.length, evidence).toBe(expanded.points.length);
  for (const point of points) {
    expect(point.display, evidence).not.toBe('none');
    expect(point.visibility, evidence).toBe('visible');
    expect(point.fontSize, evidence).toBeGreaterThanOrEqual(MIN_FONT_PX);
    expect(isRed(point.color), `point colour ${point.color}`).toBe(false);
    expect(point.rect.width > 0 && point.rect.height > 0, evidence).toBe(true);
    expect(point.rect.left >= 0 && point.rect.left + point.rect.width <= viewport.width + 1, evidence).toBe(
      true,
    );
  }
}

describe.each(BROWSERS)('%s: hostile pages, CSS', (name) => {
  const e2e = useExtension(name);

  it('page CSS attacking every element leaves the inline panel readable', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-css'));
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await expectOwnLook(page, await panel.expand());
  });

  it('the floating card stays in the viewport when body is transformed', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('hostile-css'));
    let popup = await e2e.ext.openPopup(page);
    await popup.setSetting('placement', 'floating');
    try {
      await page.reload({ waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      expect(
        await page.evaluate(() => document.querySelector('no-time-to-read')?.parentElement?.localName),
      ).toBe('html');
      await expectOwnLook(page, await panel.expand());
    } finally {
      popup = await e2e.ext.openPopup(page);
      await popup.setSetting('placement', 'inline');
    }
  });

  // The fixture's own policy lets its stylesheet load; the stricter one blocks every style, so that page is served
  // without its stylesheet (its refusal would be the page's violation, not ours). img-src 'self' lets Firefox
  // ask for the site's favicon without a violation.
  it.each([
    ["the fixture's policy (style-src 'self')", null],
    [
      "default-src 'none'; style-src 'none'; script-src 'none'",
      "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'self'",
    ],
  ])(
    'a strict Content-Security-Policy, %s, does not strip the panel of its styles, nor is it violated',
    async (_, policy) => {
      const page = await e2e.ext.openPage('about:blank');
      await installCspWatch(page);
      const url = policy
        ? e2e.server.route('/strict-csp/', {
            body: readFileSync(join(REPO_ROOT, 'tests/fixtures/csp-article/index.html'), 'utf8').replace(
              /<link rel="stylesheet"[^>]*>/,
              '',
            ),
            headers: { 'content-type': 'text/html; charset=utf-8', 'Content-Security-Policy': policy },
          })
        : e2e.server.fixture('csp-article');
      await page.goto(url, { waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      const expanded = await panel.expand();
      await expectOwnLook(page, expanded);
      // The panel's stylesheet applied: its bar has its own background, not the page's transparent default.
      const background = await page.evaluate(() => {
        const bar = document.querySelector('no-time-to-read')?.shadowRoot?.querySelector('.panel');
        return bar ? getComputedStyle(bar).backgroundColor : null;
      });
      expect(background).not.toMatch(/^(rgba\(0, 0, 0, 0\)|transparent)$/);
      // Only the page's own stylesheet may be refused (by the stricter policy); nothing of ours.
      const ours = (await cspViolations(page)).filter((violation) => !violation.includes('/style.css'));
      expect(ours, 'CSP violations').toEqual([]);
    },
  );
});
