// French texts of the task pane.
import { formatEuro, formatPercent, fr } from "./format";
import type { Severity } from "../core/rules/types";

/** "1 erreur", "26 avertissements". */
const n = (count: number, one: string, many = `${one}s`) => `${count} ${count > 1 ? many : one}`;

export const paneText = {
  title: "Annexe CDPPE",
  tabs: { check: "Contrôle", fill: "Compléter", year: "Nouvelle année", reading: "Lecture" },
  check: {
    run: "Contrôler l'annexe",
    rerun: "Relancer le contrôle",
    intro: "Le contrôle lit tout le classeur, reconnaît les deux tableaux de l'annexe et vérifie chaque fiche et chaque total. Rien n'est modifié.",
    running: "Lecture du classeur et contrôle en cours…",
    fiches: (count: number) => n(count, "fiche"),
    years: (ys: number[]) => (ys.length ? `${ys[0]}-${ys[ys.length - 1]}` : "années non lues"),
    confidence: (c: number) => fr`confiance ${Math.round(c * 100)} %`,
    detail: "Tableau détaillé",
    summary: "Synthèse",
    missingTable: (which: string) => fr`${which} : non trouvé`,
    missing: (list: string) => fr`Colonnes absentes : ${list}`,
    /** One line at the top: what the officer has to do, errors first. */
    verdict: (c: { error: number; warning: number }) =>
      c.error
        ? fr`Annexe à corriger : ${n(c.error, "erreur")}${c.warning ? `, ${n(c.warning, "avertissement")} à examiner` : ""}.`
        : c.warning
          ? fr`Aucune erreur : ${n(c.warning, "avertissement")} à examiner.`
          : fr`Annexe cohérente : aucune erreur ni avertissement.`,
    counts: { error: "Erreurs", warning: "Avertissements", info: "Informations" } as Record<Severity, string>,
    section: (title: string, count: number) => `${title} (${count})`,
    rounding: (count: number) => `Écarts d'arrondi sans conséquence (${count})`,
    roundingHint: fr`Totaux qui diffèrent d'au plus ${formatEuro(1)} de la somme de leurs lignes : des centimes masqués par le format, rien à corriger.`,
    actions: "Actions",
    severityFilter: "Gravités affichées",
    ruleFilter: "Règle",
    allRules: "Toutes les règles",
    hideSeen: "Masquer les constatations vues",
    findings: "Constatations",
    listHint: fr`Flèches haut et bas : parcourir ; Entrée : aller à la cellule ; flèche droite : actions.`,
    where: (fiche: string | null, sheet: string, cell: string) => (fiche ? `Fiche ${fiche} · ${sheet}!${cell}` : `${sheet}!${cell}`),
    widen: "Élargir la colonne",
    markSeen: "Marquer comme vu",
    unmarkSeen: "Ne plus marquer comme vu",
    seen: "vu",
    figures: (expected: string, actual: string) => fr`Attendu : ${expected} · constaté : ${actual}`,
    none: "Aucune constatation pour ces filtres.",
    clean: fr`Aucune constatation : l'annexe est cohérente.`,
    flag: "Signaler dans la feuille",
    clearFlags: "Effacer les signalements",
    flagged: (count: number) =>
      fr`${n(count, "cellule signalée", "cellules signalées")} par une couleur ; « Effacer les signalements » rend leur couleur d'origine.`,
    cleared: (count: number) => `${n(count, "signalement effacé", "signalements effacés")}.`,
    report: fr`Feuille « Contrôle annexe » mise à jour.`,
  },
  chart: {
    title: "Taux de consommation",
    byEngagement: "Par engagement (synthèse)",
    byFunder: "Par financeur (estimation au prorata des montants prévus)",
    bar: (label: string, rate: number | null, consumed: number, planned: number) =>
      fr`${label} : ${rate === null ? "sans budget" : formatPercent(rate)} (${formatEuro(consumed)} sur ${formatEuro(planned)})`,
  },
  fill: {
    intro: fr`Écrit des formules vivantes dans les colonnes « Niveau d'exécution » (année et global) et « Écart » de chaque fiche et du TOTAL.`,
    preview: (formulas: number, columns: number) => fr`${n(formulas, "formule")} à écrire, dans ${n(columns, "colonne")} :`,
    column: (letter: string, label: string, count: number) => `Colonne ${letter} — ${label} (${n(count, "formule")})`,
    showAll: (count: number) => `Voir les ${count} formules`,
    more: (count: number) => `… et ${n(count, "autre formule", "autres formules")} sur le même modèle, ligne après ligne.`,
    gives: "donne",
    empty: "une cellule vide",
    upToDate: (count: number) => `${n(count, "cellule a", "cellules ont")} déjà la bonne formule.`,
    conflicts: (count: number) =>
      fr`${n(count, "cellule contient", "cellules contiennent")} une saisie différente du calcul ; elles sont laissées telles quelles :`,
    conflictCell: (cell: string, fiche: string | null) => (fiche ? `${cell} (fiche ${fiche})` : cell),
    typed: fr`Saisi :`,
    computed: fr`la formule donnerait :`,
    formula: (cell: string, formula: string) => `${cell}\u00a0= ${formula}`,
    force: "Remplacer aussi ces saisies par la formule",
    apply: "Compléter les formules",
    nothing: fr`Tout est déjà à jour : rien à écrire.`,
    done: (count: number) => `${n(count, "formule écrite", "formules écrites")}.`,
  },
  year: {
    intro: fr`Ajoute une colonne dans chaque bloc annuel des deux tableaux ; les totaux et les formules suivent, chaque montant passé reste sous son année.`,
    field: "Année à ajouter",
    last: (y: number) => fr`Dernière année présente dans l'annexe : ${y}.`,
    preview: (count: number) => `Colonnes qui seront insérées (${count})`,
    apply: (y: number) => `Ajouter l'année ${y}`,
    added: (y: number) => fr`${y} est maintenant la dernière année de l'annexe : saisissez-en les montants.`,
    another: (y: number) => `Préparer l'année ${y}`,
    done: (y: number, count: number) => fr`Année ${y} ajoutée : ${n(count, "colonne insérée", "colonnes insérées")}.`,
    insert: (sheet: string, at: string, headers: string) => fr`${sheet}, colonne ${at} : ${headers}`,
    retitled: (count: number) => `Titres mis à jour (${count})`,
    retitle: (where: string, before: string, after: string) => fr`${where} : « ${before} » devient « ${after} »`,
    kept: (count: number) => `Titres laissés tels quels (${count})`,
    keptWhy: (last: number) =>
      fr`Ils nomment la période du contrat ou la date d'arrêté des comptes (« 2020-${last} », « au 31/12/${last} ») : ajouter une année de suivi ne prolonge pas le contrat. Modifiez-les vous-même s'il l'est.`,
    keptTitle: (where: string, text: string) => fr`${where} : « ${text} »`,
  },
  undo: "Annuler",
  undone: fr`Modification annulée : le classeur est revenu à son état précédent.`,
  needCheck: "Lancez d'abord le contrôle pour que l'annexe soit reconnue.",
  busy: "Traitement en cours…",
  errorTitle: "Impossible de terminer",
  // A bug of the add-in that stopped the pane itself (a drawing error, a failed start): how to go on, how to report it.
  internal: {
    title: "Erreur interne du complément",
    body: fr`Le volet s'est arrêté sur une erreur qui n'est pas celle d'Excel. Votre classeur n'a pas été modifié par cette erreur. Rechargez le volet ; si elle revient, signalez-la en joignant le détail ci-dessous.`,
    detail: "Détail à joindre au signalement",
    reload: "Recharger le volet",
  },
  // The check and the plans run in a worker beside the pane (engine/checkWorker.ts): what is said when it fails.
  worker: {
    stopped: (detail: string) => fr`le calcul en arrière-plan du volet s'est arrêté ou n'a pas pu démarrer (${detail})`,
    noDetail: "sans détail du navigateur",
    unreadable: "une réponse du calcul en arrière-plan n'a pas pu être lue",
    stackFrom: fr`Pile d'appels dans le calcul en arrière-plan :`,
  },
  dismiss: "Fermer",
};
