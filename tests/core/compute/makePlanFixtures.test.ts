// Writes tests/compute/fixtures/add-year-plans/*.json from the planner as it is (run once, on the code being replaced):
//   MAKE_PLAN_FIXTURES=1 npx jest tests/core/compute/makePlanFixtures.test.ts
import { planAddYear } from "../../../src/core/compute/addYear";
import { recognise } from "../../../src/core/layout/recognise";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { applyPlanToExcelJs } from "../../../src/xlsx/applyPlan";
import { snapshotOfWorkbook } from "../../../src/xlsx/readWorkbook";
import { generateAnnex, type AnnexOptions } from "../../support/annexGenerator";
import { FIXTURE_2022, FIXTURE_2022_PUBLISHED } from "../../support/fixtures";
import { snap } from "../../support/workbookDiff";
import { toExcelJs } from "../../support/xlsxWrite";
import { storeWorkbook, writeCase } from "./planSnapshot";

const GENERATED: Array<[string, Partial<AnnexOptions>]> = [
  ["gen-merged", { seed: 3, fiches: 12 }],
  ["gen-plain-repeated-5y", { seed: 4, fiches: 11, headerStyle: "plainRepeated", years: [2020, 2021, 2022, 2023, 2024], continuationEvery: 3 }],
  ["gen-plain-first-offset", { seed: 5, fiches: 13, headerStyle: "plainFirst", offsetRows: 4, offsetCols: 3, wording: 2 }],
  ["gen-single-row-no-ondam", { seed: 6, fiches: 11, headerStyle: "singleRow", summaryHeaderStyle: "singleRow", noOndam: true, wording: 3 }],
  ["gen-one-sheet", { seed: 7, fiches: 14, bothOnOneSheet: true, continuationEvery: 4, offsetCols: 2 }],
  [
    "gen-one-sheet-single-row",
    { seed: 8, fiches: 11, bothOnOneSheet: true, headerStyle: "singleRow", summaryHeaderStyle: "singleRow", years: [2020, 2021, 2022, 2023] },
  ],
  ["gen-constants", { seed: 9, fiches: 12, formulas: false, hideColumns: true, wording: 1 }],
  ["gen-no-summary", { seed: 10, fiches: 11, withSummary: false, unrelatedBeside: true, wording: 4 }],
];

const run = process.env.MAKE_PLAN_FIXTURES ? test : test.skip;

run("writes the add-year plan fixtures", async () => {
  const write = (name: string, wb: WorkbookSnapshot) => {
    const layout = recognise(wb);
    const plans = [{}, { force: true }].map((options) => ({ options, plan: planAddYear(wb, options, layout) }));
    writeCase({ name, workbook: storeWorkbook(wb), layout, plans });
  };
  const fixture = await snap(FIXTURE_2022);
  write("annex-2022", fixture);
  write("annex-2022-published", await snap(FIXTURE_2022_PUBLISHED));
  for (const [name, o] of GENERATED) {
    const g = generateAnnex(o);
    write(name, g.workbook);
    // A second year on top of the first: the "au 31/12/N" columns already exist.
    const wb = toExcelJs(g.workbook);
    applyPlanToExcelJs(wb, planAddYear(g.workbook));
    write(`${name}-second-year`, snapshotOfWorkbook(wb));
  }
});
