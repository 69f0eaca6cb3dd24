// The summary's prior balance worded as a span that ends before the last year (« Réalisé 2020-2021 » in a 2022 annex)
// beside a cumulative with no year (« Cumul consommé »), corpus9 seed 562. Both read as the cumulative at first; the
// span is the prior balance whichever of the two stands first, and when it is hidden.
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, summaryValues, type MiniFiche } from "../miniAnnex";

const YEARS = [2020, 2021, 2022];
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** miniAnnex's fiches over three years (the third a little above the second). */
function threeYearFiches(): MiniFiche[] {
  const more = (xs: number[]) => [xs[0]!, xs[1]!, xs[1] ? xs[1] + 100 : 0];
  return fiches().map((f) => ({ ...f, ms: more(f.ms), dgas: more(f.dgas), fir: more(f.fir), etat: more(f.etat), ondam: more(f.ondam) }));
}

const value = (f: MiniFiche, role: string) => summaryValues(f)[role]!;

function annex(heads: Array<[string, string]>, hidden: string[] = []) {
  const fs = threeYearFiches();
  const wb: WorkbookSnapshot = { sheets: [] };
  miniDetail({ fiches: fs, years: YEARS }, wb);
  const sheet = emptySheet("Synthèse");
  wb.sheets.push(sheet);
  const colOf: Record<string, string> = {};
  heads.forEach(([h, role], i) => {
    setCell(sheet, 2, i + 1, { value: h });
    colOf[role] = colToLetters(i + 1);
    if (hidden.includes(role)) sheet.hiddenCols.add(i + 1);
  });
  fs.forEach((f, k) => heads.forEach(([, role], i) => setCell(sheet, 3 + k, i + 1, { value: value(f, role) })));
  const total = 3 + fs.length;
  setCell(sheet, total, 1, { value: "TOTAL" });
  heads.forEach(([, role], i) => {
    if (role === "fiche") return;
    const L = colToLetters(i + 1);
    setCell(sheet, total, i + 1, { value: sum(fs.map((f) => value(f, role) as number)), formula: `SUM(${L}3:${L}${total - 1})` });
  });
  return { wb, colOf };
}

const PLANNED: Array<[string, string]> = [
  ["Fiche action", "fiche"],
  ["Budget global", "budget"],
  ["Département", "departement"],
  ["ARS", "fir"],
  ["État (P304)", "etat"],
  ["Assurance maladie", "ondam"],
];

describe("a prior balance worded as a span ending before the last year, beside a cumulative with no year", () => {
  test.each([
    [
      "the span first",
      [
        ["Réalisé 2020-2021", "consumedPrior"],
        ["Consommé en 2022", "consumedLastYear"],
        ["Cumul consommé", "consumedSinceStart"],
      ],
      [],
    ],
    [
      "the span first, hidden",
      [
        ["Réalisé 2020-2021", "consumedPrior"],
        ["Consommé en 2022", "consumedLastYear"],
        ["Cumul consommé", "consumedSinceStart"],
      ],
      ["consumedPrior"],
    ],
    [
      "the cumulative first",
      [
        ["Cumul consommé", "consumedSinceStart"],
        ["Réalisé 2020-2021", "consumedPrior"],
        ["Consommé en 2022", "consumedLastYear"],
      ],
      [],
    ],
  ] as Array<[string, Array<[string, string]>, string[]]>)("%s: the span is the prior balance", (_, consumed, hidden) => {
    const { wb, colOf } = annex([...PLANNED, ...consumed], hidden);
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!)).toMatchObject(colOf);
    expect(l.summary!.doubtful).toEqual([]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});
