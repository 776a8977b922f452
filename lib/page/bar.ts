import { t } from '@/lib/i18n';

/**
 * The slim "No time to read? Get a summary" bar, drawn with plain DOM by the always-on script so that an
 * article page pays for a few elements, not for the panel script. The panel script, loaded when the user
 * reaches for the bar, renders the summary into the bar's body.
 */

/** The bar's custom element name: part of the automation contract. */
export const BAR_TAG = 'no-time-to-read';
const BODY_ID = 'no-time-to-read-body';
const SVG = 'http://www.w3.org/2000/svg';

/** What the bar shows; the host's `data-state` attribute mirrors it. */
export type BarState = 'collapsed' | 'loading' | 'expanded' | 'error';

export interface BarOptions {
  /** The bar goes just before this element (the article's first paragraph); null: a floating card. */
  anchor: Element | null;
  theme: 'light' | 'dark';
  /** The bar's styles (bar.css); the panel script adds its own with `addStyle`. */
  css: string;
  onToggle: () => void;
  /** The pointer is on the toggle, or it has focus: the user may click soon. */
  onIntent: () => void;
  /** × was pressed (or the panel asked to close the bar). */
  onClose: () => void;
}

export interface Bar {
  readonly host: HTMLElement;
  /** Where the panel renders the summary; hidden while collapsed. */
  readonly body: HTMLElement;
  readonly shadow: ShadowRoot;
  state(): BarState;
  setState(state: BarState): void;
  setTheme(theme: 'light' | 'dark'): void;
  /** Adds a style sheet to the bar's shadow root, once per distinct text. */
  addStyle(css: string): void;
  /** Runs the close handler: the bar goes away. */
  close(): void;
  /** Takes the bar off the page. */
  remove(): void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) el.setAttribute(name, value);
  el.append(...children);
  return el;
}

/** A decorative inline SVG, hidden from assistive technology; `shapes` are [tag, attributes] pairs. */
function icon(
  doc: Document,
  cls: string,
  viewBox: string,
  shapes: [string, Record<string, string>][],
): SVGElement {
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('class', cls);
  svg.setAttribute('viewBox', viewBox);
  svg.setAttribute('aria-hidden', 'true');
  for (const [tag, attributes] of shapes) {
    const shape = doc.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) shape.setAttribute(name, value);
    svg.append(shape);
  }
  return svg;
}

/** The extension's icon: three lines of text getting shorter. */
function mark(doc: Document): SVGElement {
  const line = (y: number, width: number, cls: string): [string, Record<string, string>] => [
    'rect',
    { x: '28', y: String(y), width: String(width), height: '10', rx: '5', class: cls },
  ];
  return icon(doc, 'mark', '0 0 128 128', [
    ['rect', { x: '4', y: '4', width: '120', height: '120', rx: '28', class: 'mark-bg' }],
    line(34, 72, 'mark-line'),
    line(59, 56, 'mark-line'),
    line(84, 38, 'mark-last'),
  ]);
}

/**
 * Puts the bar on the page: before `anchor` when it is a visible paragraph, else as a floating card on
 * <html> (not <body>: a transform on body would capture `position: fixed`). The host takes the direction
 * and language of the text it sits above until the panel knows the article's.
 */
export function mountBar(doc: Document, win: Window, options: BarOptions): Bar {
  const { anchor } = options;
  const inline = anchor?.isConnected && anchor.parentElement && anchor.getClientRects().length > 0;
  const host = doc.createElement(BAR_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  const styles = new Set<string>();
  const addStyle = (css: string): void => {
    if (styles.has(css)) return;
    styles.add(css);
    const style = doc.createElement('style');
    // Set as textContent, which Firefox credits to the extension: a page's CSP does not block it then.
    style.textContent = css;
    shadow.append(style);
  };
  addStyle(options.css);

  const label = element(doc, 'strong');
  const toggle = element(
    doc,
    'button',
    { type: 'button', class: 'toggle', 'aria-expanded': 'false', 'aria-controls': BODY_ID },
    mark(doc),
    element(doc, 'span', {}, `${t('toggleLead')} `, label),
    icon(doc, 'chevron', '0 0 16 16', [['path', { d: 'M3 6l5 5 5-5' }]]),
  );
  const close = element(
    doc,
    'button',
    { type: 'button', class: 'close', 'aria-label': t('closeLabel'), title: t('closeTitle') },
    icon(doc, 'cross', '0 0 16 16', [['path', { d: 'M3 3l10 10M13 3L3 13' }]]),
  );
  const body = element(doc, 'div', { class: 'body', id: BODY_ID, hidden: '' });
  // The bar's own words are in the interface language; the host carries the article's `lang` and `dir`.
  shadow.append(
    element(
      doc,
      'section',
      { class: 'panel', 'aria-label': t('panelLabel'), lang: t('uiLanguage') },
      element(doc, 'div', { class: 'bar' }, toggle, close),
      body,
    ),
  );
  toggle.addEventListener('click', options.onToggle);
  toggle.addEventListener('pointerenter', options.onIntent);
  toggle.addEventListener('focus', options.onIntent);
  close.addEventListener('click', options.onClose);

  let state: BarState = 'collapsed';
  const bar: Bar = {
    host,
    body,
    shadow,
    state: () => state,
    setState(next) {
      state = next;
      const open = next !== 'collapsed';
      host.dataset.state = next;
      toggle.setAttribute('aria-expanded', String(open));
      label.textContent = t(open ? 'toggleHide' : 'toggleGet');
      body.hidden = !open;
    },
    setTheme: (theme) => void (host.dataset.theme = theme),
    addStyle,
    close: options.onClose,
    remove: () => host.remove(),
  };
  bar.setState('collapsed');
  bar.setTheme(options.theme);

  host.dataset.placement = inline ? 'inline' : 'floating';
  const text = inline ? anchor : (doc.body ?? doc.documentElement);
  host.setAttribute('dir', win.getComputedStyle(text).direction === 'rtl' ? 'rtl' : 'ltr');
  const lang = text.closest('[lang]')?.getAttribute('lang');
  if (lang) host.setAttribute('lang', lang);
  if (inline) anchor.before(host);
  else doc.documentElement.append(host);
  return bar;
}
