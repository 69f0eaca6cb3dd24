// An annex of one year with no cumulative column: the year's realisations are all that was spent, so they are the
// cumulative of annex-spec §3. The gap (budget − realised) and the global rate are checked and filled from them
// (corpus7 seeds 137, 194, 224 missed a wrong gap: the rule waited for a « since the start » column).
import { checkAnnex } from "../../../src/core/check";
import { planFill } from "../../../src/core/compute/fill";
import { rowFigures } from "../../../src/core/compute/rates";
import { recognise } from "../../../src/core/layout/recognise";
import { TableView } from "../../../src/core/layout/view";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, standardCols, type MiniFiche } from "../miniAnnex";

const ONE = [2022];

/** The usual fiches, keeping only their last year's money. */
function oneYearFiches(): MiniFiche[] {
  const last = (xs: number[]) => [xs[xs.length - 1]!];
  return fiches(5).map((f) => ({ ...f, ms: last(f.ms), dgas: last(f.dgas), fir: last(f.fir), etat: last(f.etat), ondam: last(f.ondam) }));
}

function oneYear(withRateGlobal: boolean, years = ONE, gapOf = (f: MiniFiche) => budgetOf(f) - f.realisedLast) {
  const fs = years.length === 1 ? oneYearFiches() : fiches(5);
  const cols = standardCols(years)
    .filter((c) => c.key !== "realisedSinceStart" && (withRateGlobal || c.key !== "rateGlobal"))
    .map((c) => (c.key === "gap" ? { ...c, head: "Reste à réaliser" } : c.key === "rateGlobal" ? { ...c, head: "Taux d'exécution global" } : c));
  return miniDetail({
    cols,
    fiches: fs,
    years,
    valueFor: (f, k) => (k === "gap" ? gapOf(f) : k === "rateGlobal" ? f.realisedLast / budgetOf(f) : undefined),
  });
}

const loud = (m: ReturnType<typeof miniDetail>) => checkAnnex(m.wb).findings.filter((f) => f.severity !== "info");

function shift(m: ReturnType<typeof miniDetail>, key: string, fiche: string, by: number): string {
  const row = m.rowOfFiche.get(fiche)!;
  const col = parseAddr(`${m.colOf[key]}1`).col;
  const cell = m.sheet.cells[row - 1]![col - 1]!;
  setCell(m.sheet, row, col, { ...cell, value: (cell.value as number) + by });
  return `${m.colOf[key]}${row}`;
}

test("a one-year annex read without a cumulative column, clean: no finding", () => {
  for (const rg of [false, true]) {
    const m = oneYear(rg);
    expect(recognise(m.wb).detail!.columns.realisedSinceStart).toBeUndefined();
    expect(loud(m)).toEqual([]);
  }
});

test("a gap typed wrong on a one-year annex is a rate-mismatch at its cell", () => {
  const m = oneYear(false);
  const cell = shift(m, "gap", "3", 500);
  const found = loud(m);
  expect(found.map((f) => `${f.rule} ${f.cell}`)).toContain(`rate-mismatch ${cell}`);
  expect(found.filter((f) => f.rule === "rate-mismatch").map((f) => f.cell)).toEqual([cell]);
});

test("a global rate typed wrong on a one-year annex is a rate-mismatch at its cell", () => {
  const m = oneYear(true);
  const cell = shift(m, "rateGlobal", "2", 0.1);
  expect(loud(m).map((f) => `${f.rule} ${f.cell}`)).toEqual([`rate-mismatch ${cell}`]);
});

test("the report's gap and global rate on a one-year annex come from the year's realisations", () => {
  const m = oneYear(true);
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  const f = oneYearFiches()[1]!;
  const figures = rowFigures(v, m.rowOfFiche.get("2")!)!;
  expect(figures.gap).toBe(budgetOf(f) - f.realisedLast);
  expect(figures.rateGlobal).toBeCloseTo(f.realisedLast / budgetOf(f), 10);
});

test("fill writes the same gap and global rate as the check computes: over the year's realisations", () => {
  const m = oneYear(true);
  const row = m.rowOfFiche.get("2")!;
  const plan = planFill(m.wb);
  const at = (key: string) => plan.edits.find((e) => e.kind === "setFormula" && e.row === row && e.col === parseAddr(`${m.colOf[key]}1`).col);
  const gap = at("gap");
  expect(gap && "formula" in gap ? gap.formula : null).toBe(`${m.colOf.budget}${row}-${m.colOf.realisedLastYear}${row}`);
  const rate = at("rateGlobal");
  expect(rate && "formula" in rate ? rate.formula : "").toContain(`${m.colOf.realisedLastYear}${row}/${m.colOf.budget}${row}`);
  expect(plan.conflicts).toEqual([]);
});

test("several years and no cumulative: the gap is not checked nor filled (what was spent before the last year is unknown)", () => {
  const m = oneYear(false, [2021, 2022], (f) => budgetOf(f) - f.realisedLast - 7000);
  expect(loud(m)).toEqual([]);
  const plan = planFill(m.wb);
  const gapCol = parseAddr(`${m.colOf.gap}1`).col;
  expect(plan.edits.filter((e) => e.kind === "setFormula" && e.col === gapCol)).toEqual([]);
});

test("a one-year annex whose gap column means something else on every row is not flooded", () => {
  // E.g. a gap against the whole contract's envelope, kept elsewhere: the arithmetic refutes the year's reading.
  const m = oneYear(false, ONE, (f) => budgetOf(f) - f.realisedLast + 12345 * Number(f.n));
  expect(loud(m).filter((f) => f.rule === "rate-mismatch")).toEqual([]);
});
