// A detail continued on a second sheet (fiches 1-4, then 5-8, the same header repeated): the summary's fiches 5-8 are
// compared with the part that holds them, not left unchecked because the first part lacks them.
import { checkAnnex } from "../../../src/core/check";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, YEARS } from "../miniAnnex";

function annex() {
  const wb: WorkbookSnapshot = { sheets: [] };
  const fs = fiches(8);
  miniDetail({ fiches: fs.slice(0, 4), total: false, sheet: "Fiches 1 à 4" }, wb);
  miniDetail({ fiches: fs.slice(4), total: false, sheet: "Fiches 5 à 8" }, wb);
  const s = miniSummary(wb, fs, YEARS, "Synthèse");
  return { wb, s };
}

function raise(s: ReturnType<typeof miniSummary>, key: string, fiche: string, by: number): string {
  const row = s.rowOfFiche.get(fiche)!;
  const col = parseAddr(`${s.colOf[key]}1`).col;
  setCell(s.sheet, row, col, { value: (s.sheet.cells[row - 1]![col - 1]!.value as number) + by });
  return `Synthèse!${s.colOf[key]}${row}`;
}

const crossErrors = (wb: WorkbookSnapshot) =>
  checkAnnex(wb)
    .findings.filter((f) => f.rule === "cross-table" && f.severity === "error")
    .map((f) => `${f.sheet}!${f.cell}`);

test("clean: no cross-table finding on either part", () => {
  expect(checkAnnex(annex().wb).findings.filter((f) => f.rule === "cross-table")).toEqual([]);
});

test.each([
  ["fiche 6, on the second sheet", "6"],
  ["fiche 2, on the first sheet", "2"],
])("a summary ONDAM above the detail's for %s is a cross-table error at its cell", (_name, fiche) => {
  const a = annex();
  const cell = raise(a.s, "ondam", fiche, 2500);
  expect(crossErrors(a.wb)).toEqual([cell]);
});

test("a summary budget above the detail's for fiche 7 is a cross-table error at its cell", () => {
  const a = annex();
  const cell = raise(a.s, "budget", "7", 1000);
  expect(crossErrors(a.wb)).toContain(cell);
});
