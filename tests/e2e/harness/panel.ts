import type { ElementHandle, Page } from 'puppeteer-core';
import { poll, sleep } from './wait';

/**
 * Page object for the summary panel, read through its open shadow root, by the automation contract only:
 * host `no-time-to-read[data-state]`, toggle `button[aria-expanded]` whose text starts with
 * "No time to read?" (read without its aria-hidden decorations, as assistive technology reads it), points `[data-point]`, highlight `no-time-to-read-highlight`.
 */

export type PanelState = 'collapsed' | 'loading' | 'expanded' | 'error';

/** Everything the tests can see of the panel at one moment: also the evidence in failure messages. */
export interface PanelSnapshot {
  present: boolean;
  hosts: number;
  state: string | null;
  ariaExpanded: string | null;
  /** The toggle's text without its aria-hidden decorations (what a screen reader says). */
  toggleText: string | null;
  /** The toggle's full textContent, decorations included. */
  toggleRawText: string | null;
  theme: string | null;
  /** `dir` of the host, or of the first element in its shadow root that has one, or the computed direction. */
  dir: string | null;
  computedDirection: string | null;
  points: string[];
  /** The panel's whole visible text (shadow root), normalized, cut to 300 characters. */
  text: string;
}

/** How long the always-on script may take after load (idle callback, up to 2 s) plus the panel's own load. */
export const APPEAR_TIMEOUT = 10_000;

export class Panel {
  constructor(readonly page: Page) {}

  /** Reads the panel in the page. */
  snapshot(): Promise<PanelSnapshot> {
    return this.page.evaluate(() => {
      const norm = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();
      // The button's text as read out: decorative parts marked aria-hidden are not part of it.
      const spoken = (el: Element): string => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
        return norm(copy.textContent);
      };
      const hosts = document.querySelectorAll('no-time-to-read');
      const host = hosts[0];
      const root = host?.shadowRoot ?? null;
      if (!host) {
        return {
          present: false,
          hosts: 0,
          state: null,
          ariaExpanded: null,
          toggleText: null,
          toggleRawText: null,
          theme: null,
          dir: null,
          computedDirection: null,
          points: [],
          text: '',
        };
      }
      const toggle = root
        ? Array.from(root.querySelectorAll('button[aria-expanded]')).find((b) =>
            spoken(b).startsWith('No time to read?'),
          )
        : undefined;
      // The panel's words, without the CSS of its <style> elements.
      const textWithoutStyles = (el: Element): string => {
        const copy = el.cloneNode(true) as Element;
        copy.querySelectorAll('style, script').forEach((n) => n.remove());
        return copy.tagName === 'STYLE' || copy.tagName === 'HEAD' ? '' : (copy.textContent ?? '');
      };
      const dirEl = host.getAttribute('dir') ? host : root?.querySelector('[dir]');
      const firstEl = root?.firstElementChild ?? host;
      return {
        present: true,
        hosts: hosts.length,
        state: host.getAttribute('data-state'),
        ariaExpanded: toggle?.getAttribute('aria-expanded') ?? null,
        toggleText: toggle ? spoken(toggle) : null,
        toggleRawText: toggle ? norm(toggle.textContent) : null,
        theme: host.getAttribute('data-theme'),
        dir: dirEl?.getAttribute('dir') ?? null,
        computedDirection: getComputedStyle(firstEl).direction,
        points: root ? Array.from(root.querySelectorAll('[data-point]')).map((p) => norm(p.textContent)) : [],
        text: root ? norm(Array.from(root.children).map(textWithoutStyles).join(' ')).slice(0, 300) : '',
      };
    });
  }

  /** A one-line description of the panel for failure messages. */
  async describe(): Promise<string> {
    return JSON.stringify(await this.snapshot());
  }

  async isPresent(): Promise<boolean> {
    return (await this.snapshot()).present;
  }

  /** Waits until the host is on the page and returns its state. */
  async waitForHost(timeout = APPEAR_TIMEOUT): Promise<string | null> {
    const snap = await poll(
      'the panel host <no-time-to-read>',
      async () => {
        const s = await this.snapshot();
        return s.present && s.state ? s : null;
      },
      { timeout },
      () => this.describe(),
    );
    return snap.state;
  }

  /** Waits for `state` (e.g. after a click: `loading` comes first). */
  async waitForState(state: PanelState, timeout = APPEAR_TIMEOUT): Promise<PanelSnapshot> {
    return poll(
      `panel data-state="${state}"`,
      async () => {
        const s = await this.snapshot();
        return s.state === state ? s : null;
      },
      { timeout },
      () => this.describe(),
    );
  }

  /** Waits for the panel to stay absent for `ms` (it must not appear on non-article pages). */
  async staysAbsent(ms: number): Promise<boolean> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if (await this.isPresent()) return false;
      await sleep(200);
    }
    return true;
  }

  /** The toggle button, as a handle a real mouse click can reach. */
  async toggleHandle(): Promise<ElementHandle<Element>> {
    const handle = await this.page.evaluateHandle(() => {
      const root = document.querySelector('no-time-to-read')?.shadowRoot;
      return (
        Array.from(root?.querySelectorAll('button[aria-expanded]') ?? []).find((b) => {
          const copy = b.cloneNode(true) as Element;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((n) => n.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith('No time to read?');
        }) ?? null
      );
    });
    const element = handle.asElement();
    if (!element) throw new Error(`No toggle button in the panel. Seen: ${await this.describe()}`);
    return element as ElementHandle<Element>;
  }

  /** Clicks the toggle as a user would. */
  async clickToggle(): Promise<void> {
    const toggle = await this.toggleHandle();
    // Mouse input only reaches the tab in front (the popup, or another test page, may have taken it).
    await this.page.bringToFront();
    await toggle.scrollIntoView().catch(() => undefined);
    await holdStill(toggle);
    await toggle.click();
  }

  /** Clicks the toggle and waits for the expanded state with its points. */
  async expand(timeout = 20_000): Promise<PanelSnapshot> {
    const before = await this.snapshot();
    if (before.state !== 'expanded') await this.clickToggle();
    return poll(
      'the panel to expand with points',
      async () => {
        const s = await this.snapshot();
        return s.state === 'expanded' && s.points.length > 0
          ? s
          : s.state === 'error'
            ? Promise.reject(new Error(`panel in error state: ${JSON.stringify(s)}`))
            : null;
      },
      { timeout },
      () => this.describe(),
    );
  }

  /** Clicks the toggle and waits for the collapsed state. */
  async collapse(): Promise<PanelSnapshot> {
    await this.clickToggle();
    return this.waitForState('collapsed');
  }

  /** Clicks the panel's secondary action under a message: “Use the on-device summary instead”, “Try again”. */
  async clickSecondary(): Promise<void> {
    await this.page.evaluate(() =>
      (
        document
          .querySelector('no-time-to-read')
          ?.shadowRoot?.querySelector('button.secondary') as HTMLElement
      ).click(),
    );
  }

  /** Clicks the point at `index`. */
  async clickPoint(index: number): Promise<void> {
    const handle = await this.page.evaluateHandle((i: number) => {
      const root = document.querySelector('no-time-to-read')?.shadowRoot;
      return root?.querySelectorAll('[data-point]')[i] ?? null;
    }, index);
    const element = handle.asElement() as ElementHandle<Element> | null;
    if (!element) throw new Error(`No point #${index} in the panel. Seen: ${await this.describe()}`);
    await this.page.bringToFront();
    await element.scrollIntoView().catch(() => undefined);
    await holdStill(element);
    await element.click();
  }
}

/**
 * Waits until `element` stays put on screen (three reads 50 ms apart agree, or 3 s pass). A point's smooth
 * scroll may still be running when the next click comes, and a click aimed at a moving button misses it.
 */
async function holdStill(element: ElementHandle<Element>): Promise<void> {
  await element.evaluate(async (el) => {
    const deadline = Date.now() + 3_000;
    let last = '';
    for (let same = 0; same < 2 && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const box = el.getBoundingClientRect();
      const at = `${box.left},${box.top}`;
      same = at === last ? same + 1 : 0;
      last = at;
    }
  });
}
