// A funder's column not read (its header worded as nothing known) while the budget exceeds the parts read on several
// rows: the funder's money is missing from the parts, not from the fiches. The budget reading is doubtful, said once,
// and budget-sum does not report each of those rows (corpus6 seed 5: « A.R.S. » unread in the summary, 5 false
// budget-sum errors).
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

test("a summary whose FIR column was not read: one layout-incomplete, no budget-sum error", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  const s = miniSummary(m.wb, fs);
  setCell(s.sheet, 1, lettersToCol(s.colOf.fir!), { value: "Partenaire n° 2" });
  const found = loud(checkAnnex(m.wb).findings);
  expect(found.filter((f) => f.startsWith("budget-sum"))).toEqual([]);
  expect(found.filter((f) => f.startsWith("layout-incomplete"))).toHaveLength(1);
});

test("a detail whose FIR block was not read: one layout-incomplete, no budget-sum error", () => {
  const fs = fiches(6);
  const cols = standardCols().map((c) => (/^fir/.test(c.key) ? { ...c, group: "Partenaire n° 2", head: c.head.replace("FIR", "P2") } : c));
  const m = miniDetail({ fiches: fs, cols });
  const found = loud(checkAnnex(m.wb).findings);
  expect(found.filter((f) => f.startsWith("budget-sum"))).toEqual([]);
  expect(found.filter((f) => f.startsWith("layout-incomplete"))).toHaveLength(1);
});

test("one fiche's budget typed above its parts is still a budget-sum error", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  const col = lettersToCol(m.colOf.budget!);
  const row = m.rowOfFiche.get("3")!;
  const cell = m.sheet.cells[row - 1]![col - 1]!;
  cell.value = (cell.value as number) + 12000;
  expect(loud(checkAnnex(m.wb).findings).filter((f) => f.startsWith("budget-sum"))).toEqual([`budget-sum ${m.colOf.budget}${row}`]);
});

test("a detail whose ONDAM block was not read: no rate-mismatch on the fiches it funds", () => {
  const fs = fiches(6);
  const cols = standardCols().map((c) => (/^ondam/.test(c.key) ? { ...c, group: "Partenaire n° 3", head: c.head.replace("ONDAM", "P3") } : c));
  const m = miniDetail({ fiches: fs, cols });
  const found = loud(checkAnnex(m.wb).findings);
  expect(found.filter((f) => !f.startsWith("layout-incomplete"))).toEqual([]);
  expect(found.filter((f) => f.startsWith("layout-incomplete"))).toHaveLength(1);
});
