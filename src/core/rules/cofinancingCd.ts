import { rulesText } from "../../messages/rules";
import { finding } from "./helpers";
import { moneyByFunder } from "./funding";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const cofinancingCd: Rule = {
  id: "cofinancing-cd",
  perRow: false,
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
    // Summed in the order a reduce from 0 would, with plain loops: nothing made per fiche.
    v.rowsByFiche().forEach((rows, fiche) => {
      let co = 0;
      moneyByFunder(v, rows).forEach((x) => (co += x));
      let cd = 0;
      for (let i = 0; i < rows.length; i++) cd += v.blockTotal(rows[i]!, "cd");
      if (co <= EPS || Math.abs(cd) > EPS) return;
      const col = v.col("cdTotal") ?? v.yearCol("cd", v.years("cd")[0]!)!;
      out.push(finding(v, "cofinancing-cd", "info", rows[0]!, col, fiche, rulesText.cofinancingCd(co), "> 0 €", cd));
    });
    return out;
  },
};
