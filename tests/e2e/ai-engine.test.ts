import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_POINTS,
  SCRIPTED_MODELS,
  startOpenAIServer,
  type OpenAIServer,
} from '../support/openai-server';
import { Panel, poll, useExtension } from './harness';

/**
 * Issue 5, end to end in Chromium: the popup is set up through its UI for an OpenAI-compatible server (a real
 * HTTP server started here), and the panel streams the server's answer as AI-generated points. A wrong key
 * gives a clear error with a one-click way back to the on-device summary.
 */

const API_KEY = 'sk-test-0123456789abcdef';

describe('chromium: an OpenAI-compatible server writes the summary', () => {
  const e2e = useExtension('chromium');
  let server: OpenAIServer;
  let page: Page;

  beforeAll(async () => {
    server = await startOpenAIServer({ apiKey: API_KEY, allowOrigins: [e2e.ext.extensionOrigin] });
    page = await e2e.ext.openPage('about:blank');
  });
  afterAll(() => server?.close());

  async function setUpServer(model: string, key: string): Promise<void> {
    const popup = await e2e.ext.openPopup(page);
    await popup.page.waitForSelector('select[name="engine"]');
    await popup.page.select('select[name="engine"]', 'openai');
    await popup.page.waitForSelector('input[name="baseUrl"]');
    const fill = async (name: string, value: string) => {
      await popup.page.$eval(`input[name="${name}"]`, (el) => ((el as HTMLInputElement).value = ''));
      await popup.page.type(`input[name="${name}"]`, value);
    };
    await fill('baseUrl', server.baseUrl);
    await fill('model', model);
    await fill('apiKey', key);
    await popup.page.click('#test-connection');
    const status = await poll('the connection test to answer', async () => {
      const text = await popup.page.$eval('.connection', (el) => el.textContent ?? '');
      return /Connected|key|error/i.test(text) ? text : null;
    });
    if (key === API_KEY) expect(status).toMatch(/Connected/);
    await popup.page.click('#save-server');
    await popup.waitForText('Server saved');
  }

  it('streams the points into the panel, marked as AI-generated, sending the key only to the server', async () => {
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await setUpServer(SCRIPTED_MODELS.stream, API_KEY);

    await panel.clickToggle();
    const expanded = await poll('all points of the server to arrive', async () => {
      const s = await panel.snapshot();
      return s?.state === 'expanded' && s.points.length === DEFAULT_POINTS.length ? s : null;
    });
    expect(expanded.points).toEqual(DEFAULT_POINTS);
    const label = await page.evaluate(
      () =>
        document.querySelector('no-time-to-read')?.shadowRoot?.querySelector('.ai-label')?.textContent ?? '',
    );
    expect(label).toContain('AI-generated');

    const completion = server.requests.find((r) => r.path.endsWith('/chat/completions'));
    expect(completion?.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(completion?.body).not.toContain(API_KEY);
    expect(completion?.body).toContain('Library');
  });

  it('explains a wrong key and offers the on-device summary instead', async () => {
    await setUpServer(SCRIPTED_MODELS.stream, 'sk-wrong-key-0000');
    await page.goto(e2e.server.fixture('plain-article'), { waitUntil: 'load' });
    const panel = new Panel(page);
    await panel.waitForState('collapsed');
    await panel.clickToggle();
    const failed = await panel.waitForState('error', 20_000);
    expect(failed.text).toMatch(/API key/i);
    expect(failed.text).not.toContain('sk-wrong-key-0000');

    await panel.clickSecondary();
    const onDevice = await panel.waitForState('expanded', 20_000);
    expect(onDevice.points.length).toBeGreaterThanOrEqual(3);
  });
});
