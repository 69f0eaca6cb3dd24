/**
 * corpus8's words: a NEW lexicon, written apart from corpus7's and from the recogniser's vocabularies, from how
 * départements, ARS, DGCS and CNAF/CPAM word budget tables, CPOM, PPI, comptes administratifs, bilans of
 * contractualisation (CDPPE, stratégie pauvreté) and rapports d'exécution: AE/CP and M57 budget words (« Crédits
 * inscrits », « Mandatements », « Montant liquidé », « Chap. 012 »), the State's services (DDETS, BOP 304), the
 * assurance maladie's (CPAM), services' own words for the département's parts (« Personnel départemental », « Hors
 * RH », « Crédits de la DEF »), dots in abbreviations, line breaks and units inside headers. Each wording is one a
 * finance officer could type, and names its role to a human reader.
 * {Y} is a year, {Y0}/{YN} the first and last years, {P} the year before the last.
 */
export const FICHE_HEADERS = [
  "Code action",
  "N° de la fiche-action",
  "Réf. FA",
  "Code FA",
  "Fiche-action n°",
  "Numéro de fiche",
  "N° FA CDPPE",
  "Identifiant action",
  "Code fiche",
  "N°\nde fiche",
  "FA n°",
  "N° Fiche Action",
];
export const LABEL_HEADERS = [
  "Nom de l'action",
  "Objet de l'action",
  "Libellé fiche-action",
  "Intitulé du projet",
  "Actions mises en œuvre",
  "Dénomination de l'action",
  "Action / dispositif",
  "Intitulé de l'action",
  "Projet",
];
export const THEME_HEADERS = ["Politique publique", "Secteur", "Domaine d'intervention", "Thématique d'intervention", "Public cible"];
export const THEMES = ["Enfance", "Famille", "PMI", "ASE", "Parentalité", "Santé de l'enfant", "Protection de l'enfance", "0-6 ans"];
export const OBJECTIVE_HEADERS = ["Objectif de rattachement", "Objectif du référentiel", "Objectif national visé", "N° objectif", "Objectif stratégique"];
export const TYPE_HEADERS = [
  "Caractère de l'objectif",
  "Socle / optionnel",
  "Obligatoire / facultatif",
  "Catégorie d'objectif",
  "Objectif obligatoire ou facultatif",
  "Objectif socle ?",
];
export const INDICATOR_HEADERS = ["Indicateurs d'évaluation", "Critères d'évaluation", "Indicateur(s) de résultat", "Indicateurs de réalisation"];

export const BUDGET_HEADERS = [
  "Coût total de l'action",
  "Montant programmé",
  "Crédits inscrits",
  "Total programmé {Y0}-{YN}",
  "Coût prévisionnel total",
  "Budget alloué",
  "Enveloppe prévisionnelle",
  "Montant prévisionnel total",
  "Total des crédits prévus",
  "Total des ressources",
  "Financement total\nde l'action",
  "AE votées",
];
export const BLOCK_NAMES: Record<string, string[]> = {
  ms: [
    "Personnel départemental",
    "Dépenses de personnel",
    "Charges de personnel",
    "Valorisation RH",
    "Coût des agents",
    "Chap. 012 (personnel)",
    "Moyens en personnel",
  ],
  dgas: [
    "Hors RH",
    "Crédits de la DEF",
    "Dépenses hors personnel",
    "Crédits de fonctionnement",
    "Budget Enfance-Famille",
    "Dépenses d'intervention",
    "Crédits DSD",
  ],
  cd: [
    "Sous-total Département",
    "Total Conseil départemental",
    "Part départementale",
    "Financement CD",
    "Total fonds propres",
    "Autofinancement CD",
    "Total collectivité",
  ],
  fir: ["Agence régionale de santé", "Financement ARS", "Crédits FIR (ARS)", "FIR ARS", "ARS – Fonds d'intervention régional", "Subvention ARS"],
  etat: ["DDETS", "Crédits État stratégie", "Etat (BOP 304)", "Part État", "Subvention de l'État", "Etat – P.304", "Crédits contractualisés Etat"],
  ondam: [
    "CPAM",
    "Assurance Maladie (CPAM)",
    "Crédits Assurance maladie",
    "ONDAM (CNSA)",
    "Financement AM",
    "Part assurance maladie",
    "Crédits médico-sociaux (ONDAM)",
  ],
};
export const YEAR_FORMS = ["Exercice\n{Y}", "{Y} (prév.)", "CP {Y}", "Crédits {Y}", "BP{Y}", "Prévu {Y}", "Montant {Y}", "Budget {Y}", "Année\n{Y}", "{Y} (€)"];
export const BLOCK_TOTAL_FORMS = [
  "Sous-total {B}",
  "Total {B} {Y0}-{YN}",
  "Cumul",
  "Montant total",
  "Total sur la durée du contrat",
  "S/total",
  "Total {Y0} à {YN}",
  "Ensemble",
];

export const REALISED_HEADERS = [
  "Montant liquidé {YN}",
  "Exécuté au CA {YN}",
  "Mandaté {YN}",
  "Dépenses mandatées {YN}",
  "Réalisé CA {YN}",
  "Consommé {YN}",
  "Montant payé en {YN}",
  "Dépenses effectives {YN}",
  "Crédits consommés {YN}",
  "CA {YN}",
];
export const CUMULATIVE_HEADERS = [
  "Mandaté cumulé depuis {Y0}",
  "Total consommé {Y0}-{YN}",
  "Dépenses cumulées au 31/12/{YN}",
  "Réalisé sur la période",
  "Cumul mandaté",
  "Exécution cumulée {Y0} à {YN}",
  "Consommation totale depuis {Y0}",
  "Montant liquidé cumulé",
];
export const RATE_YEAR_HEADERS = [
  "% d'exécution {YN}",
  "Taux de mandatement {YN}",
  "Taux de consommation {YN}",
  "Réalisé / prévu {YN}",
  "Pourcentage de réalisation {YN}",
  "% consommé {YN}",
];
export const RATE_GLOBAL_HEADERS = [
  "Taux de mandatement cumulé",
  "% d'exécution sur la période",
  "Taux de consommation total",
  "% consommé depuis {Y0}",
  "Taux d'exécution cumulé au 31/12/{YN}",
  "Pourcentage de réalisation global",
];
export const GAP_HEADERS = [
  "Reste à mandater",
  "Crédits disponibles",
  "Disponible",
  "Solde à consommer",
  "Reste à consommer",
  "Différence prévu - réalisé",
  "Non consommé",
  "Écart budget / réalisé",
];
export const SOURCE_HEADERS = [
  "Financeur(s)",
  "Co-financement(s)",
  "Financements extérieurs",
  "Autres financeurs",
  "Partenaires cofinanceurs",
  "Cofinanceurs sollicités",
  "Financeurs associés",
  "Origine du financement",
];
/** How a source cell names each co-financer (unambiguous names only: « ARS » alone could be FIR or ONDAM). */
export const SOURCE_NAMES: Record<string, string[]> = {
  fir: ["FIR", "ARS - FIR", "Fonds d'intervention régional"],
  etat: ["Etat", "BOP 304", "DDETS", "Etat P304"],
  ondam: ["ONDAM", "CPAM", "Ass. maladie"],
};
export const SOURCE_JOINS = [" / ", " + ", ", ", " et ", "\n", " - ", " ; "];
export const SOURCE_NONE = ["", "", "Aucun", "Sans objet", "Département seul", "/"];

export const EXEC_GROUPS = [
  "Exécution budgétaire",
  "BILAN {YN}",
  "Consommation des crédits",
  "Compte administratif",
  "Rapport d'exécution {YN}",
  "Suivi financier",
];
export const PLAN_GROUPS = [
  "Plan de financement",
  "Budget prévisionnel",
  "Crédits programmés",
  "PRÉVISIONS",
  "Programmation financière {Y0}-{YN}",
  "Maquette financière",
];

export const SUMMARY = {
  mesure: ["Engagement de la stratégie", "Axe stratégique", "Volet", "Engagement n°"],
  objectif: ["Objectif(s)", "Obj.", "Objectif visé"],
  fiche: ["FA", "Code action", "N° action", "Fiche-action"],
  budget: ["Coût total", "Montant programmé", "Total programmé", "Enveloppe totale", "Financement total"],
  departement: ["Fonds propres CD", "Part départementale", "Dépt", "Conseil dép.", "Financement Département"],
  fir: ["Agence régionale de santé", "FIR (ARS)", "Crédits ARS-FIR"],
  etat: ["DDETS", "État stratégie", "BOP 304", "Programme 304"],
  ondam: ["CPAM", "Ass. maladie", "ONDAM (AM)"],
  modalite: ["Mode de financement", "Modalité de versement", "Support de financement", "Vecteur de financement", "Circuit de financement"],
  consumedPrior: ["Mandaté au 31/12/{P}", "Dépenses {Y0}-{P}", "Cumul réalisé fin {P}", "Consommé antérieur à {YN}"],
  consumedLastYear: ["Mandaté {YN}", "Réalisations {YN}", "CA {YN}", "Exécuté {YN}"],
  consumedSinceStart: ["Cumul mandaté", "Réalisé depuis {Y0}", "Total consommé", "Consommé total {Y0}-{YN}"],
};
export const MODALITE_NAMES: Record<string, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

export const ENGAGEMENTS = [
  "Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
  "Sécuriser les parcours des enfants protégés et prévenir les ruptures",
  "Donner aux enfants les moyens d'agir et garantir leurs droits",
  "Préparer leur avenir et sécuriser leur vie d'adulte",
  "Conditions pour y parvenir",
];
export const ENGAGEMENT_TITLES = ["Engagement {N}. {T}", "AXE {N} : {T}", "Volet {N} – {T}", "Eng. {N} - {T}", "{N} - {T}"];
export const SUBTOTAL_LABELS = [
  "Total engagement {N}",
  "Sous-total axe {N}",
  "Total Eng. {N}",
  "ST engagement {N}",
  "Total volet {N}",
  "S/total engagement {N}",
];
export const TOTAL_LABELS = ["TOTAL DES ACTIONS", "Total des fiches actions", "TOTAL GENERAL CDPPE", "Total contrat", "Total toutes actions", "TOTAL"];

export const ACTIONS = [
  "Renforcer les entretiens prénataux précoces",
  "Développer les bilans de santé en école maternelle",
  "Visites à domicile des sages-femmes de PMI",
  "Consultations infantiles de proximité",
  "Renforcer la cellule de recueil des informations préoccupantes",
  "Protocole départemental des informations préoccupantes",
  "Plan de contrôle des établissements",
  "Équipe mobile pédopsychiatrie et handicap",
  "Participation des jeunes à l'ODPE",
  "Observatoire départemental de la protection de l'enfance",
  "Relais parentaux",
  "Accompagnement des parents en situation de handicap",
  "Action éducative à domicile renforcée",
  "Parrainage de proximité",
  "Accompagnement des anciens MNA vers l'autonomie",
  "Formation des professionnels de l'enfance",
  "Accueil de jour pour les 0-6 ans",
  "Médiation familiale",
  "Soutien aux tiers dignes de confiance",
  "Centre parental",
  "Dispositif passerelle 16-25 ans",
  "Unité d'accueil pédiatrique enfants en danger",
  "Plateforme d'écoute parentale",
  "Santé des enfants confiés : parcours de soins coordonné",
];
export const SUB_ACTIONS = ["- dont investissement", "- dont fonctionnement", "- dont évaluation externe", "Tranche 1", "Tranche 2", "- dont formation"];

export const EXTRA_COLUMNS: Record<string, string[]> = {
  comment: ["Observations / commentaires", "Précisions", "Points de vigilance"],
  pilot: ["Porteur", "Référent", "Direction pilote"],
  calendar: ["Période de mise en œuvre", "Échéance", "Planning"],
  start: ["Date de démarrage", "Lancement"],
  code: ["Imputation comptable", "Nature comptable", "Fonction / nature"],
  beneficiaries: ["Nb de bénéficiaires", "Public bénéficiaire (nb)"],
  etp: ["ETP mobilisés", "Nombre d'ETP"],
};
export const PILOTS = ["DEF", "DPMI", "DAST", "Direction Enfance Famille", "SDPE", "Mission ODPE"];
export const CALENDARS = ["T1 {Y0} - T4 {YN}", "{Y0}-{YN}", "à partir de sept. {Y0}", "2e semestre {Y0}", "En continu"];
export const COMMENTS = ["RAS", "Recrutement en cours", "Action reportée en {YN}", "Montant ajusté par avenant", "Voir bilan qualitatif", ""];
export const NOTES = [
  "Montants issus des comptes administratifs {Y0} à {YN} (mandats émis).",
  "Le personnel départemental est valorisé au coût moyen chargé par ETP.",
  "Crédits FIR notifiés par arrêté ARS ; crédits État délégués par la DDETS (BOP 304).",
  "Taux = mandaté / crédits inscrits de l'exercice.",
  "Données provisoires avant vote du compte administratif.",
];
/** Where relative years (« N-1 », « N ») are used, the title says which year N is. */
export const REFERENCE_LINES = [
  "Exercice de référence : N = {YN}",
  "Année N : {YN}",
  "Bilan de l'exercice {YN} (année N)",
  "N = {YN}",
  "Rapport d'exécution {YN} (N = {YN})",
  "Année de référence (N) : {YN}",
];
