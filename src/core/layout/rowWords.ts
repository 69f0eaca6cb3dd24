// The words and numbers of a table's rows: fiche numbers as départements write them, the labels of sum and title rows,
// header words typed where amounts belong.
import { type Cell, type CellValue, isBlankValue } from "../model/snapshot";
import { isBareYear, norm, normHead } from "./normalize";

/** A coded number: the contract's acronym says nothing (« CDPPE-03 » is 3); a theme's code is kept (« PMI-02 »). */
const CODED = /^(?:(cdppe|cdpe|cppe|ppe) ?[-_ ]? ?|([a-z]{3,5})[-_])(\d{1,3})(?:\.(\d{1,2}))?$/;

/** The number and the fiche's title in one cell: « 1 - Bilans de santé », « FA 3 : Parrainage », « 12. Relais ». */
const TITLED =
  /^(?:(?:fiches?(?:[- ]actions?)?|fa|f\.?a\.?|action)\s*)?(?:n ?°\s*)?(\d{1,3}(?:\.\d{1,2})?)\s*(bis|ter|quater)?\s*(?:[-:)]|\.(?=\s))\s*(?=[a-z«"'(])/;
/** « Fiche n°3 Parrainage »: the contract's words and « n° » say it is a fiche even with no separator before the title. */
const NAMED_TITLED = /^(?:fiches?(?:[- ]actions?)?|fa|f\.?a\.?|action)\s*n ?°\s*(\d{1,3}(?:\.\d{1,2})?)\s+(bis|ter|quater)?\s*(?=[a-z«"'(])/;

/**
 * A coded or roman number before the title (« CDPPE-03 : Créer… », « II.3 - Parrainage », « PMI-02 - Bilans »): the head
 * before the first separator followed by a word, read as a bare fiche number (three digits at most: « 2022 - Bilan » is no fiche).
 */
const HEADED = /^(.{1,16}?)\s*(?:[-:)]|\.(?=\s))\s*(?=[a-z«"'(])/;

function titledHead(t: string): string | null {
  const h = HEADED.exec(t);
  if (!h || /\d{4}/.test(h[1]!) || !/\d/.test(h[1]!)) return null;
  return bareFiche(h[1]!);
}

/** A fiche number written with its title in one cell (« 1 - Bilans de santé »), not a bare number. */
export function isTitledFiche(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const t = normHead(v, 40);
  return TITLED.test(t) || NAMED_TITLED.test(t) || titledHead(t) !== null;
}

/**
 * A fiche number as départements write it: 1, 01, "FA 1", "FA-1", "Fiche 12", "1.2" (sub-action), "1 bis", "A1".
 * Normalised so both tables agree: "01", "FA 1" and "Fiche n° 1" are all "1"; "A1" stays "A1", "1.2" stays "1.2".
 */
export function parseFiche(v: CellValue): string | null {
  if (typeof v === "number") {
    if (!(v > 0 && v < 1e6)) return null;
    if (Number.isInteger(v)) return String(v);
    // 1.2 typed as a number: a sub-action, not an amount (amounts do not sit in the fiche column).
    return v < 1000 && Math.abs(Math.round(v * 100) - v * 100) < 1e-6 ? String(v) : null;
  }
  if (typeof v !== "string") return null;
  const titled = TITLED.exec(normHead(v, 40)) ?? NAMED_TITLED.exec(normHead(v, 40));
  if (titled) return `${titled[1]!.replace(/^0+(?=\d)/, "")}${titled[2] ? ` ${titled[2]}` : ""}`;
  return bareFiche(normHead(v, 30)) ?? titledHead(normHead(v, 40));
}

/** A fiche number alone in its cell, the text normalised. */
function bareFiche(t: string): string | null {
  const code = CODED.exec(t);
  if (code) {
    const num = `${Number(code[3])}${code[4] ? `.${Number(code[4])}` : ""}`;
    return code[1] ? num : `${code[2]!.toUpperCase()}${num}`;
  }
  const m =
    /^(?:fiches?(?:[- ]actions?)?|fa|f\.?a\.?|action|n ?°)?\s*[-–:]?\s*(?:n ?°\s*)?([ivx]{1,4}\s?[-.]\s?|[a-z]{1,2}\s?[-.]?\s?)?(\d{1,6}(?:[.-]\d{1,3}){0,2})\s*(bis|ter|quater|[a-z])?\.?$/i.exec(
      t,
    );
  if (!m) return null;
  const prefix = m[1] ? m[1].replace(/[\s.-]/g, "").toUpperCase() : "";
  if (prefix && /^(N|NO)$/.test(prefix)) return null;
  const num = /^\d+$/.test(m[2]!)
    ? String(Number(m[2]))
    : m[2]!
        .replace(/-/g, ".")
        .split(".")
        .map((x) => String(Number(x)))
        .join(".");
  return `${prefix}${num}${m[3] ? ` ${m[3].toLowerCase()}` : ""}`;
}

export function isFilled(cell: Cell | undefined): boolean {
  return !!cell && (!isBlankValue(cell.value) || !!cell.formula);
}

export function labelOf(cells: Array<Cell | undefined> | undefined, c1: number, c2: number): string {
  if (!cells) return "";
  for (let c = c1; c <= Math.min(c2, c1 + 11); c++) {
    const v = cells[c - 1]?.value;
    if (typeof v === "string" && v.trim()) return normHead(v);
  }
  return "";
}

// (« Totaux », the plural, does not start with « total ».)
export const TOTAL = /^(total(es?)?|totaux)\b(?! cd\b)/;
// "Sous-total", "Sous total", "S/TOTAL", "S-Total", "Ss-total", "S/T Engagement 2", "Total engagement 2"…
// (« ST engagement 2 », « S.T. axe 2 »: the abbreviation before the group it sums.)
export const SUBTOTAL_PREFIX = /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total|s\s?\/\s?t\b|s\.?\s?t\.?(?=\s(?:engagements?|axes?|volets?|eng\b)))\s*/;
export const SUBTOTAL =
  /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total|s\s?\/\s?t\b|s\.?\s?t\.?(?=\s(?:engagements?|axes?|volets?|eng\b))|total (de l'|du |de la |des )?(engagements?|eng|axes?|conditions?|objectifs?|orientations?|parties?|volets?|th[eè]mes?|p[oô]les?|mesures?|hors)\b)/;
export const TITLE = /^(engagement\s*(n ?°)?\s*\d|conditions?\b|axe\s*\d|gouvernance|partie\s*\d)/;

export function groupKey(title: string, index: number): string {
  const t = norm(title);
  const m = /^engagement\s*(?:n ?°)?\s*(\d+)/.exec(t);
  if (m) return `engagement${m[1]}`;
  if (/^conditions?/.test(t)) return "conditions";
  return `groupe${index + 1}`;
}

/** Words of a row that sums others ("Sous-total", "S/T axe 2", "Engagement 1", "Objectif 3", "Conditions…"). */
export const SUM_WORDS = /\b(total|s\s?\/\s?t|engagement|axe|objectif|conditions?|partie|volet|orientation)\b/;

/**
 * « 2022 », « Montant », « en € », « Exécution 2026 » as text: a header cell, not an amount typed as text (« 12 500 € »)
 * nor a word a fiche puts where it has no amount (« néant », « NC »).
 */
const HEADER_WORDS =
  /\b(montants?|total|taux|execution|realis\w*|prevu|previsionnel|budget|cumul\w*|euros?|mandate|consomme|credits|annee|exercice|ecart|solde|reste)\b|^[^\d]*€/;
const isHeaderText = (v: string): boolean => {
  const t = normHead(v);
  return isBareYear(t) || HEADER_WORDS.test(t);
};

/** Whether two amount columns or more of a row hold header texts (one is a typo the number-as-text rule reports). */
export function headerInAmounts(cells: Array<Cell | undefined> | undefined, amountCols: number[]): boolean {
  let n = 0;
  for (const c of amountCols) {
    const v = cells?.[c - 1]?.value;
    if (typeof v === "string" && isHeaderText(v) && ++n >= 2) return true;
  }
  return false;
}
