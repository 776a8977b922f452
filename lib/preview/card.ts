import { t, uiLocale, type MessageKey } from '../i18n';
import { textFragmentUrl } from './textFragment';
import type { PreviewResult, PreviewState } from './types';

/** The card's custom element name: part of the automation contract. */
export const PREVIEW_TAG = 'no-time-to-read-preview';

/** The card on the page: its host and what it can be told. */
export interface Card {
  readonly host: HTMLElement;
  /** The card's focusable region, which takes focus when the preview was asked for by keyboard. */
  readonly region: HTMLElement;
  show(result: PreviewResult | null): void;
  setTheme(theme: 'light' | 'dark'): void;
}

const NOT_HTML: Record<Extract<PreviewResult, { kind: 'not-html' }>['what'], MessageKey> = {
  pdf: 'previewPdf',
  image: 'previewImage',
  video: 'previewVideo',
  audio: 'previewAudio',
  other: 'previewFile',
};
const ERRORS: Record<
  Exclude<Extract<PreviewResult, { kind: 'error' }>['reason'], 'http-error'>,
  MessageKey
> = {
  timeout: 'previewTimeout',
  'too-large': 'previewTooLarge',
  'too-many-redirects': 'previewRedirects',
  'network-error': 'previewNetwork',
  'bad-url': 'previewBadUrl',
};

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  for (const [name, value] of Object.entries(props)) element.setAttribute(name, value);
  // append() takes strings as text nodes: the page's text is never parsed as HTML.
  element.append(...children);
  return element;
}

/** The card's state for a result (null: still loading). */
export function stateOf(result: PreviewResult | null): PreviewState {
  if (!result || result.kind === 'aborted') return 'loading';
  if (result.kind === 'ready') return 'ready';
  return result.kind === 'error' ? 'error' : 'not-article';
}

/** The sentence the card says for a result that has no points. */
function messageOf(result: Exclude<PreviewResult, { kind: 'ready' | 'aborted' }>): string {
  switch (result.kind) {
    case 'not-article':
      return t(result.reason === 'script-only' ? 'previewScriptOnly' : 'previewNoArticle');
    case 'not-html':
      return t(NOT_HTML[result.what]);
    case 'error':
      return result.reason === 'http-error'
        ? t('previewHttpError', result.status ?? 0)
        : t(ERRORS[result.reason]);
  }
}

/** The body of a ready preview: title, points linked to their sentences, paywall note, open buttons. */
function readyBody(doc: Document, result: Extract<PreviewResult, { kind: 'ready' }>): Node[] {
  const article = { lang: result.lang, dir: result.dir };
  const points = el(doc, 'ul', { class: 'points', 'aria-label': t('previewPoints'), ...article });
  for (const point of result.points)
    points.append(
      el(doc, 'li', {}, el(doc, 'a', { href: textFragmentUrl(result.url, point), 'data-point': '' }, point)),
    );
  return [
    el(doc, 'h2', { class: 'title', ...article }, result.title),
    points,
    ...(result.paywalled ? [el(doc, 'p', { class: 'note' }, t('previewPaywall'))] : []),
    el(
      doc,
      'div',
      { class: 'actions' },
      el(doc, 'a', { class: 'button', href: result.url, 'data-action': 'open' }, t('previewOpen')),
      el(
        doc,
        'a',
        {
          class: 'button',
          href: result.url,
          target: '_blank',
          rel: 'noopener noreferrer',
          'data-action': 'open-tab',
        },
        t('previewOpenTab'),
      ),
    ),
  ];
}

/**
 * Builds the card (not yet on the page): an open shadow root on a `<no-time-to-read-preview>` host with
 * `data-state`, its own styles, and the card's words in the interface language. `onClose` runs on ×.
 */
export function createCard(doc: Document, css: string, site: string, onClose: () => void): Card {
  const host = doc.createElement(PREVIEW_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  // textContent, which Firefox credits to the extension: a page's CSP does not block it.
  shadow.append(el(doc, 'style', {}, css));
  const { lang, dir } = uiLocale();
  const siteLine = el(doc, 'p', { class: 'site', dir: 'auto' }, site);
  const close = el(
    doc,
    'button',
    { type: 'button', class: 'close', 'aria-label': t('previewClose'), title: t('previewClose') },
    '×',
  );
  close.addEventListener('click', onClose);
  const body = el(doc, 'div', { class: 'body', 'aria-live': 'polite' });
  const region = el(
    doc,
    'section',
    { class: 'card', role: 'dialog', 'aria-label': t('previewLabel'), lang, dir, tabindex: '-1' },
    el(doc, 'div', { class: 'head' }, siteLine, close),
    body,
  );
  shadow.append(region);

  return {
    host,
    region,
    show(result) {
      host.dataset.state = stateOf(result);
      if (!result || result.kind === 'aborted') {
        body.replaceChildren(el(doc, 'p', { class: 'message' }, t('previewLoading')));
        return;
      }
      if (result.kind === 'ready') {
        siteLine.textContent = `${result.site} · ${t('minutes', result.minutes)}`;
        body.replaceChildren(...readyBody(doc, result));
      } else body.replaceChildren(el(doc, 'p', { class: 'message' }, messageOf(result)));
    },
    setTheme: (theme) => void (host.dataset.theme = theme),
  };
}
