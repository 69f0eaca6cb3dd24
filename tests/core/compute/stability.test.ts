import fc from "fast-check";
import { planAddYear } from "../../../src/core/compute/addYear";
import { planFill } from "../../../src/core/compute/fill";
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import type { EditPlan } from "../../../src/core/plan/types";
import { applyPlanToExcelJs } from "../../../src/xlsx/applyPlan";
import { snapshotOfWorkbook } from "../../../src/xlsx/readWorkbook";
import { generateAnnex, type AnnexOptions } from "../../support/annexGenerator";
import { toExcelJs } from "../../support/xlsxWrite";

const arb = fc.record({
  seed: fc.integer({ min: 1, max: 100000 }),
  years: fc.integer({ min: 3, max: 5 }).map((n) => Array.from({ length: n }, (_, i) => 2020 + i)),
  fiches: fc.integer({ min: 11, max: 18 }),
  offsetRows: fc.integer({ min: 0, max: 6 }),
  offsetCols: fc.integer({ min: 0, max: 4 }),
  headerStyle: fc.constantFrom("merged", "plainRepeated", "plainFirst", "singleRow"),
  summaryHeaderStyle: fc.constantFrom("merged", "singleRow"),
  wording: fc.integer({ min: 0, max: 4 }),
  noOndam: fc.boolean(),
  bothOnOneSheet: fc.boolean(),
  continuationEvery: fc.integer({ min: 0, max: 5 }),
}) as fc.Arbitrary<Partial<AnnexOptions>>;

function apply(wb: ReturnType<typeof toExcelJs>, plan: EditPlan) {
  expect(plan.blocked).toBeFalsy();
  applyPlanToExcelJs(wb, plan);
  return snapshotOfWorkbook(wb);
}

test("add-year then fill then check is stable on generated annexes of 3 to 5 years", () => {
  fc.assert(
    fc.property(arb, (opts) => {
      const g = generateAnnex(opts);
      const wb = toExcelJs(g.workbook);
      const start = snapshotOfWorkbook(wb);
      expect(checkAnnex(start).findings).toEqual([]);
      const last = g.options.years[g.options.years.length - 1]!;

      const afterYear = apply(wb, planAddYear(start));
      const l1 = recognise(afterYear);
      expect(l1.detail!.years).toEqual([...g.options.years, last + 1]);
      expect(l1.detail!.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(g.expected.detail.fiches.map((f) => f.fiche));
      expect(l1.summary!.rows.filter((r) => r.kind === "fiche")).toHaveLength(g.expected.summary!.fiches.length);
      expect(l1.detail!.missing).toEqual(g.options.noOndam ? expect.arrayContaining(["ondam"]) : []);

      const afterFill = apply(wb, planFill(afterYear));
      const report = checkAnnex(afterFill);
      expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
      expect(report.skipped.filter((s) => !g.options.noOndam || !/ondam/i.test(s.reason))).toEqual([]);

      // Stable: a second fill changes nothing; a second year can follow.
      const again = planFill(afterFill);
      expect(again.edits).toEqual([]);
      const afterSecond = apply(wb, planAddYear(afterFill));
      expect(recognise(afterSecond).detail!.years).toEqual([...g.options.years, last + 1, last + 2]);
      expect(checkAnnex(afterSecond).findings.filter((f) => f.severity === "error")).toEqual([]);
    }),
    { numRuns: 30 },
  );
});
