import { rulesText } from "../../messages/rules";
import { finding } from "./helpers";
import { moneyByFunder } from "./funding";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const cofinancingCd: Rule = {
  id: "cofinancing-cd",
  uses: { detail: ["ms", "dgas", "cd", "fir", "etat", "ondam", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"] },
  skip: (ctx) =>
    !ctx.detail
      ? rulesText.skippedNoTable("detail")
      : !ctx.detail.years("cd").length && ctx.detail.col("cdTotal") === undefined
        ? rulesText.skipped(["cdTotal"])
        : null,
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    for (const [fiche, rows] of v.rowsByFiche()) {
      const co = [...moneyByFunder(v, rows).values()].reduce((a, b) => a + b, 0);
      const cd = rows.reduce((a, r) => a + v.blockTotal(r, "cd"), 0);
      if (co <= EPS || Math.abs(cd) > EPS) continue;
      const col = v.col("cdTotal") ?? v.yearCol("cd", v.years("cd")[0]!)!;
      out.push(finding(v, "cofinancing-cd", "info", rows[0]!, col, fiche, rulesText.cofinancingCd(co), "> 0 €", cd));
    }
    return out;
  },
};
