// Each add-year step on its own, on the 2022 annex (snapshot and layout stored with the plan fixtures) and on a
// generated annex whose two tables share a sheet.
import { planAddYear } from "../../../src/core/compute/addYear";
import { cumulativeColumn, newColumns, rowTotals, summaryCumulativeColumn, tableFacts } from "../../../src/core/compute/addYearCells";
import { PlannedFormulas } from "../../../src/core/compute/addYearFormulas";
import { yearListHeaders } from "../../../src/core/compute/addYearHeaders";
import { insertColumnEdits, sharedSheetWidths, whereColumnsGo, type AddYearStart } from "../../../src/core/compute/addYearPlace";
import { TableView } from "../../../src/core/layout/view";
import { colToLetters, lettersToCol } from "../../../src/core/model/a1";
import * as formulaRefs from "../../../src/core/model/formulaRefs";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Edit } from "../../../src/core/plan/types";
import { loadWorkbook, readCases, type PlanCase } from "./planSnapshot";
import { generateAnnex } from "../../support/annexGenerator";

const cases = readCases();
const caseOf = (name: string): { c: PlanCase; wb: WorkbookSnapshot } => {
  const c = cases.find((x) => x.name === name)!;
  return { c, wb: loadWorkbook(c.workbook) };
};
const D = "Suivi fiches actions";
const S = "Synthèse financière";

function startOf(wb: WorkbookSnapshot, c: PlanCase): AddYearStart {
  const detail = TableView.of(wb, c.layout.detail)!;
  const summary = TableView.of(wb, c.layout.summary);
  return { last: detail.lastYear!, year: detail.lastYear! + 1, force: false, detail, summary, shared: !!summary && summary.sheet === detail.sheet };
}

function stepsOf(name: string) {
  const { c, wb } = caseOf(name);
  const start = startOf(wb, c);
  const tables = whereColumnsGo(start);
  const formulas = new PlannedFormulas(tables.map((t) => t.columns));
  const facts = tables.map((tp) => tableFacts(start, tp, formulas));
  return { c, wb, start, tables, detail: facts[0]!, summary: facts[1] };
}

const L = lettersToCol;
const at = (edits: Edit[], sheet: string, row: number, col: number) => edits.filter((e) => "row" in e && e.sheet === sheet && e.row === row && e.col === col);
const formulaAt = (edits: Edit[], sheet: string, row: number, col: number) => {
  const e = at(edits, sheet, row, col).find((x) => x.kind === "setFormula");
  return e && e.kind === "setFormula" ? e.formula : undefined;
};
const valueAt = (edits: Edit[], sheet: string, row: number, col: number) => {
  const e = at(edits, sheet, row, col).find((x) => x.kind === "setValue");
  return e && e.kind === "setValue" ? e.value : undefined;
};

test("where the columns go: after each block's 2022 column, three beside the realisations, two in the summary", () => {
  const { tables } = stepsOf("annex-2022");
  const [d, s] = tables;
  // Indicateurs K, MS O, DGAS S, Total CD W, FIR AB, ETAT AF, ONDAM AJ (2022); cumulative AN; summary cumulative L.
  expect(d!.insertions.map((i) => [i.at, i.newCols.map((n) => `${n.block}${n.year}`)])).toEqual([
    [L("L"), ["indicator2023"]],
    [L("P"), ["ms2023"]],
    [L("T"), ["dgas2023"]],
    [L("X"), ["cd2023"]],
    [L("AC"), ["fir2023"]],
    [L("AG"), ["etat2023"]],
    [L("AK"), ["ondam2023"]],
    [L("AN"), ["realised2023", "rate2023", "realisedTo2022"]],
  ]);
  expect(d!.rows).toBeNull();
  expect(s!.insertions.map((i) => [i.at, i.newCols.map((n) => `${n.block}${n.year}`)])).toEqual([[L("L"), ["consumedTo2022", "consumedIn2023"]]]);
  // Final positions: an existing column moves by the columns inserted at or left of it.
  expect(d!.columns.final(L("K"))).toBe(L("K"));
  expect(d!.columns.final(L("L"))).toBe(L("M"));
  expect(d!.columns.final(L("AN"))).toBe(L("AN") + 10);
});

test("insert edits: right to left in each table, 12 columns in all", () => {
  const { tables } = stepsOf("annex-2022");
  const edits = insertColumnEdits(tables);
  const detailAts = edits.filter((e) => e.kind === "insertColumns" && e.sheet === D).map((e) => (e.kind === "insertColumns" ? e.at : 0));
  expect(detailAts).toEqual([...detailAts].sort((a, b) => b - a));
  expect(edits.reduce((n, e) => n + (e.kind === "insertColumns" ? e.count : 0), 0)).toBe(12);
  expect(edits[edits.length - 1]).toMatchObject({ sheet: S, at: L("L"), count: 2 });
});

test("new columns: headers for 2023, Total CD = MS + DGAS of 2023, the 2023 rate, the former cumulative as a value", () => {
  const { detail, wb } = stepsOf("annex-2022");
  const out = newColumns(detail);
  // Final columns: MS 2023 = Q, DGAS 2023 = V, Total CD 2023 = AA, realisations 2023 = AU, rate = AV, au 31/12/2022 = AW.
  expect(out.newColumns.map((n) => `${colToLetters(n.col)} ${n.label}`)).toEqual(
    expect.arrayContaining(["AA Total CD 2023", "AU Réalisations en 2023", "AW Réalisations au 31/12/2022"]),
  );
  expect(formulaAt(out.edits, D, 4, L("AA"))).toBe("Q4+V4");
  expect(formulaAt(out.edits, D, 4, L("AV"))).toBe('IF((AA4+AG4+AL4+AQ4)=0,IF(N(AU4)=0,"","sans budget"),AU4/(AA4+AG4+AL4+AQ4))');
  const since = wb.sheets.find((s) => s.name === D)!.cells[3]![L("AN") - 1]!;
  expect(valueAt(out.edits, D, 4, L("AW"))).toBe(since.value);
  // The TOTAL row of each new amount column sums like its neighbour did.
  expect(formulaAt(out.edits, D, 46, L("Q"))).toMatch(/^SUM\(Q\d+:Q45\)$/);
  expect(out.notes).toEqual([]);
});

test("row totals: each block total's SUM over the years reaches 2023", () => {
  const { detail } = stepsOf("annex-2022");
  const out = rowTotals(detail);
  // Masse salariale total (was P, SUM(M4:O4)) is now R and sums M..Q shifted: N..Q.
  expect(formulaAt(out.edits, D, 4, L("R"))).toBe("SUM(N4:Q4)");
  expect(formulaAt(out.edits, D, 4, L("AB"))).toBe("SUM(X4:AA4)");
  expect(out.conflicts).toEqual([]);
});

test("a block total typed as a number is a conflict, written only when forced", () => {
  const { c, wb } = caseOf("gen-constants");
  const start = startOf(wb, c);
  const tables = whereColumnsGo(start);
  const facts = tableFacts(start, tables[0]!, new PlannedFormulas(tables.map((t) => t.columns)));
  const kept = rowTotals(facts);
  expect(kept.conflicts.length).toBeGreaterThan(0);
  expect(kept.conflicts.every((x) => x.reason === "constant-total" && typeof x.planned === "string" && x.planned.startsWith("=SUM("))).toBe(true);
  expect(kept.edits.filter((e) => e.kind === "setFormula")).toEqual([]);
  const forced = rowTotals(tableFacts({ ...start, force: true }, tables[0]!, new PlannedFormulas(tables.map((t) => t.columns))));
  expect(forced.edits.filter((e) => e.kind === "setFormula")).toHaveLength(kept.conflicts.length);
});

test("cumulative column: prior (the value kept) + realisations of 2023, live; the global rate's header says 23", () => {
  const { detail } = stepsOf("annex-2022");
  const out = cumulativeColumn(detail);
  expect(formulaAt(out.edits, D, 4, L("AX"))).toBe("AW4+AU4");
  expect(out.edits.some((e) => e.kind === "setValue" && e.value === "Niveau d'exécution budgétaire globale (au 31/12/23)")).toBe(true);
});

test("year-list headers and the summary's cumulative gain 2023", () => {
  const { detail, summary } = stepsOf("annex-2022");
  const h = yearListHeaders(detail.v, detail.final, 2022, 2023);
  expect(valueAt(h.edits, D, 2, L("M"))).toBe("Moyen financiers prévisionnels (2020, 2021, 2022, 2023)");
  const s = summaryCumulativeColumn(summary!);
  expect(formulaAt(s.edits, S, 6, L("N"))).toBe("L6+M6");
  expect(s.edits.some((e) => e.kind === "setValue" && e.value === "Budget consommé 2020-2023")).toBe(true);
});

test("shared sheet: columns only shift in each table's rows, and no final column gets narrower than what lands in it", () => {
  const { tables, wb } = stepsOf("gen-one-sheet");
  expect(tables.every((t) => t.rows !== null)).toBe(true);
  const sheet = wb.sheets.find((s) => s.name === tables[0]!.view.sheet.name)!;
  const widths = sharedSheetWidths(tables);
  expect(widths.length).toBeGreaterThan(0);
  for (const e of widths) {
    expect(e.kind).toBe("setColumnWidth");
    if (e.kind === "setColumnWidth") expect(e.width).toBeGreaterThan(sheet.colWidths[e.col - 1] ?? sheet.defaultColWidth);
  }
  const cols = widths.map((e) => (e.kind === "setColumnWidth" ? e.col : 0));
  expect(cols).toEqual([...cols].sort((a, b) => a - b));
});

test("each formula the plan rewrites is parsed once, whatever the number of inserted columns", () => {
  const { c, wb } = caseOf("annex-2022");
  const spy = jest.spyOn(formulaRefs, "parseFormula");
  try {
    planAddYear(wb, {}, c.layout);
    const formulaCells = wb.sheets.reduce((n, s) => n + s.cells.reduce((m, row) => m + (row ?? []).filter((x) => x?.formula).length, 0), 0);
    expect(spy.mock.calls.length).toBeGreaterThan(10);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(formulaCells);
    // No formula is parsed twice (each call is for another cell's formula).
    const texts = spy.mock.calls.map((x) => x[0]);
    expect(new Set(texts).size).toBe(texts.length);
  } finally {
    spy.mockRestore();
  }
});

test("formulas that differ only by their row are parsed once per column: four times the fiches, as many parses", () => {
  const parses = (fiches: number) => {
    const g = generateAnnex({ fiches, years: [2020, 2021, 2022], seed: 5, continuationEvery: 0 });
    const spy = jest.spyOn(formulaRefs, "parseFormula");
    try {
      const plan = planAddYear(g.workbook);
      return { parses: spy.mock.calls.length, formulas: plan.edits.filter((e) => e.kind === "setFormula").length };
    } finally {
      spy.mockRestore();
    }
  };
  const small = parses(40);
  const big = parses(160);
  expect(big.formulas).toBeGreaterThan(3 * small.formulas);
  expect(small.parses).toBeGreaterThan(0);
  expect(big.parses).toBeLessThanOrEqual(small.parses + 5);
});

test("a year that does not follow the last one blocks the plan with a note", () => {
  const { c, wb } = caseOf("annex-2022");
  const plan = planAddYear(wb, { year: 2025 }, c.layout);
  expect(plan.blocked).toBe(true);
  expect(plan.edits).toEqual([]);
  expect(plan.notes).toEqual(["L'année 2025 ne suit pas la dernière année de l'annexe (2022)\u00a0: ajoutez 2023."]);
});
