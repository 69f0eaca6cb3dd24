// Not every annex keeps a cumulative column. The checks that need only the year's realisations still run there:
// money spent in a year planned at 0 is said (corpus6 seeds 53, 373, 574 missed it: the rule waited for a cumulative).
import { checkAnnex } from "../../../src/core/check";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

function withoutCumulative(zeroYear: boolean) {
  const fs = fiches(4);
  const f = fs[1]!;
  if (zeroYear) fs[1] = { ...f, ms: [f.ms[0]!, 0], dgas: [f.dgas[0]!, 0], fir: [f.fir[0]!, 0], etat: [f.etat[0]!, 0], ondam: [f.ondam[0]!, 0] };
  const cols = standardCols().filter((c) => !["realisedSinceStart", "rateGlobal", "gap"].includes(c.key));
  const m = miniDetail({ cols, fiches: fs });
  for (const cells of m.sheet.cells) for (const cell of cells ?? []) if (cell && typeof cell.value === "number" && !Number.isFinite(cell.value)) cell.value = null;
  return m;
}

test("money spent in the last year with nothing planned for it: realised-without-budget, without a cumulative column", () => {
  const m = withoutCumulative(true);
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "realised-without-budget");
  expect(found.map((f) => f.cell)).toEqual([`${m.colOf.rateLastYear}${m.rowOfFiche.get("2")}`]);
  expect(checkAnnex(m.wb).skipped.map((s) => s.rule)).not.toContain("realised-without-budget");
});

test("the same annex, planned: no finding at all", () => {
  const m = withoutCumulative(false);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
