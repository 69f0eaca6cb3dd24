import { rulesText } from "../../messages/rules";
import { isError } from "../model/snapshot";
import { eachTableCell, finding } from "./helpers";
import type { Finding, Rule } from "./types";

export const cellError: Rule = {
  id: "cell-error",
  perRow: true,
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      eachTableCell(v, (row, col, cell, info) => {
        const val = cell.value;
        if (val === null || typeof val !== "object" || !isError(val)) return;
        const fiche = info?.fiche ?? info?.continuationOf ?? null;
        const where =
          info?.kind === "total" || info?.kind === "subtotal" ? rulesText.whereTotalLine : fiche ? rulesText.whereFiche(fiche) : rulesText.whereLine(row);
        out.push(finding(v, "cell-error", "error", row, col, fiche, rulesText.cellError(val.error, where), null, val.error));
      });
    }
    return out;
  },
};
