import fc from 'fast-check';
import { pageText } from './text';

/**
 * Random HTML pages for property tests: nested elements of the kinds news pages are made of, with the class
 * and id names extraction looks at, hidden content, and text from ./text. Rendered to a string, so the parser
 * (linkedom) sees what a browser would be served. Text inside script, style and template carries MARKER, which
 * must never reach an article.
 */

export const MARKER = 'ZZHIDDENZZ';

/** A node of the generated page. */
export type HtmlNode =
  | { kind: 'text'; text: string }
  | { kind: 'raw'; html: string }
  | { kind: 'element'; tag: string; attrs: string; children: HtmlNode[] };

const CONTAINER_TAGS = ['p', 'div', 'article', 'section', 'main', 'span', 'a', 'blockquote', 'em'];
const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** Rendered with their required structure (li in ul, cells in a table, text in svg). */
const STRUCTURED_TAGS = ['ul', 'table', 'svg', 'template'];
const HIDDEN_TEXT_TAGS = ['script', 'style'];

const NAMES = [
  'content',
  'article',
  'article-body',
  'story',
  'main',
  'comment',
  'comments',
  'ad',
  'ads',
  'sidebar',
  'share',
  'related',
  'caption',
  'byline',
  'footer',
  'nav',
  'hidden',
];

const attribute = fc.oneof(
  fc.constantFrom(...NAMES).map((name) => `class="${name}"`),
  fc.constantFrom(...NAMES).map((name) => `id="${name}"`),
  fc.constantFrom(
    'hidden',
    'aria-hidden="true"',
    'style="display:none"',
    'dir="rtl"',
    'lang="ar"',
    'lang="zh"',
    'href="#"',
    'onclick="alert(1)"',
  ),
);
const attributes = fc.array(attribute, { maxLength: 3 }).map((list) => list.join(' '));

const RAW = [
  '<br>',
  '<hr>',
  '<!-- a comment -->',
  '<!-- <p>commented out</p> -->',
  '<img src=x onerror=alert(1)>',
  '<p>',
  '</div>',
  '<![CDATA[ x ]]>',
  '&nbsp;',
  '&#x1F600;',
  '&#xD800;',
  '&bogus;',
];

const { node } = fc.letrec<{ node: HtmlNode; element: HtmlNode }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ kind: fc.constant('text' as const), text: pageText }),
    fc.record({ kind: fc.constant('raw' as const), html: fc.constantFrom(...RAW) }),
    tie('element'),
  ),
  element: fc.record({
    kind: fc.constant('element' as const),
    tag: fc.constantFrom(
      ...CONTAINER_TAGS,
      ...CONTAINER_TAGS,
      ...HEADING_TAGS,
      ...STRUCTURED_TAGS,
      ...HIDDEN_TEXT_TAGS,
    ),
    attrs: attributes,
    children: fc.array(tie('node'), { maxLength: 5 }),
  }),
}));

/** Escapes text so that it stays text, whatever it contains. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function render(n: HtmlNode): string {
  if (n.kind === 'text') return escapeText(n.text);
  if (n.kind === 'raw') return n.html;
  const open = n.attrs ? `<${n.tag} ${n.attrs}>` : `<${n.tag}>`;
  const inner = n.children.map(render);
  switch (n.tag) {
    case 'script':
    case 'style':
      // Raw text elements: their content is never markup, so it must not close them early.
      return `${open}${MARKER} ${inner.join(' ').replace(/<\//g, '<\\/')}</${n.tag}>`;
    case 'template':
      return `${open}<p>${MARKER}</p>${inner.join('')}</template>`;
    case 'ul':
      return `${open}${inner.map((child) => `<li>${child}</li>`).join('')}</ul>`;
    case 'table':
      return `${open}<tr>${inner.map((child) => `<td>${child}</td>`).join('')}</tr></table>`;
    case 'svg':
      return `${open}<text>${inner.join('')}</text></svg>`;
    default:
      return `${open}${inner.join('')}</${n.tag}>`;
  }
}

/** A whole page: a head with a title and language, and a body of random nodes. */
export const htmlPage = fc
  .record({
    lang: fc.constantFrom('', ' lang="en"', ' lang="fr"', ' lang="zh-Hans"', ' lang="bogus tag"'),
    title: pageText,
    body: fc.array(node, { minLength: 1, maxLength: 8 }),
  })
  .map(
    ({ lang, title, body }) =>
      `<!doctype html><html${lang}><head><title>${escapeText(title)}</title></head>` +
      `<body>${body.map(render).join('')}</body></html>`,
  );
