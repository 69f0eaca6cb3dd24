import { rulesText } from "../../messages/rules";
import type { AmountBlock, SingleRole } from "../layout/types";
import type { TableView } from "../layout/view";
import { holdsOverFiche, sumFinding } from "./helpers";
import { confident } from "./needs";
import type { Finding, Rule } from "./types";

type Part = [string, (row: number) => number];

function checkTable(v: TableView, parts: Part[], out: Finding[]): void {
  const budgetCol = v.col("budget");
  if (budgetCol === undefined || !parts.length) return;
  const label = parts.map(([n]) => n).join(" + ");
  for (const r of [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total" || x.kind === "subtotal")]) {
    if (v.amount(r.row, budgetCol) === null) continue;
    const actual = v.num(r.row, budgetCol);
    const f = sumFinding(v, "budget-sum", { row: r.row, col: budgetCol, fiche: r.fiche ?? r.continuationOf }, "Moyens financiers",
      parts.map(([, at]) => at(r.row)), actual, (expected) => rulesText.budgetSum(label, expected, actual));
    if (f && !holdsOverFiche(v, r.row, (rr) => parts.reduce((a, [, at]) => a + at(rr), 0), (rr) => v.num(rr, budgetCol))) out.push(f);
  }
}

const column = (v: TableView, label: string, role: SingleRole): Part[] => {
  const c = v.col(role);
  return c === undefined ? [] : [[label, (r) => v.num(r, c)]];
};

/**
 * The detail's parts: each block by its total column, else by its years; the CD, when it has neither, as masse
 * salariale + DGAS. Null when the CD cannot be read at all (the budget would be compared with the co-financers alone).
 */
function detailParts(v: TableView): { parts: Part[]; keys: string[] } | null {
  const keys: string[] = [];
  const block = (label: string, b: AmountBlock): Part[] => {
    const total = v.col(`${b}Total` as SingleRole) !== undefined;
    if (!total && !v.years(b).length) return [];
    keys.push(total ? `${b}Total` : b);
    return [[label, (r) => v.blockTotal(r, b)]];
  };
  const cd = block("Total CD", "cd");
  const split = cd.length ? [] : [...block("Total masse salariale", "ms"), ...block("Total budget DGAS", "dgas")];
  if (!cd.length && split.length < 2) return null;
  return { parts: [...cd, ...split, ...block("Montant FIR", "fir"), ...block("Montant ETAT", "etat"), ...block("Montant ONDAM", "ondam")], keys };
}

export const budgetSum: Rule = {
  id: "budget-sum",
  uses: { detail: ["budget", "cdTotal", "firTotal", "etatTotal", "ondamTotal", "ms", "dgas", "cd", "fir", "etat", "ondam", "msTotal", "dgasTotal"], summary: ["budget", "departement", "fir", "etat", "ondam"] },
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
    const parts = d ? detailParts(d) : null;
    if (d && parts && confident(d, "budget", ...parts.keys)) checkTable(d, parts.parts, out);
    const s = ctx.summary;
    if (s && confident(s, "budget", "departement", "fir", "etat", "ondam")) checkTable(s, [...column(s, "Département", "departement"), ...column(s, "FIR", "fir"), ...column(s, "Etat", "etat"), ...column(s, "ONDAM", "ondam")], out);
    return out;
  },
};
