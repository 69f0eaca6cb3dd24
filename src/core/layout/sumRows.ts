// The arithmetic of sum rows: whether a row adds up others (by its values, or by the rows its formula names), and how
// far a TOTAL's formulas reach.
import { findRefs, isPlainSum, rowsReferenced } from "../model/formulaRefs";
import type { SheetSnapshot } from "../model/snapshot";

/**
 * Whether row `r` adds up `rows` in most amount columns: by its value, or (a formula whose cached value is missing) by
 * the rows its formula refers to. A row kind is a hypothesis: this is the arithmetic that confirms it. One wrong cell
 * (a fault the rules will report) does not refute it; most columns disagreeing does.
 */
export function addsUp(sheet: SheetSnapshot, r: number, rows: number[], amountCols: number[], others: number[] = []): boolean {
  const { compared, ok } = sumAgreement(sheet, r, rows, amountCols, others);
  return compared > 0 && ok * 10 >= compared * 6;
}

/** In how many amount columns row r was compared with the sum of `rows`, and agreed. */
export function sumAgreement(sheet: SheetSnapshot, r: number, rows: number[], amountCols: number[], others: number[]): { compared: number; ok: number } {
  if (!rows.length) return { compared: 0, ok: 0 };
  let compared = 0;
  let ok = 0;
  for (const c of amountCols) {
    const cell = sheet.cells[r - 1]?.[c - 1];
    const v = cell?.value;
    let sum = 0;
    let known = true;
    for (const x of rows) {
      const xc = sheet.cells[x - 1]?.[c - 1];
      const xv = xc?.value;
      if (typeof xv === "number") sum += xv;
      else if (xc?.formula && (xv === null || xv === undefined)) known = false;
    }
    if (typeof v === "number" && known) {
      // Nothing to add: only a formula can say which rows it sums (a group whose fiches have no money yet).
      if (Math.abs(v) < 0.005 && Math.abs(sum) < 0.005) {
        if (cell?.formula && isPlainSum(cell.formula)) {
          const covered = rowsReferenced(cell.formula, c, sheet.name, sheet.name);
          compared++;
          if (rows.every((x) => covered.has(x)) && !others.some((x) => covered.has(x))) ok++;
        }
        continue;
      }
      compared++;
      if (Math.abs(v - sum) <= 1.005) ok++;
      continue;
    }
    if (cell?.formula) {
      const covered = rowsReferenced(cell.formula, c, sheet.name, sheet.name);
      compared++;
      if (rows.every((x) => covered.has(x)) && !others.some((x) => covered.has(x))) ok++;
    }
  }
  return { compared, ok };
}

/**
 * The last row a sum row's formulas reach in its own column, following the sub-totals it adds (a TOTAL on top over
 * engagement rows that sum their fiches): where the table's rows end. Null when no formula says.
 */
export function reachOf(sheet: SheetSnapshot, row: number, amountCols: number[]): number | null {
  let reach: number | null = null;
  for (const c of amountCols) {
    const seen = new Set<number>();
    const visit = (r: number, depth: number): void => {
      const f = sheet.cells[r - 1]?.[c - 1]?.formula;
      if (!f || depth > 3) return;
      for (const ref of findRefs(f)) {
        if ((ref.sheet ?? sheet.name) !== sheet.name || c < ref.c1 || c > ref.c2 || ref.r2 - ref.r1 > 100_000) continue;
        for (let x = ref.r1; x <= ref.r2; x++) {
          if (x === r || seen.has(x)) continue;
          seen.add(x);
          if (reach === null || x > reach) reach = x;
          if (ref.r1 === ref.r2) visit(x, depth + 1);
        }
      }
    };
    visit(row, 0);
  }
  return reach;
}
