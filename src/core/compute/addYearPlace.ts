// Add-year, where the columns go: the insertions of each table in original coordinates, the insert edits, and the
// widths that keep a shared sheet readable. Everything here is about coordinates; nothing about cell contents.
import type { YearBlock } from "../layout/types";
import type { TableView } from "../layout/view";
import { ColumnInsertions } from "../model/columnInsert";
import type { Edit } from "../plan/types";

export interface AddYearStart {
  last: number;
  year: number;
  force: boolean;
  detail: TableView;
  summary: TableView | null;
  /** Both tables on one sheet: columns are inserted in each table's rows only. */
  shared: boolean;
}

/** One insertion in original coordinates, and what each new column is. */
export interface Insertion {
  at: number;
  newCols: Array<{ block: YearBlock; year: number }>;
  copyFormatFrom: number;
}

export interface TablePlan {
  view: TableView;
  insertions: Insertion[];
  rows: [number, number] | null;
  /** Column positions before and after this table's insertions. */
  columns: ColumnInsertions;
}

/** Blocks that get one column per year, in the order their insertions are listed. */
export const YEARLY_BLOCKS = ["indicator", "ms", "dgas", "cd", "fir", "etat", "ondam"] as const;

function tablePlan(view: TableView, insertions: Insertion[], rows: [number, number] | null): TablePlan {
  return {
    view,
    insertions,
    rows,
    columns: new ColumnInsertions(
      view.sheet.name,
      insertions.map((i) => ({ at: i.at, count: i.newCols.length })),
      rows,
    ),
  };
}

/** The detail's realisation columns: N+1 and its rate beside "Réalisations en N", and the former cumulative kept. */
function realisationInsertion(s: AddYearStart): Insertion | null {
  const d = s.detail;
  const realisedNow = d.col("realisedLastYear");
  if (realisedNow === undefined) return null;
  const since = d.col("realisedSinceStart");
  const rateNow = d.col("rateLastYear");
  const priorYears = d.years("realisedTo");
  const at = priorYears.length ? Math.min(...priorYears.map((y) => d.yearCol("realisedTo", y)!)) : (since ?? Math.max(realisedNow, rateNow ?? 0) + 1);
  const newCols: Insertion["newCols"] = [{ block: "realised", year: s.year }];
  if (rateNow !== undefined) newCols.push({ block: "rate", year: s.year });
  if (since !== undefined && !priorYears.length) newCols.push({ block: "realisedTo", year: s.last });
  return { at, newCols, copyFormatFrom: at - 1 };
}

/** Step 1: the detail's insertions (each yearly block, then the realisations), then the summary's (its cumulative). */
export function whereColumnsGo(s: AddYearStart): TablePlan[] {
  const rowsOf = (v: TableView): [number, number] | null => (s.shared ? [v.t.range.r1, v.t.range.r2] : null);
  const d = s.detail;
  const detail: Insertion[] = [];
  for (const b of YEARLY_BLOCKS) {
    const c = d.yearCol(b, s.last);
    if (c !== undefined) detail.push({ at: c + 1, newCols: [{ block: b, year: s.year }], copyFormatFrom: c });
  }
  const realised = realisationInsertion(s);
  if (realised) detail.push(realised);
  const tables = [tablePlan(d, detail, rowsOf(d))];
  const sSince = s.summary?.col("consumedSinceStart");
  if (s.summary && sSince !== undefined) {
    const newCols: Insertion["newCols"] = [
      { block: "consumedTo", year: s.last },
      { block: "consumedIn", year: s.year },
    ];
    tables.push(tablePlan(s.summary, [{ at: sSince, newCols, copyFormatFrom: sSince - 1 }], rowsOf(s.summary)));
  }
  return tables;
}

/** Step 2: the insert edits, right to left in each table so that each `at` holds at its moment. */
export function insertColumnEdits(tables: TablePlan[]): Edit[] {
  const edits: Edit[] = [];
  for (const tp of tables) {
    for (const ins of [...tp.insertions].sort((a, b) => b.at - a.at)) {
      edits.push({
        kind: "insertColumns",
        sheet: tp.view.sheet.name,
        at: ins.at,
        count: ins.newCols.length,
        rows: tp.rows,
        copyFormatFrom: ins.copyFormatFrom,
      });
    }
  }
  return edits;
}

/** Final column of the k-th new column of an insertion. */
export function newColumnOf(tp: TablePlan, ins: Insertion, k: number): number {
  return tp.columns.inserted(ins.at, k);
}

/**
 * Last step, shared sheet only: when only a table's rows shift, column widths stay where they were, so each final
 * column is widened to the widest column that lands in it (never narrowed): no moved amount shows #####.
 */
export function sharedSheetWidths(tables: TablePlan[]): Edit[] {
  const sheet = tables[0]!.view.sheet;
  const width = (c: number) => sheet.colWidths[c - 1] ?? sheet.defaultColWidth;
  const desired = new Map<number, number>();
  const want = (fc: number, w: number) => desired.set(fc, Math.max(desired.get(fc) ?? 0, w));
  for (const tp of tables) {
    if (!tp.rows || !tp.insertions.length) continue;
    const from = Math.min(...tp.insertions.map((i) => i.at));
    for (let c = from; c <= tp.view.t.range.c2; c++) want(tp.columns.final(c), width(c));
    for (const ins of tp.insertions) ins.newCols.forEach((_, k) => want(newColumnOf(tp, ins, k), width(ins.copyFormatFrom)));
  }
  const edits: Edit[] = [];
  for (const [fc, w] of [...desired.entries()].sort((a, b) => a[0] - b[0])) {
    if (w > width(fc) + 1e-9) edits.push({ kind: "setColumnWidth", sheet: sheet.name, col: fc, width: w });
  }
  return edits;
}
