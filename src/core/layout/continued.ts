// A detail table printed in parts: its header written again further down the same sheet (after a page break, or one
// part per engagement), blank rows before it. Read apart, the first part would be dropped for the one with more fiches
// and its fiches never checked; the parts are one table.
import { isBlankValue, type SheetSnapshot } from "../model/snapshot";
import type { RowInfo, TableLayout } from "./types";

const MAX_GAP = 3;

const sameColumns = (a: TableLayout, b: TableLayout) =>
  a.range.c1 === b.range.c1 &&
  a.range.c2 === b.range.c2 &&
  JSON.stringify(a.columns) === JSON.stringify(b.columns) &&
  JSON.stringify(a.blocks) === JSON.stringify(b.blocks);

function blankRow(sheet: SheetSnapshot, row: number, c1: number, c2: number): boolean {
  const cells = sheet.cells[row - 1];
  if (!cells) return true;
  for (let c = c1; c <= c2; c++) if (!isBlankValue(cells[c - 1]?.value ?? null)) return false;
  return true;
}

/** The second part follows the first: same columns, its header right under the first's last row, blanks between. */
function continues(sheet: SheetSnapshot, a: TableLayout, b: TableLayout): boolean {
  if (a.totalRow !== null || !sameColumns(a, b)) return false;
  const start = b.headerRows[0]!;
  if (start <= a.range.r2 || start - a.range.r2 - 1 > MAX_GAP) return false;
  for (let r = a.range.r2 + 1; r < start; r++) if (!blankRow(sheet, r, a.range.c1, a.range.c2)) return false;
  return a.rows.some((r) => r.kind === "fiche") && b.rows.some((r) => r.kind === "fiche");
}

function join(a: TableLayout, b: TableLayout): TableLayout {
  const between: RowInfo[] = [];
  for (let r = a.range.r2 + 1; r < b.headerRows[0]!; r++) between.push({ row: r, kind: "blank", fiche: null, continuationOf: null });
  for (const r of b.headerRows) between.push({ row: r, kind: "title", fiche: null, continuationOf: null });
  const union = <T>(x: T[], y: T[]) => [...x, ...y.filter((v) => !x.includes(v))];
  return {
    ...a,
    range: { ...a.range, r2: b.range.r2 },
    rows: [...a.rows, ...between, ...b.rows],
    totalRow: b.totalRow,
    groups: [...a.groups, ...b.groups],
    confidence: Math.min(a.confidence, b.confidence),
    doubtful: union(a.doubtful, b.doubtful),
    doubts: [...a.doubts, ...b.doubts.filter((d) => !a.doubtful.includes(d.key))],
    hiddenCols: union(a.hiddenCols, b.hiddenCols),
  };
}

/** Detail tables of a sheet that continue one another, joined; other tables as they were. */
export function joinContinuedParts(sheets: SheetSnapshot[], tables: TableLayout[]): TableLayout[] {
  const out: TableLayout[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    const sheet = prev && t.kind === "detail" && prev.kind === "detail" && prev.sheet === t.sheet ? sheets.find((s) => s.name === t.sheet) : undefined;
    if (prev && sheet && continues(sheet, prev, t)) out[out.length - 1] = join(prev, t);
    else out.push(t);
  }
  return out;
}

/**
 * A detail table continued on other sheets (fiches 1-4 on one, 5-8 on the next, the same header repeated): the parts
 * read with the detail's very columns, on other sheets. Their rows are the detail's too.
 */
export function otherSheetParts(tables: TableLayout[], detail: TableLayout): TableLayout[] {
  return tables.filter(
    (t) =>
      t !== detail &&
      t.kind === "detail" &&
      t.sheet !== detail.sheet &&
      JSON.stringify(t.columns) === JSON.stringify(detail.columns) &&
      JSON.stringify(t.blocks) === JSON.stringify(detail.blocks),
  );
}
