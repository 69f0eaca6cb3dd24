// corpus9 seed 231: a fiche spread over rows, its number written again on each row, no objective, type, theme or
// indicator column to say which fiche a row is, its execution (realisations, rates, gap) merged down over its rows. Each
// repeated number was read as a duplicate (fiche-numbering on every row after the first) and the merged rate, the whole
// fiche's, was compared with its first row alone (layout-incomplete). A fiche over several rows is one fiche (#10 §5):
// a repeated number on a row that leaves the label to the first row, or that a merge from the fiche's first row
// covers, is the same fiche. A neighbour renumbered like the fiche above, with a label of its own, is still a duplicate.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniFiche } from "../miniAnnex";

const EXEC = ["realisedLastYear", "rateLastYear", "realisedSinceStart", "rateGlobal", "gap"];
const noIdentity = () => standardCols().filter((c) => c.key !== "objective" && c.key !== "objectiveType");

/** Fiches 2 and 4 over two rows, their number written on both rows (not merged). */
function annex(o: { once?: string[]; cols?: ReturnType<typeof standardCols>; fs?: MiniFiche[] } = {}) {
  const m = miniDetail({ cols: o.cols ?? noIdentity(), fiches: o.fs ?? fiches(5), split: [1, 3], once: o.once, total: true });
  const fc = lettersToCol(m.colOf.fiche!);
  m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.c2 === fc));
  for (const n of ["2", "4"]) setCell(m.sheet, m.rowOfFiche.get(n)! + 1, fc, { value: Number(n) });
  return m;
}

const loud = (m: ReturnType<typeof annex>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell}`);
const ficheRows = (m: ReturnType<typeof annex>) => recognise(m.wb).detail!.rows.filter((r) => r.kind === "fiche").length;

test("number repeated, execution merged over the fiche's rows: one fiche, its rate the whole fiche's", () => {
  const m = annex({ once: EXEC });
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("number repeated, label on the first row only, execution per row: one fiche", () => {
  const m = annex();
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("number repeated, no label column, execution merged: the merge makes it one fiche", () => {
  const m = annex({ once: EXEC, cols: noIdentity().filter((c) => c.key !== "label") });
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

// corpus7 seed 49: each row of a spread fiche has a label of its own (« b) volet fonctionnement ») and leaves the
// objective to the first row: that objective column says it is the same fiche, whatever its label.
test("number repeated, a label of its own on each row, the objective on the first: one fiche", () => {
  const m = annex({ cols: standardCols() });
  for (const n of ["2", "4"]) setCell(m.sheet, m.rowOfFiche.get(n)! + 1, lettersToCol(m.colOf.label!), { value: "b) volet fonctionnement" });
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("a fiche renumbered like the one above, with a label of its own, is still a duplicate", () => {
  const fs = fiches(5);
  fs[2]!.n = 2;
  const m = miniDetail({ cols: noIdentity(), fiches: fs, total: true });
  // (rowOfFiche keeps the last row numbered 2: the renumbered one.)
  expect(loud(m)).toContain(`fiche-numbering ${m.colOf.fiche}${m.rowOfFiche.get("2")!}`);
});

// corpus6 seed 13: an objective merged over the two fiches that share it groups them; it is no sign of one fiche.
test("a fiche renumbered like the one above, their objective merged over both, is still a duplicate", () => {
  const fs = fiches(5);
  fs[2]!.n = 2;
  const cols = standardCols().flatMap((c) => (c.key === "objectiveType" ? [{ head: "Thématique", key: "theme" }] : [c]));
  const m = miniDetail({ cols, fiches: fs, total: true, valueFor: (_f, k) => (k === "theme" ? "PMI" : undefined) });
  const oc = lettersToCol(m.colOf.objective!);
  const dup = m.rowOfFiche.get("2")!;
  setCell(m.sheet, dup, oc, undefined);
  m.sheet.merges.push({ r1: dup - 1, c1: oc, r2: dup, c2: oc });
  expect(loud(m)).toContain(`fiche-numbering ${m.colOf.fiche}${dup}`);
});

// corpus6 seed 405: the number and the label in one cell (« 8 - Parrainage »), the objective merged over two fiches
// that share it; fiche 9 renumbered « 8 - Bus santé » under « 8 - Parrainage ». The same number with other words in
// the fiche's own cell is another fiche: a duplicate.
test("a fiche cell with the number of the one above and other words is a duplicate, even under a merged objective", () => {
  const fs = fiches(5).map((f) => ({ ...f, n: `${String(f.n)} - ${f.label}` }));
  fs[2]!.n = `2 - ${fs[2]!.label}`;
  const cols = standardCols().filter((c) => c.key !== "label" && c.key !== "objectiveType");
  const m = miniDetail({ cols, fiches: fs, total: true });
  const oc = lettersToCol(m.colOf.objective!);
  const dup = m.rowOfFiche.get(String(fs[2]!.n))!;
  setCell(m.sheet, dup, oc, undefined);
  m.sheet.merges.push({ r1: dup - 1, c1: oc, r2: dup, c2: oc });
  expect(loud(m)).toContain(`fiche-numbering ${m.colOf.fiche}${dup}`);
});

test("the number and label in one cell written again, word for word, on the fiche's rows: one fiche", () => {
  const fs = fiches(5).map((f) => ({ ...f, n: `${String(f.n)} - ${f.label}` }));
  const cols = standardCols().filter((c) => c.key !== "label" && c.key !== "objectiveType");
  const m = miniDetail({ cols, fiches: fs, split: [1, 3], total: true });
  const fc = lettersToCol(m.colOf.fiche!);
  m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.c2 === fc));
  for (const i of [1, 3]) setCell(m.sheet, m.rowOfFiche.get(String(fs[i]!.n))! + 1, fc, { value: fs[i]!.n });
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});

test("the number and label in one cell on the first row, the bare number on the others: one fiche", () => {
  const fs = fiches(5).map((f) => ({ ...f, n: `${String(f.n)} - ${f.label}` }));
  const cols = standardCols().filter((c) => c.key !== "label" && c.key !== "objectiveType");
  const m = miniDetail({ cols, fiches: fs, split: [1, 3], total: true });
  const fc = lettersToCol(m.colOf.fiche!);
  m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.c2 === fc));
  for (const i of [1, 3]) setCell(m.sheet, m.rowOfFiche.get(String(fs[i]!.n))! + 1, fc, { value: i + 1 });
  expect(ficheRows(m)).toBe(5);
  expect(loud(m)).toEqual([]);
});
