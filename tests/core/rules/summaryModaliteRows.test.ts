// A summary engagement spread over two rows (« PLF/FIR » on the fiche's row, « AM » with the ONDAM amount on the row
// under it): its modalités are read from all of its rows, like a fiche's source in the detail. Read from the first row
// only, a clean annex gave a false `source-vs-modalite` (and `modalite`) warning; the second row, its number merged
// down, was an objective row and its amounts were missed by the cross-table check.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function annex(modalites: [string, string]) {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  const s = miniSummary(m.wb, fs);
  // Fiche 6 (ETAT, FIR and ONDAM) on two rows: the ONDAM amount and its modalité on the second.
  const row = s.rowOfFiche.get("6")!;
  const at = (k: string) => lettersToCol(s.colOf[k]!);
  const num = (r: number, k: string) => s.sheet.cells[r - 1]![at(k) - 1]!.value as number;
  const ondam = num(row, "ondam");
  expect(ondam).toBeGreaterThan(0);
  // (The summary has no TOTAL row: the row under the last fiche is free.)
  expect(s.sheet.cells[row]).toBeUndefined();
  setCell(s.sheet, row, at("ondam"), { value: 0 });
  setCell(s.sheet, row, at("budget"), { value: num(row, "budget") - ondam });
  setCell(s.sheet, row, at("modalite"), { value: modalites[0] });
  setCell(s.sheet, row + 1, at("ondam"), { value: ondam });
  setCell(s.sheet, row + 1, at("budget"), { value: ondam });
  setCell(s.sheet, row + 1, at("modalite"), { value: modalites[1] });
  // Its number merged down over both rows.
  s.sheet.merges.push({ r1: row, c1: at("fiche"), r2: row + 1, c2: at("fiche") });
  return { m, s, cell: `${s.colOf.modalite}${row}` };
}

test("a summary fiche's modalités are read from all of its rows", () => {
  const { m, s } = annex(["PLF/FIR", "AM"]);
  const report = checkAnnex(m.wb);
  expect(report.layout.summary?.sheet).toBe(s.sheet.name);
  expect(loud(report.findings)).toEqual([]);
});

test("a funder missing from every row of the summary fiche is still reported", () => {
  const { m, cell } = annex(["PLF", "AM"]);
  expect(loud(checkAnnex(m.wb).findings).filter((f) => f.startsWith("source-vs-modalite"))).toEqual([`source-vs-modalite ${cell}`]);
});
