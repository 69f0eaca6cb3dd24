// The header band of a table: how many rows it has, and how the groups on its upper rows (merged, written over their
// first column only, or repeated) combine with the sub-headers below them into each column's header text and class.
import type { Rect } from "../model/a1";
import { isBlankValue, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { cellKey } from "../model/cellKey";
import { unitStated } from "./amountUnit";
import { classifyHeader } from "./classify";
import { isBareYear, norm } from "./normalize";
import { TITLE } from "./rowWords";
import type { ColumnClass } from "./types";

export const MAX_HEADER_TEXT = 250;

export function cellText(v: CellValue): string {
  if (v === null || typeof v === "boolean") return "";
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : "";
  if (typeof v === "string") return v.length > MAX_HEADER_TEXT ? "" : v;
  return "";
}

/** Cells covered by a merge, keyed by row*COLS+col, pointing at the merge. */
export class MergeIndex {
  private readonly map = new Map<number, Rect>();
  constructor(sheet: SheetSnapshot) {
    for (const m of sheet.merges) {
      if ((m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1) > 5000) continue;
      for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) this.map.set(cellKey(r, c), m);
    }
  }
  at(r: number, c: number): Rect | undefined {
    return this.map.get(cellKey(r, c));
  }
}

/**
 * One column's header. `group`: every level over the column's own header, top first, joined by spaces, a group merged
 * or written once over its first column given to each column under it (« Exécution cumulée 2020-2024 », not only the
 * « Montant » two groups share); `sub`: the lowest text. `cls`: what the two say together.
 */
export interface HeaderColumn {
  col: number;
  group: string;
  sub: string;
  cls: ColumnClass | null;
}

export function textAt(sheet: SheetSnapshot, merges: MergeIndex, r: number, c: number): string {
  const own = cellText(sheet.cells[r - 1]?.[c - 1]?.value ?? null);
  if (own) return own;
  const m = merges.at(r, c);
  // A merge carries its text to every cell of the same rows (horizontal spread), not to rows below it.
  if (m && m.r1 === r) return cellText(sheet.cells[m.r1 - 1]?.[m.c1 - 1]?.value ?? null);
  if (m && m.r1 < r) return "\u0000covered";
  return "";
}

export function countBareYears(sheet: SheetSnapshot, r: number): { years: number; filled: number } {
  const row = sheet.cells[r - 1];
  let years = 0;
  let filled = 0;
  if (!row) return { years, filled };
  for (const cell of row) {
    if (!cell || isBlankValue(cell.value)) continue;
    filled++;
    const t = cellText(cell.value);
    if (t && isBareYear(norm(t))) years++;
    else if (typeof cell.value === "string" && classifyHeader("", cell.value)) years++;
  }
  return { years, filled };
}

/**
 * The group row above a header row found first: when its bare years sit under texts of the row above ("Masse salariale"
 * over 2021, 2022), the header starts there, single-row headers standing on the lower row.
 */
/**
 * Groups written out in every column of the group instead of merged (« 2021 (€) », « 2021 (€) », « 2021 (€) »,
 * « Cumul 2021 à 2022 » ×3, as a merge undone leaves them): runs of two or more equal short texts on row u, each over
 * texts of row r.
 */
function repeatedGroupsOver(sheet: SheetSnapshot, u: number, r: number): number {
  const row = sheet.cells[u - 1] ?? [];
  const below = sheet.cells[r - 1] ?? [];
  let runs = 0;
  let c = 1;
  while (c <= row.length) {
    const t = cellText(row[c - 1]?.value ?? null).trim();
    let e = c;
    while (t && e < row.length && cellText(row[e]?.value ?? null).trim() === t) e++;
    if (t && e > c && t.length <= 40) {
      let under = 0;
      for (let k = c; k <= e; k++) if (cellText(below[k - 1]?.value ?? null).trim()) under++;
      if (under === e - c + 1) runs++;
    }
    c = e + 1;
  }
  return runs;
}

export function groupRowAbove(sheet: SheetSnapshot, merges: MergeIndex, r: number): boolean {
  if (r <= 1) return false;
  const row = sheet.cells[r - 1];
  if (!row) return false;
  let years = 0;
  let covered = 0;
  // A title merged across (nearly) the whole header row is over the table, not a group over its years.
  const filledCols = row.flatMap((cell, i) => (cell && !isBlankValue(cell.value) ? [i + 1] : []));
  const span = filledCols.length ? filledCols[filledCols.length - 1]! - filledCols[0]! + 1 : 0;
  const title = (c: number) => {
    const m = merges.at(r - 1, c);
    return m !== undefined && (m.c2 - m.c1 + 1) * 5 >= span * 4;
  };
  for (let c = 1; c <= row.length; c++) {
    const t = cellText(row[c - 1]?.value ?? null);
    if (!t || !isBareYear(norm(t))) continue;
    years++;
    const above = textAt(sheet, merges, r - 1, c);
    if (above && above !== "\u0000covered" && !isBareYear(norm(above)) && !title(c)) covered++;
  }
  if (years >= 2 && covered * 2 >= years) return true;
  // Or a group merged over a few columns of this row ("Budget consommé" over « au 31/12/2026 », « en 2027 »…), not a
  // title merged across the whole table.
  const filled = row.filter((cell) => cell && !isBlankValue(cell.value)).length;
  const above = sheet.cells[r - 2] ?? [];
  if (above.some((cell) => typeof cell?.value === "number" && !isBareYear(String(cell.value)))) return false;
  // A lone text merged from the header's first column (« Document de travail », « Département (montants en euros) »)
  // is a title over the table's first columns, not a group: a group row over the first columns has other groups too.
  if (loneTitleOver(sheet, r - 1, r)) return false;
  if (repeatedGroupsOver(sheet, r - 1, r) >= 2) return true;
  return sheet.merges.some((m) => {
    if (m.r1 !== r - 1 || m.r2 !== r - 1 || m.c2 <= m.c1 || (m.c2 - m.c1 + 1) * 2 > filled) return false;
    const t = cellText(above[m.c1 - 1]?.value ?? null);
    let under = 0;
    for (let c = m.c1; c <= m.c2; c++) if (cellText(row[c - 1]?.value ?? null)) under++;
    return t.length > 0 && t.length <= 40 && under >= 2;
  });
}

/** Sub-headers that say what a group's column holds (an amount, a rate, a total), not what it is about. */
const GENERIC_SUB =
  /^(montants?|globale?s?|annuel(le)?s?|taux( d'execution| de consommation| de realisation)?|%|€|euros|total|sous[- ]?total|cumul(e|es|ee)?|realises?|prevus?)$/;
const UNIT_SUFFIX = /\s*(\((en )?(€|euros|%)( ttc| ht)?\)|en (€|euros)( ttc| ht)?)$/;

/**
 * Whether a sub-header says only what a group's column holds (« Montant », « Taux », « € »): written under a blank cell
 * after a group's first column, it is that group's, even where the words say nothing of it (« Année 2026 » / « Taux »).
 */
export function genericSub(sub: string): boolean {
  return GENERIC_SUB.test(norm(sub).replace(UNIT_SUFFIX, ""));
}

/** The funder whose money a header names (a yearly block or a block total), if any. */
function fundsOf(c: ColumnClass | null): string | null {
  if (!c) return null;
  const f = "block" in c ? c.block : (/^(ms|dgas|cd|fir|etat|ondam)Total$/.exec(c.role)?.[1] ?? null);
  return f && f in FUNDER_FAMILY ? f : null;
}
/** The département's money is its payroll and its DGAS budget too. */
const FUNDER_FAMILY: Record<string, string[]> = {
  cd: ["cd", "ms", "dgas"],
  ms: ["ms"],
  dgas: ["dgas"],
  fir: ["fir"],
  etat: ["etat"],
  ondam: ["ondam"],
};

/** « Cumul 2022-2025 », « Total 2021-2023 », « Sous-total »: a span or a total, no word of money spent. */
function spanTotal(sub: string): boolean {
  const n = norm(sub);
  return (
    /^(cumul|cumule|total|sous[- ]?total|montants? total|ensemble|s ?\/ ?total)\b/.test(n) && !/realis|execut|mandat|consomm|depens|pay|liquid|\breel/.test(n)
  );
}

/**
 * A funder named alone is its block's total; « Part Département » alone reads as the summary's Département column,
 * which is the CD's total all the same.
 */
const isBlockTotal = (role: string, block: string) => role === `${block}Total` || (block === "cd" && role === "departement");

/**
 * Whether a sub-header belongs under a group written to its left: alone it means the same or nothing, and under the
 * group it adds to it (« en 2027 » under « Consommation ») or is a generic word (« Total »); « Date de fin » is not.
 */
export function fitsUnder(group: string, sub: string, yearsGiven?: ReadonlySet<string>): boolean {
  const key = (x: ColumnClass | null) => JSON.stringify(x);
  const under = classifyHeader(group, sub);
  if (!under) return false;
  const alone = classifyHeader("", sub);
  // Year-major blocks written over their first funder only (« Budget 2022 » over « Masse salariale », then « Crédits
  // DGAS », « PLF »…): alone a funder's total, under the group that funder's year, each funder once (a second « FIR »
  // or a « Total FIR » after it is no longer the group's).
  if (alone && yearsGiven && "role" in alone && "block" in under && isBlockTotal(alone.role, under.block) && !yearsGiven.has(under.block)) return true;
  // A group naming one funder's money (« ONDAM médico-social », « Total Département ») holds that funder's columns only:
  // « Réalisations en 2022 » or « Source de co-financement » after it, on the same row as its years, is a header alone.
  const funder = fundsOf(classifyHeader("", group));
  if (funder && !FUNDER_FAMILY[funder]!.includes(fundsOf(under) ?? "")) return false;
  // A generic sub-header (« Montant », « Taux d'exécution », « % ») takes its meaning from its group, whatever it would
  // mean alone: « Taux d'exécution » under « Cumul 2023-2025 » is the global rate.
  if (alone && genericSub(sub)) return true;
  // A span or a total in no words of money spent (« Cumul 2022-2025 », « Total 2021-2023 ») under a funder's planned
  // block is that block's total, though alone it reads as the realisations since the start.
  if (alone && spanTotal(sub) && fundsOf(under) !== null && "role" in under) return true;
  if (alone) return key(alone) === key(under);
  // A sub-header meaning nothing alone fits only as a generic word or a date (« Échéance » under a CD group does not).
  return GENERIC_WORD.test(norm(sub)) || /\b20\d{2}\b/.test(sub);
}

/** A year as a group's heading: « 2023 », « Année 2023 », « CP 2023 », « Budget 2023 », « Financements prévus 2023 ». */
const YEAR_HEADING =
  /^((annee|exercice|prevu|prevision|cp|bp|dotation) )?20\d{2}( \(n([-+]\d{1,2})?\))?$|^(budget|financements?|credits?|montants?|depenses?)( (prevus?|previsionnel(le)?s?))? 20\d{2}$/;

/**
 * Groups written over their first column only, with no merge (« Financements prévus » over « CD », « FIR », « Total »):
 * at least two texts of row r + 1 say nothing alone, sit under blank cells of row r, and say something under the
 * nearest text of row r on their left. No amount on row r + 1.
 */
export function groupsWrittenFirstOnly(sheet: SheetSnapshot, r: number): boolean {
  const row = sheet.cells[r - 1];
  const next = sheet.cells[r];
  if (!row || !next) return false;
  let group = "";
  let under = 0;
  // Year-major groups (« 2023 » over « Masse salariale », then « FIR », « ETAT »…): a funder alone is its block's total,
  // under the year that year's, each funder once.
  let given = new Set<string>();
  const yearOfFunder = (sub: string): boolean => {
    // (A year heading, not a title that holds a date: « Annexe financière — suivi au 31/12/2022 ».)
    if (!YEAR_HEADING.test(norm(group))) return false;
    const cls = classifyHeader(group, sub);
    const alone = classifyHeader("", sub);
    if (!cls || !("block" in cls) || !alone || !("role" in alone) || !isBlockTotal(alone.role, cls.block) || given.has(cls.block)) return false;
    given.add(cls.block);
    return true;
  };
  for (let c = 1; c <= Math.max(row.length, next.length); c++) {
    const own = cellText(row[c - 1]?.value ?? null);
    const v = next[c - 1]?.value ?? null;
    if (typeof v === "number" && !isBareYear(String(v))) return false;
    // (A year typed as a number, 2022 under « Financement Département », is as much a sub-header as « 2022 » typed.)
    const sub = typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";
    if (own) {
      // A title over the table (« CONTRAT DÉPARTEMENTAL… ») is no group.
      if (own.length > 40) return false;
      group = own;
      given = new Set();
      // The group's first column counts too when its sub-header says nothing alone (« Total » under « Budget prévisionnel »).
      if (sub && ((!classifyHeader("", sub) && fitsUnder(group, sub)) || yearOfFunder(sub))) under++;
      continue;
    }
    if (group && sub && ((!classifyHeader("", sub) && fitsUnder(group, sub)) || yearOfFunder(sub))) under++;
  }
  return under >= 2;
}

export function hasHorizontalMerge(sheet: SheetSnapshot, r: number): boolean {
  return sheet.merges.some((m) => m.r1 === r && m.c2 > m.c1 && m.r2 <= r + 1);
}

/** Up to four header rows: super-group (« PRÉVISIONNEL »), group (« Département »), block (« Masse salariale »), year. */
export const MAX_HEADER_ROWS = 4;

/**
 * Whether a row, or its columns c1 to c2, holds nothing but header-like cells: texts and bare years, most of them
 * known, no amount, no fiche number; at least `minFilled` of them.
 */
export function headerLike(sheet: SheetSnapshot, r: number, span?: { c1: number; c2: number }, minFilled = 2): boolean {
  const row = sheet.cells[r - 1];
  if (!row) return false;
  let filled = 0;
  let known = 0;
  for (let c = span?.c1 ?? 1; c <= Math.min(span?.c2 ?? row.length, row.length); c++) {
    const v = row[c - 1]?.value ?? null;
    if (v === null || isBlankValue(v)) continue;
    filled++;
    const t = cellText(v);
    if (!t || typeof v === "boolean") return false;
    const n = norm(t);
    if (typeof v === "number" && !isBareYear(n)) return false;
    if (isBareYear(n) || classifyHeader("", t) || GENERIC_WORD.test(n)) known++;
    else if (/^(fa|fiche|action)?\s*[-.]?\s*\d{1,3}( ?bis| ?ter)?$/.test(n)) return false;
  }
  return filled >= minFilled && known * 2 >= filled;
}
/** A unit alone: « € », « en € », « k€ », « (en euros) », « % », « en % ». */
const UNIT_ONLY = /^\(?(en )?(k ?€|€|euros?|keur|milliers d.euros|%)\)?$/;

/**
 * The band with the row of units under it (« € » under the amounts, « % » under the rates, blank under the texts), if
 * any, between columns c1 and c2: it says nothing the band does not, and it is no fiche.
 */
export function withUnitRow(sheet: SheetSnapshot, rows: number[], c1: number, c2: number): number[] {
  const r = rows[rows.length - 1]! + 1;
  const row = sheet.cells[r - 1];
  if (!row) return rows;
  let units = 0;
  for (let c = c1; c <= Math.min(c2, row.length); c++) {
    const v = row[c - 1]?.value ?? null;
    if (v === null || isBlankValue(v)) continue;
    if (typeof v !== "string" || !UNIT_ONLY.test(norm(v))) return rows;
    units++;
  }
  return units >= 2 ? [...rows, r] : rows;
}
export const GENERIC_WORD = /^(montants?|taux|total|sous[- ]?total|cumul(e|es|ee)?|realises?|prevus?|ensemble|s ?\/ ?total)\b|^%$/;

/** Horizontal merges that start on row r and span columns whose row below holds text. */
export function groupsOver(sheet: SheetSnapshot, merges: MergeIndex, r: number, below: number): number {
  let n = 0;
  for (const m of sheet.merges) {
    if (m.r1 !== r || m.r2 !== r || m.c2 <= m.c1) continue;
    // A title merged over the first columns (« CONTRAT DÉPARTEMENTAL DE PRÉVENTION… ») is no group.
    const own = cellText(sheet.cells[m.r1 - 1]?.[m.c1 - 1]?.value ?? null);
    if (own.length > 40) continue;
    let texts = 0;
    for (let c = m.c1; c <= m.c2; c++) {
      const t = textAt(sheet, merges, below, c);
      if (t && t !== "\u0000covered") texts++;
    }
    if (texts >= 2) n++;
  }
  return n;
}

/**
 * Header rows around r (the first row with enough roles): group rows merged over it above, sub-header rows under it
 * (held by vertical merges from above or under merged groups) below, up to three rows in all.
 */
export function headerRowsAt(sheet: SheetSnapshot, merges: MergeIndex, r: number): number[] {
  const rows = [r];
  // Above: a row of merged groups over r's headers ("Budget consommé" over « au 31/12/2026 », « en 2027 »…), not a title
  // merged across the whole table.
  const width = sheet.cells[r - 1]?.filter((x) => x && !isBlankValue(x.value)).length ?? 0;
  if (r > 1 && groupsOver(sheet, merges, r - 1, r) > 0 && !loneTitleOver(sheet, r - 1, r)) {
    const spans = sheet.merges.filter((m) => m.r1 === r - 1 && m.r2 === r - 1 && m.c2 > m.c1);
    const row = sheet.cells[r - 2] ?? [];
    const numbers = row.some((x) => x && typeof x.value === "number" && !isBareYear(norm(String(x.value))));
    if (!numbers && spans.every((m) => (m.c2 - m.c1 + 1) * 5 < width * 4)) rows.unshift(r - 1);
  }
  while (rows.length < MAX_HEADER_ROWS) {
    const last = rows[rows.length - 1]!;
    const next = last + 1;
    const held = sheet.merges.some((m) => m.r1 >= rows[0]! && m.r1 <= last && m.r2 >= next && m.c2 === m.c1);
    // (Groups written over their first column only leave no merge: a row of years under them continues the header, and
    // so does a row of headers under blank cells of the row above, the groups' other columns.)
    // (Unless held, not beyond a header merged down to `last`: « N° de fiche » merged over the rows so far ends the
    // band there, and the row under it is the body or the header of a table beside this one.)
    const endsHere = sheet.merges.some((m) => m.c1 === m.c2 && m.r1 >= rows[0]! && m.r1 < m.r2 && m.r2 === last) || titleRow(sheet, merges, rows, next);
    const continued =
      held ||
      (!endsHere &&
        (groupsOver(sheet, merges, last, next) > 0 ||
          (rows.length === 2 && headerContinuation(sheet, next)) ||
          textsUnderBlanks(sheet, merges, rows, next) >= 2));
    if (!headerLike(sheet, next) || !continued) break;
    rows.push(next);
  }
  // Above again, with single headers on the bottom row: rows of groups over the groups of the band's top row
  // (« PRÉVISIONNEL » over « Département » over « Masse salariale » over « Prévu 2021 »), merged or written once.
  while (rows.length < MAX_HEADER_ROWS && rows[0]! > 1 && groupRowOver(sheet, merges, rows[0]! - 1, rows)) rows.unshift(rows[0]! - 1);
  return rows;
}

/**
 * A row whose one text starts at or before the first column of the header row below (« Document de travail »,
 * « Département (montants en euros) », merged over the first columns or not): a title over the table, not a group row,
 * which would name the groups of the blocks beside it too.
 */
function loneTitleOver(sheet: SheetSnapshot, u: number, r: number): boolean {
  const row = sheet.cells[u - 1] ?? [];
  const filled = row.flatMap((cell, i) => (cell && !isBlankValue(cell.value) ? [i + 1] : []));
  const first = (sheet.cells[r - 1] ?? []).findIndex((cell) => cell && !isBlankValue(cell.value)) + 1;
  return filled.length === 1 && first > 0 && filled[0]! <= first;
}

/** Whether the text at (r, c) heads a group of the band: merged across, or written once with blank cells after it. */
function headsGroup(sheet: SheetSnapshot, merges: MergeIndex, r: number, c: number, rows: number[]): boolean {
  const m = merges.at(r, c);
  if (m && m.c2 > m.c1) return true;
  if (m || textAt(sheet, merges, r, c + 1) !== "") return false;
  return rows.some((hr) => hr > r && cellText(sheet.cells[hr - 1]?.[c]?.value ?? null).trim() !== "");
}

/**
 * Whether row u, just above the band, is a row of groups over it: short texts only, each over a group of the band's
 * top row. (A title over the table, or over single headers, heads no group of them.)
 */
function groupRowOver(sheet: SheetSnapshot, merges: MergeIndex, u: number, rows: number[]): boolean {
  const row = sheet.cells[u - 1];
  if (!row || loneTitleOver(sheet, u, rows[0]!)) return false;
  let groups = 0;
  for (let c = 1; c <= row.length; c++) {
    const v = row[c - 1]?.value ?? null;
    if (v === null || isBlankValue(v)) continue;
    const t = cellText(v);
    if (!t || t.length > 40 || (typeof v === "number" && !isBareYear(norm(t)))) return false;
    const m = merges.at(u, c);
    if (m && m.r2 > u) return false;
    const c1 = m ? m.c1 : c;
    const beneath = textAt(sheet, merges, rows[0]!, c1);
    if (!beneath || beneath === "\u0000covered" || !headsGroup(sheet, merges, rows[0]!, c1, rows)) return false;
    groups++;
  }
  return groups > 0;
}

/**
 * Whether row r opens the body: a title (« Axe 1 - Agir le plus précocement… ») in the band's first column, under that
 * column's own header, though a table beside this one may have its header on that row.
 */
function titleRow(sheet: SheetSnapshot, merges: MergeIndex, rows: number[], r: number): boolean {
  const row = sheet.cells[r - 1] ?? [];
  const first = rows.reduce((c, hr) => {
    const i = (sheet.cells[hr - 1] ?? []).findIndex((cell) => cell && !isBlankValue(cell.value));
    return i >= 0 ? Math.min(c, i + 1) : c;
  }, Infinity);
  if (!Number.isFinite(first)) return false;
  const t = cellText(row[first - 1]?.value ?? null);
  return t.length > 40 && rows.some((hr) => textAt(sheet, merges, hr, first) !== "");
}

/**
 * Texts of row `below` under blank cells of the band's last row (neither written nor merged), within the columns the
 * band spans: sub-headers of groups written once. (A table beside this one, whose header starts lower, is not under it.)
 */
function textsUnderBlanks(sheet: SheetSnapshot, merges: MergeIndex, rows: number[], below: number): number {
  let c1 = Infinity;
  let c2 = 0;
  for (const hr of rows) {
    (sheet.cells[hr - 1] ?? []).forEach((cell, i) => {
      if (cell && !isBlankValue(cell.value)) {
        c1 = Math.min(c1, i + 1);
        c2 = Math.max(c2, i + 1);
      }
    });
  }
  const row = sheet.cells[below - 1] ?? [];
  const last = rows[rows.length - 1]!;
  // Texts right after the band's last column, with no blank column between, are under it too (« Prévisionnel » over
  // the co-financers after « Origine du co-financement », nothing over it on the top row).
  while (c2 > 0 && cellText(row[c2]?.value ?? null).trim()) c2++;
  let n = 0;
  for (let c = c1; c <= Math.min(c2, row.length); c++) {
    if (!cellText(row[c - 1]?.value ?? null).trim()) continue;
    const over = textAt(sheet, merges, last, c);
    if (over === "") n++;
    // Or under a group written over its first column only, blank cells after it (« MOYENS FINANCIERS PRÉVISIONNELS »
    // over « FONDS PROPRES », « Prévisionnel » over « Part du Département »): the first of that group's sub-headers.
    else if (over !== "\u0000covered" && !merges.at(last, c) && textAt(sheet, merges, last, c + 1) === "") n++;
  }
  return n;
}

/** A third header row under two: only texts (or bare years), most of them column names or years, no amounts. */
export function headerContinuation(sheet: SheetSnapshot, r: number): boolean {
  const row = sheet.cells[r - 1];
  if (!row) return false;
  for (const cell of row) {
    const v = cell?.value;
    if (typeof v === "number" && !isBareYear(String(v))) return false;
  }
  const n = countBareYears(sheet, r);
  return n.filled >= 2 && n.years >= 2 && n.years * 2 >= n.filled;
}

/** Header of one, two or three rows starting at r, one entry per column from the first to the last header cell. */
export function readHeader(sheet: SheetSnapshot, merges: MergeIndex, r: number, forceTwo = false): { rows: number[]; cols: HeaderColumn[] } {
  const next = countBareYears(sheet, r + 1);
  const twoLevel = forceTwo || hasHorizontalMerge(sheet, r) || (next.years >= 2 && next.years * 2 >= next.filled) || groupsWrittenFirstOnly(sheet, r);
  // Three levels ("Cofinanceurs" / "Crédits ARS" / "ARS 2025"): the middle row is the group, the top one qualifies it.
  const threeLevel = twoLevel && headerContinuation(sheet, r + 2) && !titleRow(sheet, merges, [r, r + 1], r + 2);
  const rows = threeLevel ? [r, r + 1, r + 2] : twoLevel ? [r, r + 1] : [r];
  // Rows of groups over these groups, single headers on the bottom row (« Exécution budgétaire » over « Année 2026 »
  // over « € », « Taux »): the header is read with them, every level of it.
  if (twoLevel) {
    const band = [...rows];
    while (band.length < MAX_HEADER_ROWS && band[0]! > 1 && groupRowOver(sheet, merges, band[0]! - 1, band)) band.unshift(band[0]! - 1);
    if (band.length > rows.length) return readDeepHeader(sheet, merges, band);
  }
  let maxCol = 0;
  for (const hr of rows) maxCol = Math.max(maxCol, sheet.cells[hr - 1]?.length ?? 0);
  for (const m of sheet.merges) if (m.r1 >= r && m.r1 <= r + rows.length - 1) maxCol = Math.max(maxCol, m.c2);
  const cols: HeaderColumn[] = [];
  let prevGroup = "";
  let prevSubYear = false;
  let prevTop = "";
  // Blocks given a year under the current group (year-major groups written over their first column only).
  const yearsGiven = new Set<string>();
  let givenUnder = "";
  for (let c = 1; c <= maxCol; c++) {
    let group = "";
    let sub: string;
    if (threeLevel) {
      const top = textAt(sheet, merges, r, c);
      const mid = textAt(sheet, merges, r + 1, c);
      sub = textAt(sheet, merges, r + 2, c);
      if (sub === "\u0000covered") sub = "";
      const real = (t: string) => (t === "\u0000covered" ? "" : t);
      // A text alone on the upper rows is the column's own header (merged down or written high).
      const subYear = isBareYear(norm(sub));
      // A middle group written over its first column only covers the years after it and their total.
      const sameTop = !real(top) || real(top) === prevTop;
      // (Beyond the top group's span, a column carries the middle group only when it fits under it: « Nombre de
      // bénéficiaires » after « Taux de consommation » / « 2024 » is no rate.)
      // (Year-major groups written over their first funder only, « 2023 » over « Masse salariale », then « FIR »…: each
      // funder once under the year, as on two rows.)
      const carried = prevGroup && sub && (subYear || ((prevSubYear || sameTop) && (fitsUnder(prevGroup, sub, yearsGiven) || genericSub(sub))));
      group = real(mid) || (carried ? prevGroup : "") || (sub ? real(top) : "");
      if (group !== givenUnder) {
        yearsGiven.clear();
        givenUnder = group;
      }
      prevTop = real(top) || prevTop;
      if (!sub && !real(mid)) sub = real(top);
      prevGroup = real(mid) || (group !== real(top) ? group : "");
      prevSubYear = subYear;
      const cls =
        group || sub ? (classifyHeader(group, sub) ?? (real(top) && real(mid) ? classifyHeader(real(top), `${real(mid)} ${sub}`.trim()) : null)) : null;
      if (cls && "block" in cls) yearsGiven.add(cls.block);
      cols.push({ col: c, group: real(top) && real(top) !== group ? `${real(top)} ${group}`.trim() : group, sub, cls });
      continue;
    } else if (twoLevel) {
      group = textAt(sheet, merges, r, c);
      sub = textAt(sheet, merges, r + 1, c);
      if (sub === "\u0000covered") sub = "";
      const subYear = isBareYear(norm(sub));
      if (group && group !== prevGroup) yearsGiven.clear();
      // Plain layouts write the group once, over the first year: the following years belong to it.
      if (!group && subYear && (prevSubYear || prevGroup)) group = prevGroup;
      // Or any sub-header that fits under that group (« FIR », « Total » under « Financements prévus »).
      else if (!group && sub && prevGroup && (fitsUnder(prevGroup, sub, yearsGiven) || genericSub(sub))) group = prevGroup;
      if (!group) yearsGiven.clear();
      const under = group && sub ? classifyHeader(group, sub) : null;
      if (under && "block" in under) yearsGiven.add(under.block);
      prevGroup = group;
      prevSubYear = subYear;
    } else {
      sub = textAt(sheet, merges, r, c);
    }
    if (group === "\u0000covered") group = "";
    cols.push({ col: c, group, sub, cls: group || sub ? classifyHeader(group, sub) : null });
  }
  return { rows, cols };
}

/**
 * A header of three rows (« Financement départemental » / « Masse salariale » / « 2025 (€) »): each column read from
 * its two lowest texts, the upper one joined to the group when those alone say nothing
 * (« Réalisations » / « Cumul 2025-2026 » / « Taux »).
 */
export function readDeepHeader(sheet: SheetSnapshot, merges: MergeIndex, rows: number[]): { rows: number[]; cols: HeaderColumn[] } {
  let maxCol = 0;
  for (const hr of rows) maxCol = Math.max(maxCol, sheet.cells[hr - 1]?.length ?? 0);
  for (const m of sheet.merges) if (m.r1 >= rows[0]! && m.r1 <= rows[rows.length - 1]!) maxCol = Math.max(maxCol, m.c2);
  const cols: HeaderColumn[] = [];
  const prev: string[] = [];
  let prevYear = false;
  // Blocks given a year under the lowest group so far (year-major groups written over their first funder only).
  let yearsGiven = new Set<string>();
  let givenUnder = "";
  for (let c = 1; c <= maxCol; c++) {
    const levels = rows.map((hr) => {
      const t = textAt(sheet, merges, hr, c);
      return t === "\u0000covered" ? "" : t;
    });
    const own = [...levels];
    const low = levels[levels.length - 1]!;
    const year = isBareYear(norm(low));
    // Plain layouts write a group once, over its first year.
    if (year && (prevYear || prev.some(Boolean))) for (let i = 0; i < levels.length - 1; i++) if (!levels[i]) levels[i] = prev[i] ?? "";
    // A sub-group written over its first column only (« Crédits ARS » over « ARS 2025 », « ARS 2026 », « Total ») holds
    // the columns after it under the same group.
    for (let i = 1; i < levels.length - 1; i++) if (!levels[i] && low && levels[i - 1] && levels[i - 1] === prev[i - 1]) levels[i] = prev[i] ?? "";
    // Groups over their first column only on every upper row (« Compte administratif » / « Mandaté 2026 » over
    // « Réalisé », then « % » alone): a sub-header that fits under the previous column's group belongs to it.
    const n = levels.length;
    if (low && !year && levels.slice(0, -1).every((t) => !t) && prev[n - 2] && (fitsUnder(prev[n - 2]!, low, yearsGiven) || genericSub(low))) {
      for (let i = 0; i < n - 1; i++) levels[i] = prev[i] ?? "";
    }
    // A column's one text on a middle row, blank above (« Crédits État » after « PRÉVISIONNEL » / « Cofinanceurs » /
    // « ARS - FIR », « % » after « Année 2025 » / « Montant »): a single header sits on the top or the bottom row, so
    // this one is under the groups of the column before, when that column has groups over a text of its own. (A
    // path of its own, « EXÉCUTION » / « Année 2022 » / « Montant », starts a group of its own.)
    const top = levels.findIndex(Boolean);
    const alone = levels.filter(Boolean).length === 1;
    // (A title over a table, « Rapport financier de la contractualisation », is no group.)
    const group = (t: string | undefined) => !!t && t.length <= 40;
    if (alone && top > 0 && top < n - 1 && prev.slice(0, top).some(group) && prev.slice(top).some(Boolean)) {
      for (let i = 0; i < top; i++) levels[i] = group(prev[i]) ? prev[i]! : "";
    }
    // A merged group ends with its merge: the columns after it are not under it (« PRÉVISIONNEL » merged over the
    // co-financers does not reach « EXÉCUTION » beside it).
    for (let i = 0; i < n - 1; i++) {
      const m = own[i] ? undefined : merges.at(rows[i]!, c - 1);
      if (m && m.c2 === c - 1 && m.c2 > m.c1) levels[i] = "";
    }
    for (let i = 0; i < levels.length; i++) prev[i] = levels[i]!;
    prevYear = year;
    const texts = levels.filter((t, i) => t && levels.indexOf(t) === i);
    const sub = texts[texts.length - 1] ?? "";
    const near = texts.length >= 2 ? texts[texts.length - 2]! : "";
    const upper = texts.slice(0, -2).join(" ");
    let cls = near || sub ? classifyHeader(near, sub) : null;
    if (!cls && upper) cls = classifyHeader(`${upper} ${near}`, sub);
    if (levels[n - 2] !== givenUnder) {
      yearsGiven = new Set();
      givenUnder = levels[n - 2] ?? "";
    }
    if (cls && "block" in cls) yearsGiven.add(cls.block);
    cols.push({ col: c, group: texts.slice(0, -1).join(" "), sub, cls });
  }
  return { rows, cols };
}

/**
 * Row r, over columns c1..c2, is an engagement title written in whichever column (« ENGAGEMENT 1 : AGIR… » under
 * « Actions du contrat », the fiche column left blank), the first row of a body rather than a lower header row: it
 * holds one text, in one cell or merged across from it, no number, no cell covered by a header merged down from above;
 * that text names no column; and the row under it holds numbers (a fiche row follows).
 */
export function loneTitleRow(sheet: SheetSnapshot, merges: MergeIndex, r: number, c1: number, c2: number): boolean {
  const row = sheet.cells[r - 1] ?? [];
  let text = "";
  for (let c = c1; c <= c2; c++) {
    const v = row[c - 1]?.value ?? null;
    if (typeof v === "number") return false;
    const m = merges.at(r, c);
    if (m && m.r1 < r) return false;
    if (typeof v !== "string" || !v.trim()) continue;
    if (text) return false;
    text = v.trim();
  }
  const n = norm(text);
  // « Axe 1 », « Engagement 2 : … » are titles though « Axe » / « Engagement » head a column; « Montant » is a sub-header.
  if (!text || isBareYear(n) || GENERIC_WORD.test(n) || unitStated(text) || (!TITLE.test(n) && classifyHeader("", text))) return false;
  const next = sheet.cells[r] ?? [];
  let numbers = 0;
  for (let c = c1; c <= c2 && numbers < 2; c++) if (typeof next[c - 1]?.value === "number") numbers++;
  return numbers >= 2;
}
