// An objective written once and merged down over its fiches (corpus6 « objective merged », seed 302): every fiche under
// the merge has that objective, so a type typed against the catalogue on the second fiche is found, and no fiche under
// the merge is said to have no objective.
import { checkAnnex } from "../../../src/core/check";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { miniDetail } from "../miniAnnex";

function mergedObjective() {
  const m = miniDetail();
  const col = lettersToCol(m.colOf.objective!);
  const [r1, r2, r3] = [m.rowOfFiche.get("1")!, m.rowOfFiche.get("2")!, m.rowOfFiche.get("3")!];
  setCell(m.sheet, r2, col, undefined);
  setCell(m.sheet, r3, col, undefined);
  m.sheet.merges.push({ r1, c1: col, r2: r3, c2: col });
  return m;
}

test("no fiche under a merged objective is without objective", () => {
  const m = mergedObjective();
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "objective-missing")).toEqual([]);
});

test("the third fiche under the merge types objective 9 (fondamental) « Facultatif »: objective-type at its type cell", () => {
  const m = mergedObjective();
  const row = m.rowOfFiche.get("3")!;
  setCell(m.sheet, row, lettersToCol(m.colOf.objectiveType!), { value: "Facultatif" });
  const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "objective-type");
  expect(found.map((f) => f.cell)).toContain(`${m.colOf.objectiveType}${row}`);
});
