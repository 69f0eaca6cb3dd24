/**
 * corpus7's words, taken from how départements word their budget annexes, CPOM and CDPPE reports (délibérations,
 * rapports d'exécution, PDPE): one list per role, with the funders under the names their own documents give them.
 * {Y} is a year, {Y0}/{YN} the first and last years, {P} the year before the last.
 */
export const FICHE_HEADERS = [
  "N° fiche",
  "Fiche n°",
  "N° FA",
  "Réf. action",
  "Numéro de l'action",
  "N° d'action",
  "Id. fiche",
  "N°\nfiche action",
  "FICHE N°",
  "Référence fiche",
  "Numéro FA",
  "Action n°",
  "N°",
];
export const LABEL_HEADERS = [
  "Intitulé de la fiche action",
  "Libellé de l'action",
  "Actions",
  "Intitulé",
  "Actions du contrat",
  "Désignation de l'action",
  "Fiche action",
  "Intitulé de l'action CDPPE",
  "Description de l'action",
];
export const THEME_HEADERS = ["Thème", "Thématique", "Champ", "Domaine", "Direction pilote", "Pôle"];
export const THEMES = ["PMI", "ASE", "Prévention", "Handicap", "Transverse", "ODPE", "PMI / ASE", "Santé"];
export const OBJECTIVE_HEADERS = ["Objectif", "Objectif national", "Objectif de la stratégie", "Objectif CDPPE", "N° et intitulé de l'objectif"];
export const TYPE_HEADERS = ["Fondamental / facultatif", "Type d'objectif", "Objectif fondamental ou facultatif", "Nature", "Fond. / Fac."];
export const INDICATOR_HEADERS = ["Indicateur de suivi", "Indicateurs", "Indicateur de résultat"];

export const BUDGET_HEADERS = [
  "Budget prévisionnel total",
  "Coût prévisionnel de l'action",
  "Montant total du plan de financement",
  "Total financements prévus",
  "Budget global de l'action",
  "Plan de financement total",
  "Montant contractualisé",
  "Enveloppe contractualisée {Y0}-{YN}",
  "Total des financements",
  "Coût global prévisionnel",
  "Moyens financiers prévisionnels",
];
export const BLOCK_NAMES: Record<string, string[]> = {
  ms: ["Masse salariale", "Valorisation des ETP", "Moyens humains", "Coût RH (valorisation)", "Temps agents valorisé", "Frais de personnel"],
  dgas: ["Budget DGAS", "Crédits DGA Solidarités", "Budget de fonctionnement", "Crédits directs", "Dépenses directes", "Crédits d'intervention"],
  cd: ["Total CD", "Total Département", "Apport du Département", "Part Département", "Financement départemental", "Conseil départemental", "Total CD 80"],
  fir: ["FIR", "ARS (FIR)", "Crédits ARS", "Fonds d'intervention régional", "ARS - FIR", "FIR / ARS", "Agence régionale de santé (FIR)"],
  etat: ["ETAT", "État", "Programme 304", "P304", "BOP 304", "Crédits Etat (P304)", "Etat - contractualisation", "Etat (PLF)", "Crédits d'Etat"],
  ondam: ["ONDAM", "Assurance maladie", "CNSA", "ONDAM médico-social", "AM (ONDAM)", "Crédits ONDAM"],
};
export const YEAR_FORMS = ["{Y}", "Année {Y}", "Exercice {Y}", "en {Y}", "BP {Y}", "Prév. {Y}", "{Y} prévu", "Prévisionnel {Y}"];
export const BLOCK_TOTAL_FORMS = ["Total", "Total {Y0}-{YN}", "Total période", "TOTAL {Y0}/{YN}", "Total pluriannuel", "Total {B}", "Montant {B}"];

export const REALISED_HEADERS = [
  "Réalisé {YN}",
  "Réalisations {YN}",
  "Dépenses {YN} (CA)",
  "Exécuté {YN}",
  "Mandatements {YN}",
  "Réalisé au titre de {YN}",
  "Dépenses constatées {YN}",
  "Réalisations en {YN}",
];
export const CUMULATIVE_HEADERS = [
  "Réalisé cumulé {Y0}-{YN}",
  "Réalisé depuis {Y0}",
  "Total réalisé depuis le début du contrat",
  "Cumul des réalisations",
  "Réalisé total au 31/12/{YN}",
  "Réalisations cumulées",
  "Réalisation depuis {Y0}",
];
export const RATE_YEAR_HEADERS = [
  "Taux d'exécution {YN}",
  "Taux de réalisation {YN}",
  "% réalisé {YN}",
  "Taux de consommation annuel",
  "Niveau d'exécution {YN}",
];
export const RATE_GLOBAL_HEADERS = [
  "Taux d'exécution global",
  "Taux de réalisation cumulé",
  "% de consommation global",
  "Taux global au 31/12/{YN}",
  "Niveau d'exécution globale",
];
export const GAP_HEADERS = [
  "Écart prévu / réalisé",
  "Reste à réaliser",
  "Crédits non consommés",
  "Solde",
  "Écart (prévisionnel - réalisé)",
  "Montant restant",
  "Reliquat",
  "Ecart Moyens financiers - Réalisations",
];
export const SOURCE_HEADERS = [
  "Source de co-financement",
  "Co-financeur(s)",
  "Cofinancement",
  "Financeurs",
  "Origine des crédits",
  "Financements mobilisés",
  "Partenaires financeurs",
];
/** How a source cell names each co-financer (unambiguous names only: « ARS » alone could be FIR or ONDAM). */
export const SOURCE_NAMES: Record<string, string[]> = {
  fir: ["FIR", "ARS (FIR)", "FIR ARS"],
  etat: ["ETAT", "Etat", "P304", "PLF", "Etat (P304)"],
  ondam: ["ONDAM", "AM", "Assurance maladie", "CNSA"],
};
export const SOURCE_JOINS = [" / ", " + ", ", ", " et ", "\n", "/"];
export const SOURCE_NONE = ["", "", "Néant", "CD seul", "-"];

export const EXEC_GROUPS = ["Exécution", "Suivi de l'exécution", "Réalisations", "EXECUTION BUDGETAIRE", "Bilan financier {YN}"];
export const PLAN_GROUPS = ["Plan de financement prévisionnel", "MOYENS FINANCIERS PRÉVISIONNELS", "Financements prévus", "Prévisionnel"];

export const SUMMARY = {
  mesure: ["Engagement", "Axe", "Mesure", "Engagement national"],
  objectif: ["Objectif", "Objectif national", "Objectifs"],
  fiche: ["N° fiche", "Fiche action n°", "N° FA", "Fiche", "Réf."],
  budget: ["Budget total", "Montant total", "Total financements", "Budget global", "Coût total"],
  departement: ["Département", "CD", "Part CD", "Conseil départemental", "Apport CD"],
  fir: ["FIR", "ARS (FIR)", "Crédits FIR"],
  etat: ["Etat", "P304", "État (P304)", "Crédits Etat"],
  ondam: ["ONDAM", "AM", "Assurance maladie"],
  modalite: ["Modalités de financement", "Modalités de financement Etat/AM", "Mode de versement", "Modalité"],
  consumedPrior: ["Consommé au 31/12/{P}", "Réalisé jusqu'à fin {P}", "Réalisé {Y0}-{P}", "Budget consommé au 31/12/{P}"],
  consumedLastYear: ["Consommé en {YN}", "Réalisé {YN}", "Budget consommé en {YN}", "Dépenses {YN}"],
  consumedSinceStart: ["Consommé {Y0}-{YN}", "Réalisé total", "Cumul consommé", "Budget consommé {Y0}-{YN}", "Total réalisé au 31/12/{YN}"],
};
export const MODALITE_NAMES: Record<string, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

export const ENGAGEMENTS = [
  "Agir le plus précocement possible pour répondre aux besoins des enfants et de leurs familles",
  "Sécuriser les parcours des enfants protégés et prévenir les ruptures",
  "Donner aux enfants les moyens d'agir et garantir leurs droits",
  "Préparer leur avenir et sécuriser leur vie d'adulte",
  "Conditions pour y parvenir",
];
export const ENGAGEMENT_TITLES = ["Engagement {N} : {T}", "ENGAGEMENT {N} – {T}", "Axe {N} - {T}", "Engagement n°{N}", "{T}"];
export const SUBTOTAL_LABELS = ["Sous-total engagement {N}", "Total axe {N}", "S/T Engagement {N}", "Sous-total {N}", "SOUS-TOTAL ENGAGEMENT {N}"];
export const TOTAL_LABELS = ["TOTAL", "Total général", "TOTAL CDPPE", "Total annexe", "TOTAL GÉNÉRAL", "Total"];

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
export const SUB_ACTIONS = ["a) volet investissement", "b) volet fonctionnement", "c) évaluation", "Phase 1", "Phase 2", "dont recrutements"];

export const EXTRA_COLUMNS: Record<string, string[]> = {
  comment: ["Commentaires", "Observations", "Remarques"],
  pilot: ["Service pilote", "Pilote", "Direction porteuse"],
  calendar: ["Calendrier", "Échéancier", "Calendrier de mise en œuvre"],
  start: ["Date de début", "Démarrage"],
  code: ["Code imputation", "Imputation budgétaire", "Code analytique"],
  beneficiaries: ["Nombre de bénéficiaires", "Public touché (nb)"],
  etp: ["ETP", "Nb ETP"],
};
export const PILOTS = ["DEF", "DPMI", "DAST", "Direction Enfance Famille", "SDPE", "Mission ODPE"];
export const CALENDARS = ["T1 {Y0} - T4 {YN}", "{Y0}-{YN}", "à partir de sept. {Y0}", "2e semestre {Y0}", "En continu"];
export const COMMENTS = ["RAS", "Recrutement en cours", "Action reportée en {YN}", "Montant ajusté par avenant", "Voir bilan qualitatif", ""];
export const NOTES = [
  "(1) Valorisation du temps de travail des agents départementaux.",
  "Source : comptes administratifs {Y0} à {YN}.",
  "Les montants FIR sont notifiés par l'ARS chaque année.",
  "* Crédits du programme 304 délégués par la DDETS.",
  "NB : les taux sont calculés sur le prévisionnel de l'année.",
];
