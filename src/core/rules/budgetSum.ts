import { rulesText } from "../../messages/rules";
import type { RowInfo } from "../layout/types";
import type { TableView } from "../layout/view";
import { holdsOverFiche, sumFinding } from "./helpers";
import { confident, present } from "./needs";
import type { Finding, Rule } from "./types";
import { compareAmounts } from "../model/tolerance";

type Part = [label: string, value: (row: number) => number];

function checkTable(v: TableView, parts: Part[], out: Finding[]): void {
  const budgetCol = v.col("budget");
  if (budgetCol === undefined || !parts.length) return;
  const label = parts.map(([n]) => n).join(" + ");
  const sum = (row: number) => parts.reduce((a, [, f]) => a + f(row), 0);
  const rows = [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total" || x.kind === "subtotal")];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (v.amount(r.row, budgetCol) === null) continue;
    const actual = v.num(r.row, budgetCol);
    // Most rows add up: summed in place (the order sumFinding adds in), parts and messages made only when not.
    let expected = 0;
    for (let k = 0; k < parts.length; k++) expected += parts[k]![1](r.row);
    if (compareAmounts(expected, actual) === "equal") continue;
    const f = offRow(v, r, budgetCol, parts, label, actual, sum);
    if (f) out.push(f);
  }
}

/** The finding of a row whose budget is not its parts' sum, unless its fiche's rows add up together (the loop's slow path, kept apart so that its closures cost the loop nothing). */
function offRow(v: TableView, r: RowInfo, budgetCol: number, parts: Part[], label: string, actual: number, sum: (row: number) => number): Finding | null {
  const f = sumFinding(
    v,
    "budget-sum",
    { row: r.row, col: budgetCol, fiche: r.fiche ?? r.continuationOf },
    "Moyens financiers",
    parts.map(([, p]) => p(r.row)),
    actual,
    (expected) => rulesText.budgetSum(label, expected, actual),
  );
  return f && !holdsOverFiche(v, r.row, sum, (rr) => v.num(rr, budgetCol)) ? f : null;
}

/** The detail's parts of the budget: each block present, by its total column, else its years (CD: else MS + DGAS). */
function detailParts(d: TableView): Part[] | null {
  const out: Part[] = [];
  for (const [b, label] of [
    ["cd", "Total CD"],
    ["fir", "Montant FIR"],
    ["etat", "Montant ETAT"],
    ["ondam", "Montant ONDAM"],
  ] as const) {
    const blocks = b === "cd" && !present(d, "cd") && !present(d, "cdTotal") ? ["ms", "dgas", "msTotal", "dgasTotal"] : [b, `${b}Total`];
    const there = blocks.filter((k) => present(d, k));
    if (!there.length) continue;
    if (!confident(d, ...there)) return null;
    out.push([label, (row) => d.blockTotal(row, b)]);
  }
  return out;
}

export const budgetSum: Rule = {
  id: "budget-sum",
  perRow: true,
  uses: {
    detail: ["budget", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal", "ms", "dgas", "cd", "fir", "etat", "ondam"],
    summary: ["budget", "departement", "fir", "etat", "ondam"],
  },
  partial: true,
  skip: (ctx) => {
    if (!ctx.detail && !ctx.summary) return rulesText.skippedNoTable("both");
    if (ctx.detail && ctx.detail.col("budget") === undefined && (!ctx.summary || ctx.summary.col("budget") === undefined)) return rulesText.skipped(["budget"]);
    return null;
  },
  run(ctx) {
    const out: Finding[] = [];
    // Each table on its own, when its budget and parts were read with confidence.
    const d = ctx.detail;
    const parts = d && confident(d, "budget") ? detailParts(d) : null;
    if (d && parts) checkTable(d, parts, out);
    const s = ctx.summary;
    if (s && confident(s, "budget", "departement", "fir", "etat", "ondam")) {
      checkTable(
        s,
        (
          [
            ["Département", "departement"],
            ["FIR", "fir"],
            ["Etat", "etat"],
            ["ONDAM", "ondam"],
          ] as const
        )
          .filter(([, k]) => s.col(k) !== undefined)
          .map(([label, k]): Part => [label, (row) => s.num(row, s.col(k))]),
        out,
      );
    }
    return out;
  },
};
