import { rulesText } from "../../messages/rules";
import { isPlainSum, rowsReferenced } from "../model/formulaRefs";
import type { RowInfo, SingleRole } from "../layout/types";
import type { TableView } from "../layout/view";
import { isNoteText } from "../layout/noteText";
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

/** Cells of one total row that share a cause: reported once, at the first, naming the others (never a finding per column). */
interface Same {
  cols: number[];
  left: number[];
  formula: string | null;
}

/** A row with no amount whose only words are a note (« Fiche supprimée », « cf. avenant ») belongs to no fiche: a SUM may skip it. */
function isNoteRow(v: TableView, row: number, amounts: number[]): boolean {
  if (amounts.some((c) => !v.isBlank(row, c))) return false;
  const texts: string[] = [];
  for (let c = v.t.range.c1; c <= v.t.range.c2; c++) {
    const t = v.text(row, c);
    if (t) texts.push(t);
  }
  return texts.length > 0 && texts.every(isNoteText);
}

/**
 * The first row of a group with no fiche number and no amount: its title written without « Engagement n »
 * (« Sécuriser les parcours… »), not a row a formula could forget.
 */
function isHeading(v: TableView, row: number, amounts: number[]): boolean {
  const fiche = v.col("fiche");
  return fiche !== undefined && v.isBlank(row, fiche) && amounts.every((c) => v.isBlank(row, c));
}

function checkRow(v: TableView, total: RowInfo, expectedRows: number[][], label: string, out: Finding[]): void {
  const cols = amountColumns(v);
  const notes = new Map<number, boolean>();
  const isNote = (row: number) => {
    let n = notes.get(row);
    if (n === undefined) notes.set(row, (n = isNoteRow(v, row, cols)));
    return n;
  };
  const formulas = cols.filter((c) => v.cell(total.row, c)?.formula).length;
  // Groups whose rows ascend: one interval of a formula holding their first and last row holds them all (each column's
  // SUM(M5:M10004) checked in two lookups, not one per row).
  const ascending = expectedRows.map((g) => {
    for (let i = 2; i < g.length; i++) if (g[i]! <= g[i - 1]!) return false;
    return true;
  });
  const constants: Same = { cols: [], left: [], formula: null };
  const gaps = new Map<string, Same>();
  for (const col of cols) {
    const cell = v.cell(total.row, col);
    if (!cell) continue;
    if (!cell.formula) {
      if (typeof cell.value === "number" && formulas >= 3) constants.cols.push(col);
      continue;
    }
    if (!isPlainSum(cell.formula)) continue;
    const covered = rowsReferenced(cell.formula, col, v.sheet.name, v.sheet.name);
    // Each group of rows is covered by itself or by its sub-total (first entry); what is covered by neither is left out.
    const left: number[] = [];
    for (let g = 0; g < expectedRows.length; g++) {
      // [via, ...rows] read in place: no copy of 10 000 rows per column.
      const alternatives = expectedRows[g]!;
      const via = alternatives[0];
      if (via !== undefined && via > 0 && covered.has(via)) continue;
      if (ascending[g] && alternatives.length > 1) {
        const span = covered.spanOf(alternatives[1]!);
        if (span >= 0 && span === covered.spanOf(alternatives[alternatives.length - 1]!)) continue;
      }
      for (let i = 1; i < alternatives.length; i++) {
        const r = alternatives[i]!;
        if (!covered.has(r) && !isNote(r) && !(r === alternatives[1] && isHeading(v, r, cols))) left.push(r);
      }
    }
    if (!left.length) continue;
    const key = left.join(",");
    const same = gaps.get(key) ?? { cols: [], left, formula: `=${cell.formula}` };
    same.cols.push(col);
    gaps.set(key, same);
  }
  const name = (col: number) => columnName(v, col);
  // One finding at the first column of the cause, the others counted in its message.
  const sayOnce = (
    cols: number[],
    one: (c: string) => string,
    many: (first: string, last: string, n: number) => string,
    expected: Finding["expected"],
    actual: Finding["actual"],
  ) => {
    const [first] = cols as [number];
    const message = cols.length === 1 ? one(name(first)) : many(name(first), name(cols[cols.length - 1]!), cols.length);
    out.push(finding(v, "total-formula", "warning", total.row, first, null, message, expected, actual));
  };
  if (constants.cols.length)
    sayOnce(
      constants.cols,
      (c) => rulesText.totalConstant(label, c),
      (f, l, n) => rulesText.totalConstantMany(label, f, l, n),
      null,
      v.cell(total.row, constants.cols[0]!)!.value as number,
    );
  for (const same of gaps.values())
    sayOnce(
      same.cols,
      (c) => rulesText.totalFormulaGap(label, c, same.left),
      (f, l, n) => rulesText.totalFormulaGapMany(label, f, l, n, same.left),
      same.formula,
      same.formula,
    );
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
  perRow: false,
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
