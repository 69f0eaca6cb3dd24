import { fr } from "../../messages/format";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import type { Finding, Rule } from "./types";

export const objectiveMissing: Rule = {
  id: "objective-missing",
  skip: (ctx) => (!ctx.detail ? rulesText.skippedNoTable("detail") : missingRoles(ctx.detail, ["objective"]).length ? rulesText.skipped(["objective"]) : null),
  run(ctx) {
    const v = ctx.detail!;
    const col = v.col("objective")!;
    const out: Finding[] = [];
    for (const r of v.ficheRows()) {
      if (!v.isBlank(r.row, col)) continue;
      out.push(finding(v, "objective-missing", "info", r.row, col, r.fiche, rulesText.objectiveMissing(), fr`Objectif n : …`, null));
    }
    return out;
  },
};
