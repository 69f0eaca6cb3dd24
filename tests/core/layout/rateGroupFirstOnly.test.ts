// « Taux de consommation » written over its first column only, « Annuel » and « Global » under it: the bare « Global »
// after the group's first column is the group's global rate (corpus3 seed 767 lost it).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

test("a bare « Global » under a rate group written over its first column only is the global rate", () => {
  const base = standardCols().filter((c) => c.key !== "rateLastYear" && c.key !== "rateGlobal" && c.key !== "gap");
  const gap = standardCols().find((c) => c.key === "gap")!;
  const cols = [
    ...base,
    { group: "Taux de consommation", head: "Annuel", key: "rateLastYear" },
    { group: "Taux de consommation", head: "Global", key: "rateGlobal" },
    gap,
  ];
  const m = miniDetail({ cols, fiches: fiches(5) });
  const first = lettersToCol(m.colOf.rateLastYear!);
  const top = m.headerRows[0]!;
  // The group written once, no merge: the second column's group cell stays blank.
  m.sheet.merges = m.sheet.merges.filter((x) => !(x.r1 === top && x.c1 === first));
  const d = recognise(m.wb).detail!;
  expect([d.columns.rateLastYear, d.columns.rateGlobal]).toEqual([first, first + 1]);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
