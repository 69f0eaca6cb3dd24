// Issue #10, corpus7 class B: the families of words départements give the non-funder roles (modalités, the national
// measure, the whole action's budget, the source, the label, the gap, the objective type read by its values) and the
// summary's consumption columns told apart by their span.
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, YEARS, type MiniCol } from "../miniAnnex";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("families of words of the non-funder roles", () => {
  test.each([
    // How the money is paid or carried: the summary's modalités.
    ["", "Mode de versement", "modalite"],
    ["", "MODE  DE VERSEMENT", "modalite"],
    ["", "Modes de versement", "modalite"],
    ["", "Modalités de versement", "modalite"],
    ["", "Mode de financement", "modalite"],
    ["", "Vecteur de financement", "modalite"],
    ["", "Support juridique", "modalite"],
    // The national measure the engagement belongs to.
    ["", "Engagement national", "mesure"],
    ["", "ENGAGEMENT  NATIONAL", "mesure"],
    ["", "Engagements nationaux", "mesure"],
    ["", "Mesure nationale", "mesure"],
    ["", "Engagement de la stratégie", "mesure"],
    ["", "Axe national", "mesure"],
    // The whole action's planned total.
    ["", "Montant total du plan de financement", "budget"],
    ["", "MONTANT  TOTAL DU PLAN DE FINANCEMENT", "budget"],
    ["", "Montant total du plan de financement (€)", "budget"],
    ["", "Total financements prévus", "budget"],
    ["", "Total des financements prévus", "budget"],
    ["", "Total financements prevus", "budget"],
    ["", "Enveloppe contractualisée 2023-2027", "budget"],
    ["", "ENVELOPPE CONTRACTUALISÉE 2023-2027", "budget"],
    ["", "Enveloppe contractualisée", "budget"],
    ["", "Enveloppe conventionnée 2022-2024 en €", "budget"],
    ["", "Coût total de l'action", "budget"],
    ["", "Montant global de la fiche", "budget"],
    // The co-financers named.
    ["", "Financements mobilisés", "source"],
    ["", "FINANCEMENTS MOBILISES", "source"],
    ["", "Cofinancements sollicités", "source"],
    ["Financements prévus", "Financements mobilisés", "source"],
    // The action's title.
    ["", "Actions du contrat", "label"],
    ["", "ACTIONS  DU CONTRAT", "label"],
    ["", "Action du CDPPE", "label"],
    // What is left to spend is the gap, never a realisation.
    ["", "Montant restant", "gap"],
    ["", "Montant restant en k€", "gap"],
    ["", "MONTANT RESTANT", "gap"],
    ["Execution", "Montant restant", "gap"],
    ["EXECUTION BUDGETAIRE", "Montant restant", "gap"],
    ["BILAN FINANCIER 2024", "MONTANT RESTANT", "gap"],
    ["", "Crédits restants", "gap"],
    ["", "Restant à réaliser", "gap"],
  ])("« %s » / « %s » is %s", (g, s, k) => {
    expect(key(g, s)).toBe(k);
  });

  test.each([
    // With a unit or a year, money mobilised is an amount, not the text naming the co-financers.
    ["", "Financements mobilisés (€)", null],
    // A numbered engagement is a row title's column, not the national measure.
    ["", "Engagement", "theme"],
    // What the département keeps to pay is its share, not a gap.
    ["", "Reste à charge du Département", "cdTotal"],
  ])("« %s » / « %s » stays %s", (g, s, k) => {
    expect(key(g, s)).toBe(k);
  });
});

describe("the objective type is read by its values whatever its header", () => {
  test.each([["Nature"], ["Catégorie"], ["Statut de l'objectif"]])("« %s » over Fondamental / Facultatif", (head) => {
    const cols: MiniCol[] = standardCols(YEARS).map((c) => (c.key === "objectiveType" ? { ...c, head } : c));
    const m = miniDetail({ cols });
    const l = recognise(m.wb);
    expect(l.detail).not.toBeNull();
    expect(columnLetters(l.detail!).objectiveType).toBe(m.colOf.objectiveType);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("read by its values, its fault is found at its cell", () => {
    const fs = fiches();
    fs[1]!.type = "Facultatif";
    const cols: MiniCol[] = standardCols(YEARS).map((c) => (c.key === "objectiveType" ? { ...c, head: "Nature" } : c));
    const m = miniDetail({ cols, fiches: fs });
    const cell = `${m.colOf.objectiveType}${m.rowOfFiche.get("2")}`;
    expect(
      checkAnnex(m.wb)
        .findings.filter((f) => f.rule === "objective-type")
        .map((f) => f.cell),
    ).toContain(cell);
  });

  test("« Socle » / « Optionnel » values under « Nature »", () => {
    const fs = fiches();
    fs.forEach((f, i) => (f.type = i % 2 ? "Optionnel" : "Socle"));
    const cols: MiniCol[] = standardCols(YEARS).map((c) => (c.key === "objectiveType" ? { ...c, head: "Nature" } : c));
    const m = miniDetail({ cols, fiches: fs });
    const l = recognise(m.wb);
    expect(columnLetters(l.detail!).objectiveType).toBe(m.colOf.objectiveType);
  });

  test("a text column of other words is not taken for the objective type", () => {
    const cols: MiniCol[] = standardCols(YEARS).map((c) => (c.key === "objectiveType" ? { ...c, head: "Nature" } : c));
    const m = miniDetail({ cols });
    const col = cols.findIndex((c) => c.key === "objectiveType") + 1;
    for (const r of m.rowOfFiche.values()) setCell(m.sheet, r, col, { value: "Prestation de service" });
    const l = recognise(m.wb);
    expect(columnLetters(l.detail!).objectiveType).toBeUndefined();
  });
});

describe("the summary's consumption columns told by their span", () => {
  const summaryWith = (heads: Record<string, string>) => {
    const wb: WorkbookSnapshot = { sheets: [] };
    const fs = fiches();
    miniDetail({ fiches: fs }, wb);
    const s = miniSummary(wb, fs);
    const order = [
      "mesure",
      "objectif",
      "fiche",
      "budget",
      "departement",
      "fir",
      "etat",
      "ondam",
      "modalite",
      "consumedPrior",
      "consumedLastYear",
      "consumedSinceStart",
    ];
    for (const [k, h] of Object.entries(heads)) setCell(s.sheet, 1, order.indexOf(k) + 1, { value: h });
    return { wb, s };
  };

  test.each([
    [{ consumedPrior: "Réalisé 2021-2021", consumedLastYear: "Réalisé 2022", consumedSinceStart: "Réalisé total" }],
    [{ consumedPrior: "Réalisé 2021-2021", consumedLastYear: "Réalisé 2022", consumedSinceStart: "Budget consommé 2021-2022" }],
    [{ consumedPrior: "Réalisé  2021-2021 ", consumedLastYear: "Réalisé  2022", consumedSinceStart: "Réalisé  total " }],
    [{ modalite: "Mode de versement", mesure: "Engagement national" }],
  ])("%o", (heads) => {
    const { wb, s } = summaryWith(heads);
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    const read = columnLetters(l.summary!);
    for (const k of Object.keys(heads)) expect([k, read[k]]).toEqual([k, s.colOf[k]]);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});
