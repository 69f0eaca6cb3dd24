// A detail continued on a second sheet whose TOTAL row, under the last part, adds up every part (fiches 1-4 on one
// sheet, 5-8 and the TOTAL on the next): the TOTAL is the whole detail's, checked against the fiches of all parts.
import { checkAnnex } from "../../../src/core/check";
import { colToLetters } from "../../../src/core/model/a1";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, YEARS } from "../miniAnnex";

const loud = (wb: WorkbookSnapshot) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.message}`);

/** Part 1 without a TOTAL, part 2 with the TOTAL of both parts (its formula naming part 1's sheet). */
function annex(first = 4) {
  const wb: WorkbookSnapshot = { sheets: [] };
  const fs = fiches(8);
  const a = miniDetail({ fiches: fs.slice(0, first), total: false, sheet: "Fiches 1 à 4" }, wb);
  const b = miniDetail({ fiches: fs.slice(first), sheet: "Fiches 5 à 8" }, wb);
  miniSummary(wb, fs, YEARS, "Synthèse");
  const total = b.totalRow!;
  const rowsA = [...a.rowOfFiche.values()];
  const rowsB = [...b.rowOfFiche.values()];
  const cells = b.sheet.cells[total - 1]!;
  cells.forEach((cell, i) => {
    if (!cell || typeof cell.value !== "number") return;
    const L = colToLetters(i + 1);
    const own = rowsB.reduce((s, r) => s + (b.sheet.cells[r - 1]![i]!.value as number), 0);
    const other = rowsA.reduce((s, r) => s + (a.sheet.cells[r - 1]![i]!.value as number), 0);
    cell.value = own + other;
    cell.formula = `SUM('Fiches 1 à 4'!${L}${rowsA[0]}:${L}${rowsA[rowsA.length - 1]})+SUM(${L}${rowsB[0]}:${L}${rowsB[rowsB.length - 1]})`;
  });
  return { wb, b, total };
}

// (The part with more fiches is the one the rules take for the detail: the TOTAL on it, then on the other.)
test.each([3, 4, 5])("clean, %i fiches on the first sheet: the TOTAL of both parts is no error", (first) => {
  expect(loud(annex(first).wb)).toEqual([]);
});

test("the TOTAL under the last part adding up that part alone: checked against its own fiches", () => {
  const wb: WorkbookSnapshot = { sheets: [] };
  const fs = fiches(8);
  miniDetail({ fiches: fs.slice(0, 4), total: false, sheet: "Fiches 1 à 4" }, wb);
  const b = miniDetail({ fiches: fs.slice(4), sheet: "Fiches 5 à 8" }, wb);
  miniSummary(wb, fs, YEARS, "Synthèse");
  expect(loud(wb)).toEqual([]);
  const i = b.colOf.msTotal!.charCodeAt(0) - 65;
  b.sheet.cells[b.totalRow! - 1]![i]!.value = (b.sheet.cells[b.totalRow! - 1]![i]!.value as number) + 5000;
  const found = checkAnnex(wb).findings.filter((f) => f.rule === "total-row");
  expect(found.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([`error Fiches 5 à 8!${b.colOf.msTotal}${b.totalRow}`]);
});

test.each([3, 4, 5])("%i fiches on the first sheet, the TOTAL of both parts typed wrong in one column: a total-row error at its cell", (first) => {
  const { wb, b, total } = annex(first);
  const col = b.colOf.msTotal!;
  const i = col.charCodeAt(0) - 65;
  b.sheet.cells[total - 1]![i]!.value = (b.sheet.cells[total - 1]![i]!.value as number) + 5000;
  const found = checkAnnex(wb).findings.filter((f) => f.rule === "total-row");
  expect(found.map((f) => `${f.severity} ${f.sheet}!${f.cell}`)).toEqual([`error Fiches 5 à 8!${col}${total}`]);
  expect(found[0]!.message).toMatch(/toutes les parties/);
});
