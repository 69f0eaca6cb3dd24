// corpus10 (seeds 39, 108, 137, 160, 166, 169, 199 of 1-200): a fiche spread over rows with its number written on each
// row, in a detail table with no objective, type, theme or indicator column, was read as duplicates (fiche-numbering
// on every repeated row). With no identity column, the label says it: a repeated number whose label is empty, continues
// the first row's label or opens as a part of it (« dont … », « volet … », « - … ») is the same fiche; one with a label
// of its own is still a duplicate.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

const noIdentity = () => standardCols().filter((c) => c.key !== "objective" && c.key !== "objectiveType");

function annex(labelOf: (first: string) => string | null) {
  const fs = fiches(5);
  const m = miniDetail({ cols: noIdentity(), fiches: fs, split: [1, 3], total: true });
  const fc = lettersToCol(m.colOf.fiche!);
  const lc = lettersToCol(m.colOf.label!);
  m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.c2 === fc));
  for (const n of ["2", "4"]) {
    const row = m.rowOfFiche.get(n)!;
    setCell(m.sheet, row + 1, fc, { value: Number(n) });
    const label = labelOf(fs[Number(n) - 1]!.label);
    if (label !== null) setCell(m.sheet, row + 1, lc, { value: label });
  }
  return m;
}
const loud = (m: ReturnType<typeof annex>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell}`);
const fichesRead = (m: ReturnType<typeof annex>) => recognise(m.wb).detail!.rows.filter((r) => r.kind === "fiche").length;

test("no label on the repeated row: the same fiche", () => {
  const m = annex(() => null);
  expect(fichesRead(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("the first row's label continued (« … – volet 2 »): the same fiche", () => {
  const m = annex((first) => `${first} – volet 2`);
  expect(fichesRead(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("a label opened as a part of the fiche (« dont fonctionnement »): the same fiche", () => {
  const m = annex(() => "dont fonctionnement");
  expect(fichesRead(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("a label of its own: still a duplicate", () => {
  const m = annex(() => "Création d'un lieu d'accueil parents-enfants");
  expect(loud(m).filter((f) => f.startsWith("fiche-numbering")).length).toBeGreaterThan(0);
});
