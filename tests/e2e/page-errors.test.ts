import { describe, expect, it } from 'vitest';
import { ARTICLES, BROWSERS, NON_ARTICLES, Panel, sleep, useExtension } from './harness';

/**
 * "Never break the site": visiting every fixture, expanding the panel on articles, opening it by hand on
 * non-articles and using a web app must raise no uncaught exception (`pageerror`) in the page.
 */

describe.each(BROWSERS)('%s: no page errors', (name) => {
  const e2e = useExtension(name);

  it('raises no uncaught exception on any fixture page', async () => {
    const page = await e2e.ext.openPage('about:blank');
    for (const { slug } of ARTICLES) {
      await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
      const panel = new Panel(page);
      await panel.waitForState('collapsed');
      await panel.expand();
      await panel.clickPoint(0);
      await sleep(300);
    }
    for (const slug of NON_ARTICLES) {
      await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
      const popup = await e2e.ext.openPopup(page);
      await popup.waitForReady();
      await popup.clickToggle();
      await sleep(1_500);
    }
    // Use the web app while the extension is loaded.
    await page.goto(e2e.server.fixture('todo-app'), { waitUntil: 'load' });
    await page.type('#task-input', 'Water the plants');
    await page.keyboard.press('Enter');
    await page.click('#tasks input[type=checkbox]');
    await sleep(2_500);
    expect(await page.evaluate(() => document.querySelectorAll('#tasks li').length)).toBe(6);

    expect(e2e.ext.pageErrors, `console errors: ${JSON.stringify(e2e.ext.consoleErrors)}`).toEqual([]);
  });
});
