// Issue #10, corpus8's classes: the words of budget tables, comptes administratifs and rapports d'exécution that no
// corpus before it used — dotted abbreviations (« Ass. maladie », « Conseil dép. », « Obj. »), the State's services
// (DDETS, DREETS), the département's directions' budgets (« Crédits de la DEF », « Hors RH », « Coût des agents »), the
// collectivité's own total, the whole budget in accounts' words (« Crédits inscrits », « AE votées », « Total des
// ressources »), the label as a project, the source as partners, prior balances « fin 2023 » / « antérieur à 2024 ».
import { parseSource } from "../../../src/core/catalogue/funders";
import { classifyHeader } from "../../../src/core/layout/classify";
import { fitsUnder, genericSub } from "../../../src/core/layout/header";
import { SUBTOTAL } from "../../../src/core/layout/rowWords";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year}`;
};

describe("corpus8's word families", () => {
  test.each([
    // The fiche column named by the compound word then « which one ».
    ["", "Fiche-action n°", "fiche"],
    ["", "FICHE-ACTION N°", "fiche"],
    // The engagement by its number, or a « volet »: what « Engagement » alone is.
    ["", "Engagement n°", "theme"],
    ["", "Volet", "theme"],
    // Abbreviations with a dot.
    ["", "Ass. maladie", "ondamTotal"],
    ["Plan de financement", "ASS. MALADIE", "ondamTotal"],
    ["", "Conseil dép.", "cdTotal"],
    ["", "Obj.", "objective"],
    // The State's services that delegate the programme 304's credits.
    ["", "DDETS", "etatTotal"],
    ["DDETS", "CP 2022", "etat2022"],
    ["DREETS", "2023", "etat2023"],
    ["DDETS", "Montant total", "etatTotal"],
    // The département's staff and its direction's credits.
    ["Hors RH", "CP 2022", "dgas2022"],
    ["", "Hors RH 2022", "dgas2022"],
    ["Crédits de la DEF", "Prévu 2022", "dgas2022"],
    ["Crédits DSD", "Exercice\n2022", "dgas2022"],
    ["Crédits DSD", "Sous-total Crédits DSD", "dgasTotal"],
    ["Budget Enfance-Famille", "BP2022", "dgas2022"],
    ["Budget Enfance-Famille", "2022 (€)", "dgas2022"],
    ["", "Coût des agents 2022 (€)", "ms2022"],
    ["Coût des agents", "S/total", "msTotal"],
    ["Chap. 012 (personnel)", "2022", "ms2022"],
    // The collectivité's own total.
    ["Total collectivité", "Montant 2022", "cd2022"],
    ["", "Total collectivité 2022", "cd2022"],
    // Block totals in other words.
    ["Crédits de la DEF", "Ensemble", "dgasTotal"],
    ["DDETS", "S/total", "etatTotal"],
    ["Personnel départemental", "S/total", "msTotal"],
    ["Crédits programmés Personnel départemental", "S/total", "msTotal"],
    // The whole planned budget in the accounts' words.
    ["", "Total des ressources", "budget"],
    ["", "AE votées", "budget"],
    ["", "Crédits inscrits", "budget"],
    ["", "Financement total\nde l'action", "budget"],
    ["", "Total programmé", "budget"],
    ["", "TOTAL PROGRAMME 2022-2024", "budget"],
    ["", "Montant inscrit au BP", "budget"],
    ["", "Total crédits", "budget"],
    ["", "Sous-consommation", "gap"],
    ["", "Crédits stratégie pauvreté", "etatTotal"],
    ["", "Fondamental ?", "objectiveType"],
    // Source, label, modalités, theme, indicator, objective type.
    ["", "Partenaires cofinanceurs", "source"],
    ["", "Projet", "label"],
    ["", "Intitulé du projet", "label"],
    ["", "Action / dispositif", "label"],
    ["", "Dénomination de l'action", "label"],
    ["", "Actions mises en œuvre", "label"],
    ["", "Circuit de financement", "modalite"],
    ["", "Secteur", "theme"],
    ["", "Politique publique", "theme"],
    ["", "Critères d'évaluation", "indicator"],
    ["", "Objectif socle ?", "objectiveType"],
    ["", "Obligatoire / facultatif", "objectiveType"],
    ["", "OBLIGATOIRE / FACULTATIF", "objectiveType"],
    ["", "Objectif obligatoire ou facultatif", "objectiveType"],
    // A year under a block's group with the planned money's noun (« BP2022 », « Budget 2022 », « Crédits 2022 »).
    ["Crédits FIR (ARS)", "BP2022", "fir2022"],
    ["Part État", "Budget 2022", "etat2022"],
    ["CPAM", "Crédits 2022", "ondam2022"],
    ["Part départementale", "Montant 2022", "cd2022"],
    // A span of one year is the period's total, not that year.
    ["DDETS", "Total DDETS 2026-2026", "etatTotal"],
    ["Charges de personnel", "Total Charges de personnel 2026-2026 €", "msTotal"],
    ["", "Total FIR 2024-2024", "firTotal"],
    ["", "Total CD 2024", "cd2024"],
    // Units with taxes or after a dash.
    ["", "Total des crédits prévus en € TTC", "budget"],
    ["", "Total des ressources – k€", "budget"],
    ["", "Cumul Hors RH", "dgasTotal"],
    ["", "Total sur la durée du contrat Hors RH", "dgasTotal"],
    // What was consumed before the year reported: up to the end of the year before.
    ["", "Cumul réalisé fin 2023", "realisedTo2023"],
    ["", "Consommé antérieur à 2024", "consumedTo2023"],
    ["", "Mandaté les années précédentes", "realisedPrior"],
    ["", "Consommé les exercices précédents", "consumedPrior"],
  ])("« %s » / « %s » is %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test.each([
    // Still what they were.
    ["", "Réalisé au 31/12/2023", "realisedTo2023"],
    ["", "Budget DGAS (hors masse salariale)", "dgasTotal"],
    ["", "Financements extérieurs (€)", null],
    ["", "Source de co-financement", "source"],
    ["", "Programme 304", "etatTotal"],
    ["", "Total Programme 304", "etatTotal"],
    ["", "Autres collectivités", null],
    // « Partenaires » alone may be the action's operational partners (associations, Éducation nationale): not read as
    // the co-financers, whose names would then be reported unknown on every fiche.
    ["", "Partenaires", null],
  ])("« %s » / « %s » stays %s", (g, s, want) => {
    expect(key(g, s)).toBe(want);
  });

  test.each([
    ["DDETS", ["etat"]],
    ["DDETS ; Ass. maladie", ["etat", "ondam"]],
    ["ARS - FIR + CPAM", ["fir", "ondam"]],
    ["Etat P304 / DREETS", ["etat"]],
    ["Fonds d'intervention régional", ["fir"]],
    ["Etat - CDPPE", ["etat"]],
    ["Crédits stratégie pauvreté + PLFSS", ["etat", "ondam"]],
  ])("the source « %s » names %j and nothing unknown", (text, want) => {
    const named = parseSource(text);
    expect({ funders: [...named.funders].sort(), unknown: named.unknown }).toEqual({ funders: want, unknown: [] });
  });

  test.each(["st engagement 1", "s.t. axe 2", "total eng. 3", "total volet 2", "sous-total axe 4"])("« %s » is a sub-total label", (t) => {
    expect(SUBTOTAL.test(t)).toBe(true);
  });
  test.each(["st-quentin", "stade", "total"])("« %s » is no sub-total label", (t) => {
    expect(SUBTOTAL.test(t)).toBe(false);
  });

  // A block's total written under a group given over its first column only: « Montant total » alone is the budget,
  // after the block's years it is that block's.
  test.each(["Montant total", "Montant total\n(en euros)", "Ensemble", "S/total", "Montant total en € TTC"])("« %s » fits under a block's group", (sub) => {
    expect(fitsUnder("Autofinancement CD", sub)).toBe(true);
  });
  // Under a group that names no one funder's money, « Montant total » stays the whole budget.
  test("« Montant total (en euros) » after « Répartition par financeur » is not that group's", () => {
    expect(fitsUnder("Répartition par financeur", "Montant total (en euros)")).toBe(false);
    expect(genericSub("Montant total (en euros)")).toBe(false);
  });
});
