import { FUNDER_LABEL, parseSource } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { confident } from "./needs";
import { FUNDER_BLOCKS, type Funder } from "../layout/types";
import { fichesText, funderList, moneyByFunder, namedWithoutColumn, notIn, withAmounts, withMoney } from "./funding";
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
    // forEach and plain loops: no entry array per fiche, and no closure over a fiche's values (10 000 fiches).
    v.rowsByFiche().forEach((rows, fiche) => {
      const money = moneyByFunder(v, rows, sure);
      const { text } = fichesText(v, rows, col);
      const named = parseSource(text);
      const parts: string[] = [];
      const zero: Funder[] = [];
      for (const f of named.funders) if (money.has(f) && (money.get(f) ?? 0) <= EPS) zero.push(f);
      zero.push(...namedWithoutColumn(v, rows, named.funders, money));
      if (zero.length) parts.push(rulesText.sourceNamesZero(zero.map((f) => FUNDER_LABEL[f])));
      const unnamed = notIn(withMoney(money), named.funders);
      if (unnamed.length) parts.push(rulesText.sourceMissesMoney(withAmounts(unnamed, money)));
      if (named.unknown.length) parts.push(rulesText.sourceUnknown(named.unknown));
      if (!parts.length) return;
      out.push(finding(v, "source-funder", "warning", rows[0]!, col, fiche, parts.join(" "), funderList(withMoney(money), FUNDER_LABEL), text ?? ""));
    });
    return out;
  },
};
