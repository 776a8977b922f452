/**
 * Text-level tests for lines that are page furniture rather than article prose. They only apply
 * to short paragraphs: a long paragraph that happens to start with "Related" is prose.
 */

/** Boilerplate lines are short; longer paragraphs are never dropped by these patterns. */
const MAX_BOILERPLATE_WORDS = 25;

/**
 * Section labels, dropped when they are the whole paragraph or head a short list title:
 * "Related", "Advertisement", "Most read: …", "Anzeige", "Publicité". Alone they are never prose.
 */
const LABEL =
  /^(?:related(?: articles?| stories| coverage| content| links)?|recommended(?: for you)?|trending(?: now)?|comments?|advertisement|sponsored(?: content)?|most (?:read|popular)|more on this(?: story)?|see also|top stories|anzeige|werbung|mehr zum thema|zum thema|auch interessant|publicité|publicidad|pubblicità|à lire aussi|lire aussi)(?:\s*[:|–—-].*)?$/iu;

/**
 * Calls to action, distinctive enough to match at the start of any short paragraph, in the
 * languages news sites use most: "Read more: …", "Sign up for …", "Lesen Sie auch", "Lire la suite".
 */
const CALL_TO_ACTION =
  /^(?:read (?:more|next|also)|sign up|subscribe (?:to|now|for|today|here)|share (?:this|on)|follow us|click here|watch(?: the)? video|listen to (?:this|the)|download (?:the|our)|get (?:the|our) (?:app|newsletter)|join (?:the|our) (?:newsletter|community|conversation)|support (?:our|the) journalism|copyright|all rights reserved|lesen sie (?:auch|mehr)|weiterlesen|jetzt (?:abonnieren|anmelden|registrieren|testen|weiterlesen)|lire la suite|abonnez-vous|inscrivez-vous|leer más|lee también|te puede interesar|leia (?:mais|também)|leggi anche|lees ook)\b/iu;

/**
 * Newsletter prompts: a short paragraph that names a newsletter and asks for a sign-up. Both are
 * needed, so a news sentence about a newsletter is kept.
 */
const NEWSLETTER = /newsletter/iu;
const SIGN_UP =
  /\b(?:sign up|subscribe|inbox|get our|receive|for free|abonnieren|anmelden|inscrivez|abonnez|recevez|suscr[ií]bete|iscriviti)\b/iu;

/** A caption or photo credit: "Photo: …", "(Getty Images)", "/AFP", "AP Photo/…". */
const CREDIT =
  /^©|(?:^|\s|\()(?:photos?|images?|pictures?|foto|fotos|bild|illustration|video|credit)\s*:|getty images|ap photo|shutterstock|istock|\/\s*(?:afp|reuters|ap|epa|dpa|getty)\b|\((?:afp|reuters|ap|epa|dpa)(?: photo)?\)\s*$/iu;

/** A credit line of its own: "Quelle: AFP", "Source: Reuters", "IMAGO/Nico Herbertz", "dpa/Kay Nietfeld". */
const CREDIT_LINE =
  /^(?:(?:quelle|source|sources|fuente|fonte|bron|källa|kilde|lähde|źródło|zdroj|forrás|kaynak|источник|джерело|출처|来源|來源|出典|المصدر)\s*:|\p{Lu}[\p{L}.-]*\s*\/\s*\p{Lu})/iu;
/** Credit lines are a few words: a source, an agency, a photographer. */
const MAX_CREDIT_WORDS = 5;

/** Whether a text names a photo credit anywhere, at any length: "… (picture alliance / dpa / Oliver Berg)". */
export function namesCredit(text: string): boolean {
  return CREDIT.test(text);
}

/**
 * Whether a short line is a photo or source credit. The paragraph just before one is the picture's caption
 * (see collectBlocks).
 */
export function isCredit(text: string): boolean {
  return tokenCount(text) <= MAX_CREDIT_WORDS && (CREDIT.test(text) || CREDIT_LINE.test(text));
}

/** "By Jane Doe", "By Jane Doe and John Roe, CNN", "Von Max Muster", "Par Marie Dupont". */
const BYLINE =
  /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Aa]f)\s+\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'’-]*|and|und|et|y|e|&|,))*\s*(?:[,|–—-].*)?$/u;

/**
 * What is left of a byline once Readability has lifted the author's name out of it:
 * "By , Transport Reporter · Updated 14 March".
 */
const BYLINE_REMNANT = /^(?:[Bb]y|[Vv]on|[Pp]ar|[Pp]or)\s*[,·|–—-]/u;

/** "Updated 10:32 AM ET, Mon March 2, 2015", "Published: …", "Aktualisiert am …". */
const TIMESTAMP =
  /^(?:updated|published|posted|last (?:updated|modified)|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato)\b/iu;

/** A numbered figure's or table's caption: "Figure 3: …", "Abb. 2.", "Tabelle 1:", "Rys. 4:". */
const NUMBERED_CAPTION =
  /^(?:fig(?:ure|ura|uur)?|abb(?:ildung)?|tab(?:le|elle|ela|ella|la|leau)?|rys(?:unek)?)\.?\s*\d+[a-z]?\s*[:.]/iu;

/** Counts whitespace-separated tokens, enough to tell short lines from prose. */
function tokenCount(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (token) count++;
  return count;
}

/** Whether a paragraph is page furniture: a call to action, credit, caption, byline or timestamp line. */
export function isBoilerplate(text: string): boolean {
  if (tokenCount(text) > MAX_BOILERPLATE_WORDS) return false;
  return (
    LABEL.test(text) ||
    CALL_TO_ACTION.test(text) ||
    (NEWSLETTER.test(text) && SIGN_UP.test(text)) ||
    CREDIT.test(text) ||
    NUMBERED_CAPTION.test(text) ||
    BYLINE.test(text) ||
    BYLINE_REMNANT.test(text) ||
    TIMESTAMP.test(text)
  );
}

/** News agencies that appear in datelines. */
const AGENCY = String.raw`(?:CNN|Reuters|AP|AFP|dpa|UPI|Bloomberg|APA|SDA|KNA|epd|dts|SID|ANSA|EFE|Xinhua|AA|PA)`;

/**
 * Datelines at the start of the first paragraphs: "(CNN)", "(CNN) -- ", "WASHINGTON (Reuters) - ",
 * "Berlin (dpa) - ", "LONDON, March 3 (AP) — ", and an upper-case place with a dash: "BEIRUT — ".
 */
const DATELINES: readonly RegExp[] = [
  new RegExp(String.raw`^\(${AGENCY}(?:\/[^()]{1,20})?\)\s*(?:[-–—:]+\s*)?`, 'u'),
  new RegExp(
    String.raw`^\p{Lu}[\p{L}\p{M}.'’ /-]{1,40}(?:,[^()\n]{1,40})?\s*\(${AGENCY}(?:\/[^()]{1,20})?\)\s*[-–—:]*\s*`,
    'u',
  ),
  /^\p{Lu}[\p{Lu}\p{M}.'’ ]{2,30}(?:,\s*[\p{L}\p{M}.'’ ]{2,30})?\s*[-–—]{1,2}\s+(?=\p{Lu}|["“])/u,
];

/** The paragraph without a leading dateline; unchanged when there is none. */
export function stripDateline(text: string): string {
  for (const pattern of DATELINES) {
    const match = pattern.exec(text);
    if (match && match[0].length < text.length) return text.slice(match[0].length);
  }
  return text;
}
