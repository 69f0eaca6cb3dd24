// One cause, one finding: a total row whose formulas all leave out the same row is said once, not once per column
// (corpus6 seed 73 gave 39 warnings for one sub-total that stops short).
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { miniDetail } from "../miniAnnex";

const totalFormula = (m: ReturnType<typeof miniDetail>) => checkAnnex(m.wb).findings.filter((f) => f.rule === "total-formula");

function shortenTotal(m: ReturnType<typeof miniDetail>, only?: string[]): void {
  const cells = m.sheet.cells[m.totalRow! - 1]!;
  cells.forEach((cell, i) => {
    if (!cell?.formula) return;
    if (only && !only.some((k) => lettersToCol(m.colOf[k]!) === i + 1)) return;
    cell.formula = cell.formula.replace(/(\d+)\)$/, (_x, n: string) => `${Number(n) - 1})`);
  });
}

test("every column of the TOTAL stops one row short: one warning at the first column, naming how many columns", () => {
  const m = miniDetail();
  shortenTotal(m);
  const found = totalFormula(m);
  expect(found).toHaveLength(1);
  const first = Array.from(m.sheet.cells[m.totalRow! - 1]!).findIndex((c) => c?.formula) + 1;
  expect(lettersToCol(found[0]!.cell.replace(/\d+$/, ""))).toBe(first);
  const formulas = Array.from(m.sheet.cells[m.totalRow! - 1]!).filter((c) => c?.formula).length;
  expect(found[0]!.message).toContain(`${formulas}\u00a0colonnes`);
  expect(found[0]!.message).toContain(`ligne ${[...m.rowOfFiche.values()].pop()}`);
});

test("two columns short by different rows: two warnings, each at its own cell", () => {
  const m = miniDetail();
  shortenTotal(m, ["ms2021"]);
  shortenTotal(m, ["fir2022"]);
  shortenTotal(m, ["fir2022"]);
  const found = totalFormula(m);
  expect(found.map((f) => f.cell).sort()).toEqual([`${m.colOf.fir2022}${m.totalRow}`, `${m.colOf.ms2021}${m.totalRow}`].sort());
});

test("totals typed as numbers beside formulas: one warning for the row", () => {
  const m = miniDetail();
  const cells = m.sheet.cells[m.totalRow! - 1]!;
  const withFormula = cells.map((c, i) => (c?.formula ? i : -1)).filter((i) => i >= 0);
  for (const i of withFormula.slice(3)) delete cells[i]!.formula;
  const found = totalFormula(m).filter((f) => f.severity === "warning");
  expect(found).toHaveLength(1);
  expect(found[0]!.message).toContain(`${withFormula.length - 3}\u00a0colonnes`);
});
