import { roleLabel } from "../../messages/layout";
import { rulesText } from "../../messages/rules";
import type { RowInfo, SingleRole, YearBlock } from "../layout/types";
import type { TableView } from "../layout/view";
import { holdsOverFiche, sumFinding } from "./helpers";
import { confident } from "./needs";
import type { Finding, Rule } from "./types";
import { compareAmounts } from "../model/tolerance";
import { amountAt, numAt, rowCells } from "./cellsInPlace";

export const yearSum: Rule = {
  id: "year-sum",
  perRow: true,
  uses: { detail: ["ms", "dgas", "cd", "fir", "etat", "ondam", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"] },
  partial: true,
  skip: (ctx) => (ctx.detail ? null : rulesText.skippedNoTable("detail")),
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // Each block on its own: a block whose years or total were read with doubt is left out.
    // What each block needs, looked up once rather than once per row.
    const blocks = (["ms", "dgas", "cd", "fir", "etat", "ondam"] as const)
      .filter((b) => confident(v, b, `${b}Total`))
      .map((b) => ({
        b,
        totalCol: v.col(`${b}Total` as SingleRole),
        years: v.years(b),
        yearCols: v.years(b).map((y) => v.yearCol(b, y)),
        what: roleLabel(`${b}Total`),
      }));
    const rows = [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total")];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const cells = rowCells(v, r.row);
      for (let k = 0; k < blocks.length; k++) {
        const { b, totalCol, years, yearCols, what } = blocks[k]!;
        if (totalCol === undefined || !years.length) continue;
        const actual = amountAt(cells, totalCol);
        if (actual === null) continue;
        // Most rows add up: summed in place (the order sumFinding adds in), parts and messages made only when not.
        let expected = 0;
        for (let j = 0; j < yearCols.length; j++) expected += numAt(cells, yearCols[j]);
        if (compareAmounts(expected, actual) === "equal") continue;
        const f = offRow(v, r, b, totalCol, years, what, actual);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** The finding of a row whose block does not add up, unless its fiche's rows add up together (the loop's slow path, kept apart so that its closures cost the loop nothing). */
function offRow(v: TableView, r: RowInfo, b: YearBlock, totalCol: number, years: number[], what: string, actual: number): Finding | null {
  const f = sumFinding(
    v,
    "year-sum",
    { row: r.row, col: totalCol, fiche: r.fiche ?? r.continuationOf },
    what,
    years.map((y) => v.num(r.row, v.yearCol(b, y))),
    actual,
    (expected) => rulesText.yearSum(what, years, expected, actual),
  );
  return f &&
    !holdsOverFiche(
      v,
      r.row,
      (rr) => years.reduce((a, y) => a + v.num(rr, v.yearCol(b, y)), 0),
      (rr) => v.num(rr, totalCol),
    )
    ? f
    : null;
}
