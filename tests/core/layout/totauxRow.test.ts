// corpus9 seed 49: a summary closed by « TOTAUX » (the plural of « total », which does not start with « total »). Not
// read as its total, the row was taken for one more fiche row: the total-row rule never checked it, and with one wrong
// budget on a five-fiche summary, the budget stood above its parts on two « rows » (the fault and the totals), read as a
// funder's money left unread: the budget was doubted and the fault reported only as layout-incomplete.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, type MiniFiche } from "../miniAnnex";

/** Five fiches with no État nor ONDAM money: the summary has only CD and FIR columns. */
function cdFir(): MiniFiche[] {
  return fiches(5).map((f) => ({ ...f, etat: [0, 0], ondam: [0, 0], source: f.fir[0]! + f.fir[1]! ? "FIR" : "" }));
}

function annex(totalWord: string, wrongBudget = 0) {
  const fs = cdFir();
  const m = miniDetail({ fiches: fs, total: true });
  const s = emptySheet("Synthèse");
  m.wb.sheets.push(s);
  const heads = ["Axe", "Fiche", "Enveloppe", "CD", "FIR", "Mode de financement", "Consommé en 2022"];
  heads.forEach((h, i) => setCell(s, 1, i + 1, { value: h }));
  setCell(s, 2, 1, { value: "Engagement n°1" });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  fs.forEach((f, i) => {
    const r = 3 + i;
    const budget = budgetOf(f) + (i === 3 ? wrongBudget : 0);
    const row = [null, String(f.n), budget, sum(f.ms) + sum(f.dgas), sum(f.fir), f.fir[0]! + f.fir[1]! ? "FIR" : "CD", f.realisedLast];
    row.forEach((v, j) => v !== null && setCell(s, r, j + 1, { value: v }));
  });
  const last = 2 + fs.length;
  const total = last + 1;
  setCell(s, total, 1, { value: totalWord });
  for (const c of [3, 4, 5, 7]) {
    let v = 0;
    for (let r = 3; r <= last; r++) v += s.cells[r - 1]![c - 1]!.value as number;
    const L = colToLetters(c);
    setCell(s, total, c, { value: v, formula: `SUM(${L}3:${L}${last})` });
  }
  return { m, s, total, faultRow: 6 };
}

test.each(["TOTAUX", "Totaux", "Total", "TOTAL GÉNÉRAL"])("« %s » under the summary's fiches is its total", (word) => {
  const { m, total } = annex(word);
  const summary = recognise(m.wb).summary!;
  expect(summary.rows.find((r) => r.row === total)?.kind).toBe("total");
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("one wrong budget on a five-fiche summary closed by « TOTAUX » is that fiche's fault, not a doubtful reading", () => {
  const { m, faultRow } = annex("TOTAUX", 5000);
  const loud = checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(loud).not.toContainEqual(expect.stringMatching(/^layout-incomplete/));
  expect(loud).toContain(`budget-sum Synthèse!C${faultRow}`);
});
