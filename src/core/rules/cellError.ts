import { rulesText } from "../../messages/rules";
import { isError } from "../model/snapshot";
import { finding } from "./helpers";
import { oddCells } from "./oddCells";
import type { Finding, Rule } from "./types";

export const cellError: Rule = {
  id: "cell-error",
  perRow: true,
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      // The table's errors are among its odd cells, in the same row then column order as a walk of every cell.
      const odd = oddCells(v);
      for (let i = 0; i < odd.cells.length; i++) {
        const val = odd.cells[i]!.value;
        if (val === null || typeof val !== "object" || !isError(val)) continue;
        const row = odd.rows[i]!;
        const info = v.rowInfo(row);
        const fiche = info?.fiche ?? info?.continuationOf ?? null;
        const where =
          info?.kind === "total" || info?.kind === "subtotal" ? rulesText.whereTotalLine : fiche ? rulesText.whereFiche(fiche) : rulesText.whereLine(row);
        out.push(finding(v, "cell-error", "error", row, odd.cols[i]!, fiche, rulesText.cellError(val.error, where), null, val.error));
      }
    }
    return out;
  },
};
