// Years written relative to a reference year (« N-2 | N-1 | N », « Réalisé N-1 »), the reference given once elsewhere:
// in a title line above the table (« Exercice de référence : N = 2024 », « Année N : 2024 »), else the latest year the
// header band names (« Bilan financier 2024 », « Total 2021-2024 »), else the sheet's name (« Bilan 2024 »).
// The header cells are read with the year written out beside the relative one (« 2022 (N-2) »), so every later step
// reads them as years; the body is never touched.
import type { Cell, SheetSnapshot } from "../model/snapshot";
import { norm, yearsIn } from "./normalize";

/** « N », « N-1 », « N - 2 », « N+1 »: an upper-case N standing alone, not « N° », « N. », a word. */
const TOKEN = /(?<![\p{L}\p{N}°'’./])N(?:\s?([-+])\s?(\d{1,2}))?(?![\p{L}\p{N}°'’./])/gu;
/** Header texts only: short ones. */
const MAX_TEXT = 80;

/** « au 31/12/N-1 »: a date, whose year is written alone. */
const DATE = /(31 ?\/ ?12 ?\/ ?)N(?:\s?([-+])\s?(\d{1,2}))?(?![\p{L}\p{N}])/gu;

const LETTER = /\p{L}/u;

/**
 * Whether an « N » stands before something other than a letter, where alone both patterns can match: « Nombre de
 * bénéficiaires », « ONDAM », written on every fiche row, need no regular expression.
 */
function nBeforeNonLetter(text: string): boolean {
  for (let i = text.indexOf("N"); i >= 0; i = text.indexOf("N", i + 1)) {
    if (i + 1 >= text.length) return true;
    const c = text.charCodeAt(i + 1);
    const asciiLetter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!asciiLetter && !(c >= 128 && LETTER.test(text[i + 1]!))) return true;
  }
  return false;
}

/** The offsets of the relative years a text holds, dates (« au 31/12/N-1 ») included. */
function offsetsIn(text: string): number[] {
  const out: number[] = [];
  // Both patterns need an upper-case N: most body cells have none, and the regular expressions are costly (issue 15).
  if (!nBeforeNonLetter(text)) return out;
  for (const m of text.matchAll(TOKEN)) out.push(m[1] ? (m[1] === "-" ? -1 : 1) * Number(m[2]) : 0);
  for (const m of text.matchAll(DATE)) out.push(m[2] ? (m[2] === "-" ? -1 : 1) * Number(m[3]) : 0);
  return out;
}

/**
 * Rows that hold relative years: at least two distinct ones, one of them with an offset (a lone « N » in a column of
 * Oui/Non answers is no year).
 */
function relativeRows(sheet: SheetSnapshot): number[] {
  const rows: number[] = [];
  // (Indexed loops, a set only for a row with an « N »: every cell of the sheet is looked at, 600 000 at 10 000 rows.)
  for (let i = 0; i < sheet.cells.length; i++) {
    const row = sheet.cells[i];
    if (!row) continue;
    let seen: Set<number> | null = null;
    for (let j = 0; j < row.length; j++) {
      const v = row[j]?.value;
      if (typeof v !== "string" || v.length > MAX_TEXT || !nBeforeNonLetter(v)) continue;
      for (const o of offsetsIn(v)) (seen ??= new Set()).add(o);
    }
    if (seen && seen.size >= 2 && [...seen].some((o) => o !== 0)) rows.push(i + 1);
  }
  return rows;
}

/** « N = 2024 », « N : 2024 », « Année N : 2024 », « Exercice de référence : 2024 », « Année de référence 2024 ». */
// (« Année de référence (N) : 2024 »; « Bilan de l'exercice 2024 (année N) », « Exercice 2024 (N) ».)
const GIVEN = [
  /(?:^|[^a-z0-9°])n ?(?:=|:) ?(20\d{2})\b/,
  /\b(?:annee|exercice) (?:de )?reference(?: \(n\))? ?:? ?(20\d{2})\b/,
  /\breference ?:? ?n? ?=? ?(20\d{2})\b/,
  /\b(20\d{2}) ?\((?:annee |exercice )?n\)/,
];

function givenIn(text: string): number | null {
  const t = norm(text);
  for (const re of GIVEN) {
    const m = re.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The reference year for relative years on row r: the nearest title line above that gives it, else the band's or the sheet's. */
function referenceYear(sheet: SheetSnapshot, r: number): number | null {
  for (let u = r - 1; u >= 1; u--) {
    for (const cell of sheet.cells[u - 1] ?? []) {
      if (typeof cell?.value !== "string") continue;
      const y = givenIn(cell.value);
      if (y) return y;
    }
  }
  // The latest year the header band names (the last year's realisations, the period's span), the rows around r.
  let latest = 0;
  for (let u = Math.max(1, r - 3); u <= r + 1; u++) {
    for (const cell of sheet.cells[u - 1] ?? []) {
      if (typeof cell?.value !== "string" || cell.value.length > MAX_TEXT) continue;
      for (const y of yearsIn(cell.value)) latest = Math.max(latest, y);
    }
  }
  if (latest) return latest;
  const named = yearsIn(sheet.name);
  return named.length === 1 ? named[0]! : null;
}

const yearOf = (n: number, sign: string | undefined, k: string | undefined) => n + (sign ? (sign === "-" ? -1 : 1) * Number(k) : 0);
/** « N-2 à N », « N-3 - N-1 »: a span, written as one (« 2022-2024 ») so that it reads as a span. */
const SPAN = new RegExp(`${TOKEN.source} ?(?:-|[àÀaA]|au|AU) ?${TOKEN.source}`, "gu");

/** The text with each relative year written out: « N-2 » → « 2022 (N-2) », « Réalisé N » → « Réalisé 2024 (N) ». */
export function withYears(text: string, n: number): string {
  return text
    .replace(DATE, (_, day: string, sign: string | undefined, k: string | undefined) => `${day}${yearOf(n, sign, k)}`)
    .replace(
      SPAN,
      (_, s1: string | undefined, k1: string | undefined, s2: string | undefined, k2: string | undefined) => `${yearOf(n, s1, k1)}-${yearOf(n, s2, k2)}`,
    )
    .replace(TOKEN, (tok, sign: string | undefined, k: string | undefined) => `${yearOf(n, sign, k)} (${tok.replace(/\s/g, "")})`);
}

/**
 * The sheet with relative years written out in its header rows, or the sheet itself when it has none (or none whose
 * reference year can be found). The copy shares every row but those rewritten.
 */
export function resolveRelativeYears(sheet: SheetSnapshot): SheetSnapshot {
  const rows = relativeRows(sheet);
  if (!rows.length) return sheet;
  const cells = [...sheet.cells];
  let changed = false;
  for (const r of rows) {
    const n = referenceYear(sheet, r);
    if (!n) continue;
    const row = sheet.cells[r - 1]!;
    cells[r - 1] = row.map((cell): Cell | undefined => {
      if (typeof cell?.value !== "string" || cell.value.length > MAX_TEXT || !offsetsIn(cell.value).length) return cell;
      return { ...cell, value: withYears(cell.value, n) };
    });
    changed = true;
  }
  return changed ? { ...sheet, cells } : sheet;
}
