/**
 * decodeHtml: the HTML standard's encoding sniffing on bytes (BOM, header charset, <meta> prescan, default).
 * Fetching with it is tested in fetch-page.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml } from '../../lib/fetch/index';
import { windows1251 } from '../support/page-server';

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ascii = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeHtml', () => {
  it.each([
    ['BOM over header', [...UTF8_BOM, ...utf8('é')], 'text/html; charset=windows-1251', 'utf-8', 'é'],
    ['UTF-16LE BOM', [0xff, 0xfe, 0x41, 0, 0x42, 0], null, 'utf-16le', 'AB'],
    [
      'header over meta',
      windows1251('<meta charset="utf-8">Ж'),
      'text/html; charset="cp1251"',
      'windows-1251',
      'Ж',
    ],
    ['meta declaring UTF-16 means UTF-8', utf8('<meta charset="utf-16">é'), null, 'utf-8', 'é'],
    [
      'meta after 1024 bytes is not seen',
      [...ascii(' '.repeat(1030)), ...windows1251('<meta charset="koi8-r">Ж')],
      null,
      'windows-1252',
      'Æ',
    ],
    [
      'meta in an attribute is not a meta',
      windows1251('<div title="<meta charset=koi8-r>">Ж</div>'),
      null,
      'windows-1252',
      'Æ',
    ],
    [
      'unquoted content charset',
      windows1251('<META HTTP-EQUIV=Content-Type CONTENT="text/html;charset=windows-1251">Ж'),
      null,
      'windows-1251',
      'Ж',
    ],
    [
      'content without http-equiv is ignored',
      windows1251('<meta content="charset=koi8-r">Ж'),
      null,
      'windows-1252',
      'Æ',
    ],
  ] as const)('%s', (_name, bytes, header, charset, text) => {
    const decoded = decodeHtml(Uint8Array.from(bytes), header);
    expect(decoded.charset).toBe(charset);
    expect(decoded.html).toContain(text);
  });
});
