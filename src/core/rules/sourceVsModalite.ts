import { parseModalite, parseSource, type NamedFunders } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding } from "./helpers";
import { fichesText } from "./funding";
import type { Finding, Rule } from "./types";

export const sourceVsModalite: Rule = {
  id: "source-vs-modalite",
  perRow: false,
  needs: { detail: ["source"], summary: ["modalite"] },
  skip: (ctx) => {
    if (!ctx.detail || !ctx.summary) return rulesText.skippedNoTable("both");
    const missing = [...(ctx.summary.col("modalite") === undefined ? ["modalite"] : []), ...(ctx.detail.col("source") === undefined ? ["source"] : [])];
    return missing.length ? rulesText.skipped(missing) : null;
  },
  run(ctx) {
    const d = ctx.detail!;
    const s = ctx.summary!;
    const byFiche = d.rowsByFiche();
    const summaryRows = s.rowsByFiche();
    const out: Finding[] = [];
    // A summary fiche on several rows names its funders over all of them, like a fiche's source in the detail.
    // forEach: no entry array per fiche (10 000 of them).
    summaryRows.forEach((srows, fiche) => {
      const rows = byFiche.get(fiche);
      if (!rows) return;
      const read = fichesText(s, srows, s.col("modalite"));
      const mod = read.text;
      const r = { row: read.row, fiche };
      const src = fichesText(d, rows, d.col("source")).text;
      const a = sortedKey(parseModalite(mod));
      const b = sortedKey(parseSource(src));
      if (a === b) return;
      out.push(
        finding(s, "source-vs-modalite", "warning", r.row, s.col("modalite")!, r.fiche, rulesText.sourceVsModalite(mod ?? "", src ?? ""), src ?? "", mod ?? ""),
      );
    });
    return out;
  },
};

// A text's reading is one object per text (parsed once): its sorted funders joined once too, not once per fiche.
const keys = new WeakMap<NamedFunders, string>();

function sortedKey(named: NamedFunders): string {
  let k = keys.get(named);
  if (k === undefined) keys.set(named, (k = [...named.funders].sort().join("+")));
  return k;
}
