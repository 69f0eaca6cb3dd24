// A workbook whose summary is read but whose detail is not: the fiches were never checked. The controller is told once,
// in French, instead of an exit 0 that looks like a clean annex.
import { checkAnnex } from "../../../src/core/check";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniSummary } from "../miniAnnex";

test("only the summary read: one layout-incomplete saying the detail was not found, and nothing else loud", () => {
  const wb: WorkbookSnapshot = { sheets: [] };
  miniSummary(wb, fiches(4));
  const loud = checkAnnex(wb).findings.filter((f) => f.severity !== "info");
  expect(loud.map((f) => f.rule)).toEqual(["layout-incomplete"]);
  expect(loud[0]!.message).toMatch(/^Tableau détaillé \(suivi des fiches actions\) non trouvé\u00a0: seul le tableau de synthèse/);
});
