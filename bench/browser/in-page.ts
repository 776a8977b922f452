/**
 * Scripts evaluated inside the page. They are plain JavaScript strings rather than functions: tsx compiles
 * functions with esbuild's keepNames, which wraps inner functions in a `__name` helper the page does not have.
 * Everything the page stores lives under one window key, out of the way of the page's own globals.
 */

/** The panel's shadow host (the extension's automation contract, see lib/panel/controller.tsx). */
export const PANEL_TAG = 'no-time-to-read';
/** User-timing marks, so the trace can be cut at the click and at the painted summary. */
export const CLICK_MARK = 'ntr-bench:click';
export const PAINTED_MARK = 'ntr-bench:painted';

/** Installed before any page script: collects every long task (> 50 ms) the page's event loop runs. */
export const LONG_TASK_RECORDER = `
  window.__ntrBench = { longTasks: [] };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__ntrBench.longTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });
`;

/** Long tasks seen so far, as [startTime, duration] in ms on the page's performance clock. */
export const READ_LONG_TASKS = `(window.__ntrBench && window.__ntrBench.longTasks) || []`;

/** Resolves after the page's idle callback (queued after the content script's own) and two frames. */
export const AFTER_IDLE = `new Promise((resolve) =>
  requestIdleCallback(() => requestAnimationFrame(() => requestAnimationFrame(() => resolve(true))), { timeout: 2000 }))`;

/**
 * Arms the toggle→painted probe on the panel host. The start is the click event's own timestamp, as the Event
 * Timing API (and so INP) times a click: the time the browser took to deliver the press and the release before it
 * (about 3 ms in Chromium over CDP, 14 ms in Firefox over WebDriver BiDi) is the driver's, and the cold case,
 * timed from just before its DOM click, does not count it either. The bar does nothing on pointerdown or pointerup,
 * only on pointerenter and focus (the intent) and on the click. The end is taken after the first frame rendered once data-state is expanded (or error):
 * a requestAnimationFrame callback runs just before that frame's style, layout and paint, and a message
 * posted from it is handled right after them, so it marks the frame as painted on the main thread.
 * Returns the centre of the toggle button (scrolled into view) in viewport coordinates.
 */
export const ARM_EXPAND_PROBE = `(() => {
  const host = document.querySelector('${PANEL_TAG}');
  const button = host && host.shadowRoot && host.shadowRoot.querySelector('button.toggle');
  if (!button) return null;
  const r = { t0: null, tLoading: null, tEnd: null, state: null, points: 0, note: null };
  window.__ntrBench.start = (t) => { if (r.t0 === null) { r.t0 = t; performance.mark('${CLICK_MARK}'); } };
  addEventListener('click', (e) => window.__ntrBench.start(e.timeStamp), { capture: true, once: true });
  window.__ntrBench.expanded = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const s = host.dataset.state;
      if (s === 'loading' && r.tLoading === null) r.tLoading = performance.now();
      if (s !== 'expanded' && s !== 'error') return;
      observer.disconnect();
      r.state = s;
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          r.tEnd = performance.now();
          performance.mark('${PAINTED_MARK}');
          r.points = host.shadowRoot.querySelectorAll('[data-point]').length;
          const note = host.shadowRoot.querySelector('.note');
          r.note = note ? note.textContent : null;
          resolve(r);
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(host, { attributes: true, attributeFilter: ['data-state'] });
  });
  button.scrollIntoView({ block: 'center' });
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
    const box = button.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    // A real mouse click only reaches the button if nothing of the page's covers it there.
    resolve({ x, y, clickable: document.elementFromPoint(x, y) === host });
  })));
})()`;

/**
 * A DOM click on the toggle, timed from just before it: no pointer ever hovers or focuses the button, so
 * nothing the extension prepares on hover or focus has started (the cold case).
 */
export const CLICK_DIRECTLY = `(() => {
  window.__ntrBench.start(performance.now());
  document.querySelector('${PANEL_TAG}').shadowRoot.querySelector('button.toggle').click();
})()`;

/** The probe's result once the summary (or the error) has painted. */
export const AWAIT_EXPANDED = `window.__ntrBench.expanded`;

/** Collapses the panel again and resolves once it says so and a frame has passed. */
export const COLLAPSE = `new Promise((resolve) => {
  const host = document.querySelector('${PANEL_TAG}');
  host.shadowRoot.querySelector('button.toggle').click();
  const check = () => host.dataset.state === 'collapsed'
    ? requestAnimationFrame(() => resolve(true)) : setTimeout(check, 10);
  check();
})`;

/** Whether the panel is on the page and in which state. */
export const PANEL_STATE = `(() => { const h = document.querySelector('${PANEL_TAG}'); return h ? h.dataset.state || '' : null; })()`;

/**
 * Times `new Readability(document.cloneNode(true)).parse()` `runs` times in an isolated world (where the
 * extension runs too), separating the clone from the parse. Needs `globalThis.__ntrReadability`.
 */
export function timeReadability(runs: number): string {
  return `(() => {
    const out = [];
    for (let i = 0; i < ${runs}; i++) {
      const t0 = performance.now();
      const clone = document.cloneNode(true);
      const t1 = performance.now();
      const article = new globalThis.__ntrReadability(clone).parse();
      out.push({ clone: t1 - t0, parse: performance.now() - t1, found: !!article });
    }
    return out;
  })()`;
}
