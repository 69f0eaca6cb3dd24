import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { detailObjectives } from "./objectives";
import type { Finding, Rule } from "./types";

export const objectiveMissing: Rule = {
  id: "objective-missing",
  perRow: true,
  skip: (ctx) => (!ctx.detail ? rulesText.skippedNoTable("detail") : missingRoles(ctx.detail, ["objective"]).length ? rulesText.skipped(["objective"]) : null),
  run(ctx) {
    const v = ctx.detail!;
    const col = v.col("objective")!;
    const out: Finding[] = [];
    // A fiche over several rows has an objective when any of its rows names one.
    const entries = detailObjectives(v);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.text !== null || !v.isBlank(e.row, col)) continue;
      out.push(finding(v, "objective-missing", "info", e.row, col, e.fiche, rulesText.objectiveMissing(), rulesText.objectiveExpected, null));
    }
    return out;
  },
};
