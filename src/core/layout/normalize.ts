// Header text normalised for matching: lower case, no accents, one apostrophe, single spaces.
import { memoByText } from "../model/textMemo";

function normalise(text: string): string {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[’‘`´]/g, "'")
      .replace(/[–—]/g, "-")
      // "Nº" and "N˚" are "N°"; footnote calls ("Service pilote **", "Exécution 2027 (2)", "Écart*") are not words.
      .replace(/[º˚]/g, "°")
      // A trailing colon (« Enveloppe totale : », « INTITULÉ : ») is typography, as is a double space.
      .replace(/\s*:\s*$/, "")
      .replace(/\s*(\*+|\(\d\)|\[\d\])\s*$/, "")
      .replace(/\s+/g, " ")
      .trim()
  );
}

/** Cached: header texts repeat (merged groups, plain layouts) and are classified many times. */
export const norm = memoByText(normalise, 20_000);

/**
 * Room for a body's distinct texts at 100 000 fiche rows and more (each fiche's label is its own): a cache emptied
 * while a pass is under way keeps none of them for the next, and every pass normalises every label again (0.4 s at
 * 100 000 rows). About 100 bytes an entry: 25 MB at most.
 */
const normalisedHead = memoByText(normalise, 250_000);

/**
 * On the first characters only. Cached apart from norm's header texts: a body cell is read on every pass over the rows
 * (each parse, each check) and many repeat (sources, objective types); the cache is emptied when it grows large.
 */
export function normHead(text: string, length = 60): string {
  return normalisedHead(text.length > length ? text.slice(0, length) : text);
}

/** Distinct four-digit years 2000-2099 in a text, in order. */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<!\d)(20\d{2})(?!\d)/g)) {
    const y = Number(m[1]);
    if (!out.includes(y)) out.push(y);
  }
  return out;
}

/** "31/12/22" or "31/12/2022" -> 2022. */
export function endOfYearIn(text: string): number | null {
  // (« Fin 2023 », « fin de l'exercice 2023 », « au 31 décembre 2023 » say the same.)
  const m =
    /31 ?\/ ?12 ?\/ ?(\d{2,4})(?!\d)/.exec(text) ?? /\b(?:fin (?:de l.annee |d.annee |de l.exercice |d.exercice |de )?|31 decembre )(20\d{2})(?!\d)/.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  return y < 100 ? 2000 + y : y;
}

// A year alone, or with its unit ("2025 (€)", "2025 en euros") or qualified as planned ("Prévu 2022", "Prév. 2022",
// "Prévisionnel 2022", "2020 (prévisionnel)", "2022 prévu", "en 2022", crédits de paiement "CP 2021", budget primitif
// "BP 2022", "Dotation 2023"), or a relative year written out ("2022 (N-2)", relativeYears.ts): the group above says
// what it is.
const BARE_YEAR =
  /^(?:annee |exercice |prevus? (?:en )?|prev\.? ?|previsions? |previsionnel(?:le)? |budget primitif |budget |credits? |montants? |en |cp ?|bp ?|dotation )?(20\d{2})(?: \(n(?:[-+]\d{1,2})?\))?(?: ?\(?(?:previsionnel(?:le)?|prevus?|prev\.?)\)?)?(?: ?\(?(?:en )?(?:k ?€|€|euros?|keur)\)?)?$/;

export function isBareYear(text: string): boolean {
  return BARE_YEAR.test(text);
}

export function bareYear(text: string): number | null {
  const m = BARE_YEAR.exec(text);
  return m ? Number(m[1]) : null;
}
