// French texts of the write jobs: fill (rates and gaps) and add-year.
import { fr } from "./format";
import { roleLabel } from "./layout";

export const fillText = {
  noDetail: fr`Aucun tableau détaillé reconnu : rien à compléter.`,
  noYears: fr`Aucune année lue dans les en-têtes : impossible de savoir quelle est la dernière année.`,
  missingColumns: (roles: string[]) => fr`Colonnes absentes, non complétées : ${roles.map(roleLabel).join(", ")}.`,
  conflictsKept: (n: number) => fr`${n} cellule(s) contiennent déjà une saisie différente du calcul : laissées telles quelles (confirmez pour les remplacer).`,
  forced: (n: number) => `${n} saisie(s) différente(s) du calcul remplacée(s) par la formule, comme demandé.`,
  conflictReason: {
    "user-value": "valeur saisie différente du calcul",
    "user-formula": "formule de l'utilisateur",
    "user-text": "texte saisi",
    "constant-total": "total saisi comme nombre",
  } as Record<string, string>,
};

export const addYearText = {
  noDetail: fr`Aucun tableau détaillé reconnu : impossible d'ajouter une année.`,
  noYears: "Aucune année lue dans les en-têtes du tableau détaillé.",
  notNext: (year: number, last: number) => fr`L'année ${year} ne suit pas la dernière année de l'annexe (${last}) : ajoutez ${last + 1}.`,
  beforeFirst: (year: number, first: number) =>
    fr`L'année ${year} est avant la première année de l'annexe (${first}) : une année ne s'ajoute qu'après la dernière.`,
  alreadyThere: (year: number) => `L'année ${year} figure déjà dans l'annexe.`,
  formulaNotExtended: (cell: string) => fr`${cell} : formule de total non reconnue, la nouvelle année n'y a pas été ajoutée (vérifiez-la).`,
  constantBudget: (n: number) => fr`${n} ligne(s) ont des Moyens financiers saisis comme nombres : ils n'incluront pas la nouvelle année.`,
  sharedSheet: (sheet: string) =>
    fr`Les deux tableaux partagent la feuille « ${sheet} » : les colonnes sont insérées dans les lignes de chaque tableau seulement.`,
  realisedHeader: (y: number) => `Réalisations en ${y}`,
  rateHeader: (y: number) => `Niveau d'exécution budgétaire au titre de l'année ${y}`,
  priorHeader: (y: number) => `Réalisations au 31/12/${y}`,
  consumedPriorHeader: (y: number) => `Budget consommé au 31/12/${y}`,
  consumedYearHeader: (y: number) => `Budget consommé en ${y}`,
};

export const planText = {
  sheetGone: (sheet: string) => fr`La feuille « ${sheet} » n'existe plus (supprimée ou renommée ?) : relancez la reconnaissance. Rien n'a été écrit.`,
  protectedSheet: (sheet: string) =>
    fr`La feuille « ${sheet} » est protégée : ôtez la protection (Révision > Ôter la protection) puis recommencez. Rien n'a été écrit.`,
  tooWide: (sheet: string) => fr`Impossible d'insérer des colonnes dans « ${sheet} » : la feuille atteint la limite d'Excel. Rien n'a été écrit.`,
  outOfSheet: (sheet: string) => fr`Le plan vise une cellule hors de la feuille « ${sheet} ». Rien n'a été écrit.`,
  readOnly: fr`Le classeur est en lecture seule : enregistrez-en une copie modifiable, puis recommencez. Rien n'a été écrit.`,
};
