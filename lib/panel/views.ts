import type { PanelView, SummaryView } from '@/components/Panel';
import type { Summary } from '@/lib/article';
import type { EngineOutput } from '@/lib/engines';
import { t } from '@/lib/i18n';
import type { ArticleAbout } from '@/lib/reader';
import { readingTime } from '@/lib/reading-time';
import { countReadingUnits, type ReadingUnits } from '@/lib/text/words';

/**
 * Turning summaries into what the panel shows: the on-device summary at once, an AI summary as it streams.
 */

/** "3 min", "40 s", in the interface language, for a text of these counts read at the speed of its language. */
function formatReadingTime(units: ReadingUnits, lang: string): string {
  const { n, unit } = readingTime(units, lang);
  return t(unit, n);
}

/** `articleTime` is the article's formatted reading time, computed once by the caller. */
function summaryView(
  article: ArticleAbout,
  articleTime: string,
  url: string,
  points: string[],
  note: string | null,
  ai: SummaryView['ai'],
  lang: string,
): SummaryView {
  return {
    title: article.title,
    lang,
    url,
    points,
    timing: t('timing', articleTime, formatReadingTime(countReadingUnits(points.join(' ')), lang)),
    note,
    ai,
  };
}

/** Says when the summary covers only part of the article: a very long page, or a teaser. */
function partNote(article: ArticleAbout): string | null {
  if (article.truncated) return t('truncatedNote');
  return article.teaser ? t('teaserNote') : null;
}

/** The panel for the on-device summary of the article `article` tells about. */
export function extractiveView(article: ArticleAbout, summary: Summary, url: string): PanelView {
  if (summary.kind === 'empty') return { kind: 'error', message: summary.reason };
  const points = summary.sentences.map((s) => s.text);
  return {
    kind: 'expanded',
    summary: summaryView(
      article,
      formatReadingTime(article, article.lang),
      url,
      points,
      partNote(article),
      null,
      article.lang,
    ),
  };
}

/**
 * Runs an AI engine's stream, reporting each state of the panel as points arrive. Ends on the stream's last
 * event; a cancelled stream reports nothing more.
 */
export async function streamAiView(
  stream: AsyncIterable<EngineOutput>,
  article: ArticleAbout,
  url: string,
  writer: { label: string; lang: string },
  onView: (view: PanelView) => void,
): Promise<void> {
  const points: string[] = [];
  const articleTime = formatReadingTime(article, article.lang);
  let writing: string | null = null;
  const show = (done: boolean, coverage = 1) => {
    const note = coverage < 1 ? t('coverageNote', Math.round(coverage * 100)) : partNote(article);
    onView({
      kind: 'expanded',
      summary: summaryView(
        article,
        articleTime,
        url,
        [...points],
        note,
        { label: writer.label, writing, done },
        writer.lang,
      ),
    });
  };
  for await (const event of stream) {
    switch (event.kind) {
      case 'partial':
        writing = event.text;
        show(false);
        break;
      case 'point':
        points.push(event.text);
        writing = null;
        show(false);
        break;
      case 'done':
        writing = null;
        return show(true, event.coverage);
      case 'error':
        if (event.code !== 'aborted')
          onView({ kind: 'error', message: event.message, hint: event.hint, fallback: true });
        return;
    }
  }
}
