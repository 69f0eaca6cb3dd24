import { rulesText } from "../../messages/rules";
import { amountColumns, columnName, finding } from "./helpers";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const negativeAmount: Rule = {
  id: "negative-amount",
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const cols = amountColumns(v);
      for (const r of v.dataRows()) {
        for (const c of cols) {
          const n = v.amount(r.row, c);
          if (n === null || n >= -EPS) continue;
          out.push(finding(v, "negative-amount", "error", r.row, c, r.fiche ?? r.continuationOf, rulesText.negative(columnName(v, c), n), null, n));
        }
      }
    }
    return out;
  },
};
