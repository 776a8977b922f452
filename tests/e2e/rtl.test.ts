import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, Panel, useExtension } from './harness';

/** "Pages in any language and script, including right-to-left: the panel follows the article's direction." */

describe.each(BROWSERS)('%s: the panel follows the article direction', (name) => {
  const e2e = useExtension(name);
  let page: Page;

  beforeAll(async () => {
    page = await e2e.ext.openPage('about:blank');
  });

  it('is right-to-left on an Arabic article (dir="rtl" on the host or its root)', async () => {
    await page.goto(e2e.server.fixture('arabic-rtl-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const collapsed = await panel.snapshot();
    expect(collapsed.dir, `panel: ${JSON.stringify(collapsed)}`).toBe('rtl');
    const expanded = await panel.expand();
    expect(expanded.dir).toBe('rtl');
    expect(expanded.computedDirection).toBe('rtl');
  });

  it.each(['plain-article', 'russian-article'])('is left-to-right on %s', async (slug) => {
    await page.goto(e2e.server.fixture(slug), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    const seen = await panel.snapshot();
    expect(seen.computedDirection, `panel: ${JSON.stringify(seen)}`).toBe('ltr');
    expect(seen.dir ?? 'ltr').not.toBe('rtl');
  });
});
