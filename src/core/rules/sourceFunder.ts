import { FUNDER_LABEL, parseSource } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { confident } from "./needs";
import { FUNDER_BLOCKS } from "../layout/types";
import { fichesText, funderList, moneyByFunder, namedWithoutColumn, withMoney } from "./funding";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const sourceFunder: Rule = {
  id: "source-funder",
  needs: { detail: ["source"] },
  uses: { detail: ["fir", "etat", "ondam", "firTotal", "etatTotal", "ondamTotal"] },
  partial: true,
  skip: (ctx) => (!ctx.detail ? rulesText.skippedNoTable("detail") : missingRoles(ctx.detail, ["source"]).length ? rulesText.skipped(["source"]) : null),
  run(ctx) {
    const v = ctx.detail!;
    const col = v.col("source")!;
    const out: Finding[] = [];
    // Each funder on its own: one whose amounts were read with doubt is neither required nor refused in the source.
    const sure = FUNDER_BLOCKS.filter((f) => confident(v, f, `${f}Total`));
    for (const [fiche, rows] of v.rowsByFiche()) {
      const money = moneyByFunder(v, rows, sure);
      const { text } = fichesText(v, rows, col);
      const named = parseSource(text);
      const parts: string[] = [];
      const zero = [...named.funders].filter((f) => money.has(f) && (money.get(f) ?? 0) <= EPS);
      zero.push(...namedWithoutColumn(v, rows, named.funders, money));
      if (zero.length) parts.push(rulesText.sourceNamesZero(zero.map((f) => FUNDER_LABEL[f])));
      const unnamed = withMoney(money).filter((f) => !named.funders.has(f));
      if (unnamed.length) parts.push(rulesText.sourceMissesMoney(unnamed.map((f) => [FUNDER_LABEL[f], money.get(f)!])));
      if (named.unknown.length) parts.push(rulesText.sourceUnknown(named.unknown));
      if (!parts.length) continue;
      out.push(finding(v, "source-funder", "warning", rows[0]!, col, fiche, parts.join(" "), funderList(withMoney(money), FUNDER_LABEL), text ?? ""));
    }
    return out;
  },
};
