// A row's cells looked up once and read by column in the rules' hot loops, with the meanings TableView.amount and
// TableView.num give them: at 10 000 rows of 40 amounts, a view call per cell cost more than the check itself.
import type { Cell } from "../model/snapshot";
import type { TableView } from "../layout/view";

export type RowCells = ReadonlyArray<Cell | undefined> | undefined;

export function rowCells(v: TableView, row: number): RowCells {
  return v.sheet.cells[row - 1];
}

/** As TableView.amount: a number; a formula not yet calculated counts 0; an uncomputable formula, text, an error or no cell: null. */
export function amountAt(cells: RowCells, col: number | undefined): number | null {
  if (col === undefined || !cells) return null;
  const c = cells[col - 1];
  if (!c) return null;
  if (typeof c.value === "number") return c.value;
  if (c.value === null && c.formula) return c.uncomputed ? null : 0;
  return null;
}

/** As TableView.num: the amount, 0 when there is none. */
export function numAt(cells: RowCells, col: number | undefined): number {
  if (col === undefined || !cells) return 0;
  const x = cells[col - 1]?.value;
  return typeof x === "number" ? x : 0;
}
