import { primaryLanguage } from '../text/stopwords';

/**
 * First words that make a sentence lean on the one before it: personal pronouns and
 * demonstratives (whom or what do they refer to?) and connectives ("But", "However").
 * A summary sentence starting with one reads as a non sequitur.
 */
const DEPENDENT_STARTS: Readonly<Record<string, string>> = {
  en: 'he she it they his her its their them him this these those that such but and or so yet also however meanwhile instead moreover furthermore nevertheless nonetheless still then thus therefore besides otherwise indeed both',
  fr: 'il elle ils elles cela ça ceci ce cet cette ces mais et ou donc pourtant cependant toutefois ainsi alors aussi puis sa son ses leur leurs lui celui celle ceux celles',
  // Possessives and demonstratives in all their inflected forms: German declines them by case and gender.
  de: 'er sie es dies diese dieser dieses diesem diesen jene jener jenes jenem jenen das dabei damit dann doch aber und oder auch jedoch trotzdem deshalb daher deswegen sein seine seiner seinem seinen seines ihr ihre ihrer ihrem ihren ihres dessen deren dort darauf dazu denn zudem außerdem',
  es: 'él ella ellos ellas esto esta este estos estas eso esa ese esos esas aquel aquella aquellos aquellas pero y o también además entonces así su sus',
  it: 'lui lei loro questo questa questi queste quello quella quelli quelle ciò ma e o anche però quindi inoltre poi suo sua suoi sue',
  pt: 'ele ela eles elas isso isto este esta estes estas esse essa esses essas aquele aquela aqueles aquelas mas e ou também porém além então seu sua seus suas',
  // Not 'het': far more often the article ("Het kabinet…") than the pronoun, and Dutch nouns are not capitalised.
  nl: 'hij zij ze dit deze dat die maar en of ook echter toch dus daarom zijn haar hun',
};

const parsed = new Map<string, ReadonlySet<string>>();

function dependentStarts(lang: string): ReadonlySet<string> {
  const key = primaryLanguage(lang);
  let set = parsed.get(key);
  if (!set) {
    set = new Set((DEPENDENT_STARTS[key] ?? '').split(' ').filter(Boolean));
    parsed.set(key, set);
  }
  return set;
}

/**
 * Starts that are a pronoun alone ("Das ist…") but an article before a noun ("Das Gericht…"); German capitalises
 * nouns, so a capitalised next word tells the article.
 */
const ARTICLE_BEFORE_NOUN: Readonly<Record<string, ReadonlySet<string>>> = { de: new Set(['das']) };

const FIRST_WORDS = /^[\s"“”«»'‘’(—–-]*([\p{L}]+)(?:\s+(\p{L}))?/u;

/** Whether the sentence starts with a pronoun or connective and so cannot stand alone. */
export function startsDependent(sentence: string, lang: string): boolean {
  const match = FIRST_WORDS.exec(sentence);
  const first = match?.[1]?.toLowerCase();
  if (first === undefined || !dependentStarts(lang).has(first)) return false;
  const next = match?.[2];
  const beforeNoun = next !== undefined && next !== next.toLowerCase();
  return !(beforeNoun && ARTICLE_BEFORE_NOUN[primaryLanguage(lang)]?.has(first));
}

/** Straight and curly double quotes and guillemets: the marks that open or close a quotation. */
const QUOTE_MARKS = /["“”«»„]/gu;
const OPENS_WITH_QUOTE = /^["“«„]/u;
const ENDS_WITH_QUOTE = /["”»“]\s*$/u;

/**
 * Whether the sentence is quoted speech with no attribution in it: a whole sentence in quotes,
 * or one piece of a multi-sentence quotation (an odd number of quote marks). Read alone, nobody
 * knows who is speaking.
 */
export function isUnattributedQuote(sentence: string): boolean {
  const marks = sentence.match(QUOTE_MARKS)?.length ?? 0;
  if (marks % 2 === 1) return true;
  return OPENS_WITH_QUOTE.test(sentence) && ENDS_WITH_QUOTE.test(sentence);
}

const QUESTION = /[?？؟]["”»’)]*\s*$/u;

/** Whether the sentence is a question: a summary states, it does not ask. */
export function isQuestion(sentence: string): boolean {
  return QUESTION.test(sentence);
}
