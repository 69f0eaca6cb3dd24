// An annex kept without a column of cumulative realisations (one year, or a département that follows the year only):
// nothing was misread, so no layout-incomplete; the rules that need it are listed as skipped. When an amount column
// the reading could not name might be it, the user is told once.
import { checkAnnex } from "../../../src/core/check";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

const withoutCumulative = () => standardCols().filter((c) => !["realisedSinceStart", "rateGlobal", "gap"].includes(c.key));

test("no cumulative column and no unread amount column: no layout-incomplete, the rules needing it skipped", () => {
  const m = miniDetail({ cols: withoutCumulative(), fiches: fiches(6), total: true });
  const report = checkAnnex(m.wb);
  expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(report.skipped.map((s) => s.rule)).toContain("cumulative-below-year");
});

test("no cumulative read but an unread amount column: one layout-incomplete naming it", () => {
  const cols = [...withoutCumulative(), { head: "Montant XYZ", key: "realisedSinceStart" }];
  const m = miniDetail({ cols, fiches: fiches(6), total: true });
  const li = checkAnnex(m.wb).findings.filter((f) => f.rule === "layout-incomplete");
  expect(li).toHaveLength(1);
  expect(li[0]!.message).toContain("Montant XYZ");
});
