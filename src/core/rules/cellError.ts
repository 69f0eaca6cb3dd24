import { rulesText } from "../../messages/rules";
import { isError } from "../model/snapshot";
import { finding } from "./helpers";
import type { Finding, Rule } from "./types";

export const cellError: Rule = {
  id: "cell-error",
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const kinds = new Map(v.t.rows.map((r) => [r.row, r]));
      const { r1, r2, c1, c2 } = v.t.range;
      for (let r = r1; r <= r2; r++) {
        const cells = v.sheet.cells[r - 1];
        if (!cells) continue;
        for (let c = c1; c <= Math.min(c2, cells.length); c++) {
          const val = cells[c - 1]?.value;
          if (val === undefined || val === null || !isError(val)) continue;
          const info = kinds.get(r);
          const fiche = info?.fiche ?? info?.continuationOf ?? null;
          const where = info?.kind === "total" || info?.kind === "subtotal" ? "ligne de total" : fiche ? `fiche ${fiche}` : `ligne ${r}`;
          out.push(finding(v, "cell-error", "error", r, c, fiche, rulesText.cellError(val.error, where), null, val.error));
        }
      }
    }
    return out;
  },
};
