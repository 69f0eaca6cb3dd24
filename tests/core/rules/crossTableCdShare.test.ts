// The detail's CD share made of the blocks read (no CD column): when the budget refutes that reading (moyens ≠ CD + FIR
// + ETAT + ONDAM on most rows) and the masse salariale block is left unread (« Temps agents valorisé »), the share is
// not compared with the summary's « Département » (corpus7 seed 553: 8 false cross-table errors, where the « budget »
// read was the masse salariale column itself).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, standardCols } from "../miniAnnex";

function annex(msGroup: string, budgetIsMs: boolean) {
  // Masse salariale on two fiches of ten: the CD shares differ on a few fiches only.
  const fs = fiches(10).map((f, i) => (i % 5 !== 1 ? { ...f, ms: [0, 0] } : f));
  const cols = standardCols()
    .filter((c) => !/^cd/.test(c.key))
    .map((c) => (c.group === "Masse salariale" ? { ...c, group: msGroup, head: c.key === "msTotal" ? "Total de la période" : c.head } : c));
  const m = miniDetail({ cols, fiches: fs });
  miniSummary(m.wb, fs);
  if (budgetIsMs) {
    const col = lettersToCol(m.colOf.budget!);
    let total = 0;
    fs.forEach((f) => {
      const v = f.ms[0]! + f.ms[1]!;
      total += v;
      setCell(m.sheet, m.rowOfFiche.get(String(f.n))!, col, { value: v });
    });
    m.sheet.cells[m.totalRow! - 1]![col - 1]!.value = total;
  }
  return m;
}

test("masse salariale unread, the budget read refuted on every row: no cross-table error on « Département »", () => {
  const m = annex("Temps agents valorisé", true);
  expect(recognise(m.wb).detail!.doubtful).toContain("budget");
  expect(recognise(m.wb).summary!.doubtful).toEqual([]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "cross-table" && f.severity === "error")).toEqual([]);
});

test("masse salariale read: the CD share is compared and agrees (no finding)", () => {
  const m = annex("Masse salariale", false);
  expect(recognise(m.wb).detail!.doubtful).toEqual([]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "cross-table")).toEqual([]);
});
