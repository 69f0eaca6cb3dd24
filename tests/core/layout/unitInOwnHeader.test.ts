// corpus9 seed 658: a three-year annex in k€ whose year's realisations are small (0,56, 0,54, 0,46 k€ against 2,13 and
// 1,85 on other fiches), formatted « #,##0.0 » with no unit: the column was taken for rates (fractions under 1,5 on most
// rows with money) and doubted (layout-incomplete, 8 checks skipped), on an annex read right. Its own header says what
// it holds: « Consommé 2023 (en milliers d'€) ». A column whose own words state a money unit holds money; a unit written
// only on the group above (« EXÉCUTION (k€) ») says nothing of the rate column under it, which stays doubted.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { miniDetail, standardCols, type MiniCol, type MiniFiche } from "../miniAnnex";

const YEARS = [2021, 2022, 2023];
const REALISED = [0.56, 0, 0.54, 0.46, 2.13, 1.85];

/** Six fiches in k€ over three years, the last year's realisations small. */
function kFiches(): MiniFiche[] {
  return REALISED.map((realisedLast, i) => ({
    n: i + 1,
    ms: [1.3 + i, 0.45, 1.1],
    dgas: [0, 1.1 + i, 0.1 + i / 2],
    fir: [0, 0, 0],
    etat: [0, 0, 0],
    ondam: [0, 0, 0],
    realisedLast,
    realisedSince: Math.round((realisedLast + 2.5 + i) * 100) / 100,
    source: "",
    objective: "Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap",
    type: "Fondamental",
    label: `Action numéro ${i + 1} pour les enfants du département`,
  }));
}

function annex(realisedHead: string, realisedGroup?: string) {
  const cols: MiniCol[] = standardCols(YEARS)
    .filter((c) => !/^(fir|etat|ondam)|^(source|rateLastYear|rateGlobal)$/.test(c.key))
    .map((c) => (c.key === "realisedLastYear" ? { ...c, head: realisedHead, ...(realisedGroup ? { group: realisedGroup } : {}) } : c));
  const m = miniDetail({ cols, fiches: kFiches(), years: YEARS, total: true });
  for (const c of Object.values(m.colOf))
    for (const r of m.rowOfFiche.values()) {
      const cell = m.sheet.cells[r - 1]?.[lettersToCol(c) - 1];
      if (cell && typeof cell.value === "number") setCell(m.sheet, r, lettersToCol(c), { ...cell, numFmt: "#,##0.0" });
    }
  return m;
}

const loud = (wb: Parameters<typeof checkAnnex>[0]) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.cell} ${f.message}`);

test("small realisations whose own header says « en milliers d'€ » are amounts, not rates", () => {
  for (const head of ["Consommé 2023 (en milliers d'€)", "Réalisations 2023 (k€)", "Réalisé 2023 en €"]) {
    const m = annex(head);
    const d = recognise(m.wb).detail!;
    expect({ head, col: d.columns.realisedLastYear, doubtful: d.doubtful }).toEqual({ head, col: lettersToCol(m.colOf.realisedLastYear!), doubtful: [] });
    expect({ head, loud: loud(m.wb) }).toEqual({ head, loud: [] });
  }
});

test("with no unit in its own header, the same column stays doubted (the numbers alone look like rates)", () => {
  const m = annex("Réalisations 2023");
  expect(recognise(m.wb).detail!.doubtful).toContain("realisedLastYear");
});

test("a unit written only on the group above does not vouch for the column under it", () => {
  const m = annex("Réalisations 2023", "EXÉCUTION (en milliers d'€)");
  const d = recognise(m.wb).detail!;
  expect(d.columns.realisedLastYear).toBe(lettersToCol(m.colOf.realisedLastYear!));
  expect(d.doubtful).toContain("realisedLastYear");
});
