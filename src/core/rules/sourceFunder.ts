import { FUNDER_LABEL, parseSource } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding, missingRoles } from "./helpers";
import { confident } from "./needs";
import { FUNDER_BLOCKS, type Funder } from "../layout/types";
import { fichesText, funderList, moneyByFunder, namedWithoutColumn, notIn, withAmounts, withMoney } from "./funding";
import type { Finding, Rule } from "./types";
import { EPS } from "../model/tolerance";
import { norm } from "../layout/normalize";
import { columnsRead } from "../layout/columnsRead";
import type { TableView } from "../layout/view";

/**
 * Words heading the table's columns that no role was read from (« CAF 2021 », « Montant Région »): a co-financer the
 * table gives its own columns is one this annex knows, not a word the source got wrong, though the spec does not name it.
 */
function unreadHeaderWords(v: TableView): Set<string> {
  const read = columnsRead(v.t.columns, v.t.blocks);
  const words = new Set<string>();
  for (const [col, text] of Object.entries(v.t.headers)) {
    if (read.has(Number(col))) continue;
    for (const w of norm(text).split(/[^a-z0-9']+/)) if (/^[a-z]{2,}$/.test(w)) words.add(w);
  }
  return words;
}

export const sourceFunder: Rule = {
  id: "source-funder",
  perRow: true,
  needs: { detail: ["source"] },
  uses: { detail: ["fir", "etat", "ondam", "firTotal", "etatTotal", "ondamTotal"] },
  partial: true,
  skip: (ctx) => (!ctx.detail ? rulesText.skippedNoTable("detail") : missingRoles(ctx.detail, ["source"]).length ? rulesText.skipped(["source"]) : null),
  run(ctx) {
    const v = ctx.detail!;
    const col = v.col("source")!;
    const out: Finding[] = [];
    const ownColumns = unreadHeaderWords(v);
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
      const unknown = named.unknown.filter((tok) => !ownColumns.has(tok));
      if (unknown.length) parts.push(rulesText.sourceUnknown(unknown));
      if (!parts.length) return;
      out.push(finding(v, "source-funder", "warning", rows[0]!, col, fiche, parts.join(" "), funderList(withMoney(money), FUNDER_LABEL), text ?? ""));
    });
    return out;
  },
};
