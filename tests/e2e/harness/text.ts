import type { Page } from 'puppeteer-core';

/** Reading the page's own text, to check that summary points are verbatim sentences of the article. */

/** Collapses whitespace (including no-break spaces) to single spaces. */
export function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The page's rendered text (`document.body.innerText`, normalized) without the panel: the host is hidden
 * for the read and restored at once, so points are never "found" in the panel itself.
 */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const hosts = Array.from(document.querySelectorAll<HTMLElement>('no-time-to-read'));
    const saved = hosts.map((h) => h.style.getPropertyValue('display'));
    const savedPriority = hosts.map((h) => h.style.getPropertyPriority('display'));
    hosts.forEach((h) => h.style.setProperty('display', 'none', 'important'));
    const text = document.body.innerText;
    hosts.forEach((h, i) => h.style.setProperty('display', saved[i] ?? '', savedPriority[i] ?? ''));
    return text.replace(/\s+/g, ' ').trim();
  });
}

/** Points that are not found verbatim in `text` (both normalized). */
export function pointsNotInText(points: string[], text: string): string[] {
  return points.filter((p) => !text.includes(normalize(p)));
}

/** Where a sentence of the page is, in viewport coordinates, or null if it cannot be found. */
export interface SentenceBox {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Finds `sentence` in the page's light DOM text (across inline elements) and returns its bounding box.
 * Matching is on whitespace-normalized text, so line breaks and indentation in the source do not matter.
 */
export function sentenceBox(page: Page, sentence: string): Promise<SentenceBox | null> {
  return page.evaluate((wanted: string) => {
    const target = wanted.replace(/\s+/g, ' ').trim();
    const chars: Array<[Text, number]> = [];
    let flat = '';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (n) =>
        n.parentElement?.closest('script,style,noscript,template,no-time-to-read,no-time-to-read-highlight')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const data = n.data;
      for (let i = 0; i < data.length; i++) {
        const c = /\s/.test(data[i]!) ? ' ' : data[i]!;
        if (c === ' ' && (flat.endsWith(' ') || flat === '')) continue;
        flat += c;
        chars.push([n, i]);
      }
    }
    const at = flat.indexOf(target);
    if (at < 0) return null;
    const [startNode, startOffset] = chars[at]!;
    const [endNode, endOffset] = chars[at + target.length - 1]!;
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, Math.min(endOffset + 1, endNode.data.length));
    const r = range.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  }, sentence);
}
