/**
 * corpus9's lexicon, written from the issue's list and a finance officer's habits, not from the other corpora's
 * lists: how a département might head each column, title its rows and name its funders. Placeholders: {Y} a year,
 * {Y0} the first year, {YN} the last, {P} the year before the last, {B} a block's name.
 */
export type Money = "ms" | "dgas" | "cd" | "fir" | "etat" | "ondam";
export type Funder = "fir" | "etat" | "ondam";

/** Each block's names: [as a group over its years, as a one-row prefix]. */
export const BLOCK: Record<Money, string[]> = {
  ms: ["Masse salariale", "Valorisation masse salariale", "Dépenses de personnel", "Personnel (valorisé)", "Coût RH", "Valorisation des ETP", "MS"],
  dgas: [
    "Budget DGAS",
    "Crédits DGAS",
    "Dépenses d'intervention",
    "Crédits de paiement DGAS",
    "Budget de la direction",
    "Fonctionnement DGAS",
    "Hors masse salariale",
  ],
  cd: ["Total CD", "Contribution CD", "Total Département", "Part départementale", "Financement du Département", "Conseil départemental", "Participation CD"],
  fir: ["FIR", "Financement ARS (FIR)", "ARS / FIR", "Crédits ARS", "Fonds d'intervention régional", "Participation ARS"],
  etat: ["ETAT", "Part État (P304)", "État - programme 304", "Crédits d'État", "Etat (PLF)", "Participation de l'État", "P304"],
  ondam: ["ONDAM", "CNSA/ONDAM", "Assurance maladie", "AM (ONDAM)", "ONDAM médico-social", "Crédits ONDAM"],
};

/** A year as a sub-header or a one-row suffix. */
export const YEAR = ["{Y}", "{Y}", "Année {Y}", "Exercice {Y}", "BP {Y}", "En {Y}", "{Y} (€)", "Prévu {Y}"];
/** A block's total over its years. */
export const BLOCK_TOTAL = [
  "Total",
  "Total {B}",
  "Total {Y0}-{YN}",
  "{Y0} à {YN}",
  "Cumul {Y0}-{YN}",
  "Total période",
  "Montant total",
  "TOTAL {B}",
  "Sous-total {B}",
];

export const BUDGET = [
  "Moyens financiers prévisionnels",
  "Enveloppe totale",
  "Dotation totale prévue",
  "Coût total prévisionnel",
  "Budget prévisionnel {Y0}-{YN}",
  "Montant programmé {Y0} à {YN}",
  "Total des financements prévus",
  "Budget global de l'action",
  "Crédits prévus (total)",
];
export const SOURCE = [
  "Source de co-financement",
  "Co-financeur(s)",
  "Financeurs",
  "Origine des crédits",
  "Cofinancement",
  "Partenaire(s) financeur(s)",
  "Financement extérieur",
];
export const REALISED_YEAR = [
  "Réalisé {YN}",
  "Dépenses réalisées {YN}",
  "Liquidé {YN}",
  "Mandaté en {YN}",
  "Exécution {YN}",
  "Consommé {YN}",
  "{YN} (réalisé)",
  "Réalisations de l'exercice {YN}",
  "Crédits consommés {YN}",
];
export const REALISED_ALL = [
  "Réalisé depuis {Y0}",
  "Cumul réalisé {Y0}-{YN}",
  "Réalisé {Y0} à {YN}",
  "Total consommé depuis {Y0}",
  "Dépenses cumulées {Y0}-{YN}",
  "Réalisations cumulées",
  "Liquidé cumulé",
  "Consommation totale {Y0}-{YN}",
];
export const RATE_YEAR = [
  "Taux de réalisation {YN}",
  "% consommé {YN}",
  "Taux d'exécution {YN}",
  "Pourcentage d'exécution {YN}",
  "Taux de consommation {YN}",
  "Niveau d'exécution {YN}",
];
export const RATE_ALL = [
  "Taux de réalisation global",
  "% consommé cumulé",
  "Taux d'exécution depuis {Y0}",
  "Pourcentage d'exécution global",
  "Taux cumulé {Y0}-{YN}",
  "Niveau d'exécution global",
];
export const GAP = [
  "Écart prévu/réalisé",
  "Reste à réaliser",
  "Solde disponible",
  "Écart budget - réalisé",
  "Reliquat",
  "Reste à consommer",
  "Écart prévisionnel / réalisé {Y0}-{YN}",
];

export const FICHE = ["N° fiche", "N°", "Fiche", "N° FA", "Réf.", "Fiche n°", "Numéro", "Code action", "N° de fiche action"];
export const LABEL = ["Intitulé de l'action", "Fiche action", "Libellé", "Action", "Intitulé fiche action", "Intitulé", "Libellé de l'action"];
export const THEME = ["Thème", "Domaine", "Thématique", "Champ d'intervention"];
export const OBJECTIVE = ["Objectif", "Objectif national", "Objectif de la stratégie", "Objectif CDPPE", "Objectif(s) visé(s)"];
export const TYPE = ["Type d'objectif", "Fondamental / Facultatif", "Nature de l'objectif", "Obj. fondamental ou facultatif", "Caractère de l'objectif"];
export const INDICATOR = ["Indicateur(s)", "Indicateurs de suivi", "Indicateur de résultat"];

/** Columns no rule reads, put anywhere, with how to fill them. */
export const EXTRAS: Record<string, { heads: string[]; kind: "text" | "date" | "count" | "fte" | "service" }> = {
  comments: { heads: ["Commentaires", "Observations", "Remarques"], kind: "text" },
  service: { heads: ["Service pilote", "Direction pilote", "Pilote"], kind: "service" },
  start: { heads: ["Date de début", "Démarrage", "Date de lancement"], kind: "date" },
  partners: { heads: ["Partenaires", "Partenaires associés"], kind: "text" },
  people: { heads: ["Nb de bénéficiaires", "Public touché (nb)", "Nombre de familles"], kind: "count" },
  fte: { heads: ["ETP", "ETP mobilisés"], kind: "fte" },
};

/** Planned and realised supergroups on a 3-row header; execution groups on a 2-row one. */
export const PLANNED_SUPER = ["PRÉVISIONNEL", "Budget prévisionnel (en €)", "Financements prévus", "Plan de financement {Y0}-{YN}"];
export const DONE_SUPER = ["EXÉCUTION", "Réalisé", "Suivi de l'exécution", "Bilan au 31/12/{YN}"];

export const SUMMARY = {
  mesure: ["Engagement", "Mesure", "Axe"],
  objectif: ["Objectif", "Objectifs"],
  fiche: ["N° fiche", "Fiche", "Fiche action", "N° FA"],
  budget: ["Budget global", "Coût total", "Enveloppe", "Budget total"],
  departement: ["Département", "CD", "Part CD", "Conseil départemental"],
  fir: ["FIR", "ARS (FIR)", "ARS"],
  etat: ["Etat", "État (P304)", "Etat - PLF"],
  ondam: ["ONDAM", "AM", "Assurance maladie"],
  modalite: ["Modalités de financement", "Modalités de financement Etat/AM", "Mode de financement"],
  consumedPrior: ["Consommé au 31/12/{P}", "Réalisé {Y0}-{P}", "Consommé avant {YN}"],
  consumedLastYear: ["Consommé en {YN}", "Réalisé {YN}", "Dépenses {YN}"],
  consumedSinceStart: ["Consommé {Y0}-{YN}", "Total réalisé {Y0}-{YN}", "Cumul consommé"],
};

/** How one annex names each funder in its source column (one vocabulary per annex). */
export const SOURCE_NAMES: Record<Funder, string[]> = {
  fir: ["FIR", "ARS", "ARS (FIR)", "FIR ARS"],
  etat: ["ETAT", "État", "P304", "Etat"],
  ondam: ["ONDAM", "AM", "CNSA", "Assurance maladie"],
};
export const SOURCE_JOIN = ["/", " / ", " + ", ", ", " et "];
export const MODALITE: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

export const ENGAGEMENT_TITLES = ["Engagement {N} : {T}", "ENGAGEMENT {N} - {T}", "Engagement n°{N}", "Axe {N} : {T}"];
export const ENGAGEMENT_THEMES = [
  "Agir le plus précocement possible",
  "Sécuriser les parcours des enfants protégés",
  "Donner aux enfants les moyens d'agir",
  "Préparer leur avenir",
  "Conditions pour y parvenir",
];
export const SUBTOTAL = ["Sous-total engagement {N}", "Total axe {N}", "S/T Engagement {N}", "Sous total {N}", "Total engagement {N}"];
export const TOTAL = ["TOTAL", "Total général", "TOTAL GÉNÉRAL", "Total CDPPE", "TOTAUX"];

export const THEMES = ["PMI", "ASE", "Prévention", "Transverse", "Handicap", "Protection de l'enfance"];
export const SERVICES = ["DEF", "SDPE", "DPMI", "DASEF", "Mission ODPE"];
export const ACTIONS = [
  "Renforcer les entretiens prénataux précoces",
  "Bilans de santé en école maternelle",
  "Visites à domicile des sages-femmes",
  "Consultations infantiles de PMI",
  "Cellule de recueil des informations préoccupantes",
  "Protocole informations préoccupantes",
  "Plan de contrôle des établissements",
  "Accompagnement des enfants protégés handicapés",
  "Participation des jeunes à l'ODPE",
  "Observatoire départemental",
  "Relais parentaux",
  "Soutien aux parents en situation de handicap",
  "Accueil de jour",
  "Parrainage de proximité",
  "Accompagnement des anciens MNA",
  "Formation des professionnels",
  "Équipe mobile pédopsychiatrie",
  "Dispositif passerelle 16-21 ans",
  "Interventions TISF renforcées",
  "Centre parental",
];
export const SHEETS = ["Feuil1", "Annexe 1", "Tableau de bord", "Détail", "Suivi", "Annexe financière CDPPE", "Données", "Fiches"];
export const SUMMARY_SHEETS = ["Synthèse", "Récap", "Feuil2", "Tableau 2", "Par engagement"];
export const TITLES = [
  "CONTRAT DÉPARTEMENTAL DE PRÉVENTION ET DE PROTECTION DE L'ENFANCE",
  "Annexe financière - bilan {YN}",
  "Direction enfance famille",
  "Suivi budgétaire des fiches actions {Y0}-{YN}",
  "Document de travail - ne pas diffuser",
];
