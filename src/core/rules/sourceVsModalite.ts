import { parseModalite, parseSource } from "../catalogue/funders";
import { rulesText } from "../../messages/rules";
import { finding } from "./helpers";
import { fichesText } from "./funding";
import type { Finding, Rule } from "./types";

export const sourceVsModalite: Rule = {
  id: "source-vs-modalite",
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
    const out: Finding[] = [];
    for (const r of s.ficheRows()) {
      const rows = byFiche.get(r.fiche!);
      if (!rows) continue;
      const mod = s.text(r.row, s.col("modalite"));
      const src = fichesText(d, rows, d.col("source")).text;
      const a = [...parseModalite(mod).funders].sort().join("+");
      const b = [...parseSource(src).funders].sort().join("+");
      if (a === b) continue;
      out.push(
        finding(s, "source-vs-modalite", "warning", r.row, s.col("modalite")!, r.fiche, rulesText.sourceVsModalite(mod ?? "", src ?? ""), src ?? "", mod ?? ""),
      );
    }
    return out;
  },
};
