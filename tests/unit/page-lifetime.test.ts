import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { answerInTab, onTabMessages } from '@/lib/messaging';
import { scriptLifetime } from '@/lib/page/lifetime';

/**
 * The always-on script's lifetime and its answers to the popup, without WXT's context object or a message
 * listener (lib/page/lifetime.ts, `onTabMessages` in lib/messaging.ts).
 */

const envelope = (type: string, data?: unknown) => ({ protocol: 'no-time-to-read', type, data });

afterEach(() => fakeBrowser.reset());

describe("a content script copy's lifetime", () => {
  it('is valid while the extension lives, and ends when a newer copy starts in the same world', () => {
    const older = scriptLifetime();
    const ended: string[] = [];
    older.onInvalidated(() => ended.push('older'));
    expect(older.isValid).toBe(true);

    const newer = scriptLifetime();
    expect(older.isValid).toBe(false);
    expect(ended).toEqual(['older']);
    expect(newer.isValid).toBe(true);
  });

  it('ends once the extension API has no id (an orphaned copy after a reload or update)', () => {
    const lifetime = scriptLifetime();
    let ended = false;
    lifetime.onInvalidated(() => (ended = true));
    const id = fakeBrowser.runtime.id;
    try {
      Object.assign(fakeBrowser.runtime, { id: undefined });
      expect(lifetime.isValid).toBe(false);
      expect(ended).toBe(true);
    } finally {
      Object.assign(fakeBrowser.runtime, { id });
    }
  });

  it('removes the listeners added through it when it ends, and calls back no more once ended', () => {
    const lifetime = scriptLifetime();
    const target = new EventTarget();
    let heard = 0;
    lifetime.addEventListener(target, 'ping', () => heard++, { capture: true });
    let ended = 0;
    const cancelled = lifetime.onInvalidated(() => ended++);
    lifetime.onInvalidated(() => ended++);
    cancelled();
    target.dispatchEvent(new Event('ping'));
    lifetime.end();
    lifetime.end();
    target.dispatchEvent(new Event('ping'));
    lifetime.onInvalidated(() => ended++);
    expect(heard).toBe(1);
    expect(ended).toBe(1);
    expect(lifetime.isValid).toBe(false);
  });
});

describe('a tab answering the popup without a message listener', () => {
  it.each([
    [
      'a known message',
      envelope('getPageStatus'),
      { ok: true, value: { kind: 'no-article', panel: 'hidden' } },
    ],
    ['a failing handler', envelope('togglePanel'), { ok: false, error: 'no panel here' }],
  ])('answers %s with its reply', async (_, message, expected) => {
    const remove = onTabMessages(
      {
        getPageStatus: () => ({ kind: 'no-article', panel: 'hidden' }),
        togglePanel: () => {
          throw new Error('no panel here');
        },
        previewLink: () => undefined,
      },
      () => true,
    );
    try {
      expect(await answerInTab(message)).toEqual(expected);
    } finally {
      remove();
    }
  });

  it.each([
    ['a message of no protocol of ours', { type: 'getPageStatus' }],
    ['an unknown message', envelope('dropTables')],
  ])('answers nothing to %s', async (_, message) => {
    const remove = onTabMessages(
      {
        getPageStatus: () => ({ kind: 'no-article', panel: 'hidden' }),
        togglePanel: () => ({ kind: 'no-article', panel: 'hidden' }),
        previewLink: () => undefined,
      },
      () => true,
    );
    try {
      expect(await answerInTab(message)).toBeNull();
    } finally {
      remove();
    }
  });

  it('answers nothing once its copy is no longer valid, or removed, so the popup injects a new one', () => {
    let valid = true;
    const remove = onTabMessages(
      {
        getPageStatus: () => ({ kind: 'no-article', panel: 'hidden' }),
        togglePanel: () => ({ kind: 'no-article', panel: 'hidden' }),
        previewLink: () => undefined,
      },
      () => valid,
    );
    valid = false;
    expect(answerInTab(envelope('getPageStatus'))).toBeNull();
    remove();
    valid = true;
    expect(answerInTab(envelope('getPageStatus'))).toBeNull();
  });
});
