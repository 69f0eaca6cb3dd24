// The few cells of a table that are not plain numbers where numbers are read: found in one walk of the table, shared.
import type { TableView } from "../layout/view";
import type { Cell } from "../model/snapshot";
import { summedColumns } from "./helpers";

/** Cells in row then column order, as parallel lists. Shared: not to be changed. */
export interface OddCells {
  rows: number[];
  cols: number[];
  cells: Cell[];
}

// cell-error, number-as-text and the two taints (uncomputed formulas, unreadable amounts) each walked every cell of
// the tables (some 600 000 at 10 000 fiche rows) for these few: one walk per view now.
const memo = new WeakMap<TableView, OddCells>();

/**
 * Every cell of the table's range holding an Excel error, a formula left uncomputed, or text in a column a total row
 * sums (summedColumns): a superset of what those rules look at, each still applying its own test.
 */
export function oddCells(v: TableView): OddCells {
  let odd = memo.get(v);
  if (odd) return odd;
  odd = { rows: [], cols: [], cells: [] };
  const summed: boolean[] = [];
  for (const c of summedColumns(v)) summed[c] = true;
  walk(v, summed, odd);
  memo.set(v, odd);
  return odd;
}

/**
 * The walk on its own: compiled while it ran, it was thrown away at the memo's store after the loop (code never reached
 * before), once for each table.
 */
function walk(v: TableView, summed: boolean[], odd: OddCells): void {
  const { r1, r2, c1, c2 } = v.t.range;
  const sheetRows = v.sheet.cells;
  for (let row = r1; row <= r2; row++) {
    const cells = sheetRows[row - 1];
    if (!cells) continue;
    const last = Math.min(c2, cells.length);
    for (let col = c1; col <= last; col++) {
      const cell = cells[col - 1];
      if (!cell) continue;
      const val = cell.value;
      if (typeof val === "number" && !cell.uncomputed) continue;
      if (cell.uncomputed || (typeof val === "object" && val !== null) || (typeof val === "string" && summed[col] === true)) {
        odd.rows.push(row);
        odd.cols.push(col);
        odd.cells.push(cell);
      }
    }
  }
}
