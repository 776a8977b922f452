/**
 * The shapes that flow from extraction to summarization to the panel.
 * Extraction (lib/extract) produces an Article; summarization (lib/summarize) turns it into a Summary.
 */

/** One block of the cleaned article: a paragraph of prose or a heading, as plain text. */
export interface Block {
  kind: 'paragraph' | 'heading';
  text: string;
  /** Offset of this block's first character in Article.text. */
  start: number;
}

/** A cleaned article, ready to summarize. All text is plain text, never HTML. */
export interface Article {
  title: string;
  /** BCP 47 language tag from the page or detection ('und' when unknown). */
  lang: string;
  /** Text direction of the article. */
  dir: 'ltr' | 'rtl';
  /** Paragraphs and headings in reading order. */
  blocks: Block[];
  /** The blocks joined by "\n\n": the text the summarizer reads and offsets refer to. */
  text: string;
  /**
   * Words in `text` (CJK/Thai: characters / 2), for summary length and the extraction cap. Reading time counts
   * with `countReadingUnits` instead.
   */
  wordCount: number;
  /** True when the page was longer than we read and only its first part is here. */
  truncated: boolean;
  /**
   * True when the page seems to show only the beginning of the article (marked paywalled, or the rest hidden):
   * the summary covers what the page shows.
   */
  teaser?: boolean;
}

/** One sentence chosen for the summary. */
export interface SummarySentence {
  /** The sentence exactly as it appears in Article.text: text === article.text.slice(start, end). */
  text: string;
  start: number;
  end: number;
}

/** What summarizing an article gives: the key sentences in article order, or why there are none. */
export type Summary = { kind: 'ok'; sentences: SummarySentence[] } | { kind: 'empty'; reason: string };
