import { rulesText } from "../../messages/rules";
import { amountColumns, columnName, finding } from "./helpers";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";
import type { TableView } from "../layout/view";

export const negativeAmount: Rule = {
  id: "negative-amount",
  perRow: true,
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    // A function per table: the loop compiled during the detail's walk was thrown away when the summary's began.
    if (ctx.detail) negativesIn(ctx.detail, out);
    if (ctx.summary) negativesIn(ctx.summary, out);
    return out;
  },
};

function negativesIn(v: TableView, out: Finding[]): void {
  const cols = amountColumns(v);
  // Indexed loops: an iterator per row and column costs more than the check (10 000 rows of 40 amounts).
  // The row's cells read in place: only a number can be negative (a formula not yet calculated counts 0, one not
  // computable is unknown), so the amount's other cases need not be asked for.
  const rows = v.dataRows();
  const sheetCells = v.sheet.cells;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const cells = sheetCells[r.row - 1];
    if (!cells) continue;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k]!;
      const n = cells[c - 1]?.value;
      if (typeof n !== "number" || n >= -EPS) continue;
      out.push(finding(v, "negative-amount", "error", r.row, c, r.fiche ?? r.continuationOf, rulesText.negative(columnName(v, c), n), null, n));
    }
  }
}
