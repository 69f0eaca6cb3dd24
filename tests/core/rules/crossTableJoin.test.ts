// Summary ≠ detail on a co-financer, found where the two tables are harder to pair: the detail numbers « F01 » where the
// summary writes « 1 » (corpus7 seed 590), or keeps a co-financer's years with no total column (seed 506): the
// fiche's ONDAM is then the sum of its years. Both missed a summary ONDAM 2 500 € above the detail.
import { checkAnnex } from "../../../src/core/check";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, standardCols, type MiniCol, type MiniFiche } from "../miniAnnex";

function annex(o: { detailFiches?: MiniFiche[]; cols?: MiniCol[] } = {}) {
  const fs = fiches(5);
  const m = miniDetail({ fiches: o.detailFiches ?? fs, cols: o.cols });
  const s = miniSummary(m.wb, fs);
  return { m, s };
}

function raiseSummary(s: ReturnType<typeof miniSummary>, key: string, fiche: string, by: number): string {
  const row = s.rowOfFiche.get(fiche)!;
  const col = parseAddr(`${s.colOf[key]}1`).col;
  setCell(s.sheet, row, col, { value: (s.sheet.cells[row - 1]![col - 1]!.value as number) + by });
  return `${s.colOf[key]}${row}`;
}

const crossErrors = (a: ReturnType<typeof annex>) =>
  checkAnnex(a.m.wb)
    .findings.filter((f) => f.rule === "cross-table" && f.severity === "error")
    .map((f) => `${f.sheet}!${f.cell}`);
const loud = (a: ReturnType<typeof annex>) => checkAnnex(a.m.wb).findings.filter((f) => f.severity !== "info");

describe("the detail numbers « F01 », the summary « 1 »", () => {
  const prefixed = () => annex({ detailFiches: fiches(5).map((f, i) => ({ ...f, n: `F0${i + 1}` })) });

  test("clean: no finding", () => {
    expect(loud(prefixed())).toEqual([]);
  });

  test("a summary ONDAM above the detail's is a cross-table error at its cell", () => {
    const a = prefixed();
    const cell = raiseSummary(a.s, "ondam", "3", 2500);
    expect(crossErrors(a)).toEqual([`Synthèse!${cell}`]);
  });
});

describe("the detail keeps the co-financers' years, no total column", () => {
  const noFunderTotals = () => standardCols().filter((c) => !/^(fir|etat|ondam)Total$/.test(c.key));

  test("clean: no finding", () => {
    expect(loud(annex({ cols: noFunderTotals() }))).toEqual([]);
  });

  test("a summary ONDAM above the sum of the detail's ONDAM years is a cross-table error at its cell", () => {
    const a = annex({ cols: noFunderTotals() });
    const cell = raiseSummary(a.s, "ondam", "3", 2500);
    expect(crossErrors(a)).toEqual([`Synthèse!${cell}`]);
  });

  test("a block that lacks one of the table's years is not summed: no cross-table verdict on it", () => {
    // ONDAM written for 2022 only (2021 column absent): its sum would leave 2021 out.
    const cols = noFunderTotals().filter((c) => c.key !== "ondam2021");
    const a = annex({ cols });
    raiseSummary(a.s, "ondam", "3", 2500);
    expect(checkAnnex(a.m.wb).findings.filter((f) => f.rule === "cross-table" && f.cell.startsWith(a.s.colOf.ondam!))).toEqual([]);
  });
});
