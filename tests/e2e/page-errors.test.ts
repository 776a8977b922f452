import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, sleep, useExtension } from './harness';

/**
 * "Never break the site." Every test file already fails if any page it opened threw an uncaught exception
 * (see `useExtension`); this file adds what the others do not: opening the panel by hand on pages that are
 * not articles (the error path) and using a web app while the extension runs.
 */

describe.each(BROWSERS)('%s: no page errors', (name) => {
  const e2e = useExtension(name);

  it('opening the panel by hand on non-articles and using a web app raise no page error', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('search-results'));
    let popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    await new Panel(page).waitForHost(15_000);

    await page.goto(e2e.server.fixture('todo-app'), { waitUntil: 'load' });
    popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.clickToggle();
    await new Panel(page).waitForHost(15_000);
    await page.type('#task-input', 'Water the plants');
    await page.keyboard.press('Enter');
    await page.click('#tasks input[type=checkbox]');
    await sleep(1_000);
    expect(await page.evaluate(() => document.querySelectorAll('#tasks li').length)).toBe(6);
    expect(await page.evaluate(() => document.getElementById('count')?.textContent)).toBe('4 left');

    expect(e2e.ext.pageErrors, `console errors: ${JSON.stringify(e2e.ext.consoleErrors)}`).toEqual([]);
  });
});
