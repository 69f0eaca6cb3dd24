// The add-year planner, rewritten as named steps, gives the very plan the former single function gave: the fixtures
// were written by that function (tests/core/compute/makePlanFixtures.test.ts) on the 2022 annexes and on generated annexes.
import { planAddYear } from "../../../src/core/compute/addYear";
import { loadWorkbook, readCases } from "./planSnapshot";

const cases = readCases();

test("the fixtures cover the 2022 annexes, generated shapes, a shared sheet and a second year", () => {
  expect(cases.length).toBeGreaterThanOrEqual(18);
  expect(cases.map((c) => c.name)).toEqual(expect.arrayContaining(["annex-2022", "gen-one-sheet", "gen-merged-second-year", "gen-constants"]));
});

test.each(cases.map((c) => [c.name, c] as const))("%s: same plan as the former planner", (_name, c) => {
  const wb = loadWorkbook(c.workbook);
  for (const { options, plan } of c.plans) {
    // The notes' French typography (non-breaking spaces) changed after the fixtures were written; nothing else may.
    const plain = (x: unknown) => JSON.parse(JSON.stringify(x).replace(/[\u00a0\u202f]/g, " ")) as unknown;
    expect(plain(planAddYear(wb, options, c.layout))).toEqual(plain(plan));
  }
});
