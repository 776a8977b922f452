import type { Page } from 'puppeteer-core';

/**
 * Probes for the hostile-page tests (tests/e2e/hostile-*.test.ts): what the panel's shadow root contains, how
 * its parts are drawn, whether the page's main thread kept running, and how often the page saw a panel host
 * inserted. Everything is read in the page's main world, as the page itself could.
 */

/** What is inside the panel's shadow root that page text must never turn into. */
export interface ShadowInventory {
  hosts: number;
  /** Elements that load or run something: img, script, iframe, object, embed, link, base, meta, form. */
  active: string[];
  /** Elements with an inline event handler attribute (on*=). */
  withHandlers: string[];
  /** Links whose href is not "#" or http(s). */
  oddLinks: string[];
  /** The shadow root's serialized markup contains these raw tags (text serializes `<` as `&lt;`). */
  rawTags: string[];
  /** `<style>` elements whose CSS contains page text (the panel's own styles never mention `__pwned`). */
  pageStyles: number;
}

/** Lists what the first panel host's shadow root holds that a script injection would leave behind. */
export function shadowInventory(page: Page): Promise<ShadowInventory> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('no-time-to-read');
    const root = hosts[0]?.shadowRoot;
    const all = root ? Array.from(root.querySelectorAll('*')) : [];
    const describe = (el: Element): string => `<${el.tagName.toLowerCase()}>`;
    const html = root ? root.innerHTML : '';
    return {
      hosts: hosts.length,
      active: all
        .filter((el) => el.matches('img, script, iframe, object, embed, link, base, meta, form, frame'))
        .map(describe),
      withHandlers: all
        .filter((el) => Array.from(el.attributes).some((a) => /^on/i.test(a.name)))
        .map(describe),
      oddLinks: all
        .filter((el) => el.hasAttribute('href'))
        .map((el) => el.getAttribute('href') ?? '')
        .filter((href) => href !== '#' && !/^https?:/i.test(href)),
      rawTags: ['<img', '<script', '<iframe'].filter((tag) => html.toLowerCase().includes(tag)),
      pageStyles: all.filter((el) => el.localName === 'style' && /pwned/.test(el.textContent ?? '')).length,
    };
  });
}

/** How the panel's parts are drawn: computed styles inside the shadow root and the host's box. */
export interface PanelLook {
  host: { display: string; visibility: string; opacity: string; rect: Box };
  toggle: {
    display: string;
    visibility: string;
    opacity: string;
    fontSize: number;
    color: string;
    textIndent: string;
    rect: Box;
  } | null;
  points: { display: string; visibility: string; fontSize: number; color: string; rect: Box }[];
  viewport: { width: number; height: number };
}

export interface Box {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Reads the computed look of the panel's host, toggle and point links. */
export function panelLook(page: Page): Promise<PanelLook | null> {
  return page.evaluate(() => {
    const host = document.querySelector('no-time-to-read');
    const root = host?.shadowRoot;
    if (!host || !root) return null;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, left: r.left, width: r.width, height: r.height };
    };
    const hostStyle = getComputedStyle(host);
    const toggle = root.querySelector('button[aria-expanded]');
    const toggleStyle = toggle ? getComputedStyle(toggle) : null;
    return {
      host: {
        display: hostStyle.display,
        visibility: hostStyle.visibility,
        opacity: hostStyle.opacity,
        rect: box(host),
      },
      toggle:
        toggle && toggleStyle
          ? {
              display: toggleStyle.display,
              visibility: toggleStyle.visibility,
              opacity: toggleStyle.opacity,
              fontSize: parseFloat(toggleStyle.fontSize),
              color: toggleStyle.color,
              textIndent: toggleStyle.textIndent,
              rect: box(toggle),
            }
          : null,
      points: Array.from(root.querySelectorAll('[data-point]')).map((p) => {
        const item = p.closest('li') ?? p;
        const s = getComputedStyle(p);
        const itemStyle = getComputedStyle(item);
        return {
          display: itemStyle.display,
          visibility: s.visibility,
          fontSize: parseFloat(s.fontSize),
          color: s.color,
          rect: box(p),
        };
      }),
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
}

/** Whether a CSS colour is (nearly) pure red, the colour the CSS-attack pages force on everything. */
export function isRed(color: string): boolean {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(color);
  return m !== null && Number(m[1]) > 200 && Number(m[2]) < 60 && Number(m[3]) < 60;
}

/**
 * A main-world heartbeat: a 20 ms interval that records how late each tick was. A gap much longer than the
 * interval means the page's main thread was blocked (by the page, the browser, or the extension's content
 * script, which shares the thread). Installed before any page script with `evaluateOnNewDocument`.
 */
const HEARTBEAT_SOURCE = `(() => {
  const state = { last: performance.now(), gaps: [], since: performance.now() };
  Object.defineProperty(window, '__heartbeat', { value: state });
  setInterval(() => {
    const now = performance.now();
    const gap = now - state.last;
    if (gap > 100) state.gaps.push({ at: Math.round(now), gap: Math.round(gap) });
    state.last = now;
  }, 20);
  try {
    state.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ at: Math.round(e.startTime), ms: Math.round(e.duration) });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/** One gap between heartbeat ticks, in ms since the page's time origin. */
export interface Gap {
  at: number;
  gap: number;
}

/** What the heartbeat saw in a window. */
export interface Heartbeat {
  /** The longest time between two ticks (or since the last tick, if one is overdue now). */
  maxGap: number;
  gaps: Gap[];
  /** Chromium's Long Tasks (each one task that held the main thread > 50 ms): `at` and `ms`. */
  longTasks: { at: number; ms: number }[];
  /** The longest of them; null where the Long Tasks API does not exist (Firefox). */
  longestTask: number | null;
}

/** Installs the heartbeat in every document `page` loads from now on. */
export async function installHeartbeat(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(HEARTBEAT_SOURCE);
}

/** Starts a new measuring window: gaps recorded before it are forgotten. */
export function resetHeartbeat(page: Page): Promise<void> {
  return page.evaluate(() => {
    const hb = (window as unknown as { __heartbeat?: { gaps: unknown[]; longTasks?: unknown[] } })
      .__heartbeat;
    if (!hb) throw new Error('No heartbeat in this page: call installHeartbeat before navigating');
    hb.gaps.length = 0;
    if (hb.longTasks) hb.longTasks.length = 0;
  });
}

/** The gaps (> 100 ms) and, in Chromium, the long tasks (> 50 ms) since the page loaded or the last reset. */
export function readHeartbeat(page: Page): Promise<Heartbeat> {
  return page.evaluate(() => {
    const hb = (window as unknown as { __heartbeat?: { last: number; gaps: Gap[]; longTasks?: unknown[] } })
      .__heartbeat;
    if (!hb) throw new Error('No heartbeat in this page');
    // A tick still pending counts too: the thread may be blocked right now.
    const pending = performance.now() - hb.last;
    const gaps = [...hb.gaps];
    const maxGap = Math.max(0, pending > 100 ? pending : 0, ...gaps.map((g) => g.gap));
    const longTasks = (hb.longTasks ?? []) as { at: number; ms: number }[];
    return {
      maxGap: Math.round(maxGap),
      gaps,
      longTasks,
      longestTask: hb.longTasks ? Math.max(0, ...longTasks.map((t) => t.ms)) : null,
    };
    interface Gap {
      at: number;
      gap: number;
    }
  });
}

/**
 * Counts, from before any page script runs, every time a `<no-time-to-read>` host is inserted into the
 * document, and the most hosts seen at once. Read with `hostInsertions`.
 */
const HOST_COUNTER_SOURCE = `(() => {
  const state = { inserted: 0, maxAtOnce: 0 };
  Object.defineProperty(window, '__hostCounter', { value: state });
  const count = (node) => node.nodeType === 1 && (node.localName === 'no-time-to-read' ? 1 : node.getElementsByTagName('no-time-to-read').length);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) state.inserted += count(n);
    state.maxAtOnce = Math.max(state.maxAtOnce, document.getElementsByTagName('no-time-to-read').length);
  }).observe(document, { childList: true, subtree: true });
})();`;

/** Installs the host counter in every document `page` loads from now on. */
export async function installHostCounter(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(HOST_COUNTER_SOURCE);
}

/** How many hosts were inserted since the page loaded, the most present at once, and how many are there now. */
export function hostInsertions(page: Page): Promise<{ inserted: number; maxAtOnce: number; now: number }> {
  return page.evaluate(() => {
    const c = (window as unknown as { __hostCounter?: { inserted: number; maxAtOnce: number } })
      .__hostCounter;
    if (!c) throw new Error('No host counter in this page: call installHostCounter before navigating');
    return {
      inserted: c.inserted,
      maxAtOnce: c.maxAtOnce,
      now: document.getElementsByTagName('no-time-to-read').length,
    };
  });
}

/** Calls to the injection fixtures' `window.__pwned` (and `alert`), in order. */
export function pwnedCalls(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __pwnedCalls?: string[] }).__pwnedCalls ?? [])]);
}

/** The part of puppeteer's (internal, but present for CDP and BiDi alike) realm API the tests use. */
interface Realm {
  evaluate: Page['evaluate'];
  evaluateHandle: Page['evaluateHandle'];
}

/**
 * `page` with `evaluate` and `evaluateHandle` run in puppeteer's isolated world (CDP) or sandbox (BiDi) instead
 * of the page's main world, so the probes keep working on pages that overwrite built-ins such as
 * `Array.prototype.map`. Pass it to `new Panel(...)` and the probes above.
 */
export function outOfPageReach(page: Page): Page {
  const frame = page.mainFrame() as unknown as { isolatedRealm(): Realm };
  return new Proxy(page, {
    get(target, key, receiver) {
      if (key === 'evaluate' || key === 'evaluateHandle') {
        const realm = frame.isolatedRealm();
        return realm[key].bind(realm);
      }
      const value: unknown = Reflect.get(target, key, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Records every Content-Security-Policy violation the document reports, from before any page script. */
const CSP_WATCH_SOURCE = `(() => {
  const seen = [];
  Object.defineProperty(window, '__cspViolations', { value: seen });
  document.addEventListener('securitypolicyviolation', (e) =>
    seen.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '')), true);
})();`;

/** Installs the CSP violation recorder in every document `page` loads from now on. */
export async function installCspWatch(page: Page): Promise<void> {
  await page.evaluateOnNewDocument(CSP_WATCH_SOURCE);
}

/** The CSP violations the page reported since it loaded. */
export function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? ['(not watched)']),
  ]);
}
