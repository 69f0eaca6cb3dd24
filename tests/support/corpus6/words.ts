/** corpus6's words: how finance officers of other départements head their columns. */
export const OBJECTIVES: { n: number; label: string }[] = [
  { n: 1, label: "Entretiens prénataux précoces" },
  { n: 2, label: "Bilans de santé en école maternelle" },
  { n: 3, label: "Visites à domicile pré et postnatales des sages-femmes de PMI" },
  { n: 4, label: "Interventions à domicile des puéricultrices de PMI" },
  { n: 5, label: "Consultations infantiles en PMI" },
  { n: 6, label: "Renforcer la CRIP" },
  { n: 7, label: "Protocoles informations préoccupantes" },
  { n: 8, label: "Volet maîtrise des risques du schéma" },
  { n: 9, label: "Accompagnement des enfants protégés en situation de handicap" },
  { n: 10, label: "Participation des jeunes à l'ODPE" },
  { n: 11, label: "Renforcer l'ODPE" },
  { n: 13, label: "Actions innovantes en PMI" },
  { n: 14, label: "Relais parentaux" },
  { n: 15, label: "Soutenir les parents en situation de handicap" },
  { n: 16, label: "Soutenir les parents d'enfants en situation de handicap" },
  { n: 19, label: "Diversifier l'offre à domicile" },
  { n: 23, label: "Parrainage et soutien scolaire" },
  { n: 24, label: "Dispositifs passerelles pour les jeunes en situation de handicap" },
  { n: 25, label: "Accès aux droits des anciens MNA" },
  { n: 26, label: "Formation des professionnels" },
];
export const objectiveLabel = (n: number) => OBJECTIVES.find((o) => o.n === n)?.label ?? `Objectif ${n}`;

export const ACTIONS = [
  "Créer un observatoire des naissances",
  "Développer les entretiens prénataux",
  "Renforcer les visites à domicile",
  "Recruter deux puéricultrices",
  "Consultations avancées en PMI",
  "Structurer la cellule de recueil",
  "Harmoniser le protocole IP",
  "Plan de contrôle des établissements",
  "Équipe mobile handicap-ASE",
  "Conseil des jeunes de l'ODPE",
  "Tableau de bord de l'ODPE",
  "Bus santé PMI",
  "Ouvrir deux relais parentaux",
  "Soutien à la parentalité en situation de handicap",
  "Accueil de jour pour fratries",
  "AEMO renforcée",
  "Parrainage de proximité",
  "Dispositif passerelle 16-21 ans",
  "Accompagnement des jeunes majeurs ex-MNA",
  "Plan de formation des travailleurs sociaux",
  "Référent santé ASE",
  "Pédopsychiatrie de liaison",
  "Centre parental",
  "Tiers digne de confiance",
  "Visites médiatisées",
  "Placement à domicile",
];

export const FUNDER_NAMES = {
  fir: ["FIR", "Agence Régionale de Santé", "ARS - FIR", "A.R.S.", "Crédits ARS", "FIR (ARS)"],
  etat: ["Etat (DGCS - P304)", "ÉTAT", "Etat", "Programme 304", "Crédits Etat", "Etat - P304"],
  ondam: ["ONDAM", "Sécurité sociale", "CPAM", "Assurance Maladie", "AM - ONDAM"],
  ms: ["Masse salariale", "MS", "Valorisation des ETP", "Charges de personnel", "Personnel départemental"],
  dgas: ["Budget DGAS", "DGAS", "Crédits de fonctionnement", "Budget direction enfance", "Dépenses hors personnel"],
  cd: ["Total CD", "Conseil départemental", "Département", "Total Département", "Part CD", "CD"],
} as const;

/** Names a source column uses for each co-financer, one set per annex. */
export const SOURCE_NAMES = [
  { fir: "FIR", etat: "ETAT", ondam: "ONDAM" },
  { fir: "ARS", etat: "Etat", ondam: "AM" },
  { fir: "FIR", etat: "P304", ondam: "Assurance maladie" },
  { fir: "ARS (FIR)", etat: "DGCS", ondam: "CPAM" },
];
export const SOURCE_JOIN = [" / ", " + ", ", ", " et ", "\n"];

export const HEAD = {
  fiche: ["Action", "Réf.", "Code action", "N° FA", "Fiche", "N°\nfiche", "Numéro"],
  ficheCombined: ["Fiche action", "Actions", "Intitulé de l'action", "Fiches actions du contrat", "FICHE ACTION"],
  label: ["Intitulé", "Libellé de l'action", "Description de l'action", "Action", "Intitulé de la fiche"],
  objective: ["Objectif", "Objectif national", "Objectif de la stratégie", "Rattachement (objectif)", "OBJECTIFS"],
  objectiveType: [
    "Fondamental / facultatif",
    "Type d'objectif",
    "Objectif fondamental ou facultatif",
    "Fond./Fac.",
    "Socle (fondamental) / optionnel (facultatif)",
  ],
  theme: ["Thématique", "Pôle", "Direction"],
  budget: [
    "Enveloppe totale",
    "Dotation globale",
    "Crédits de paiement prévus",
    "Montant total prévu",
    "Coût prévisionnel de l'action",
    "Budget total",
    "TOTAL PREVU",
  ],
  yearGroup: (y: number) => [`${y}`, `Exercice ${y}`, `Année ${y}`, `Prévu ${y}`, `CP ${y}`, `Dotation ${y}`],
  blockTotal: (y0: number, yn: number) => ["Total", `Total ${y0}-${yn}`, `${y0} à ${yn}`, `Cumul ${y0}/${yn}`, "Sous-total", `Total période`],
  periodGroup: (y0: number, yn: number) => [`Total ${y0}-${yn}`, `Cumul ${y0} à ${yn}`, `Total de la période`, `TOTAL ${y0}/${yn}`],
  source: ["Financeurs", "Co-financeur(s)", "Origine des crédits", "Partenaire financeur", "Financement extérieur"],
  realisedLast: (y: number) => [
    `Réalisé ${y}`,
    `Réalisé sur l'exercice ${y}`,
    `Montant versé ${y}`,
    `Dépenses ${y}`,
    `Exécuté ${y}`,
    `Montant mandaté en ${y}`,
  ],
  realisedSince: (y0: number, yn: number) => [
    `Réalisé ${y0}-${yn}`,
    `Cumul réalisé depuis ${y0}`,
    `Total versé ${y0} à ${yn}`,
    `Réalisé cumulé au 31/12/${yn}`,
    `Dépenses cumulées`,
  ],
  rateLastYear: (y: number) => [`Taux de réalisation ${y}`, `Taux de consommation ${y}`, `% réalisé ${y}`, `Taux ${y}`],
  rateGlobal: ["Taux de réalisation global", "Taux de consommation cumulé", "% consommé (global)", "Taux global"],
  gap: ["Écart prévu/réalisé", "Reliquat", "Reste à consommer", "Écart", "Solde non consommé"],
  realisedGroup: (yn: number) => [`RÉALISATIONS`, `Exécution au 31/12/${yn}`, `Bilan financier ${yn}`, `Suivi de l'exécution`],
  planGroup: ["MOYENS PRÉVUS", "Prévisionnel", "PLAN DE FINANCEMENT", "Financement prévu"],
  extras: ["Observations", "Commentaires", "Service pilote", "Partenaires", "Date de démarrage", "Montant engagé"],
  notesCol: ["Observations", "Remarques", "Commentaire financier"],
  // summary
  sFiche: ["Action", "Réf. action", "N° action", "Fiche"],
  sBudget: ["Enveloppe globale", "Budget total", "Coût total", "Dotation totale"],
  sDepartement: ["Conseil départemental", "Part départementale", "Département", "CD"],
  sModalite: ["Modalités de financement", "Mode de financement", "Financement Etat/AM", "Modalités"],
  sPrior: (y: number) => [`Consommé au 31/12/${y}`, `Réalisé jusqu'en ${y}`, `Versé au 31/12/${y}`],
  sLast: (y: number) => [`Consommé en ${y}`, `Réalisé ${y}`, `Versé en ${y}`],
  sSince: (y0: number, yn: number) => [`Consommé ${y0}-${yn}`, `Total réalisé ${y0}-${yn}`, `Cumul versé ${y0}/${yn}`],
  sObjectif: ["Objectif", "Objectif national"],
  sMesure: ["Engagement", "Axe"],
};

export const TOTAL_LABELS = ["TOTAL", "Total général", "TOTAL CDPPE", "Ensemble", "TOTAL GENERAL", "Total annexe"];
export const SUBTOTAL_LABELS = (obj: number) => [`Total objectif ${obj}`, `Sous-total objectif ${obj}`, `S/Total obj. ${obj}`];
export const ENGAGEMENT_TITLES = [
  "Engagement 1 : agir le plus précocement possible",
  "Engagement 2 : sécuriser les parcours des enfants protégés",
  "Engagement 3 : donner aux enfants les moyens d'agir",
  "Engagement 4 : préparer leur avenir",
  "Conditions pour y parvenir",
];
export const COMMENT_ROWS = ["Fiche supprimée (avenant 2023)", "cf. avenant n°2", "Action fusionnée avec la précédente", "(fiche reportée)"];
