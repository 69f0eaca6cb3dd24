// corpus6 « no cumulative » beside « Montant engagé »: an annex that keeps no cumulative realisation is read right, and a
// column of money committed is no place the cumulative could sit (the classifier knows it is no realisation). The
// reading is complete: no layout-incomplete pointing at the committed money.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const without = ["realisedSinceStart", "rateGlobal", "gap"];

function annex(committed: MiniCol) {
  const cols = standardCols().flatMap((c) => (without.includes(c.key) ? [] : c.key === "realisedLastYear" ? [committed, c] : [c]));
  const m = miniDetail({ cols, fiches: fiches(6), total: true });
  const col = lettersToCol(m.colOf.committed!);
  const real = lettersToCol(m.colOf.realisedLastYear!);
  for (const row of m.rowOfFiche.values()) setCell(m.sheet, row, col, { value: Math.round((m.sheet.cells[row - 1]![real - 1]!.value as number) * 1.3) });
  return m;
}

test.each([
  [{ head: "Montant engagé 2022", key: "committed" }],
  [{ group: "Suivi de l'exécution", head: "Montant engagé 2022", key: "committed" }],
  [{ head: "ACTION ENGAGÉE ?", key: "committed" }],
])("%o: no cumulative, nothing misread", (committed) => {
  const m = annex(committed);
  const r = checkAnnex(m.wb);
  expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.message}`)).toEqual([]);
});

test("an unread column of amounts with no such words is still named as where the cumulative may sit", () => {
  const m = annex({ head: "Montant 2020-2022", key: "committed" });
  const r = checkAnnex(m.wb);
  const li = r.findings.filter((f) => f.rule === "layout-incomplete");
  expect(li).toHaveLength(1);
  expect(li[0]!.message).toContain("Montant 2020-2022");
});
