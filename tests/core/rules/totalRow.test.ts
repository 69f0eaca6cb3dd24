// total-row reports on a row it is sure is a total: one wrong cell is a fault at its cell; a row that adds up its rows in
// none of its columns was not read as a total with certainty (formulas cached as 0 by a writer that never computed them,
// a misread row) and gets one note, not an error per column.
import { checkAnnex } from "../../../src/core/check";
import { miniDetail } from "../miniAnnex";

function amountCellsOf(m: ReturnType<typeof miniDetail>, row: number): number[] {
  const cells = m.sheet.cells[row - 1] ?? [];
  return cells.map((c, i) => (c && typeof c.value === "number" ? i + 1 : 0)).filter((c) => c > 0);
}

test("one wrong cell of the TOTAL is reported at its cell", () => {
  const m = miniDetail();
  const cols = amountCellsOf(m, m.totalRow!);
  const cell = m.sheet.cells[m.totalRow! - 1]![cols[1]! - 1]!;
  cell.value = (cell.value as number) + 1000;
  const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "total-row" && x.severity === "error");
  expect(f).toHaveLength(1);
});

test("a TOTAL whose formulas were all cached as 0 gives one note, not an error per column", () => {
  const m = miniDetail();
  for (const c of amountCellsOf(m, m.totalRow!)) m.sheet.cells[m.totalRow! - 1]![c - 1]!.value = 0;
  const f = checkAnnex(m.wb).findings.filter((x) => x.rule === "total-row");
  expect(f.filter((x) => x.severity === "error")).toEqual([]);
  expect(f.filter((x) => x.severity === "info")).toHaveLength(1);
});

test("a column that none of three sum rows adds up is not a fault in each total", () => {
  const m = miniDetail({ engagements: [2, 2] });
  const sums = [...m.subtotalRows, m.totalRow!];
  expect(sums.length).toBeGreaterThanOrEqual(3);
  const col = amountCellsOf(m, m.totalRow!)[2]!;
  for (const r of sums) m.sheet.cells[r - 1]![col - 1]!.value = 7;
  expect(checkAnnex(m.wb).findings.filter((x) => x.rule === "total-row" && x.severity === "error")).toEqual([]);
  // One sub-total off in that column is still a fault at its cell.
  const n = miniDetail({ engagements: [2, 2] });
  const cell = n.sheet.cells[n.subtotalRows[0]! - 1]![col - 1]!;
  cell.value = (cell.value as number) + 5000;
  expect(checkAnnex(n.wb).findings.filter((x) => x.rule === "total-row" && x.severity === "error").length).toBeGreaterThanOrEqual(1);
});
