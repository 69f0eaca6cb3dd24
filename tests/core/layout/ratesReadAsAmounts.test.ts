// A column of rates (« Niveau d'exécution budgétaire 2026 ») read as an amount (the year's realisations) holds fractions
// under 1 where amounts are euros: the numbers refute the reading, and the rules that need it are skipped. Taken for
// amounts, it gave a false `total-row` error (corpus5 seed 245: 0,58 € au lieu de 5,61 €).
import { recognise } from "../../../src/core/layout/recognise";
import { verifyReading } from "../../../src/core/layout/verify";
import { miniDetail } from "../miniAnnex";

test("a rate column read as the year's realisations is doubtful", () => {
  const m = miniDetail();
  const d = recognise(m.wb).detail!;
  expect(d.doubtful).toEqual([]);
  const columns = { ...d.columns, realisedLastYear: d.columns.rateLastYear! };
  delete columns.rateLastYear;
  const doubts = verifyReading(m.sheet, "detail", columns, d.blocks, d.years, d.rows);
  expect(doubts.map((x) => x.key)).toContain("realisedLastYear");
});

test("the amounts of the same table, cents included, are confirmed as read", () => {
  const m = miniDetail();
  const d = recognise(m.wb).detail!;
  const doubts = verifyReading(m.sheet, "detail", { ...d.columns }, d.blocks, d.years, d.rows);
  expect(doubts).toEqual([]);
});
