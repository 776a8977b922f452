import type { Article } from '../article';
import { isRunningText, marksSentenceEnds } from '../text/runningText';
import { segmentSentences } from '../text/segmentSentences';

/** A sentence of the article, with where it sits in the article's structure. */
export interface ArticleSentence {
  /** Offsets into Article.text. */
  start: number;
  end: number;
  text: string;
  /** Index of the sentence among all sentences of the article, in reading order. */
  index: number;
  /** Index of the paragraph (heading blocks are skipped) and of the sentence within it. */
  paragraph: number;
  inParagraph: number;
}

/**
 * The sentences of the article's running text, segmented one paragraph at a time (segmenting the
 * whole text at once is superlinear in Node 20, and paragraph ends are sure sentence ends).
 * Headings, and paragraphs and sentences that are not running text (dates, bylines, kickers: see
 * isRunningText), are not sentences a summary should quote, so they are left out and not counted.
 */
export function articleSentences(article: Article): ArticleSentence[] {
  const out: ArticleSentence[] = [];
  const paragraphs = article.blocks.filter((block) => block.kind === 'paragraph');
  const marked = marksSentenceEnds(paragraphs.map((block) => block.text));
  let paragraph = 0;
  for (const block of paragraphs) {
    if (!isRunningText(block.text, marked)) continue;
    let inParagraph = 0;
    for (const span of segmentSentences(block.text, article.lang)) {
      const start = block.start + span.start;
      const end = block.start + span.end;
      const text = article.text.slice(start, end);
      // A paragraph's last "sentence" may be a line run into it without a mark: a date, a credit, a promotion.
      if (!isRunningText(text, marked)) continue;
      out.push({ start, end, text, index: out.length, paragraph, inParagraph });
      inParagraph++;
    }
    if (inParagraph > 0) paragraph++;
  }
  return out;
}
