// A detail table with a cumulative of realisations ("Réalisation depuis 2021") but no column for the last year's
// realisations: add-year once crashed there ("Cannot read properties of undefined (reading 'at')", seen on a corpus file).
import { planAddYear } from "../../../src/core/compute/addYear";
import { recognise } from "../../../src/core/layout/recognise";
import { miniDetail, standardCols } from "../miniAnnex";

test("add-year on a detail with a cumulative but no realisations of the year adds the year and leaves the cumulative as typed", () => {
  const cols = standardCols().filter((c) => c.key !== "realisedLastYear" && c.key !== "rateLastYear");
  const a = miniDetail({ cols });
  const layout = recognise(a.wb);
  expect(layout.detail?.columns.realisedSinceStart).toBeDefined();
  expect(layout.detail?.columns.realisedLastYear).toBeUndefined();
  const plan = planAddYear(a.wb, {}, layout);
  expect(plan.blocked).toBeFalsy();
  // Every yearly block gets its 2023 column.
  const inserts = plan.edits.filter((e) => e.kind === "insertColumns");
  expect(inserts.length).toBeGreaterThanOrEqual(6);
  // The cumulative has nothing to add the new year's realisations from: no formula is written into it.
  const since = layout.detail!.columns.realisedSinceStart!;
  const sinceCells = plan.edits.filter((e) => e.kind === "setFormula" && e.col >= since && /\+/.test(e.formula));
  expect(sinceCells).toEqual([]);
});
