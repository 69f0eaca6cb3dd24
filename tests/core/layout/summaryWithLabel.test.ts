// corpus10 (seeds 34, 36, 61, 67, 114, 138, 141, 191 of 1-200): a summary that names each action (« Action »,
// « Intitulé ») and keeps no Modalités and no Mesure column was typed neither detail nor summary (a label and « Réalisé
// 2022 » against « Département » and « Budget consommé »), so no summary was read. With no yearly planned block, no
// rate and nothing else only a detail has, the label does not make a detail: the columns only a summary has say which
// table it is.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { budgetOf, fiches, miniDetail, type MiniFiche } from "../miniAnnex";

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

function summary(wb: WorkbookSnapshot, fs: MiniFiche[], heads: Array<[string, string]>) {
  const sheet = emptySheet("Récapitulatif");
  wb.sheets.push(sheet);
  sheet.defaultColWidth = 18;
  const colOf: Record<string, string> = {};
  heads.forEach(([k, h], i) => {
    setCell(sheet, 1, i + 1, { value: h });
    colOf[k] = colToLetters(i + 1);
  });
  fs.forEach((f, i) => {
    const v: Record<string, string | number> = {
      engagement: "Engagement 1",
      fiche: f.n,
      label: f.label,
      budget: budgetOf(f),
      departement: sum(f.ms) + sum(f.dgas),
      fir: sum(f.fir),
      etat: sum(f.etat),
      ondam: sum(f.ondam),
      consumedLastYear: f.realisedLast,
      consumedSinceStart: f.realisedSince,
    };
    heads.forEach(([k], j) => setCell(sheet, 2 + i, j + 1, { value: v[k]! }));
  });
  return colOf;
}

const loud = (wb: WorkbookSnapshot) =>
  checkAnnex(wb)
    .findings.filter((f) => f.severity !== "info")
    .map((f) => `${f.rule} ${f.sheet}!${f.cell}`);

test.each([
  [
    "Objectif-less, « Action », « Réalisé 2022 », « Budget consommé 2021-2022 »",
    [
      ["fiche", "FICHE ACTION N°"],
      ["label", "ACTION"],
      ["budget", "BUDGET GLOBAL"],
      ["departement", "DÉPARTEMENT"],
      ["fir", "FIR"],
      ["etat", "ETAT"],
      ["ondam", "ONDAM"],
      ["consumedLastYear", "RÉALISÉ 2022"],
      ["consumedSinceStart", "BUDGET CONSOMMÉ 2021-2022"],
    ],
  ],
  [
    "« Engagement », « Intitulé », « Conseil départemental », « Consommé depuis le début »",
    [
      ["engagement", "Engagement"],
      ["fiche", "N° fiche"],
      ["label", "Intitulé"],
      ["budget", "Budget prévisionnel"],
      ["departement", "Conseil départemental"],
      ["fir", "FIR"],
      ["etat", "Etat"],
      ["ondam", "ONDAM"],
      ["consumedLastYear", "Réalisé 2022"],
      ["consumedSinceStart", "Consommé depuis le début"],
    ],
  ],
] as Array<[string, Array<[string, string]>]>)("a summary naming each action, no Modalités: %s", (_, heads) => {
  const fs = fiches(5);
  const m = miniDetail({ fiches: fs });
  const colOf = summary(m.wb, fs, heads);
  const s = recognise(m.wb).tables.find((t) => t.kind === "summary");
  expect(s?.sheet).toBe("Récapitulatif");
  expect(s && colToLetters(s.columns.departement!)).toBe(colOf.departement);
  expect(s && colToLetters(s.columns.consumedSinceStart!)).toBe(colOf.consumedSinceStart);
  expect(loud(m.wb)).toEqual([]);
});

test("a detail table with no yearly block but a rate and a gap stays the detail", () => {
  const fs = fiches(4);
  const m = miniDetail({
    fiches: fs,
    cols: [
      { head: "N° fiche", key: "fiche" },
      { head: "Intitulé", key: "label" },
      { head: "Coût total", key: "budget" },
      { head: "Total CD", key: "cdTotal" },
      { head: "Montant FIR", key: "firTotal" },
      { head: "Montant ETAT", key: "etatTotal" },
      { head: "Montant ONDAM", key: "ondamTotal" },
      { head: "Réalisé depuis 2021", key: "realisedSinceStart" },
      { head: "Taux d'exécution global", key: "rateGlobal" },
      { head: "Écart", key: "gap" },
    ],
  });
  expect(recognise(m.wb).tables.map((t) => t.kind)).toEqual(["detail"]);
});
