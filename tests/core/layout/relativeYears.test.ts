// Years written relative to a reference year (« N-1 | N | Total » under each funder), the reference year given once in
// a title line above the table, in the header band, or in the sheet's name: each relative year is the year it stands
// for, each « Total » its block's total, and a clean annex gives no finding beyond infos.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { withYears } from "../../../src/core/layout/relativeYears";
import type { Finding } from "../../../src/core/rules/types";
import { miniDetail, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`);
const BLOCKS = ["ms", "dgas", "fir", "etat", "ondam"];

/** The standard columns with each funder's years headed « N-1 », « N » and its total « Total ». */
function relativeCols(): MiniCol[] {
  return standardCols().map((c) => {
    const m = /^(ms|dgas|fir|etat|ondam)(2021|2022|Total)$/.exec(c.key);
    if (!m) return c;
    return { ...c, head: m[2] === "Total" ? "Total" : m[2] === "2022" ? "N" : "N-1" };
  });
}

function expectYearsRead(m: ReturnType<typeof miniDetail>) {
  const d = recognise(m.wb).detail!;
  expect(d.years).toEqual([2021, 2022]);
  for (const b of BLOCKS) {
    expect(d.blocks[b as "ms"]).toEqual({ 2021: lettersToCol(m.colOf[`${b}2021`]!), 2022: lettersToCol(m.colOf[`${b}2022`]!) });
    expect(d.columns[`${b}Total` as "msTotal"]).toBe(lettersToCol(m.colOf[`${b}Total`]!));
  }
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
}

test.each(["Exercice de référence : N = 2022", "N = 2022", "Année N : 2022", "Année de référence : 2022"])(
  "relative years with the reference year in a title line « %s »",
  (title) => {
    const m = miniDetail({ cols: relativeCols(), top: 4 });
    setCell(m.sheet, 2, 1, { value: title });
    expectYearsRead(m);
  },
);

test("relative years with no title: the latest year the header names (« Réalisations en 2022 ») is N", () => {
  expectYearsRead(miniDetail({ cols: relativeCols() }));
});

test("relative years with no year in the header: the sheet's name gives N", () => {
  const cols = relativeCols().map((c) =>
    c.key === "realisedLastYear" ? { ...c, head: "Réalisations de l'année" } : c.key === "realisedSinceStart" ? { ...c, head: "Réalisations cumulées" } : c,
  );
  cols.forEach((c) => {
    if (c.key === "rateLastYear") c.head = "Niveau d'exécution budgétaire de l'année";
    if (c.key === "gap") c.head = "Ecart Moyens financiers - Réalisations";
  });
  expectYearsRead(miniDetail({ cols, sheet: "Bilan 2022" }));
});

test("relative years in flat headers (« Masse salariale N-1 »)", () => {
  const cols = relativeCols().map((c) =>
    c.group && /^N/.test(c.head) ? { head: `${c.group} ${c.head}`, key: c.key } : c.group ? { head: `Total ${c.group}`, key: c.key } : c,
  );
  const m = miniDetail({ cols, top: 4 });
  setCell(m.sheet, 2, 1, { value: "Exercice de référence : N = 2022" });
  expectYearsRead(m);
});

test("a relative year is written out beside itself; N° and words holding an N are left alone", () => {
  expect(withYears("N-2", 2024)).toBe("2022 (N-2)");
  expect(withYears("Réalisé N", 2024)).toBe("Réalisé 2024 (N)");
  expect(withYears("N + 1", 2024)).toBe("2025 (N+1)");
  expect(withYears("N° fiche", 2024)).toBe("N° fiche");
  expect(withYears("NB", 2024)).toBe("NB");
  expect(withYears("O/N", 2024)).toBe("O/N");
});

test("a column of O/N answers is no relative year: the body and the reading are unchanged", () => {
  const cols: MiniCol[] = [...standardCols(), { head: "Action reconduite (O/N)", key: "comment" }];
  const m = miniDetail({ cols });
  const col = lettersToCol(m.colOf.comment!);
  for (const r of m.rowOfFiche.values()) setCell(m.sheet, r, col, { value: "N" });
  const d = recognise(m.wb).detail!;
  expect(d.years).toEqual([2021, 2022]);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});
