// Unknown is not zero: a formula the reader could not compute (cells marked `uncomputed`) is never reported on, nor is
// anything computed from it. Relations between amounts are dropped on its row, on its fiche (in either table) and,
// for totals and fiche-less findings, on its column; rules about one cell's own content keep the other cells. Under
// `skipped`, the first rule that lost findings says why in full, the others point to it.
import { addr, quoteSheet } from "../model/a1";
import type { TableView } from "../layout/view";
import type { Cell } from "../model/snapshot";
import { formulaText } from "../../messages/formulas";
import { detailRowsBySummaryKey } from "./ficheKeys";
import { oddCells } from "./oddCells";
import type { Finding, RuleContext, RuleId } from "./types";

export interface Taint {
  cells: Set<string>;
  rows: Set<string>;
  cols: Set<string>;
  fiches: Set<string>;
  /** Sheets holding a tainted cell of a table. */
  sheets: Set<string>;
}

/**
 * The cells of the tables whose value is unknown (`unknown`, asked of their odd cells only: see oddCells), with their
 * rows, columns and fiches.
 */
export function taintOf(
  views: Array<TableView | null>,
  unknown: (cell: Cell, col: number, v: TableView, row: number) => boolean = (c) => !!c.uncomputed,
): Taint | null {
  const t: Taint = { cells: new Set(), rows: new Set(), cols: new Set(), fiches: new Set(), sheets: new Set() };
  for (const v of views) {
    if (!v) continue;
    // Only the table's odd cells can be unknown (an uncomputed formula, an error, text in an amount column): visited in
    // the order a walk of every cell would meet them.
    const odd = oddCells(v);
    for (let i = 0; i < odd.cells.length; i++) {
      const row = odd.rows[i]!;
      const col = odd.cols[i]!;
      if (!unknown(odd.cells[i]!, col, v, row)) continue;
      t.cells.add(`${v.sheet.name}\n${row}\n${col}`);
      t.rows.add(`${v.sheet.name}\n${row}`);
      t.sheets.add(v.sheet.name);
      t.cols.add(`${v.sheet.name}\n${col}`);
      const r = v.rowInfo(row);
      const fiche = r?.fiche ?? r?.continuationOf;
      if (fiche) t.fiches.add(fiche);
    }
  }
  const [d, s] = views;
  if (d && s && t.rows.size) {
    // The summary's fiche computed from a tainted detail fiche (formulas into the detail, or the same money typed
    // twice) leans on it too, and so do the summary's totals.
    for (const [key, rows] of detailRowsBySummaryKey(d, s))
      if (rows.some((r) => t.rows.has(`${d.sheet.name}\n${r}`))) {
        t.fiches.add(key);
        t.sheets.add(s.sheet.name);
      }
  }
  return t.rows.size ? t : null;
}

const colOf = (cell: string) => /^[A-Z]+/.exec(cell)?.[0] ?? "";
const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);
function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** Rules that never read an amount: an unknown result changes nothing they say. */
export const VALUE_FREE = new Set<RuleId>([
  "layout-incomplete",
  "total-formula",
  "objective-type",
  "objective-missing",
  "fiche-numbering",
  "fundamental-coverage",
]);
/** Rules about one cell's own value (an unknown one holds none: null). */
export const CELL_LOCAL = new Set<RuleId>(["display-overflow", "cell-error", "number-as-text", "negative-amount"]);

/**
 * Whether a finding reads a tainted cell: its own cell, its row, its fiche, or (totals, fiche-less) any cell of its
 * sheet's tables: a TOTAL's rate or gap is computed from totals of other columns, each summing the tainted row (a text
 * amount Excel leaves out of the fiche's budget, then of the TOTAL's).
 */
export function leansOn(taint: Taint, f: Finding): boolean {
  if (VALUE_FREE.has(f.rule)) return false;
  const row = rowOf(f.cell);
  const col = colNumber(colOf(f.cell));
  const columnTainted = taint.cols.has(`${f.sheet}\n${col}`);
  return CELL_LOCAL.has(f.rule)
    ? taint.cells.has(`${f.sheet}\n${row}\n${col}`)
    : f.rule === "total-row"
      ? columnTainted
      : taint.rows.has(`${f.sheet}\n${row}`) ||
        (f.fiche !== null && taint.fiches.has(f.fiche)) ||
        (f.fiche === null && (columnTainted || f.rule === "cross-table" || taint.sheets.has(f.sheet)));
}

export function withoutUncomputed(ctx: RuleContext, findings: Finding[]): { findings: Finding[]; skipped: Array<{ rule: RuleId; reason: string }> } {
  const info = ctx.wb.uncomputedFormulas;
  if (!info) return { findings, skipped: [] };
  const taint = taintOf([ctx.detail, ctx.summary]);
  if (!taint) return { findings, skipped: [] };
  const dropped: RuleId[] = [];
  const kept = findings.filter((f) => {
    const leans = leansOn(taint, f);
    if (leans && !dropped.includes(f.rule)) dropped.push(f.rule);
    return !leans;
  });
  const e = info.examples[0];
  const first = dropped[0];
  const reason = formulaText.uncomputed(info.uncomputed, e ? `${quoteSheet(e.sheet)}!${addr(e.row, e.col)}` : "?");
  // Said in full once; the other rules that lost findings point to it.
  return { findings: kept, skipped: dropped.map((rule) => ({ rule, reason: rule === first ? reason : formulaText.uncomputedSame(first!) })) };
}
