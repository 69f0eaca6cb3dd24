import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { compareAmounts } from "./tolerance";
import type { Finding, Rule } from "./types";

export const consumedSum: Rule = {
  id: "consumed-sum",
  needs: { summary: ["consumedPrior", "consumedLastYear", "consumedSinceStart"] },
  skip: (ctx) => {
    if (!ctx.summary) return rulesText.skippedNoTable("summary");
    const m = missingRoles(ctx.summary, ["consumedPrior", "consumedLastYear", "consumedSinceStart"]);
    return m.length ? rulesText.skipped(m) : null;
  },
  run(ctx) {
    const v = ctx.summary!;
    const [p, l, s] = [v.col("consumedPrior")!, v.col("consumedLastYear")!, v.col("consumedSinceStart")!];
    const out: Finding[] = [];
    for (const r of v.t.rows) {
      if (!["fiche", "objective", "subtotal", "total"].includes(r.kind)) continue;
      if (v.amount(r.row, s) === null) continue;
      const prior = v.num(r.row, p);
      const last = v.num(r.row, l);
      const actual = v.num(r.row, s);
      const cmp = compareAmounts(prior + last, actual);
      if (cmp === "equal") continue;
      out.push(cmp === "rounding"
        ? finding(v, "consumed-sum", "info", r.row, s, r.fiche, rulesText.rounding("Consommé cumulé", prior + last, actual), prior + last, actual)
        : finding(v, "consumed-sum", "error", r.row, s, r.fiche, rulesText.consumedSum(prior, last, actual), prior + last, actual));
    }
    return out;
  },
};
