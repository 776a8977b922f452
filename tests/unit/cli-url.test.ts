/**
 * `summarize URL`: the command line fetches as a link preview does (lib/fetch) from a real server on
 * 127.0.0.1, reads legacy charsets right, and says in one line why a link gave no page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSource } from '../../cli/input';
import { answer, startPageServer, windows1251, type PageServer } from '../support/page-server';
import { CLI_TEST_TIMEOUT_MS, lines, runCli } from '../support/run-cli';

const EXIT_FAILURE = 1;

/** A short Russian news story: enough prose in paragraphs for detection and extraction. */
const STORY = [
  'Городской совет утвердил строительство нового моста через реку во вторник после долгого обсуждения, которое продолжалось до поздней ночи.',
  'Мэр заявил, что работы начнутся в мае и продлятся два года, а движение по старому мосту не будет закрыто во время строительства.',
  'Жители набережной опасаются шума и пыли, но большинство из них поддерживает проект, который сократит дорогу в центр на двадцать минут.',
  'Стоимость моста составит около трёх миллиардов рублей; половину этой суммы выделит область, остальное заплатит город из своего бюджета.',
  'Подрядчика выберут на открытом конкурсе в марте, и совет обещает публиковать отчёты о ходе работ каждый месяц на своём сайте.',
  'Архитекторы предложили сделать на мосту широкую пешеходную дорожку и велосипедную полосу, отделённую от машин невысоким ограждением.',
];
const PAGE = `<!doctype html><html lang="ru"><head><meta charset="windows-1251"><title>Совет утвердил мост</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2024-05-01T10:00:00Z"></head>
<body><article><h1>Совет утвердил новый мост</h1>${STORY.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;

/** A front page: teaser cards, each with its own heading. */
const TEASERS = STORY.map((p, i) => `<div class="card"><h2>Новость ${i}</h2><p>${p}</p></div>`).join('');
const FRONT_PAGE = `<!doctype html><html lang="ru"><head><title>Главная</title></head><body>${TEASERS}</body></html>`;

let server: PageServer;
beforeAll(async () => {
  server = await startPageServer({
    '/news/city-council-approves-bridge': answer(200, { 'Content-Type': 'text/html' }, windows1251(PAGE)),
    '/': answer(200, { 'Content-Type': 'text/html; charset=utf-8' }, FRONT_PAGE),
    '/report.pdf': answer(200, { 'Content-Type': 'application/pdf' }, '%PDF-1.7'),
    '/photo': answer(200, { 'Content-Type': 'image/jpeg; q=1' }, ''),
    '/broken': answer(500, {}, ''),
    '/silent': () => undefined,
    '/big': answer(200, { 'Content-Type': 'text/html', 'Content-Length': String(6 * 1024 * 1024) }, ''),
    '/loop': (_request, response) => response.writeHead(301, { Location: '/loop' }).end(),
    '/to-mail': (_request, response) => response.writeHead(302, { Location: 'mailto:a@example.com' }).end(),
  });
});
afterAll(() => server.close());

const at = (path: string) => `${server.base}${path}`;

describe('summarize URL: why a link gave no page', () => {
  it.each([
    ['/report.pdf', {}, '{url} is a PDF (application/pdf), not a web page.'],
    ['/photo', {}, '{url} is an image (image/jpeg), not a web page.'],
    ['/broken', {}, '{url} answered HTTP 500.'],
    ['/missing', {}, '{url} answered HTTP 404.'],
    ['/silent', { timeoutMs: 300 }, '{url} did not answer within 0.3 s.'],
    ['/big', {}, '{url} is larger than 5 MB.'],
    ['/loop', {}, '{url} redirects too many times (last to {url}).'],
    ['/to-mail', {}, '{url} redirects to mailto:a@example.com, which is not an http(s) address.'],
  ])('%s %o', async (path, options, message) => {
    await expect(loadSource(at(path), options)).rejects.toThrow(message.replaceAll('{url}', at(path)));
  });

  it(
    'a child process prints the message alone and exits with 1',
    { timeout: CLI_TEST_TIMEOUT_MS },
    async () => {
      const run = await runCli([at('/report.pdf')], '');
      expect(run.code).toBe(EXIT_FAILURE);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`${at('/report.pdf')} is a PDF (application/pdf), not a web page.\n`);
    },
  );
});

describe('summarize URL: a windows-1251 page', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('extracts its text decoded from the <meta charset>', async () => {
    const run = await runCli([at('/news/city-council-approves-bridge'), '--extract', '--json'], '');
    expect(run.stderr).toBe('');
    const article = JSON.parse(run.stdout) as { title: string; text: string; lang: string };
    expect(article.title).toBe('Совет утвердил мост');
    expect(article.lang).toBe('ru');
    for (const paragraph of STORY) expect(article.text).toContain(paragraph);
  });

  it('summarizes it in Russian', async () => {
    const run = await runCli([at('/news/city-council-approves-bridge'), '--sentences', '2'], '');
    expect(run.code).toBe(0);
    const points = lines(run.stdout);
    expect(points).toHaveLength(2);
    for (const point of points) expect(STORY).toContain(point);
  });
});

describe('summarize URL: a page that is not an article', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('says so on standard error and still prints its text', async () => {
    const run = await runCli([at('/'), '--extract'], '');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Detection found no article at ${at('/')}: reading its text anyway.\n`);
    expect(run.stdout).toContain(STORY[0]);
  });
});
