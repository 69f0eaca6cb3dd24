import { rulesText } from "../../messages/rules";
import type { RowInfo } from "../layout/types";
import type { TableView } from "../layout/view";
import { isError } from "../model/snapshot";
import { amountColumns, columnName, finding } from "./helpers";
import { compareAmounts } from "../model/tolerance";
import type { Finding, Rule } from "./types";

/** Decimals the format shows ("# ##0 €" -> 0); General shows them all. */
const decimalsCache = new Map<string, number | null>();
export function shownDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /^general$/i.test(numFmt)) return null;
  let d = decimalsCache.get(numFmt);
  if (d === undefined) {
    const first = numFmt.split(";")[0]!.replace(/"[^"]*"/g, "");
    const m = /[0#?]\.([0#?]+)/.exec(first);
    d = m ? m[1]!.length : 0;
    decimalsCache.set(numFmt, d);
  }
  return d;
}

/** The number as printed with its format's decimals (General: as stored). */
function rounded(x: number, d: number | null): number {
  return d === null ? x : Math.round(x * 10 ** d) / 10 ** d;
}

/**
 * Each column's sum over the rows, stored and as printed, in one pass row by row (a row's cells sit together in
 * memory; a column read down 100 000 rows misses the cache at every cell). Each column is still summed in row order:
 * the same float result as summing it alone.
 */
function columnSums(v: TableView, rows: number[], cols: number[]): { stored: Float64Array; shown: Float64Array } {
  const stored = new Float64Array(cols.length);
  const shown = new Float64Array(cols.length);
  // Cells of a column mostly share one format string: each column's last answer is kept at hand.
  const lastFmt: Array<string | undefined> = cols.map(() => undefined);
  const lastDecimals: Array<number | null> = cols.map(() => null);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k]!;
      const x = v.num(row, col);
      stored[k]! += x;
      const fmt = v.cell(row, col)?.numFmt;
      let d: number | null;
      if (fmt === lastFmt[k]) d = lastDecimals[k] as number | null;
      else {
        d = shownDecimals(fmt);
        lastFmt[k] = fmt;
        lastDecimals[k] = d;
      }
      shown[k]! += rounded(x, d);
    }
  }
  return { stored, shown };
}

function checkTotal(v: TableView, totalRow: RowInfo, rows: number[], rowsLabel: string, label: string, out: Finding[]): void {
  const cols = [...amountColumns(v), ...(v.col("gap") !== undefined ? [v.col("gap")!] : [])];
  const sums = columnSums(v, rows, cols);
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    const cell = v.cell(totalRow.row, col);
    if (cell && (typeof cell.value === "string" || isError(cell.value))) continue; // number-as-text / cell-error say it
    const expected = sums.stored[k]!;
    const blank = v.isBlank(totalRow.row, col);
    if (blank) {
      if (Math.abs(expected) > 1 && col !== v.col("gap"))
        out.push(finding(v, "total-row", "error", totalRow.row, col, null, rulesText.totalBlank(label, columnName(v, col), expected), expected, null));
      continue;
    }
    const actual = v.num(totalRow.row, col);
    const cmp = compareAmounts(expected, actual);
    if (cmp === "equal") {
      // Stored cents agree, but a reader adding the printed rows finds another total (hidden cents).
      const shownRows = sums.shown[k]!;
      const shownTotal = rounded(v.num(totalRow.row, col), shownDecimals(cell?.numFmt));
      if (compareAmounts(shownRows, shownTotal) === "rounding") {
        out.push(
          finding(
            v,
            "total-row",
            "info",
            totalRow.row,
            col,
            null,
            rulesText.rounding(rulesText.inColumnAsPrinted(label, columnName(v, col)), shownRows, shownTotal),
            shownRows,
            shownTotal,
          ),
        );
      }
      continue;
    }
    out.push(
      cmp === "rounding"
        ? finding(
            v,
            "total-row",
            "info",
            totalRow.row,
            col,
            null,
            rulesText.rounding(rulesText.inColumn(label, columnName(v, col)), expected, actual),
            expected,
            actual,
          )
        : finding(
            v,
            "total-row",
            "error",
            totalRow.row,
            col,
            null,
            rulesText.totalRow(label, columnName(v, col), rowsLabel, expected, actual),
            expected,
            actual,
          ),
    );
  }
}

export const totalRow: Rule = {
  id: "total-row",
  skip: (ctx) => ([ctx.detail, ctx.summary].some((v) => v?.t.totalRow || v?.t.groups.some((g) => g.subtotalRow)) ? null : rulesText.skippedNoTotal),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const data = v.dataRows().map((r) => r.row);
      for (const g of v.t.groups) {
        const sub = v.t.rows.find((r) => r.row === g.subtotalRow);
        if (sub && g.rows.length) checkTotal(v, sub, g.rows, rulesText.groupRows(g.rows[0]!, g.rows[g.rows.length - 1]!), rulesText.subtotalLabel(g.key), out);
      }
      const total = v.t.rows.find((r) => r.kind === "total");
      if (total) checkTotal(v, total, data, rulesText.ficheRows(data[0]!, data[data.length - 1]!), rulesText.totalLabel(v.t.kind === "detail"), out);
    }
    return out;
  },
};
