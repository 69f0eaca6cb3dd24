// One broken cell, one finding: a text amount Excel leaves out of its fiche's sums is left out of the TOTAL's too, so
// the TOTAL's rate and gap, computed from totals of other columns, differ from the sheet's (corpus9 seed 887's
// number-as-text copy: a false rate-mismatch on the TOTAL's gap beside the number-as-text warning), and a summary
// computed from the detail's cells leans on them too (seed 155: budget-sum on the summary's fiche and TOTAL).
import type { Finding } from "../../../src/core/rules/types";
import { leansOn, type Taint } from "../../../src/core/rules/uncomputed";
import { runSeed } from "../../support/corpus9/run";

const taint = (): Taint => ({
  cells: new Set(["Suivi\n17\n9"]),
  rows: new Set(["Suivi\n17"]),
  cols: new Set(["Suivi\n9"]),
  fiches: new Set(["8"]),
  sheets: new Set(["Suivi"]),
});
const finding = (rule: Finding["rule"], sheet: string, cell: string, fiche: string | null): Finding => ({
  rule,
  severity: "error",
  sheet,
  cell,
  fiche,
  message: "",
  expected: null,
  actual: null,
});

test("a fiche-less finding (a TOTAL's gap) leans on a tainted cell of its sheet, in another column", () => {
  expect(leansOn(taint(), finding("rate-mismatch", "Suivi", "AD22", null))).toBe(true);
  expect(leansOn(taint(), finding("year-sum", "Suivi", "K22", null))).toBe(true);
});

test("what stays checked: other fiches, other sheets, a TOTAL's column sum of a column with no taint, the cell's own rules", () => {
  expect(leansOn(taint(), finding("rate-mismatch", "Suivi", "AD12", "4"))).toBe(false);
  expect(leansOn(taint(), finding("rate-mismatch", "Synthèse", "H30", null))).toBe(false);
  expect(leansOn(taint(), finding("total-row", "Suivi", "K22", null))).toBe(false);
  expect(leansOn(taint(), finding("display-overflow", "Suivi", "V22", null))).toBe(false);
  expect(leansOn(taint(), finding("total-formula", "Suivi", "I22", null))).toBe(false);
});

test.each([
  [887, "a k€ amount typed as text in a fiche spread over rows (the TOTAL's gap)"],
  [155, "a text amount in the detail whose summary on another sheet sums the detail's cells (the summary's fiche and TOTAL)"],
])("corpus9 seed %i, %s: the number-as-text warning alone", async (seed) => {
  const o = await runSeed(seed);
  expect(o.fault.kind).toBe("number-as-text");
  const loud = o.faulty.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(loud).toEqual([`number-as-text ${o.fault.sheet}!${o.fault.cells[0]}`]);
});
