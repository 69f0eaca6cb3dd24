// corpus7 seeds 310, 314, 581: a fiche spread over rows with its number written on each row was read as duplicates
// (fiche-numbering on every repeated row) when its objective, type and theme were not read from headers: the type
// was read by its values (« Nature ») only after the rows, or the table had an indicator and no objective at all. A
// repeated number that leaves the fiche's identity (objective, type, theme, indicator) to its first row is the same
// fiche; one with texts of its own is still a duplicate.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols, type MiniCol } from "../miniAnnex";

function annex(cols: MiniCol[], fill: Record<string, string>, duplicateTexts = false) {
  const m = miniDetail({ cols, fiches: fiches(5), split: [1, 3], total: true });
  const fc = lettersToCol(m.colOf.fiche!);
  m.sheet.merges = m.sheet.merges.filter((g) => !(g.c1 === fc && g.c2 === fc));
  for (const [key, text] of Object.entries(fill)) for (const row of m.rowOfFiche.values()) setCell(m.sheet, row, lettersToCol(m.colOf[key]!), { value: text });
  for (const n of ["2", "4"]) {
    const row = m.rowOfFiche.get(n)!;
    setCell(m.sheet, row + 1, fc, { value: Number(n) });
    if (duplicateTexts) for (const [key, text] of Object.entries(fill)) setCell(m.sheet, row + 1, lettersToCol(m.colOf[key]!), { value: text });
  }
  return m;
}

const loud = (m: ReturnType<typeof annex>) =>
  checkAnnex(m.wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell}`);
const noObjective = (extra: MiniCol) =>
  standardCols().flatMap((c) => (c.key === "objective" || c.key === "objectiveType" ? [] : c.key === "label" ? [c, extra] : [c]));

test("an indicator left to the first row: the repeated number is the same fiche", () => {
  const m = annex(noObjective({ head: "Indicateur de suivi", key: "indicator" }), { indicator: "Nombre de jeunes accompagnés" });
  expect(recognise(m.wb).detail!.rows.filter((r) => r.kind === "fiche")).toHaveLength(5);
  expect(loud(m)).toEqual([]);
});

test("a type read by its values (« Nature ») left to the first row: the repeated number is the same fiche", () => {
  const m = annex(noObjective({ head: "Nature", key: "nature" }), { nature: "FONDAMENTAL" });
  expect(recognise(m.wb).detail!.columns.objectiveType).toBe(lettersToCol(m.colOf.nature!));
  expect(recognise(m.wb).detail!.rows.filter((r) => r.kind === "fiche")).toHaveLength(5);
  expect(loud(m)).toEqual([]);
});

test("a repeated number with an indicator of its own is still a duplicate", () => {
  const m = annex(noObjective({ head: "Indicateur de suivi", key: "indicator" }), { indicator: "Nombre de jeunes accompagnés" }, true);
  expect(loud(m).filter((f) => f.startsWith("fiche-numbering")).length).toBeGreaterThan(0);
});
