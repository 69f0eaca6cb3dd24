// corpus7 seed 307: rates typed in percentage points (40.3 for 40.3 %) in a small annex where only two fiches spent
// money in the year: the year's rate could not confirm the scale on its own and was doubted, although the global rate
// beside it, on every fiche, was confirmed in points. A table types its rates on one scale: a rate that fits points on
// every row it can be tested on follows the one the other rate confirmed.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail } from "../miniAnnex";

function annex(spentIn: number, globalInPoints = true) {
  const m = miniDetail({ fiches: fiches(5), total: false });
  const s = m.sheet;
  const col = (k: string) => lettersToCol(m.colOf[k]!);
  let i = 0;
  for (const row of m.rowOfFiche.values()) {
    if (i++ >= spentIn) {
      setCell(s, row, col("realisedLastYear"), { value: 0 });
      setCell(s, row, col("rateLastYear"), { value: 0, numFmt: "0.0" });
    }
    for (const k of ["rateLastYear", "rateGlobal"]) {
      if (k === "rateGlobal" && !globalInPoints) continue;
      const c = s.cells[row - 1]![col(k) - 1]!;
      setCell(s, row, col(k), { value: (c.value as number) * 100, numFmt: "0.0" });
    }
  }
  return m;
}

const loud = (m: ReturnType<typeof annex>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell}`);

test("the year's rate on two fiches follows the global rate confirmed in points", () => {
  const m = annex(2);
  expect(recognise(m.wb).detail!.doubtful).toEqual([]);
  expect(loud(m)).toEqual([]);
});

test("with the global rate in fractions, two fiches in points are not enough: the year's rate stays doubted", () => {
  const m = annex(2, false);
  expect(recognise(m.wb).detail!.doubtful).toContain("rateLastYear");
});
