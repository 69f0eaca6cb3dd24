// The detail types each fiche's objective (« Nature », « Fond. / Fac. ») but names the objective only in the summary
// (« Objectif national » per fiche). The type is checked against the catalogue through the summary's objective of the
// same fiche (corpus7 held-out seeds missed a type flipped this way: the rule waited for a detail objective column).
import { checkAnnex } from "../../../src/core/check";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, miniSummary, standardCols, type MiniFiche } from "../miniAnnex";

// Fiche 1..5 under objectives 9 (fondamental), 19 (facultatif), 2 (fondamental), 14 (facultatif), 9.
const OBJECTIVES = [9, 19, 2, 14, 9];
const TYPES = ["Fondamental", "Facultatif", "fondamental", "FACULTATIF", "Fondamental"];

function annex(o: { numbers?: (i: number) => string | number; objectiveText?: (n: number) => string | number; withDetailObjective?: boolean } = {}) {
  const fs: MiniFiche[] = fiches(5).map((f, i) => ({
    ...f,
    n: o.numbers ? o.numbers(i) : f.n,
    type: TYPES[i]!,
    objective: `Objectif ${OBJECTIVES[i]}`,
  }));
  const cols = standardCols().filter((c) => o.withDetailObjective || c.key !== "objective");
  const m = miniDetail({ cols, fiches: fs });
  const s = miniSummary(
    m.wb,
    fs.map((f, i) => ({ ...f, n: i + 1 })),
  );
  const col = parseAddr(`${s.colOf.objectif}1`).col;
  OBJECTIVES.forEach((n, i) => setCell(s.sheet, s.rowOfFiche.get(String(i + 1))!, col, { value: o.objectiveText ? o.objectiveText(n) : `Objectif ${n}` }));
  return { m, s };
}

function retype(a: ReturnType<typeof annex>, fiche: string, type: string): string {
  const row = a.m.rowOfFiche.get(fiche)!;
  setCell(a.m.sheet, row, parseAddr(`${a.m.colOf.objectiveType}1`).col, { value: type });
  return `${a.m.colOf.objectiveType}${row}`;
}

const typeFindings = (a: ReturnType<typeof annex>) =>
  checkAnnex(a.m.wb)
    .findings.filter((f) => f.rule === "objective-type")
    .map((f) => `${f.sheet}!${f.cell}`);

test("clean, objectives named in the summary only: no finding", () => {
  const a = annex();
  expect(checkAnnex(a.m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(checkAnnex(a.m.wb).skipped.map((s) => s.rule)).not.toContain("objective-type");
});

test.each([
  ["« Objectif 9 »", (n: number) => `Objectif ${n}`],
  ["a bare number", (n: number) => n],
  ["« Obj. 9 - … »", (n: number) => `Obj. ${n} - libellé`],
])("a type against the catalogue, the objective written %s in the summary: objective-type at the detail's type cell", (_name, text) => {
  const a = annex({ objectiveText: text });
  const cell = retype(a, "3", "facultatif");
  expect(typeFindings(a)).toEqual([`Suivi fiches actions!${cell}`]);
});

test("the detail numbers « F01 », the summary « 1 »: still paired", () => {
  const a = annex({ numbers: (i) => `F0${i + 1}` });
  const cell = retype(a, "F02", "Fondamental");
  expect(typeFindings(a)).toEqual([`Suivi fiches actions!${cell}`]);
});

test("the detail's own objective column is read first, the summary's not consulted", () => {
  const a = annex({ withDetailObjective: true });
  // The summary says otherwise for fiche 2 (objective 9): the detail's « Objectif 19 », facultatif, stands.
  setCell(a.s.sheet, a.s.rowOfFiche.get("2")!, parseAddr(`${a.s.colOf.objectif}1`).col, { value: "Objectif 9" });
  expect(typeFindings(a)).toEqual([]);
});

test("a summary fiche whose objective is blank gives no verdict on that fiche", () => {
  const a = annex();
  setCell(a.s.sheet, a.s.rowOfFiche.get("3")!, parseAddr(`${a.s.colOf.objectif}1`).col, undefined);
  retype(a, "3", "facultatif");
  expect(typeFindings(a)).toEqual([]);
});
