import { FUNDAMENTAL_NUMBERS, NATIONAL_OBJECTIVES } from "../catalogue/objectives";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { detailObjectives, objectiveByLabel } from "./objectives";
import type { Finding, Rule } from "./types";

export const fundamentalCoverage: Rule = {
  id: "fundamental-coverage",
  perRow: false,
  skip: (ctx) => (!ctx.detail ? rulesText.skippedNoTable("detail") : missingRoles(ctx.detail, ["objective"]).length ? rulesText.skipped(["objective"]) : null),
  run(ctx) {
    const v = ctx.detail!;
    const covered = new Set<number>();
    const entries = detailObjectives(v);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (e.n !== null && e.fiche) covered.add(e.n);
    }
    const s = ctx.summary;
    if (s)
      for (let i = 0, rows = s.ficheRows(); i < rows.length; i++) {
        const r = rows[i]!;
        const n = objectiveByLabel(s.text(r.row, s.col("objectif")));
        if (n !== null) covered.add(n);
      }
    const col = v.col("objective")!;
    const out: Finding[] = [];
    for (const n of FUNDAMENTAL_NUMBERS) {
      if (covered.has(n)) continue;
      const label = NATIONAL_OBJECTIVES.find((o) => o.n === n)!.label;
      out.push(finding(v, "fundamental-coverage", "info", v.t.headerRows[0]!, col, null, rulesText.fundamentalCoverage(n, label), `objectif ${n}`, null));
    }
    return out;
  },
};
