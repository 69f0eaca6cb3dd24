import { rulesText } from "../../messages/rules";
import { holdsOverFiche, sumFinding } from "./helpers";
import { confident } from "./needs";
import type { Finding, Rule } from "./types";
import type { RowInfo } from "../layout/types";
import type { TableView } from "../layout/view";
import { compareAmounts } from "../model/tolerance";
import { amountAt, numAt, rowCells } from "./cellsInPlace";

export const cdSplit: Rule = {
  id: "cd-split",
  perRow: true,
  needs: { detail: ["cd", "ms", "dgas"] },
  partial: true,
  skip: (ctx) => {
    if (!ctx.detail) return rulesText.skippedNoTable("detail");
    const missing = ["cd", "ms", "dgas"].filter((b) => !ctx.detail!.years(b as "cd").length);
    return missing.length ? rulesText.skipped(missing) : null;
  },
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // The years read with confidence, looked up once rather than once per row.
    const years = v.years("cd").filter((y) => confident(v, `cd${y}`, `ms${y}`, `dgas${y}`));
    const cols = years.map((y) => ({ cd: v.yearCol("cd", y)!, ms: v.yearCol("ms", y), dgas: v.yearCol("dgas", y) }));
    const rows = [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total")];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const cells = rowCells(v, r.row);
      for (let k = 0; k < years.length; k++) {
        const y = years[k]!;
        const cdCol = cols[k]!.cd;
        const actual = amountAt(cells, cdCol);
        if (actual === null) continue;
        const ms = numAt(cells, cols[k]!.ms);
        const dgas = numAt(cells, cols[k]!.dgas);
        // Most rows add up: compared in place (as sumFinding adds), the finding made only when not.
        if (compareAmounts(0 + ms + dgas, actual) === "equal") continue;
        const f = offRow(v, r, y, cdCol, ms, dgas, actual);
        if (f) out.push(f);
      }
    }
    return out;
  },
};

/** The finding of a row whose CD does not add up, unless its fiche's rows add up together (the loop's slow path, kept apart so that its closures cost the loop nothing). */
function offRow(v: TableView, r: RowInfo, y: number, cdCol: number, ms: number, dgas: number, actual: number): Finding | null {
  const f = sumFinding(v, "cd-split", { row: r.row, col: cdCol, fiche: r.fiche ?? r.continuationOf }, `Total CD ${y}`, [ms, dgas], actual, () =>
    rulesText.cdSplit(y, ms, dgas, actual),
  );
  return f &&
    !holdsOverFiche(
      v,
      r.row,
      (rr) => v.num(rr, v.yearCol("ms", y)) + v.num(rr, v.yearCol("dgas", y)),
      (rr) => v.num(rr, cdCol),
    )
    ? f
    : null;
}
