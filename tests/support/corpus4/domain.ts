// What corpus4 knows of the domain: the national objectives, the engagements, and the words French départements'
// finance officers use for each column (written from annex-spec.md, objectives.md and public-finance usage).
import type { Rng } from "./rng";

export type Funder = "fir" | "etat" | "ondam";
export const FUNDERS: Funder[] = ["fir", "etat", "ondam"];

/** National objectives: number, fondamental?, usual funder, short label. */
export const OBJECTIVES: Array<{ n: number; fund: boolean; funder: Funder; label: string; eng: number }> = [
  { n: 1, fund: true, funder: "fir", eng: 0, label: "Entretiens prénataux précoces par la PMI" },
  { n: 2, fund: true, funder: "fir", eng: 0, label: "Bilans de santé en école maternelle" },
  { n: 3, fund: true, funder: "fir", eng: 0, label: "Visites à domicile pré et postnatales des sages-femmes de PMI" },
  { n: 4, fund: true, funder: "fir", eng: 0, label: "Interventions à domicile des infirmières puéricultrices" },
  { n: 5, fund: true, funder: "fir", eng: 0, label: "Consultations infantiles en PMI" },
  { n: 6, fund: true, funder: "etat", eng: 1, label: "Renforcer les cellules de recueil des informations préoccupantes (CRIP)" },
  { n: 7, fund: true, funder: "etat", eng: 1, label: "Systématiser les protocoles informations préoccupantes" },
  { n: 8, fund: true, funder: "etat", eng: 1, label: "Volet maîtrise des risques des schémas départementaux" },
  { n: 9, fund: true, funder: "ondam", eng: 1, label: "Accompagnement des enfants protégés en situation de handicap" },
  { n: 10, fund: true, funder: "etat", eng: 2, label: "Participation des enfants et des jeunes à l'ODPE" },
  { n: 11, fund: true, funder: "etat", eng: 2, label: "Renforcer l'ODPE" },
  { n: 13, fund: false, funder: "fir", eng: 0, label: "Actions innovantes en PMI" },
  { n: 14, fund: false, funder: "etat", eng: 0, label: "Créer de nouveaux relais parentaux" },
  { n: 15, fund: false, funder: "ondam", eng: 0, label: "Soutenir les parents en situation de handicap" },
  { n: 16, fund: false, funder: "ondam", eng: 0, label: "Soutenir les parents d'enfants en situation de handicap" },
  { n: 19, fund: false, funder: "etat", eng: 1, label: "Diversifier l'offre de protection de l'enfance à domicile" },
  { n: 23, fund: false, funder: "etat", eng: 2, label: "Développer le parrainage et le soutien scolaire" },
  { n: 24, fund: false, funder: "ondam", eng: 3, label: "Dispositifs d'accompagnement global et passerelles" },
  { n: 25, fund: false, funder: "etat", eng: 3, label: "Accès aux droits et autonomie des anciens MNA" },
  { n: 26, fund: false, funder: "etat", eng: 4, label: "Renforcer la formation des professionnels" },
];

export const ENGAGEMENTS = [
  "Engagement 1 : Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
  "Engagement 2 : Sécuriser les parcours des enfants protégés et prévenir les ruptures",
  "Engagement 3 : Donner aux enfants les moyens d'agir et garantir leurs droits",
  "Engagement 4 : Préparer leur avenir et sécuriser leur vie d'adulte",
  "Conditions pour y parvenir",
];

export const ACTIONS = [
  "Renforcer les entretiens prénataux précoces",
  "Déployer les bilans de santé en école maternelle",
  "Développer les visites à domicile des sages-femmes",
  "Recruter des puéricultrices de PMI",
  "Ouvrir des consultations infantiles de proximité",
  "Renforcer la CRIP",
  "Actualiser le protocole IP",
  "Plan de contrôle des établissements",
  "Équipe mobile handicap - ASE",
  "Associer les jeunes à l'ODPE",
  "Observatoire départemental : études et tableaux de bord",
  "Soutien à la parentalité en PMI",
  "Relais parentaux",
  "Accompagnement des parents en situation de handicap",
  "Répit pour les familles d'enfants handicapés",
  "Interventions éducatives renforcées à domicile",
  "Parrainage de proximité",
  "Dispositif passerelle 16-21 ans",
  "Accompagnement des anciens MNA vers l'autonomie",
  "Plan de formation des professionnels de l'enfance",
  "Accueil familial : recrutement d'assistants familiaux",
  "Maison des adolescents : consultations avancées",
  "Centre parental",
  "Tiers digne de confiance : soutien",
  "Visites médiatisées",
  "Référent santé ASE",
];

export const THEMES = ["PMI", "ASE", "Handicap", "Transverse", "Prévention", "DEF", "DPEF", "Observatoire"];

const Y = (y: number) => String(y);

/** Header words per role. A function gets the years (first, last) when the wording names them. */
export const WORDS = {
  fiche: ["N° fiche", "N°", "N° FA", "Fiche n°", "Numéro de la fiche action", "N° de fiche", "FA", "N° action", "Réf. fiche"],
  labelBesideN: ["Fiche action", "Fiches actions", "Intitulé de la fiche action", "Libellé de l'action", "Action", "Intitulé"],
  theme: ["Thématique", "Thème", "Direction", "Pôle", "Domaine"],
  objective: ["Objectif national", "Objectif", "Intitulé de l'objectif", "Objectif de la stratégie", "Objectif CDPPE"],
  objectiveType: ["Fondamental / facultatif", "Type d'objectif", "Obj. fondamental/ facultatif", "Nature de l'objectif", "Objectif fondamental ou facultatif"],
  indicator: ["Indicateur de suivi", "Indicateurs", "Indicateur(s) de résultat"],
  budget: (y0: number, yn: number) => [
    "Moyens financiers prévisionnels",
    "Coût total prévisionnel",
    `Budget prévisionnel ${y0}-${yn}`,
    "Budget total prévu",
    `Crédits prévus ${y0}-${yn}`,
    "Coût global de l'action",
    "Montant total programmé",
    "Enveloppe prévisionnelle",
    "Budget global",
    "Total prévisionnel (€)",
  ],
  ms: ["Masse salariale", "Valorisation RH", "Dépenses de personnel", "Frais de personnel", "MS", "Masse salariale (ETP valorisés)"],
  dgas: ["Budget DGAS", "Crédits DGAS", "Fonctionnement DGAS", "Budget de fonctionnement DGAS", "DGAS"],
  cd: ["Total CD", "Total Département", "Département", "Fonds propres", "Conseil départemental", "Part départementale", "Total CD77", "Financement CD"],
  fir: ["FIR", "ARS (FIR)", "Crédits ARS", "Agence régionale de santé", "Fonds d'intervention régional", "ARS - FIR", "Montant FIR"],
  etat: ["État", "Etat", "P304", "Programme 304", "PLF", "DGCS", "Crédits État (P304)", "Montant ETAT", "Etat - programme 304"],
  ondam: ["ONDAM", "Assurance maladie", "AM", "CNSA", "ONDAM médico-social", "Assurance maladie (ONDAM)", "Montant ONDAM"],
  source: [
    "Source de co-financement",
    "Co-financeur(s)",
    "Financeur(s)",
    "Cofinanceurs",
    "Origine des crédits",
    "Partenaire(s) financeur(s)",
    "Co-financement",
  ],
  year: (y: number): string[] => [Y(y), Y(y), `Année ${y}`, `Exercice ${y}`, `BP ${y}`, `${y} (prévisionnel)`, `Prévu ${y}`, `CP ${y}`],
  blockTotal: (y0: number, yn: number) => ["Total", "Total", `Total ${y0}-${yn}`, "Cumul", "Sous-total", `${y0}-${yn}`, "Total période"],
  realisedLast: (yn: number) => [
    `Réalisations en ${yn}`,
    `CA ${yn}`,
    `Compte administratif ${yn}`,
    `Mandaté ${yn}`,
    `Payé ${yn}`,
    `Liquidé ${yn}`,
    `Dépenses réalisées ${yn}`,
    `Exécution ${yn}`,
    `Consommé ${yn}`,
    `Réalisé ${yn}`,
  ],
  realisedSince: (y0: number, yn: number) => [
    `Réalisation depuis ${y0}`,
    "Réalisé cumulé",
    `Mandaté cumulé ${y0}-${yn}`,
    `Exécution cumulée ${y0}-${yn}`,
    `Total réalisé ${y0}-${yn}`,
    `Consommé depuis ${y0}`,
    `CA cumulés ${y0}-${yn}`,
    `Dépenses réalisées ${y0}-${yn}`,
  ],
  rateLast: (yn: number) => [
    `Taux d'exécution ${yn}`,
    `Niveau d'exécution ${yn}`,
    `Taux de consommation ${yn}`,
    `Taux de réalisation ${yn}`,
    `% réalisé ${yn}`,
  ],
  rateGlobal: (y0: number, yn: number) => [
    "Taux d'exécution global",
    "Taux cumulé",
    `Taux de consommation ${y0}-${yn}`,
    `Niveau d'exécution global (au 31/12/${yn})`,
    "Taux de réalisation global",
  ],
  gap: (y0: number) => [
    "Écart",
    "Reste à réaliser",
    "Solde",
    "Disponible",
    "Écart prévu - réalisé",
    `Ecart moyens - réalisations depuis ${y0}`,
    "Solde disponible",
  ],
  // Summary
  mesure: ["Mesure", "Engagement", "Axe", "Mesures"],
  objectif: ["Objectif", "Objectif national", "Objectifs"],
  sumFiche: ["Fiche action N°", "N° FA", "Fiche", "N° fiche", "Fiche action", "FA n°"],
  sumBudget: ["Budget global", "Coût total", "Total prévisionnel", "Montant total", "Budget total", "Moyens financiers"],
  departement: ["Département", "CD", "Part CD", "Conseil départemental", "Fonds propres", "Financement départemental"],
  modalite: ["Modalités de financement Etat/AM", "Modalités de financement", "Mode de financement", "Modalité", "Modalités"],
  consumedPrior: (yp: number) => [
    `Budget consommé au 31/12/${yp}`,
    `Consommé au 31/12/${yp}`,
    "Réalisé antérieur",
    `Mandaté au 31/12/${yp}`,
    `Réalisé jusqu'en ${yp}`,
  ],
  consumedLast: (yn: number) => [`Budget consommé en ${yn}`, `CA ${yn}`, `Mandaté ${yn}`, `Réalisé ${yn}`, `Consommé ${yn}`],
  consumedSince: (y0: number, yn: number) => [
    `Budget consommé ${y0}-${yn}`,
    "Total consommé",
    "Réalisé cumulé",
    `Consommé ${y0}-${yn}`,
    `Mandaté cumulé ${y0}-${yn}`,
  ],
};

/** How a funder is named in a source cell (detail) — every one of these names the funder. */
export const SOURCE_NAMES: Record<Funder, string[]> = {
  fir: ["FIR", "ARS", "FIR", "crédits ARS", "ARS/FIR"],
  etat: ["ETAT", "État", "Etat", "P304", "PLF", "DGCS"],
  ondam: ["ONDAM", "AM", "Assurance maladie", "CNSA", "ONDAM"],
};
/** Summary modalité words: FIR↔FIR, PLF↔ETAT, AM↔ONDAM, CD↔none. */
export const MODALITE_NAMES: Record<Funder, string[]> = { fir: ["FIR"], etat: ["PLF", "PLF", "Etat"], ondam: ["AM", "AM", "ONDAM"] };

export function sourceText(rng: Rng, funders: Funder[], style: number): string {
  if (!funders.length) return rng.pick(["", "", "CD", "Fonds propres", "-"]);
  const names = funders.map((f) => (style === 0 ? { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[f] : rng.pick(SOURCE_NAMES[f])));
  return names.join(rng.pick([" / ", "/", " + ", ", ", " et "]));
}

export function modaliteText(rng: Rng, funders: Funder[]): string {
  if (!funders.length) return "CD";
  return funders.map((f) => rng.pick(MODALITE_NAMES[f])).join(rng.pick(["/", " / ", " + "]));
}

export const ROMAN = ["I", "II", "III", "IV", "V"];
