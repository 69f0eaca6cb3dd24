import { FUNDER_LABEL, MODALITE_LABEL, parseModalite } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { confident } from "./needs";
import { FUNDER_BLOCKS, type Funder } from "../layout/types";
import { fichesText, funderList, moneyByFunder, namedWithoutColumn, notIn, withAmounts, withMoney } from "./funding";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";

export const modalite: Rule = {
  id: "modalite",
  perRow: false,
  needs: { summary: ["modalite"] },
  uses: { summary: ["fir", "etat", "ondam"] },
  partial: true,
  skip: (ctx) => (!ctx.summary ? rulesText.skippedNoTable("summary") : missingRoles(ctx.summary, ["modalite"]).length ? rulesText.skipped(["modalite"]) : null),
  run(ctx) {
    const v = ctx.summary!;
    const col = v.col("modalite")!;
    const out: Finding[] = [];
    // Each funder on its own: one whose column was read with doubt is neither required nor refused in the text.
    const sure = FUNDER_BLOCKS.filter((f) => confident(v, f));
    // A summary fiche on several rows: its modalités and its money over all of them.
    // forEach and plain loops: no entry array per fiche, and no closure over a fiche's values.
    v.rowsByFiche().forEach((rows, fiche) => {
      const read = fichesText(v, rows, col);
      const text = read.text;
      const r = { row: read.row, fiche };
      const named = parseModalite(text);
      const money = moneyByFunder(v, rows, sure);
      const parts: string[] = [];
      if (named.unknown.length) parts.push(rulesText.modaliteUnknown(text ?? ""));
      const zero: Funder[] = [];
      for (const f of named.funders) if (money.has(f) && (money.get(f) ?? 0) <= EPS) zero.push(f);
      zero.push(...namedWithoutColumn(v, rows, named.funders, money));
      if (zero.length) parts.push(rulesText.modaliteNamesZero(zero.map((f) => MODALITE_LABEL[f])));
      const unnamed = notIn(withMoney(money), named.funders);
      if (unnamed.length) {
        parts.push(
          named.namesCd && named.funders.size === 0
            ? rulesText.modaliteCdWithFunders(unnamed.map((f) => `${FUNDER_LABEL[f]}`))
            : rulesText.modaliteMissesMoney(withAmounts(unnamed, money)),
        );
      }
      if (!parts.length) return;
      out.push(finding(v, "modalite", "warning", r.row, col, r.fiche, parts.join(" "), funderList(withMoney(money), FUNDER_LABEL), text ?? ""));
    });
    return out;
  },
};
