// A detail table printed in parts: its header repeated further down (after a page break, or one part per engagement),
// a blank row before it. The parts are one table: every fiche is read, the TOTAL checked against all of them.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import type { Cell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, type MiniAnnex } from "../miniAnnex";

/** The annex with its header rows written again before fiche `before`, after `blanks` blank rows; formulas follow. */
function repeatedHeader(before: string, blanks: number, total = true): MiniAnnex {
  const m = miniDetail({ fiches: fiches(8), total });
  const s = m.sheet;
  const at = m.rowOfFiche.get(before)!;
  const header = m.headerRows.map((r) => (s.cells[r - 1] ?? []).map((c) => (c ? { ...c } : c)));
  const inserted: Array<Array<Cell | undefined>> = [...Array.from({ length: blanks }, () => []), ...header];
  const n = inserted.length;
  const shift = (f: string) => f.replace(/([A-Z]+)(\d+)/g, (_x, c: string, r: string) => `${c}${Number(r) >= at ? Number(r) + n : Number(r)}`);
  const moved = s.cells.slice(at - 1).map((row) => row?.map((c) => (c?.formula ? { ...c, formula: shift(c.formula) } : c)));
  s.cells = [...s.cells.slice(0, at - 1), ...inserted, ...moved] as typeof s.cells;
  s.rowCount = s.cells.length;
  const top = m.headerRows[0]!;
  s.merges.push(
    ...s.merges
      .filter((g) => g.r1 <= m.headerRows[m.headerRows.length - 1]!)
      .map((g) => ({ ...g, r1: g.r1 - top + at + blanks, r2: g.r2 - top + at + blanks })),
  );
  return m;
}

test.each([0, 1, 2])("a header repeated after %i blank row(s): one detail table with every fiche, no finding", (blanks) => {
  const m = repeatedHeader("5", blanks);
  const layout = recognise(m.wb);
  expect(layout.tables.filter((t) => t.kind === "detail")).toHaveLength(1);
  expect(layout.detail!.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("a fiche of the first part left out of the TOTAL is found", () => {
  const m = repeatedHeader("5", 1);
  const total = m.sheet.cells.findIndex((row) => row?.some((c) => c?.value === "TOTAL")) + 1;
  const cells = m.sheet.cells[total - 1]!;
  // The TOTAL's SUM starts one row late: fiche 1 is left out.
  for (const c of cells)
    if (c?.formula?.startsWith("SUM(")) c.formula = c.formula.replace(/^SUM\(([A-Z]+)(\d+):/, (_x, l: string, r: string) => `SUM(${l}${Number(r) + 1}:`);
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "total-formula");
  // Every amount column leaves out the same row: said once for the row, naming how many columns.
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toMatch(/^TOTAL, \d+\u00a0colonnes de /);
  expect(found[0]!.message).toContain("les formules oublient la ligne 4");
});
