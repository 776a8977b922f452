/**
 * Elements whose class names a date, as small sites and blog themes print one without a <time> element
 * (`<span class="date">`, `post-date`, `entry-date`, `meta__date`, German `datum`, `published`).
 */
const DATE_CLASS = '[class*="date" i], [class*="datum" i], [class*="published" i]';
/**
 * A written date: 06.12.2022, 2023-11-07, 7/11/2023, 4. November 2021, 19 avril 2019, April 19, 2019. A
 * month name is any word, so it holds in every language written with letters.
 */
const WRITTEN_DATE =
  /(?:^|[^\d])(?:[0-3]?\d[./-] ?[01]?\d[./-] ?(?:19|20)\d\d|(?:19|20)\d\d[./-][01]?\d[./-][0-3]?\d|[0-3]?\d\.? +\p{L}{3,}\.?,? +(?:19|20)\d\d|\p{L}{3,}\.? +[0-3]?\d(?:st|nd|rd|th)?,? +(?:19|20)\d\d)(?!\d)/u;
/** A date label is short: longer text is a container (a teaser, a comment) that merely holds a date. */
const MAX_LABEL_CHARS = 100;
/** Headings read at most (a site's logo is often an <h1> too). */
const MAX_HEADLINES = 5;
/** How far above the headline its header reaches: its parent and grandparent. */
const HEADER_DEPTH = 2;
/**
 * Dated labels a headline's header holds at most: a story's date, and the date it was updated. More are a
 * list's (teasers, search results, comments), whose dates are not the page's.
 */
const MAX_DATES = 2;

/** How many of `root`'s date labels hold a written date. */
function writtenDates(root: Element): number {
  let count = 0;
  for (const label of Array.from(root.querySelectorAll(DATE_CLASS))) {
    const text = label.textContent ?? '';
    if (text.length <= MAX_LABEL_CHARS && WRITTEN_DATE.test(text)) count++;
  }
  return count;
}

/**
 * Whether the page shows its publication date next to its headline in an element named for one: beside an
 * <h1> (in its parent or grandparent), one or two date labels (class `date`, `datum`, `published`…) whose
 * short text is a written date. Many small sites and blog themes print the date this way rather than in a
 * <time> element or in metadata; a list of dated teasers or results is not one story's date.
 */
export function showsDate(doc: Document): boolean {
  const headlines = doc.body?.getElementsByTagName('h1');
  for (let i = 0; headlines && i < headlines.length && i < MAX_HEADLINES; i++) {
    let header = headlines[i]!.parentElement;
    for (let depth = 1; header && header !== doc.body && depth <= HEADER_DEPTH; depth++) {
      const dates = writtenDates(header);
      if (dates > 0) {
        if (dates <= MAX_DATES) return true;
        break;
      }
      header = header.parentElement;
    }
  }
  return false;
}
