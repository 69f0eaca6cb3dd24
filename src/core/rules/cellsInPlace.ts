// A row's cells looked up once and read by column in the rules' hot loops, with the meanings TableView.amount and
// TableView.num give them: at 10 000 rows of 40 amounts, a view call per cell cost more than the check itself.
import type { Cell } from "../model/snapshot";
import { amountOfCell, type TableView } from "../layout/view";

export type RowCells = ReadonlyArray<Cell | undefined> | undefined;

export function rowCells(v: TableView, row: number): RowCells {
  return v.sheet.cells[row - 1];
}

/** As TableView.amount: amountOfCell of the row's cell in that column. */
export function amountAt(cells: RowCells, col: number | undefined): number | null {
  if (col === undefined || !cells) return null;
  return amountOfCell(cells[col - 1]);
}

/** As TableView.num: the amount, 0 when there is none. */
export function numAt(cells: RowCells, col: number | undefined): number {
  if (col === undefined || !cells) return 0;
  const x = cells[col - 1]?.value;
  return typeof x === "number" ? x : 0;
}
