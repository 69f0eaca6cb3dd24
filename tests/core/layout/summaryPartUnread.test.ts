// Issue #10, corpus8 (seed 29 before the vocabulary): a summary whose co-financer columns are all headed in words not
// read, only « Département » beside the budget. The budget above the Département on every fiche is the unread
// co-financers' money, not an error on each row: the budget's reading is doubtful, budget-sum does not run on it.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary } from "../miniAnnex";

test("a summary with its co-financers unread gives no budget-sum error", () => {
  const wb: WorkbookSnapshot = { sheets: [] };
  const fs = fiches(5);
  miniDetail({ fiches: fs }, wb);
  const s = miniSummary(wb, fs);
  for (const k of ["fir", "etat", "ondam"]) setCell(s.sheet, 1, lettersToCol(s.colOf[k]!), { value: `Zorglub ${k.length}` });
  const r = checkAnnex(wb);
  expect(r.findings.filter((f) => f.rule === "budget-sum" && f.severity === "error").map((f) => f.cell)).toEqual([]);
});
