import { describe, expect, it } from 'vitest';
import { BROWSERS, Panel, useExtension } from './harness';

/**
 * User path 4, second half: settings survive a browser restart (same profile).
 * Firefox loads the build as a temporary add-on, which is uninstalled at shutdown; the harness reinstalls it
 * at relaunch with `extensions.webextensions.keepStorageOnUninstall` and a fixed moz-extension UUID, which
 * is what a permanently installed add-on gets for free.
 */

describe.each(BROWSERS)('%s: settings after a restart', (name) => {
  const e2e = useExtension(name);

  it('keeps theme, length and start-expanded across a browser restart', async () => {
    const page = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    await new Panel(page).waitForHost();
    const popup = await e2e.ext.openPopup(page);
    await popup.waitForReady();
    await popup.setSetting('theme', 'dark');
    await popup.setSetting('length', 'short');
    await popup.setSetting('startExpanded', true);

    await e2e.ext.restart();

    const after = await e2e.ext.openPage(e2e.server.fixture('plain-article'));
    const panel = new Panel(after);
    const seen = await panel.waitForState('expanded', 20_000);
    expect(seen.theme, JSON.stringify(seen)).toBe('dark');
    const again = await e2e.ext.openPopup(after);
    await again.waitForReady();
    expect(await again.getSetting('theme')).toBe('dark');
    expect(await again.getSetting('length')).toBe('short');
    expect(await again.getSetting('startExpanded')).toBe(true);
  });
});
