import { rulesText } from "../../messages/rules";
import { missingRoles, sumFinding } from "./helpers";
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
      const f = sumFinding(v, "consumed-sum", { row: r.row, col: s, fiche: r.fiche }, rulesText.consumedSumLabel, [prior, last], actual, () =>
        rulesText.consumedSum(prior, last, actual),
      );
      if (f) out.push(f);
    }
    return out;
  },
};
