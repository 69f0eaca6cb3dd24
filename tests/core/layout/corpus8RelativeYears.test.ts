// Issue #10, corpus8: relative years in dates and spans (« Consommé au 31/12/N-1 », « Total N-2 à N ») are written out
// as the date and the span they stand for, so that the prior balance and the cumulative read as they do with years.
import { classifyHeader } from "../../../src/core/layout/classify";
import { resolveRelativeYears, withYears } from "../../../src/core/layout/relativeYears";
import { emptySheet, setCell } from "../../../src/core/model/snapshot";

const key = (s: string) => {
  const c = classifyHeader("", s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

describe("relative years in dates and spans", () => {
  test.each([
    ["Budget consommé au 31/12/N-1", "Budget consommé au 31/12/2023"],
    ["Réalisé au 31/12/N", "Réalisé au 31/12/2024"],
    ["Budget consommé N-2 à N", "Budget consommé 2022-2024"],
    ["Total N-3 - N-1", "Total 2021-2023"],
    ["TOTAL PROGRAMMÉ N-4 À N", "TOTAL PROGRAMMÉ 2020-2024"],
    ["Réalisé N", "Réalisé 2024 (N)"],
    ["N-1", "2023 (N-1)"],
  ])("« %s » is « %s »", (text, want) => {
    expect(withYears(text, 2024)).toBe(want);
  });

  test.each([
    ["Budget consommé au 31/12/N-1", "consumedTo2023"],
    ["Budget consommé en N", "consumedIn2024"],
    ["Budget consommé N-2 à N", "consumedSinceStart"],
    ["Total programmé N-2 à N", "budget"],
  ])("« %s » reads as %s once written out", (text, want) => {
    expect(key(withYears(text, 2024))).toBe(want);
  });
});

test("a header cell whose only relative year is a date (« au 31/12/N-1 ») is written out with the others", () => {
  const sheet = emptySheet("Synthèse");
  setCell(sheet, 1, 1, { value: "Synthèse financière — Année N : 2024" });
  ["Fiche", "Budget consommé au 31/12/N-1", "Budget consommé en N", "Budget consommé N-2 à N"].forEach((t, i) => setCell(sheet, 3, i + 1, { value: t }));
  const out = resolveRelativeYears(sheet);
  expect(out.cells[2]!.map((c) => c?.value)).toEqual(["Fiche", "Budget consommé au 31/12/2023", "Budget consommé en 2024 (N)", "Budget consommé 2022-2024"]);
});

test.each([
  ["Année de référence (N) : 2024", 2024],
  ["Bilan de l'exercice 2024 (année N)", 2024],
  ["Rapport d'exécution 2024 (N = 2024)", 2024],
  ["Exercice de référence : N = 2024", 2024],
])("the title « %s » gives the reference year %d", (title, year) => {
  const sheet = emptySheet("Annexe");
  setCell(sheet, 1, 1, { value: title });
  // (Far below the title: the reference comes from its words, not from the years near the header.)
  ["Fiche", "FIR N-1", "FIR N"].forEach((t, i) => setCell(sheet, 6, i + 1, { value: t }));
  expect(resolveRelativeYears(sheet).cells[5]!.map((c) => c?.value)).toEqual(["Fiche", `FIR ${year - 1} (N-1)`, `FIR ${year} (N)`]);
});

test("a header row whose relative years are « au 31/12/N-1 » and « N » is a row of relative years", () => {
  const sheet = emptySheet("Annexe");
  setCell(sheet, 1, 1, { value: "Bilan de l'exercice 2023 (année N)" });
  ["Code action", "Coût total", "Mandaté au 31/12/N-1", "Mandaté N", "Total consommé"].forEach((t, i) => setCell(sheet, 6, i + 1, { value: t }));
  expect(resolveRelativeYears(sheet).cells[5]!.map((c) => c?.value)).toEqual([
    "Code action",
    "Coût total",
    "Mandaté au 31/12/2022",
    "Mandaté 2023 (N)",
    "Total consommé",
  ]);
});
