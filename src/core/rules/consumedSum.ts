import { rulesText } from "../../messages/rules";
import { missingRoles, sumFinding } from "./helpers";
import type { Finding, Rule } from "./types";
import { compareAmounts } from "../model/tolerance";

export const consumedSum: Rule = {
  id: "consumed-sum",
  perRow: false,
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
    const rows = v.t.rows.filter((r) => r.kind === "fiche" || r.kind === "objective" || r.kind === "subtotal" || r.kind === "total");
    // A cumulative left blank where money was consumed is missing, when the column is filled on the other rows;
    // a column left blank throughout is simply not kept.
    const kept = rows.filter((r) => r.kind !== "subtotal" && r.kind !== "total" && v.amount(r.row, s) !== null).length >= 2;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const prior = v.num(r.row, p);
      const last = v.num(r.row, l);
      if (v.amount(r.row, s) === null && !(kept && (r.kind === "fiche" || r.kind === "objective") && (prior !== 0 || last !== 0))) continue;
      const actual = v.num(r.row, s);
      // Most rows add up: compared in place (as sumFinding adds, from 0), the parts and message made only when not.
      if (compareAmounts(0 + prior + last, actual) === "equal") continue;
      const f = sumFinding(v, "consumed-sum", { row: r.row, col: s, fiche: r.fiche }, rulesText.consumedSumLabel, [prior, last], actual, () =>
        rulesText.consumedSum(prior, last, actual),
      );
      if (f) out.push(f);
    }
    return out;
  },
};
