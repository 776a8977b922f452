import type { Page } from 'puppeteer-core';
import { poll } from './wait';

/** What a test reads of the link preview card (`<no-time-to-read-preview>`, open shadow root). */
export interface PreviewSnapshot {
  state: string | null;
  title: string;
  site: string;
  points: string[];
  /** The points' links (text fragment URLs). */
  hrefs: string[];
  message: string;
  note: string;
  /** The card's and the link's boxes, in viewport coordinates, and the viewport's size. */
  card: { left: number; top: number; right: number; bottom: number } | null;
  link: { left: number; top: number; right: number; bottom: number } | null;
  viewport: { width: number; height: number };
  /** The element focused inside the card's shadow root, if any (its tag). */
  focusedInside: string | null;
}

/** The page object of the link preview card. */
export class Preview {
  constructor(private readonly page: Page) {}

  /** Reads the card (state null: no card on the page). `link` names the link it should sit beside. */
  snapshot(link?: string): Promise<PreviewSnapshot> {
    return this.page.evaluate((linkSelector) => {
      const host = document.querySelector('no-time-to-read-preview');
      const root = host?.shadowRoot ?? null;
      const box = (el: Element | null | undefined) => {
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      };
      const text = (sel: string) => root?.querySelector(sel)?.textContent?.trim() ?? '';
      const points = Array.from(root?.querySelectorAll('[data-point]') ?? []);
      return {
        state: host?.getAttribute('data-state') ?? null,
        title: text('.title'),
        site: text('.site'),
        points: points.map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim()),
        hrefs: points.map((p) => p.getAttribute('href') ?? ''),
        message: text('.message'),
        note: text('.note'),
        card: box(root?.querySelector('.card')),
        link: box(linkSelector ? document.querySelector(linkSelector) : null),
        viewport: {
          width: document.documentElement.clientWidth,
          height: document.documentElement.clientHeight,
        },
        focusedInside: root?.activeElement?.localName ?? null,
      };
    }, link ?? '');
  }

  /** Points at the link and presses Shift+Alt, as a person does (trusted input). */
  async pointAndPress(selector: string): Promise<void> {
    // A tab in the background (the welcome page opens on install) gets no hover from the mouse.
    await this.page.bringToFront();
    await this.page.evaluate(
      (sel) => document.querySelector(sel)?.scrollIntoView({ block: 'center' }),
      selector,
    );
    const box = await this.page.evaluate((sel) => {
      // The first line's box: a link that wraps has gaps between its lines, where the pointer is not on it.
      const r = document.querySelector(sel)!.getClientRects()[0]!;
      return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
    }, selector);
    await this.page.mouse.move(box.x, box.y);
    await this.pressShiftAlt();
  }

  async pressShiftAlt(): Promise<void> {
    await this.page.keyboard.down('Shift');
    await this.page.keyboard.down('Alt');
    await this.page.keyboard.up('Alt');
    await this.page.keyboard.up('Shift');
  }

  /** Waits for the card to leave `loading` and returns it. */
  async settled(link?: string, timeout = 10_000): Promise<PreviewSnapshot> {
    return poll(
      'the preview card to settle',
      async () => {
        const shot = await this.snapshot(link);
        return shot.state && shot.state !== 'loading' ? shot : null;
      },
      { timeout },
      async () => JSON.stringify(await this.snapshot(link)),
    );
  }

  /** Closes the card with Esc and waits for it to go. */
  async close(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await poll('the card to close', async () => (await this.snapshot()).state === null);
  }
}
