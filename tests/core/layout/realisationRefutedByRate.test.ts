// A realisations column that is not one (a planned block « Dépenses directes 2024 », a period total « Cumul 2022-2024 »,
// the gap « Montant restant ») puts the cumulative below the year on a few rows and breaks the rate built on it on
// nearly all: the table refutes the reading, so the column is doubted, not reported as faults (corpus7 seeds 47, 77).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, standardCols } from "../miniAnnex";

const errors = (m: ReturnType<typeof miniDetail>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.rule} ${f.cell}`);

function overwrite(m: ReturnType<typeof miniDetail>, key: string, values: (i: number) => number) {
  const col = lettersToCol(m.colOf[key]!);
  let total = 0;
  [...m.rowOfFiche.values()].forEach((row, i) => {
    total += values(i);
    setCell(m.sheet, row, col, { value: values(i) });
  });
  // The TOTAL row follows, as it would in the workbook.
  if (m.totalRow !== null) setCell(m.sheet, m.totalRow, col, { value: total });
}

test("a year's realisations column that breaks the year's rate everywhere and the cumulative on some rows is doubted", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  // Above the cumulative on two fiches, a third of the planned year elsewhere: the year's rate fails on every row.
  overwrite(m, "realisedLastYear", (i) => (i < 2 ? fs[i]!.realisedSince + 1000 + i : Math.round(fs[i]!.realisedSince / 3)));
  expect(errors(m)).toEqual([]);
  expect(recognise(m.wb).detail!.doubtful).toContain("realisedLastYear");
});

test("a cumulative column that breaks the global rate and the gap everywhere and sits below the year on some rows is doubted", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  overwrite(m, "realisedSinceStart", (i) => (i < 2 ? 0 : fs[i]!.realisedSince * 2 + 17));
  expect(errors(m)).toEqual([]);
  expect(recognise(m.wb).detail!.doubtful).toContain("realisedSinceStart");
});

test("one cumulative typed below the year, rates consistent elsewhere, is still the fault it is", () => {
  const fs = fiches(6);
  const m = miniDetail({ fiches: fs });
  overwrite(m, "realisedSinceStart", (i) => (i === 2 ? fs[i]!.realisedLast - 500 : fs[i]!.realisedSince));
  expect(errors(m).some((e) => e.startsWith("cumulative-below-year"))).toBe(true);
});

test("the gap « Montant restant » read as the year's realisations (no gap column read) is doubted, not reported", () => {
  const fs = fiches(6).map((f, i) => ({ ...f, realisedSince: Math.round(budgetOf(f) * (i < 2 ? 0.2 : 0.7)) }));
  const cols = standardCols().filter((c) => c.key !== "gap" && c.key !== "rateLastYear");
  const m = miniDetail({ fiches: fs, cols });
  overwrite(m, "realisedLastYear", (i) => budgetOf(fs[i]!) - fs[i]!.realisedSince);
  expect(errors(m)).toEqual([]);
});
