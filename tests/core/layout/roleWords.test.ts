// Issue #10, corpus6 class C: the words départements give the non-yearly roles (label, budget, objective type, source,
// the realisations and rates) and their typography (double spaces, a trailing colon).
import { checkAnnex } from "../../../src/core/check";
import { classifyHeader } from "../../../src/core/layout/classify";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, type MiniCol } from "../miniAnnex";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};
const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe("words of the non-yearly roles", () => {
  test.each([
    // The action described rather than titled.
    ["", "Description de l'action", "label"],
    ["", "DESCRIPTION  DE L'ACTION", "label"],
    ["", "Descriptif de l'action", "label"],
    ["", "Intitulé :", "label"],
    ["", "INTITULÉ :", "label"],
    ["", "Libellé :", "label"],
    // The whole planned amount as a « dotation ».
    ["", "Dotation totale", "budget"],
    ["", "Dotation totale en €", "budget"],
    ["", "Dotation totale (k€)", "budget"],
    ["", "DOTATION TOTALE", "budget"],
    ["MONTANTS CONTRACTUALISÉS", "Dotation totale", "budget"],
    ["MONTANTS CONTRACTUALISÉS", "Dotation totale (€)", "budget"],
    // Typography: double spaces and a trailing colon say nothing.
    ["", "Enveloppe  totale :", "budget"],
    ["", "Crédits  de paiement prévus (€) :", "budget"],
    ["", "Dotation  globale en € :", "budget"],
    ["", "Origine  des crédits :", "source"],
    // Fondamental / facultatif, abbreviated or worded as socle / optionnel.
    ["", "Fond./Fac.", "objectiveType"],
    ["", "FOND./FAC.", "objectiveType"],
    ["", "Fond. / fac.", "objectiveType"],
    ["", "Fondamental / facultatif", "objectiveType"],
    ["", "Socle (fondamental) / optionnel (facultatif)", "objectiveType"],
    ["", "Objectif socle ou optionnel", "objectiveType"],
    // The co-financer named as money from outside the département.
    ["", "Financement extérieur", "source"],
    ["", "FINANCEMENT EXTERIEUR", "source"],
    ["", "Financements extérieurs", "source"],
    ["Prévisionnel", "Financement extérieur", "source"],
    ["", "Provenance des crédits", "source"],
    // Gap, rates and realisations.
    ["RÉALISATIONS", "Écart prévu/réalisé en €", "gap"],
    ["RÉALISATIONS", "% consommé (global)", "rateGlobal"],
    ["", "Taux de consommation cumulé", "rateGlobal"],
    ["", "Exécuté 2026 (€)", "realised2026"],
    ["", "Dépenses cumulées (€)", "realisedSinceStart"],
    // Other words a département may use for the same roles.
    ["", "Titre de l'action", "label"],
    ["", "Objet de la fiche", "label"],
    ["", "Montant contractualisé", "budget"],
    ["", "Total conventionné (€)", "budget"],
    ["MONTANTS CONTRACTUALISÉS", "Total", "budget"],
    ["", "Budget de l'action", "budget"],
    ["", "Crédits non utilisés", "gap"],
    ["", "Montant non dépensé", "gap"],
    ["", "Taux de réalisation sur la période", "rateGlobal"],
    ["", "Taux d'exécution du contrat", "rateGlobal"],
    ["", "Réalisé sur la période", "realisedSinceStart"],
    ["", "Dépenses sur la durée du contrat", "realisedSinceStart"],
  ])("« %s » / « %s » is %s", (g, s, k) => {
    expect(key(g, s)).toBe(k);
  });

  test.each([
    // Under a funder's group, the dotation is that funder's total, not the budget.
    ["FIR", "Dotation totale", "firTotal"],
    ["Masse salariale", "Dotation totale", "msTotal"],
    // A funder's amounts under « Financement extérieur » are that funder's.
    ["Financement extérieur", "FIR", "firTotal"],
    ["Financements extérieurs", "ONDAM", "ondamTotal"],
    ["", "Montant contractualisé Etat", "etatTotal"],
    ["MONTANTS CONTRACTUALISÉS", "FIR", "firTotal"],
    // A block's total over the contract's span stays that block's.
    ["FIR", "Total période", "firTotal"],
    // With a unit, the money from outside is an amount, not the text naming the co-financers.
    ["", "Financements extérieurs (€)", null],
    ["", "Financement extérieur en k€", null],
  ])("« %s » / « %s » stays %s", (g, s, k) => {
    expect(key(g, s)).toBe(k);
  });
});

const YEARS = [2021, 2022];

/** The standard detail with some columns worded otherwise. */
function worded(words: Record<string, string>): MiniCol[] {
  return standardCols(YEARS).map((c) => (words[c.key] ? { ...c, head: words[c.key]! } : c));
}

describe("a detail table worded the other ways is read right and checks clean", () => {
  test.each([
    [{ label: "Description de l'action", objectiveType: "Fond./Fac.", source: "Financement extérieur", budget: "Dotation  globale en € :" }],
    [{ label: "INTITULÉ :", objectiveType: "Socle (fondamental) / optionnel (facultatif)", source: "Origine des crédits", budget: "Enveloppe  totale :" }],
    [{ label: "Descriptif de l'action", objectiveType: "FOND./FAC.", source: "FINANCEMENT EXTERIEUR", budget: "Crédits  de paiement prévus (€) :" }],
  ])("%o", (words) => {
    const m = miniDetail({ cols: worded(words) });
    const l = recognise(m.wb);
    expect(l.detail).not.toBeNull();
    const read = columnLetters(l.detail!);
    for (const k of ["label", "objectiveType", "source", "budget"]) expect([k, read[k]]).toEqual([k, m.colOf[k]]);
    expect(l.detail!.missing).toEqual([]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a summary whose budget is a « Dotation totale en € » is read right beside its detail", () => {
    const wb: WorkbookSnapshot = { sheets: [] };
    const fs = fiches();
    miniDetail({ fiches: fs }, wb);
    const s = miniSummary(wb, fs);
    setCell(s.sheet, 1, 4, { value: "Dotation totale en €" });
    const l = recognise(wb);
    expect(l.summary).not.toBeNull();
    expect(columnLetters(l.summary!).budget).toBe(s.colOf.budget);
    expect(loud(checkAnnex(wb).findings)).toEqual([]);
  });
});
