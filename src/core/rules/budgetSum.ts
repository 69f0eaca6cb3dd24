import { rulesText } from "../../messages/rules";
import type { TableView } from "../layout/view";
import { holdsOverFiche, sumFinding } from "./helpers";
import { confident } from "./needs";
import type { Finding, Rule } from "./types";

function checkTable(v: TableView, parts: Array<[string, number | undefined]>, out: Finding[]): void {
  const budgetCol = v.col("budget");
  if (budgetCol === undefined) return;
  const present = parts.filter(([, c]) => c !== undefined) as Array<[string, number]>;
  const label = present.map(([n]) => n).join(" + ");
  for (const r of [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total" || x.kind === "subtotal")]) {
    if (v.amount(r.row, budgetCol) === null) continue;
    const actual = v.num(r.row, budgetCol);
    const f = sumFinding(v, "budget-sum", { row: r.row, col: budgetCol, fiche: r.fiche ?? r.continuationOf }, "Moyens financiers",
      present.map(([, c]) => v.num(r.row, c)), actual, (expected) => rulesText.budgetSum(label, expected, actual));
    if (f && !holdsOverFiche(v, r.row, (rr) => present.reduce((a, [, c]) => a + v.num(rr, c), 0), (rr) => v.num(rr, budgetCol))) out.push(f);
  }
}

export const budgetSum: Rule = {
  id: "budget-sum",
  uses: { detail: ["budget", "cdTotal", "firTotal", "etatTotal", "ondamTotal"], summary: ["budget", "departement", "fir", "etat", "ondam"] },
  partial: true,
  skip: (ctx) => {
    if (!ctx.detail && !ctx.summary) return rulesText.skippedNoTable("both");
    if (ctx.detail && ctx.detail.col("budget") === undefined && (!ctx.summary || ctx.summary.col("budget") === undefined)) return rulesText.skipped(["budget"]);
    return null;
  },
  run(ctx) {
    const out: Finding[] = [];
    const d = ctx.detail;
    // Each table on its own, when its budget and parts were read with confidence.
    if (d && confident(d, "budget", "cdTotal", "firTotal", "etatTotal", "ondamTotal")) checkTable(d, [["Total CD", d.col("cdTotal")], ["Montant FIR", d.col("firTotal")], ["Montant ETAT", d.col("etatTotal")], ["Montant ONDAM", d.col("ondamTotal")]], out);
    const s = ctx.summary;
    if (s && confident(s, "budget", "departement", "fir", "etat", "ondam")) checkTable(s, [["Département", s.col("departement")], ["FIR", s.col("fir")], ["Etat", s.col("etat")], ["ONDAM", s.col("ondam")]], out);
    return out;
  },
};
