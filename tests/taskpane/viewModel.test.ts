// The pane's view model: pure functions from the controller's state to what the views show.
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { checkAnnex } from "../../src/core/check";
import { planFill } from "../../src/core/compute/fill";
import { planAddYear } from "../../src/core/compute/addYear";
import type { WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { Finding } from "../../src/core/rules/types";
import {
  afterInsertions,
  beforeInsertions,
  compareFiches,
  fillPreview,
  findingsView,
  frenchFormula,
  isRoundingNote,
  yearPreview,
} from "../../src/taskpane/viewModel";
import { cloneSnapshot } from "../support/fakeExcel";
import { FIXTURE_2022 } from "../support/fixtures";

const NB = "\u00a0";
let fixture: WorkbookSnapshot;
beforeAll(async () => {
  fixture = (await readXlsx(FIXTURE_2022)).snapshot;
});

const finding = (over: Partial<Finding>): Finding => ({
  rule: "total-row",
  severity: "info",
  sheet: "S",
  cell: "A1",
  fiche: null,
  message: "",
  expected: 100,
  actual: 101,
  ...over,
});

test("rounding notes are decided on rule, severity and figures, never on the wording", () => {
  expect(isRoundingNote(finding({}))).toBe(true);
  expect(isRoundingNote(finding({ message: "sans conséquence", expected: 100, actual: 150 }))).toBe(false);
  expect(isRoundingNote(finding({ severity: "error" }))).toBe(false);
  expect(isRoundingNote(finding({ rule: "over-execution" }))).toBe(false);
  expect(isRoundingNote(finding({ expected: null }))).toBe(false);
  expect(isRoundingNote(finding({ rule: "cross-table", expected: 10, actual: 10.6 }))).toBe(true);
});

test("natural fiche order: 3, 12, 12 bis, 13, 41, then findings outside any fiche", () => {
  expect(["41", null, "12 bis", "13", "3", "12"].sort(compareFiches)).toEqual(["3", "12", "12 bis", "13", "41", null]);
});

test("the findings of the 2022 annex: verdict, sections, rounding notes last, every figure in euros", () => {
  const report = checkAnnex(fixture);
  const v = findingsView(report, [], { severities: new Set(["error", "warning", "info"]), rule: "", hideSeen: false });
  expect(v.verdict).toBe(`Annexe à corriger${NB}: 1 erreur, 26 avertissements à examiner.`);
  expect(v.tone).toBe("error");
  expect(v.sections.map((s) => [s.severity, s.items.length])).toEqual([
    ["error", 1],
    ["warning", 26],
    ["info", 22],
  ]);
  expect(v.rounding).toHaveLength(6);
  const all = [...v.sections.flatMap((s) => s.items), ...v.rounding];
  for (const i of all) {
    expect(i.figures ?? "").not.toMatch(/\d{4,}(?![\d\s/-]*\))/); // no raw 1155000 nor 13379487.2
    expect(`${i.message} ${i.where} ${i.title}`).not.toMatch(/engagement\d|undefined|NaN/);
  }
  const seen = findingsView(report, ["display-overflow|Suivi fiches actions|AJ46"], {
    severities: new Set(["error", "warning", "info"]),
    rule: "",
    hideSeen: true,
  });
  expect(seen.sections.map((s) => s.severity)).toEqual(["warning", "info"]);
});

test("French formulas as the formula bar shows them; strings kept as written", () => {
  expect(frenchFormula('IF((W4+AB4)=0,IF(N(AL4)=0,"","sans budget, ici"),AL4/(W4+AB4))')).toBe(
    'SI((W4+AB4)=0;SI(N(AL4)=0;"";"sans budget, ici");AL4/(W4+AB4))',
  );
  expect(frenchFormula("SUM(I22,I41)*0.5")).toBe("SOMME(I22;I41)*0,5");
  expect(frenchFormula("L46-AN46")).toBe("L46-AN46");
});

test("Compléter preview: one group per column, every formula with what it will show; a conflict's typed and computed values", () => {
  const snap = cloneSnapshot(fixture);
  snap.sheets.find((s) => s.name === "Suivi fiches actions")!.cells[4]![40] = { value: 0.1, numFmt: "0%" }; // AO5
  const report = checkAnnex(snap);
  const p = fillPreview(planFill(snap, {}, report.layout), report.layout);
  expect(p.columns.map((c) => [c.letter, c.lines.length])).toEqual([
    ["AM", 42],
    ["AO", 41],
    ["AP", 42],
  ]);
  expect(p.columns[2]!.lines[0]).toEqual({ cell: "AP4", formula: "L4-AN4", result: `401\u202f970,40${NB}€` });
  expect(p.conflicts).toHaveLength(1);
  expect(p.conflicts[0]).toMatchObject({ where: "AO5 (fiche 2)", typed: `10${NB}%` });
  expect(p.conflicts[0]!.computed).toMatch(new RegExp(`^\\d+${NB}%$`));
  expect(p.conflicts[0]!.computed).not.toBe(`10${NB}%`);
  expect(p.notes).toEqual([]);
});

test("column positions before and after insertions, row-limited insertions included", () => {
  const ins = [
    { kind: "insertColumns" as const, sheet: "S", at: 10, count: 2, rows: null, copyFormatFrom: 9 },
    { kind: "insertColumns" as const, sheet: "S", at: 5, count: 1, rows: [1, 20] as [number, number], copyFormatFrom: 4 },
  ];
  expect(afterInsertions(ins, "S", 3, 12)).toBe(15);
  expect(beforeInsertions(ins, "S", 3, 15)).toBe(12);
  expect(afterInsertions(ins, "S", 30, 12)).toBe(14);
  expect(beforeInsertions(ins, "S", 3, 5)).toBeNull();
  expect(beforeInsertions(ins, "S", 3, 4)).toBe(4);
  expect(beforeInsertions(ins, "T", 3, 15)).toBe(15);
});

test("Nouvelle année preview: columns, titles rewritten, period titles kept with their place after insertion", () => {
  const report = checkAnnex(fixture);
  const y = yearPreview(planAddYear(fixture, { year: 2023 }, report.layout), fixture, report.layout, 2023);
  expect(y.last).toBe(2022);
  expect(y.insertions).toHaveLength(12);
  expect(y.retitled).toHaveLength(5);
  expect(y.kept.map((k) => k.text.split(`${NB}:`)[0])).toEqual(["Synthèse financière!D2", "Suivi fiches actions!A1"]);
  expect(yearPreview(null, fixture, report.layout, 2023)).toEqual({ last: 2022, insertions: [], retitled: [], kept: [] });
});
