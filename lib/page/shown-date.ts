/**
 * Elements whose class names a date or the line beside a headline that holds it, as small sites and blog
 * themes print one without a <time> element (`<span class="date">`, `post-date`, `meta__date`, German
 * `datum`, `published`, `entry-meta`, `byline`).
 */
const DATE_CLASS =
  '[class*="date" i], [class*="datum" i], [class*="published" i], [class*="meta" i], [class*="byline" i]';
/**
 * A word of letters, as a month's name is in any language written with letters: Latin (with its accents), Greek,
 * Cyrillic, Armenian, Hebrew, Arabic, the Indic scripts, Thai, Georgian… A class of ranges rather than `\p{L}`,
 * whose Unicode tables take 0.5-0.8 ms to compile (V8, timed in Node) on every page the gate reads.
 */
const LETTERS = '[A-Za-z\\u00C0-\\u02AF\\u0370-\\u1FFF]{3,}';
/** A written date: 06.12.2022, 2023-11-07, 7/11/2023, 4. November 2021, 19 avril 2019, April 19, 2019. */
const WRITTEN_DATE_SOURCE = `(?:^|[^\\d])([0-3]?\\d[./-] ?[01]?\\d[./-] ?(?:19|20)\\d\\d|(?:19|20)\\d\\d[./-][01]?\\d[./-][0-3]?\\d|[0-3]?\\d\\.? +${LETTERS}\\.?,? +(?:19|20)\\d\\d|${LETTERS}\\.? +[0-3]?\\d(?:st|nd|rd|th)?,? +(?:19|20)\\d\\d)(?!\\d)`;
/** Built when first needed: most pages never look for a date beside a headline. */
let writtenDatePattern: RegExp | null = null;
/** A date label is short: longer text is a container (a teaser, a comment) that merely holds a date. */
const MAX_LABEL_CHARS = 100;
/** A label's text before its whitespace is collapsed, at most (template indentation included). */
const MAX_LABEL_SOURCE_CHARS = 2000;
/** Headings read at most (a site's logo is often an <h1> too). */
export const MAX_HEADLINES = 5;
/** How far above the headline its header reaches: its parent and grandparent. */
export const HEADER_DEPTH = 2;
/**
 * Different dates a headline's header shows at most: a story's date, and the date it was updated. More are a
 * list's (teasers, search results, comments), whose dates are not the page's.
 */
const MAX_DATES = 2;

/** The written date an element shows as a short label or line (its whitespace collapsed), if any. */
function writtenDate(label: Element): string | null {
  const raw = label.textContent ?? '';
  // Templates indent their markup: count the words and spaces a reader sees, on labels of a sane size.
  if (raw.length > MAX_LABEL_SOURCE_CHARS) return null;
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length > MAX_LABEL_CHARS) return null;
  writtenDatePattern ??= new RegExp(WRITTEN_DATE_SOURCE);
  return writtenDatePattern.exec(text)?.[1] ?? null;
}

/** Whether an element is one of a run of alike siblings (same tag and class): an item of a list, not a line. */
function isRepeated(el: Element): boolean {
  const alike = (other: Element | null): boolean =>
    other !== null && other.localName === el.localName && other.className === el.className;
  return alike(el.previousElementSibling) || alike(el.nextElementSibling);
}

/** How many different written dates `root`'s date labels hold (nested labels often show the same one). */
function writtenDates(root: Element): number {
  const dates = new Set<string>();
  for (const label of Array.from(root.querySelectorAll(DATE_CLASS))) {
    const date = writtenDate(label);
    if (date) dates.add(date);
  }
  return dates.size;
}

/**
 * Whether the page shows its publication date next to its headline: the line just before or after an <h1>
 * (a dateline, "Datum: 18.10.2021"; not the first of a list of alike items), or, in the headline's parent or grandparent, date labels or a byline
 * (class `date`, `datum`, `published`, `meta`, `byline`…), whose short text holds a written date, one or two
 * different dates. Many small sites and blog themes print the date this way rather than in a <time> element
 * or in metadata; a list of dated teasers or results is not one story's date.
 */
export function showsDate(doc: Document): boolean {
  const headlines = doc.body?.getElementsByTagName('h1');
  for (let i = 0; headlines && i < headlines.length && i < MAX_HEADLINES; i++) {
    const headline = headlines[i]!;
    for (const beside of [headline.previousElementSibling, headline.nextElementSibling])
      if (beside && !isRepeated(beside) && writtenDate(beside)) return true;
    let header = headline.parentElement;
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
