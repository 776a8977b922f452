import { jsonLdScripts } from '../metadata';

/** What a page's JSON-LD says about it, read in one pass for the signals of lib/page/signals.ts. */
export interface JsonLdFacts {
  /** Every schema.org type the blocks name, nested ones too, by its own name (`NewsArticle`, not its IRI). */
  types: Set<string>;
  /**
   * The types of the top-level items (each block, the items of an array or @graph at its root): the page's own,
   * except the subject of an editorial review (see isEditorialReview).
   */
  topTypes: Set<string>;
  /** Some item gives a publication date (`datePublished`). */
  dated: boolean;
  /** The text of each block that is not valid JSON (common on real pages), for the caller to read as text. */
  unparsed: string[];
}

/** Bounds on the read: blocks, characters per block, and nesting (a hostile page cannot exhaust the stack). */
const MAX_SCRIPTS = 20;
const MAX_CHARS = 100_000;
const MAX_DEPTH = 32;
/** A schema.org type's prefix: a full IRI (https://schema.org/NewsArticle) or a compact one (schema:NewsArticle). */
const SCHEMA_PREFIX = /^(?:https?:\/\/schema\.org\/|schema:)/;

/**
 * Whether a JSON-LD item is the subject of an editorial review: it carries one review (not a list of customers'
 * reviews) that has a headline or a body of its own, and no offers. Review sites mark their reviews this way
 * (a Product, Movie or Game with its `review`): the page is the review, not the thing. Shops list offers and
 * customers' reviews.
 */
function isEditorialReview(record: Record<string, unknown>): boolean {
  const review = record['review'];
  if (!review || typeof review !== 'object' || Array.isArray(review) || record['offers']) return false;
  const { headline, reviewBody } = review as Record<string, unknown>;
  return typeof headline === 'string' || typeof reviewBody === 'string';
}

/**
 * Reads the page's JSON-LD blocks. Parsing the JSON costs less than matching patterns against its text: a pattern
 * with every article type compiles anew on every page, JSON.parse is native.
 */
export function readJsonLd(doc: Document): JsonLdFacts {
  const facts: JsonLdFacts = { types: new Set(), topTypes: new Set(), dated: false, unparsed: [] };
  const visit = (node: unknown, top: boolean, depth: number): void => {
    if (!node || typeof node !== 'object' || depth > MAX_DEPTH) return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, top, depth + 1));
    const ownType = top && !isEditorialReview(node as Record<string, unknown>);
    for (const [key, value] of Object.entries(node)) {
      if (key === '@type')
        for (const type of Array.isArray(value) ? value : [value]) {
          if (typeof type !== 'string') continue;
          const name = type.replace(SCHEMA_PREFIX, '');
          facts.types.add(name);
          if (ownType) facts.topTypes.add(name);
        }
      else if (key === 'datePublished') facts.dated = true;
      else visit(value, top && key === '@graph', depth + 1);
    }
  };
  const scripts = jsonLdScripts(doc);
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS; i++) {
    const text = (scripts[i]!.textContent ?? '').slice(0, MAX_CHARS);
    try {
      visit(JSON.parse(text), true, 0);
    } catch {
      facts.unparsed.push(text);
    }
  }
  return facts;
}
