// Words other départements plausibly use for each column of the annex. Written for this corpus, independently of the
// recogniser's own lists: a header here that the recogniser misses is a finding about the recogniser, not about the corpus.
import type { Rng } from "./rng";

export type Funder = "fir" | "etat" | "ondam";
export const FUNDERS: readonly Funder[] = ["fir", "etat", "ondam"];
export type Block = "ms" | "dgas" | "cd" | Funder;
export const BLOCKS: readonly Block[] = ["ms", "dgas", "cd", "fir", "etat", "ondam"];

export interface Years {
  y0: number;
  yn: number;
  list: number[];
}

/** The words of the published Seine-et-Marne annex: the baseline every reader must handle. */
const houseDetail = (y: Years) => {
  const span = y.list.join(", ");
  return {
    fiche: "numéro fiche action",
    label: "Intitulés fiches actions",
    theme: "thème",
    objective: "Intitulés objectifs",
    objectiveType: "Obj. fondamental/ facultatif",
    budget: `Moyen financiers prévisionnels (${span})`,
    source: "Source de co-financement",
    group: { ms: "Masse salariale", dgas: "Budget DGAS", cd: "Total CD", fir: "Montant FIR", etat: "Montant ETAT", ondam: "Montant ONDAM" } as Record<
      Block,
      string
    >,
    totalSub: "Total",
    totalFlat: (_b: Block, g: string) => `Total ${g}`,
    realisedLastYear: `Réalisations en ${y.yn}`,
    rateLastYear: `Niveau d'exécution budgétaire au titre de l'année ${y.yn}`,
    realisedSinceStart: `Réalisation depuis ${y.y0}`,
    rateGlobal: `Niveau d'exécution budgétaire globale (au 31/12/${String(y.yn).slice(2)})`,
    gap: `Ecart Moyens financiers - Réalisations depuis ${y.y0}`,
    execGroups: [`Exécution ${y.yn}`, `Exécution cumulée ${y.y0}-${y.yn}`] as const,
  };
};

export const detailWords = (y: Years, rng: Rng, house = false) => {
  if (house) return houseDetail(y);
  const span = `${y.y0}-${y.yn}`;
  const yy = String(y.yn).slice(2);
  return {
    fiche: rng.pick(["N° fiche", "Numéro fiche action", "N°", "Fiche n°", "N° FA", "Numéro"]),
    label: rng.pick(["Intitulés fiches actions", "Fiche action", "Intitulé de l'action", "Libellé de la fiche", "Action"]),
    theme: rng.pick(["Thème", "Thématique", "Domaine", "Pôle"]),
    objective: rng.pick(["Intitulés objectifs", "Objectif", "Objectif national", "Objectif de la stratégie"]),
    objectiveType: rng.pick(["Obj. fondamental/ facultatif", "Fondamental / facultatif", "Type d'objectif", "Nature de l'objectif"]),
    budget: rng.pick([
      "Moyens financiers prévisionnels",
      "Coût total prévisionnel",
      "Budget total",
      "Crédits prévus",
      "Montant prévu",
      `Coût total ${span}`,
      "Budget prévisionnel",
    ]),
    source: rng.pick(["Source de co-financement", "Financeur(s)", "Co-financeurs", "Cofinancement", "Financeurs"]),
    group: {
      ms: rng.pick(["Masse salariale", "MS", "Masse salariale (ETP valorisés)", "Dépenses de personnel"]),
      dgas: rng.pick(["Budget DGAS", "DGAS", "Crédits DGAS", "Fonctionnement DGAS"]),
      cd: rng.pick(["Total CD", "Total Département", "Département", "Fonds propres", "Part départementale"]),
      fir: rng.pick(["FIR", "ARS (FIR)", "Crédits ARS", "Fonds d'intervention régional"]),
      etat: rng.pick(["ETAT", "État (P304)", "Programme 304", "PLF", "DGCS", "Etat"]),
      ondam: rng.pick(["ONDAM", "Assurance maladie", "AM", "CNSA", "ONDAM (AM)"]),
    } as Record<Block, string>,
    /** Sub-header of a block's total column under its group header. */
    totalSub: rng.pick(["Total", `Total ${span}`, "Cumul", "Montant total"]),
    /** Flat header of a block's total column (one header row). */
    totalFlat: (b: Block, g: string) =>
      b === "cd" && /^total/i.test(g) ? g : rng.pick([`Total ${g}`, ...(b === "fir" || b === "etat" || b === "ondam" ? [`Montant ${g}`] : [])]),
    realisedLastYear: rng.pick([
      `Réalisations en ${y.yn}`,
      `Dépenses réalisées ${y.yn}`,
      `Exécution ${y.yn}`,
      `Consommé ${y.yn}`,
      `Mandaté en ${y.yn}`,
      `Payé ${y.yn}`,
      `Réalisé ${y.yn}`,
    ]),
    rateLastYear: rng.pick([
      `Niveau d'exécution budgétaire au titre de l'année ${y.yn}`,
      `Taux d'exécution ${y.yn}`,
      `Taux de consommation ${y.yn}`,
      `% réalisé ${y.yn}`,
    ]),
    realisedSinceStart: rng.pick([
      `Réalisation depuis ${y.y0}`,
      `Dépenses réalisées ${span}`,
      `Exécution cumulée ${span}`,
      `Consommé cumulé au 31/12/${y.yn}`,
      `Mandaté ${span}`,
    ]),
    rateGlobal: rng.pick([
      `Niveau d'exécution budgétaire globale (au 31/12/${yy})`,
      "Taux d'exécution global",
      `Taux de consommation ${span}`,
      "% réalisé cumulé",
    ]),
    gap: rng.pick(["Ecart Moyens financiers - Réalisations", "Écart", "Reste à réaliser", "Solde", "Disponible", "Écart prévu - réalisé"]),
    /** Grouped execution: "Exécution 2024" / "Exécution cumulée 2020-2024", each over "Montant" and "Taux". */
    execGroups: rng.pick([
      [`Exécution ${y.yn}`, `Exécution cumulée ${span}`],
      [`Réalisé ${y.yn}`, `Réalisé ${span}`],
      [`Consommé en ${y.yn}`, `Consommé depuis ${y.y0}`],
    ] as const),
  };
};

export const summaryWords = (y: Years, rng: Rng, house = false) =>
  house
    ? {
        mesure: "Mesure",
        objectif: "Objectif",
        fiche: "Fiche action N°",
        budget: "Budget global",
        departement: "Département",
        fir: "FIR",
        etat: "Etat",
        ondam: "ONDAM",
        modalite: "Modalités de financement Etat/AM",
        consumedPrior: `Budget consommé au 31/12/ ${y.yn - 1}`,
        consumedLastYear: `Budget consommé en ${y.yn}`,
        consumedSinceStart: `Budget consommé ${y.y0}-${y.yn}`,
      }
    : {
        mesure: rng.pick(["Mesure", "Engagement", "Axe"]),
        objectif: rng.pick(["Objectif", "Objectif national", "N° objectif"]),
        fiche: rng.pick(["Fiche action N°", "N° fiche", "N°", "Fiche"]),
        budget: rng.pick(["Budget global", "Coût total", "Montant total prévu", "Budget prévisionnel"]),
        departement: rng.pick(["Département", "CD", "Part CD", "Fonds propres", "Total Département"]),
        fir: rng.pick(["FIR", "ARS (FIR)", "Crédits ARS"]),
        etat: rng.pick(["Etat", "État", "P304", "PLF"]),
        ondam: rng.pick(["ONDAM", "AM", "Assurance maladie"]),
        modalite: rng.pick(["Modalités de financement Etat/AM", "Modalités de financement", "Modalité"]),
        consumedPrior: rng.pick([
          `Budget consommé au 31/12/${y.yn - 1}`,
          `Réalisé au 31/12/${y.yn - 1}`,
          y.y0 === y.yn - 1 ? `Dépenses réalisées ${y.y0}` : `Dépenses réalisées ${y.y0}-${y.yn - 1}`,
        ]),
        consumedLastYear: rng.pick([`Budget consommé en ${y.yn}`, `Réalisé ${y.yn}`, `Mandaté en ${y.yn}`]),
        consumedSinceStart: rng.pick([`Budget consommé ${y.y0}-${y.yn}`, `Réalisé cumulé ${y.y0}-${y.yn}`, `Total consommé au 31/12/${y.yn}`]),
      };

/** How a source cell names each funder. */
export const SOURCE_NAMES: Record<Funder, readonly string[]> = {
  fir: ["FIR", "ARS", "ARS (FIR)", "crédits ARS"],
  etat: ["ETAT", "État", "P304", "PLF", "programme 304", "DGCS"],
  ondam: ["ONDAM", "AM", "Assurance maladie", "CNSA"],
};
export const MODALITE_NAMES: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

export const ENGAGEMENTS = [
  "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
  "Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures",
  "Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits",
  "Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte",
  "Conditions pour y parvenir",
];

/** National objectives: number, type, and which funders may pay for them (no funder-theme surprises). */
export const OBJECTIVES: ReadonlyArray<{ n: number; fundamental: boolean; label: string; funders: readonly Funder[] }> = [
  { n: 1, fundamental: true, label: "Entretiens prénataux précoces", funders: ["fir"] },
  { n: 2, fundamental: true, label: "Bilans de santé en école maternelle", funders: ["fir"] },
  { n: 3, fundamental: true, label: "Visites à domicile pré et postnatales", funders: ["fir"] },
  { n: 4, fundamental: true, label: "Interventions à domicile des puéricultrices", funders: ["fir"] },
  { n: 5, fundamental: true, label: "Consultations infantiles en PMI", funders: ["fir"] },
  { n: 6, fundamental: true, label: "Renforcer les CRIP", funders: ["etat"] },
  { n: 7, fundamental: true, label: "Protocoles informations préoccupantes", funders: ["etat"] },
  { n: 8, fundamental: true, label: "Maîtrise des risques", funders: ["etat"] },
  { n: 9, fundamental: true, label: "Enfants protégés en situation de handicap", funders: ["etat", "ondam"] },
  { n: 10, fundamental: true, label: "Participation des jeunes à l'ODPE", funders: ["etat"] },
  { n: 11, fundamental: true, label: "Renforcer l'ODPE", funders: ["etat"] },
  { n: 13, fundamental: false, label: "Actions innovantes en PMI", funders: ["fir"] },
  { n: 14, fundamental: false, label: "Relais parentaux", funders: ["etat"] },
  { n: 19, fundamental: false, label: "Protection de l'enfance à domicile", funders: ["etat"] },
  { n: 23, fundamental: false, label: "Parrainage et soutien scolaire", funders: ["etat"] },
  { n: 24, fundamental: false, label: "Dispositifs passerelles handicap", funders: ["etat", "ondam"] },
  { n: 25, fundamental: false, label: "Accès aux droits des anciens MNA", funders: ["etat"] },
  { n: 26, fundamental: false, label: "Formation des professionnels", funders: ["etat"] },
];

export const THEMES = ["PMI", "ASE", "Handicap", "Transverse", "Prévention", "DPEF"];
export const ACTIONS = [
  "Renforcer les consultations prénatales",
  "Créer une équipe mobile",
  "Développer l'accueil de jour",
  "Former les assistants familiaux",
  "Ouvrir un lieu d'accueil parents-enfants",
  "Soutenir les tiers dignes de confiance",
  "Déployer le référentiel d'évaluation",
  "Accompagner les jeunes majeurs",
  "Structurer l'observatoire",
  "Mettre en place un parrainage",
  "Renforcer la cellule IP",
  "Développer les visites à domicile",
  "Créer des places en centre parental",
  "Soutenir la scolarité des enfants confiés",
];
