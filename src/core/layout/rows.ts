// Kinds of the rows under a header: fiche, continuation, title, blank, sub-total, total, check row; summary groups.
import { isBlankValue, isError, type Cell, type CellValue, type SheetSnapshot } from "../model/snapshot";
import { norm, normHead } from "./normalize";
import type { GroupInfo, RowInfo, SingleRole, TableKind } from "./types";

/** Consecutive blank rows that end a table with no TOTAL row. */
const BLANK_RUN_END = 5;

/**
 * A fiche number as départements write it: 1, 01, "FA 1", "FA-1", "Fiche 12", "1.2" (sub-action), "1 bis", "A1".
 * Normalised so both tables agree: "01", "FA 1" and "Fiche n° 1" are all "1"; "A1" stays "A1", "1.2" stays "1.2".
 */
export function parseFiche(v: CellValue): string | null {
  if (typeof v === "number") {
    if (!(v > 0 && v < 1e6)) return null;
    if (Number.isInteger(v)) return String(v);
    // 1.2 typed as a number: a sub-action, not an amount (amounts do not sit in the fiche column).
    return v < 1000 && Math.round(v * 100) === v * 100 ? String(v) : null;
  }
  if (typeof v !== "string") return null;
  const m =
    /^(?:fiches?(?: actions?)?|fa|f\.?a\.?|action|n ?°)?\s*[-–:]?\s*(?:n ?°\s*)?([a-z]{1,2}\s?[-.]?\s?)?(\d{1,6}(?:[.-]\d{1,3}){0,2})\s*(bis|ter|quater|[a-z])?\.?$/i.exec(
      normHead(v, 30),
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

function isFilled(cell: Cell | undefined): boolean {
  return !!cell && (!isBlankValue(cell.value) || !!cell.formula);
}

function labelOf(cells: Array<Cell | undefined> | undefined, c1: number, c2: number): string {
  if (!cells) return "";
  for (let c = c1; c <= Math.min(c2, c1 + 11); c++) {
    const v = cells[c - 1]?.value;
    if (typeof v === "string" && v.trim()) return normHead(v);
  }
  return "";
}

const TOTAL = /^total(e|aux)?\b(?! cd\b)/;
// "Sous-total", "Sous total", "S/TOTAL", "S-Total", "Ss-total", "Total engagement 2"…
const SUBTOTAL_PREFIX = /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total)\s*/;
const SUBTOTAL = /^(sous[- ]?total|s\s?[/.-]\s?total|ss[- ]?total|total (de l'|du |de la )?(engagement|axe|conditions?))/;
const TITLE = /^(engagement\s*(n ?°)?\s*\d|conditions?\b|axe\s*\d|gouvernance|partie\s*\d)/;

export function groupKey(title: string, index: number): string {
  const t = norm(title);
  const m = /^engagement\s*(?:n ?°)?\s*(\d+)/.exec(t);
  if (m) return `engagement${m[1]}`;
  if (/^conditions?/.test(t)) return "conditions";
  return `groupe${index + 1}`;
}

interface Body {
  rows: RowInfo[];
  endRow: number;
  totalRow: number | null;
  groups: GroupInfo[];
}

export function parseBody(
  sheet: SheetSnapshot,
  kind: TableKind,
  span: { c1: number; c2: number },
  headerEnd: number,
  columns: Partial<Record<SingleRole, number>>,
  isHeaderRow: (row: number) => boolean,
): Body {
  const rows: RowInfo[] = [];
  const groups: GroupInfo[] = [];
  const ficheCol = columns.fiche;
  let totalRow: number | null = null;
  let lastFiche: string | null = null;
  let lastContent = headerEnd;
  let blankRun = 0;
  let current: GroupInfo | null = null;
  /** Data rows outside any titled group since the last sub-total. */
  let loose: number[] = [];
  /** Whether the next filled row under r holds a fiche number. */
  const nextIsFiche = (from: number): boolean => {
    if (ficheCol === undefined) return false;
    for (let x = from + 1; x <= Math.min(sheet.rowCount, from + 4); x++) {
      const cells = sheet.cells[x - 1];
      let any = false;
      for (let c = span.c1; c <= span.c2 && !any; c++) any = isFilled(cells?.[c - 1]);
      if (any) return parseFiche(cells?.[ficheCol - 1]?.value ?? null) !== null;
    }
    return false;
  };
  let totalAbove = false;
  let r = headerEnd + 1;
  for (; r <= sheet.rowCount; r++) {
    const cells = sheet.cells[r - 1];
    let filled = 0;
    let numbers = 0;
    let texts = 0;
    let firstText = 0;
    if (cells) {
      for (let c = span.c1; c <= span.c2; c++) {
        const cell = cells[c - 1];
        if (!isFilled(cell)) continue;
        filled++;
        const v = cell!.value;
        if (typeof v === "number" || cell!.formula || isError(v)) numbers++;
        else {
          texts++;
          if (!firstText) firstText = c;
        }
      }
    }
    if (filled === 0) {
      blankRun++;
      if (blankRun >= BLANK_RUN_END && rows.some((x) => x.kind === "fiche")) break;
      rows.push({ row: r, kind: "blank", fiche: null, continuationOf: null });
      continue;
    }
    // (A TOTAL above the fiches, right under the header, ends nothing: the fiches follow it.)
    if (totalRow !== null && !totalAbove) {
      // Under the TOTAL: a check row holds only numbers (typically zero differences); anything else ends the table.
      if (texts === 0 && numbers > 0 && r - totalRow <= 3) {
        rows.push({ row: r, kind: "check", fiche: null, continuationOf: null });
        lastContent = r;
        continue;
      }
      break;
    }
    const fiche = ficheCol !== undefined ? parseFiche(cells?.[ficheCol - 1]?.value ?? null) : null;
    // A fiche's texts (objective, type, co-financers) can look like a header; a row numbered as a fiche is not one.
    if (blankRun > 0 && !fiche && isHeaderRow(r)) break;
    blankRun = 0;
    const label = labelOf(cells, span.c1, span.c2);
    lastContent = r;
    if (!fiche && SUBTOTAL.test(label)) {
      // A sub-total with no title row above its rows closes the rows since the previous sub-total.
      if (!current && loose.length) {
        current = { key: groupKey(label.replace(SUBTOTAL_PREFIX, ""), groups.length), title: label, titleRow: r, rows: loose, subtotalRow: null };
        groups.push(current);
      }
      rows.push({ row: r, kind: "subtotal", fiche: null, continuationOf: null, group: current ? groups.length - 1 : undefined });
      if (current) current.subtotalRow = r;
      current = null;
      loose = [];
      continue;
    }
    if (!fiche && TOTAL.test(label) && totalRow === null) {
      rows.push({ row: r, kind: "total", fiche: null, continuationOf: null });
      totalRow = r;
      totalAbove = !rows.some((x) => x.kind === "fiche" || x.kind === "continuation" || x.kind === "subtotal" || x.kind === "title");
      continue;
    }
    // A group title sits in the table's first column, alone on its row (often merged across).
    // Right under a sub-total, a lone text is the next group's title whatever its length ("Conditions de réussite").
    let prev = rows.length - 1;
    while (prev >= 0 && rows[prev]!.kind === "blank") prev--;
    const afterSubtotal = prev >= 0 && rows[prev]!.kind === "subtotal";
    // A long lone text is a title when fiches follow it; right before a sub-total it is an objective row of the group
    // (a national objective the département has not taken up).
    const loneTitle = texts === 1 && numbers === 0 && firstText === span.c1 && (afterSubtotal || (label.length > 25 && nextIsFiche(r)));
    if (!fiche && (TITLE.test(label) || (kind === "summary" && loneTitle))) {
      current = { key: groupKey(label, groups.length), title: label, titleRow: r, rows: [], subtotalRow: null };
      loose = [];
      groups.push(current);
      rows.push({ row: r, kind: "title", fiche: null, continuationOf: null, group: groups.length - 1 });
      continue;
    }
    if (fiche) {
      lastFiche = fiche;
      rows.push({ row: r, kind: "fiche", fiche, continuationOf: null, group: current ? groups.length - 1 : undefined });
      if (current) current.rows.push(r);
      else loose.push(r);
      continue;
    }
    if (kind === "summary") {
      rows.push({ row: r, kind: "objective", fiche: null, continuationOf: null, group: current ? groups.length - 1 : undefined });
      if (current) current.rows.push(r);
      else loose.push(r);
      continue;
    }
    if (texts === 1 && numbers === 0 && (!lastFiche || (afterSubtotal && firstText === span.c1))) {
      rows.push({ row: r, kind: "title", fiche: null, continuationOf: null });
      continue;
    }
    rows.push({ row: r, kind: "continuation", fiche: null, continuationOf: lastFiche, group: current ? groups.length - 1 : undefined });
    if (current) current.rows.push(r);
    else loose.push(r);
  }
  // Trailing blank rows are not part of the table.
  while (rows.length && rows[rows.length - 1]!.kind === "blank") rows.pop();
  return { rows, endRow: Math.max(lastContent, headerEnd), totalRow, groups };
}
