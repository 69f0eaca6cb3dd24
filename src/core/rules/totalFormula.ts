import { rulesText } from "../../messages/rules";
import { isPlainSum, rowsReferenced } from "../model/formulaRefs";
import type { RowInfo, SingleRole } from "../layout/types";
import type { TableView } from "../layout/view";
import { amountColumns, columnName, finding } from "./helpers";
import type { Finding, Rule } from "./types";

const TEXT_ROLES: SingleRole[] = [
  "fiche",
  "label",
  "theme",
  "objective",
  "objectiveType",
  "indicator",
  "indicatorEtat",
  "indicatorExtra",
  "source",
  "mesure",
  "objectif",
  "modalite",
];

function checkRow(v: TableView, total: RowInfo, expectedRows: number[][], label: string, out: Finding[]): void {
  const cols = amountColumns(v);
  const formulas = cols.filter((c) => v.cell(total.row, c)?.formula).length;
  for (const col of cols) {
    const cell = v.cell(total.row, col);
    if (!cell) continue;
    if (!cell.formula) {
      if (typeof cell.value === "number" && formulas >= 3)
        out.push(finding(v, "total-formula", "warning", total.row, col, null, rulesText.totalConstant(label, columnName(v, col)), null, cell.value));
      continue;
    }
    if (!isPlainSum(cell.formula)) continue;
    const covered = rowsReferenced(cell.formula, col, v.sheet.name, v.sheet.name);
    // Each group of rows is covered by itself or by its sub-total (first entry); what is covered by neither is left out.
    const left: number[] = [];
    for (const alternatives of expectedRows) {
      const [via, ...rows] = alternatives;
      if (via !== undefined && via > 0 && covered.has(via)) continue;
      for (const r of rows) if (!covered.has(r)) left.push(r);
    }
    if (left.length)
      out.push(
        finding(
          v,
          "total-formula",
          "warning",
          total.row,
          col,
          null,
          rulesText.totalFormulaGap(label, columnName(v, col), left),
          `=${cell.formula}`,
          `=${cell.formula}`,
        ),
      );
  }
  for (const role of TEXT_ROLES) {
    const col = v.col(role);
    if (col === undefined) continue;
    const cell = v.cell(total.row, col);
    if (cell?.formula)
      out.push(finding(v, "total-formula", "info", total.row, col, null, rulesText.totalOverText(label, columnName(v, col)), null, `=${cell.formula}`));
  }
}

export const totalFormula: Rule = {
  id: "total-formula",
  skip: (ctx) => ([ctx.detail, ctx.summary].some((v) => v?.t.totalRow || v?.t.groups.some((g) => g.subtotalRow)) ? null : rulesText.skippedNoTotal),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      // Sub-totals (summary groups, engagement sub-totals inside the detail table), then the total over groups and loose rows.
      for (const g of v.t.groups) {
        const sub = v.t.rows.find((r) => r.row === g.subtotalRow);
        if (sub) checkRow(v, sub, [[0, ...g.rows]], rulesText.subtotalLabel(g.key), out);
      }
      const total = v.t.rows.find((r) => r.kind === "total");
      if (!total) continue;
      const grouped = v.t.groups.map((g) => [g.subtotalRow ?? 0, ...g.rows]);
      const inGroups = new Set(v.t.groups.flatMap((g) => g.rows));
      const loose = v
        .dataRows()
        .filter((r) => !inGroups.has(r.row))
        .map((r) => r.row);
      checkRow(v, total, [...grouped, [0, ...loose]], v.t.kind === "detail" ? "TOTAL" : "Total", out);
    }
    return out;
  },
};
