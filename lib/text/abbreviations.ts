/**
 * Abbreviations that end in a period without ending the sentence, for repairing Intl.Segmenter
 * (ICU breaks after "Mr." followed by a capital). Case-sensitive, without the final period.
 */

/** Titles and honorifics: always followed by a name, never sentence-final in news. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `Mr Mrs Ms Mx Dr Drs Prof St Ste Sr Sra Srta Jr Gov Sen Rep Gen Col Lt Sgt Capt Cmdr Adm Maj Rev Hon Pres Supt Det Insp Mt Ft Messrs Mme Mlle MM Me Pr Hr Fr Frl Dott Sig Dra Dña Ud Uds Gebr Hrsg Sta Sto Av Bd Pfr vs bzw ca vgl sog evtl ggf inkl bspw zB Abb Tel z.B d.h u.a v.a o.ä s.o s.u e.g i.e cf approx`.split(
    ' ',
  ),
);

/** Abbreviations that precede a number: "No. 1", "Nr. 5", "Jan. 6", "p. 12", "Art. 3". */
export const NUMBER_ABBREVIATIONS: ReadonlySet<string> = new Set(
  `No Nos Nr Art Abs Ziff Bd Vol vol Ch ch p pp S Fig fig Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Jän Febr Okt Dez janv févr avr juil sept oct déc ene feb abr ago dic n°`.split(
    ' ',
  ),
);

/**
 * Languages that write ordinal numbers with a period ("am 3. Oktober", "2. Weltkrieg"), so
 * "3." before a capital is usually not a sentence end.
 */
export const ORDINAL_DOT_LANGUAGES: ReadonlySet<string> = new Set(
  'de da no fi cs sk pl hu sl hr sr is et lv lt tr'.split(' '),
);
