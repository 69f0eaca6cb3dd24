import { findFormulaRefs, mapRect, shiftFormula, shiftSqref, translateFormula, type Insertion } from "../../../src/xlsx/package/shiftRefs";

const S = "Suivi fiches actions";
// Excel's "insert 2 columns before D" on sheet S.
const ins: Insertion[] = [{ sheet: S, at: 4, count: 2, rows: null }];
const on = (f: string, sheet: string | null = S) => shiftFormula(ins, sheet, f);

test("relative, absolute and mixed references at or past the insertion move; those before it stay", () => {
  expect(on("A1+C3+D4+$E$5+F$6+$G7")).toBe("A1+C3+F4+$G$5+H$6+$I7");
  expect(on("SUM(D4:D45)")).toBe("SUM(F4:F45)");
});

test("a range the insertion falls inside widens; one starting at it shifts; one ending before it stays", () => {
  expect(on("SUM(B4:E4)")).toBe("SUM(B4:G4)");
  expect(on("SUM(D4:E4)")).toBe("SUM(F4:G4)");
  expect(on("SUM(A4:C4)")).toBe("SUM(A4:C4)");
  expect(on("SUM($C$4:$D$4)")).toBe("SUM($C$4:$F$4)");
});

test("whole columns move and widen; whole rows are left alone", () => {
  expect(on("SUM(D:D)+SUM($A:$E)+COUNTA(4:4)+SUM($1:$3)")).toBe("SUM(F:F)+SUM($A:$G)+COUNTA(4:4)+SUM($1:$3)");
});

test("cross-sheet references: quoted names with apostrophes, any case; other sheets and external books untouched", () => {
  expect(on("'Suivi fiches actions'!D4", "Autre")).toBe("'Suivi fiches actions'!F4");
  expect(on("'suivi FICHES actions'!D4:E9", "Autre")).toBe("'suivi FICHES actions'!F4:G9");
  expect(on("D4", "Autre")).toBe("D4");
  expect(on("Autre!D4+'L''été'!D4")).toBe("Autre!D4+'L''été'!D4");
  expect(shiftFormula([{ sheet: "L'été", at: 2, count: 1, rows: null }], "x", "'L''été'!B1")).toBe("'L''été'!C1");
  expect(on("[1]Feuil1!D4+'[2]Suivi fiches actions'!D4")).toBe("[1]Feuil1!D4+'[2]Suivi fiches actions'!D4");
  expect(shiftFormula([{ sheet: "Synthèse", at: 2, count: 1, rows: null }], null, "Synthèse!$B$2")).toBe("Synthèse!$C$2");
});

test("strings, names, functions and structured references are not references", () => {
  expect(on('IF(D4="D4 et E5",LOG10(D4),Taux2022)')).toBe('IF(F4="D4 et E5",LOG10(F4),Taux2022)');
  expect(on("SUM(Tableau1[Montant])+D1")).toBe("SUM(Tableau1[Montant])+F1");
  expect(on("ATAN2(D4,1)+IFERROR(E4,0)")).toBe("ATAN2(F4,1)+IFERROR(G4,0)");
  expect(findFormulaRefs("TRUE+FALSE+A1").map((r) => r.c1)).toEqual([1]);
});

test("row-restricted insertions move only references lying wholly inside those rows", () => {
  const part: Insertion[] = [{ sheet: S, at: 4, count: 1, rows: [10, 20] }];
  expect(shiftFormula(part, S, "D12+SUM(D10:D20)+SUM(D9:D20)+D21")).toBe("E12+SUM(E10:E20)+SUM(D9:D20)+D21");
});

test("insertions apply one after the other, right to left, as the plan lists them", () => {
  const two: Insertion[] = [
    { sheet: S, at: 10, count: 1, rows: null },
    { sheet: S, at: 5, count: 1, rows: null },
  ];
  expect(shiftFormula(two, S, "SUM(D1:J1)+E1+I1+J1")).toBe("SUM(D1:L1)+F1+J1+L1");
  expect(mapRect(two, S.toUpperCase(), { c1: 5, r1: 1, c2: 10, r2: 1 })).toEqual({ c1: 6, r1: 1, c2: 12, r2: 1 });
});

test("sqref lists keep their separators; unchanged ones are returned as they are", () => {
  expect(shiftSqref(ins, S, "A1:C3 D4 B2:H9")).toBe("A1:C3 F4 B2:J9");
  const same = "A1:C3";
  expect(shiftSqref(ins, S, same)).toBe(same);
});

test("shared formulas translate relative parts only", () => {
  expect(translateFormula("SUM($A1:B1)*C$2", 3, 2)).toBe("SUM($A4:D4)*E$2");
  expect(translateFormula("SUM(A:B)", 5, 1)).toBe("SUM(B:C)");
});
