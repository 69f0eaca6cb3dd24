// A fiche spread over two rows whose second row holds nothing of its own (number, texts and amounts merged down from the
// first): that row is still the fiche's, and a TOTAL whose SUM stops before it leaves it out.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);

function annex() {
  const fs = fiches(4);
  fs[3] = { ...fs[3]!, fir: [0, 0], ondam: [0, 0], source: "ETAT" };
  const once = standardCols()
    .map((c) => c.key)
    .filter((k) => /^(ms|dgas|cd|fir|etat|ondam)(20\d{2}|Total)$|^(budget|realisedLastYear|realisedSinceStart|gap)$/.test(k));
  const m = miniDetail({ fiches: fs, split: [3], once });
  // Texts merged down too: the second row holds no value of its own.
  const first = m.rowOfFiche.get("4")!;
  for (const key of ["label", "objective", "objectiveType", "source"]) {
    const c = lettersToCol(m.colOf[key]!);
    m.sheet.merges.push({ r1: first, c1: c, r2: first + 1, c2: c });
  }
  return { m, second: first + 1 };
}

test("the merged-down row is a continuation of its fiche, and the clean annex gives no finding", () => {
  const { m, second } = annex();
  const d = recognise(m.wb).detail!;
  expect(d.rows.find((r) => r.row === second)).toMatchObject({ kind: "continuation", continuationOf: "4" });
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

test("a TOTAL whose SUM stops before the fiche's merged-down row is a total-formula finding", () => {
  const { m, second } = annex();
  const col = lettersToCol(m.colOf.budget!);
  const cell = m.sheet.cells[m.totalRow! - 1]![col - 1]!;
  cell.formula = cell.formula!.replace(/\d+\)$/, `${second - 1})`);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([`total-formula ${m.colOf.budget}${m.totalRow}`]);
});
