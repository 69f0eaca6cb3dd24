// French messages of the rule catalogue (annex-spec §4). Each says what is wrong, what is expected and what was found.
import { formatEuro as eur, formatPercent as pct, fr, NBSP } from "./format";
import { roleLabel } from "./layout";
import type { RuleId } from "../core/rules/types";

const list = (xs: string[]) => (xs.length <= 1 ? xs.join("") : fr`${xs.slice(0, -1).join(", ")} et ${xs[xs.length - 1]}`);

/** Every rule has its title: the compiler checks none is forgotten when a rule id is added. */
export const ruleTitles: Record<RuleId, string> = {
  "year-sum": "Total d'un bloc ≠ somme de ses années",
  "cd-split": "Total CD ≠ masse salariale + DGAS",
  "budget-sum": "Moyens financiers ≠ CD + FIR + ETAT + ONDAM",
  "total-row": "Total ≠ somme des lignes",
  "total-formula": "Formule de total incomplète ou total saisi",
  "cell-error": "Erreur Excel dans une cellule",
  "display-overflow": "Montant illisible (#####)",
  "number-as-text": "Montant saisi comme texte",
  "negative-amount": "Montant négatif",
  "source-funder": "Source de co-financement incohérente",
  modalite: "Modalités de financement incohérentes",
  "objective-type": "Type d'objectif incohérent",
  "objective-missing": "Objectif absent",
  "fiche-numbering": "Numérotation des fiches",
  "cross-table": "Synthèse ≠ tableau détaillé",
  "source-vs-modalite": "Synthèse et détail ne nomment pas les mêmes financeurs",
  "consumed-sum": "Consommé cumulé ≠ antérieur + année",
  "realised-without-budget": "Dépense sans budget prévu",
  "over-execution": "Sur-exécution",
  "cumulative-below-year": "Cumul inférieur à l'année",
  "rate-mismatch": "Taux ou écart faux",
  "fundamental-coverage": "Objectif fondamental sans fiche",
  "funder-theme": "Financeur inhabituel pour l'objectif",
  "cofinancing-cd": "Co-financement sans part du Département",
  "layout-incomplete": "Lecture de l'annexe incomplète ou douteuse",
};

export const severityLabel = { error: "erreur", warning: "avertissement", info: "information" } as const;

export const rulesText = {
  rounding: (what: string, expected: number, actual: number) =>
    fr`${what} : ${eur(actual)} au lieu de ${eur(expected)}, écart de ${eur(Math.abs(expected - actual))} dû à l'arrondi d'affichage (centimes masqués) : sans conséquence.`,
  yearSum: (block: string, years: number[], expected: number, actual: number) =>
    fr`${block} : le total (${eur(actual)}) n'est pas la somme des années ${years.join(", ")} (${eur(expected)}).`,
  cdSplit: (year: number, ms: number, dgas: number, actual: number) =>
    fr`Total CD ${year} : ${eur(actual)} au lieu de masse salariale ${eur(ms)} + budget DGAS ${eur(dgas)} = ${eur(ms + dgas)}.`,
  budgetSum: (parts: string, expected: number, actual: number) => fr`Moyens financiers : ${eur(actual)} au lieu de ${parts} = ${eur(expected)}.`,
  totalRow: (label: string, column: string, rows: string, expected: number, actual: number) =>
    fr`${label}, colonne ${column} : ${eur(actual)} au lieu de ${eur(expected)}, somme des ${rows}.`,
  totalUnread: (label: string, row: number, rows: string, bad: number, compared: number) =>
    fr`${label}, ligne ${row} : ${bad} colonne(s) sur ${compared} ne sont pas la somme des ${rows} ; la ligne n'a pas été lue avec certitude comme un total, elle n'est pas contrôlée.`,
  totalBlank: (label: string, column: string, expected: number) => fr`${label}, colonne ${column} : total vide alors que les lignes font ${eur(expected)}.`,
  totalFormulaGap: (label: string, column: string, rows: number[]) =>
    fr`${label}, colonne ${column} : la formule oublie ${rows.length > 1 ? "les lignes" : "la ligne"} ${compactRows(rows)} ; le total est faux dès qu'on y saisit un montant.`,
  /** The same cause on several columns of one total row, said once (the first column named, then how many). */
  totalFormulaGapMany: (label: string, first: string, last: string, count: number, rows: number[]) =>
    fr`${label}, ${count}${NBSP}colonnes de ${first} à ${last} : les formules oublient ${rows.length > 1 ? "les lignes" : "la ligne"} ${compactRows(rows)} ; les totaux sont faux dès qu'on y saisit un montant.`,
  totalConstantMany: (label: string, first: string, last: string, count: number) =>
    fr`${label}, ${count}${NBSP}colonnes de ${first} à ${last} : totaux saisis comme nombres alors que les autres totaux de la ligne sont des formules ; ils ne suivront pas les corrections.`,
  totalConstant: (label: string, column: string) =>
    fr`${label}, colonne ${column} : total saisi comme nombre alors que les autres totaux de la ligne sont des formules ; il ne suivra pas les corrections.`,
  totalOverText: (label: string, column: string) =>
    fr`${label}, colonne ${column} : une somme porte sur une colonne de texte (${column}) ; elle affiche « -${NBSP}€ » sans signification : videz cette cellule.`,
  cellError: (err: string, where: string) =>
    fr`La cellule affiche ${err} (${where}) : une formule ou une référence est cassée ; les totaux qui en dépendent sont faux.`,
  displayOverflow: (value: number, total: boolean) =>
    fr`La colonne est trop étroite : ${total ? "le total" : "le montant"} ${eur(value)} s'affiche « ##### » et s'imprime ainsi. Élargissez la colonne.`,
  negativeDate: () => fr`Une date négative s'affiche « ##### » quelle que soit la largeur de la colonne.`,
  numberAsText: (text: string, value: number) =>
    fr`Montant saisi comme texte (« ${text} ») : Excel l'ignore dans les sommes. Valeur attendue : le nombre ${eur(value)}.`,
  textInAmount: (text: string) => fr`Texte « ${text} » dans une colonne de montants : Excel le compte pour 0 dans les sommes.`,
  negative: (column: string, value: number) => fr`${column} : montant négatif (${eur(value)}) ; un montant prévu ou réalisé ne peut pas l'être.`,
  sourceNamesZero: (named: string[]) =>
    fr`La source de co-financement nomme ${list(named)} mais ${named.length > 1 ? "ces financeurs n'apportent" : "ce financeur n'apporte"} aucun montant (${eur(0)}).`,
  sourceMissesMoney: (missing: Array<[string, number]>) =>
    fr`${list(missing.map(([f, v]) => fr`${f} apporte ${eur(v)}`))} mais n'est pas nommé dans la source de co-financement.`,
  sourceUnknown: (tokens: string[]) => fr`Source de co-financement non reconnue : « ${tokens.join(" ")} » (attendu : FIR, ETAT, ONDAM).`,
  modaliteUnknown: (text: string) => fr`« ${text} » n'est pas une modalité de financement connue (FIR, PLF, AM, CD).`,
  modaliteNamesZero: (named: string[]) => fr`La modalité ${list(named)} est indiquée mais le financeur correspondant n'apporte aucun montant.`,
  modaliteMissesMoney: (missing: Array<[string, number]>) =>
    fr`${list(missing.map(([f, v]) => fr`${f} apporte ${eur(v)}`))} sans que la modalité le mentionne.`,
  modaliteCdWithFunders: (funders: string[]) =>
    fr`Modalité « CD » (Département seul) alors que ${list(funders)} apporte${funders.length > 1 ? "nt" : ""} des crédits.`,
  objectiveBothWays: (n: number, here: string, others: string[]) =>
    fr`L'objectif ${n} est typé « ${here} » ici mais autrement ailleurs (${list(others)}) : un objectif a un seul type.`,
  objectiveAgainstCatalogue: (n: number, typed: string, national: string) =>
    fr`L'objectif ${n} est typé « ${typed} » alors que le catalogue national le classe ${national}.`,
  objectiveNotDeclared: (n: number, declared: number[]) =>
    fr`L'objectif facultatif ${n} ne figure pas parmi ceux retenus par le contrat (${declared.join(", ")}).`,
  objectiveLabelNumber: (n: number, label: number) =>
    fr`Le libellé de l'objectif ${n} est celui de l'objectif national ${label} : numéro ou libellé à vérifier.`,
  objectiveMissing: () => fr`La fiche n'indique aucun objectif : rattachez-la à un objectif national.`,
  ficheDuplicate: (fiche: string, rows: number[]) => fr`La fiche ${fiche} apparaît plusieurs fois (lignes ${rows.join(", ")}).`,
  ficheOnlyIn: (fiche: string, table: string, other: string) => fr`La fiche ${fiche} figure dans le ${table} mais pas dans le ${other}.`,
  crossTable: (what: string, summary: number, detail: number) =>
    fr`${what} : ${eur(summary)} dans la synthèse, ${eur(detail)} dans le tableau détaillé (écart ${eur(summary - detail)}).`,
  sourceVsModalite: (mod: string, src: string) =>
    fr`La synthèse indique « ${mod || "vide"} » et le tableau détaillé « ${src || "vide"} » : ils ne nomment pas les mêmes financeurs.`,
  consumedSum: (prior: number, year: number, actual: number) =>
    fr`Consommé cumulé ${eur(actual)} au lieu de ${eur(prior)} (antérieur) + ${eur(year)} (année) = ${eur(prior + year)}.`,
  realisedWithoutBudgetYear: (year: number, realised: number, shown: string | null) =>
    fr`${eur(realised)} réalisés en ${year} pour ${eur(0)} prévu cette année : taux non calculable${shown ? fr` (la feuille affiche « ${shown} », trompeur)` : ""}.`,
  realisedWithoutBudgetGlobal: (realised: number, shown: string | null) =>
    fr`${eur(realised)} réalisés depuis le début pour aucun moyen financier prévu : taux global non calculable${shown ? fr` (la feuille affiche « ${shown} »)` : ""}.`,
  overExecution: (realised: number, budget: number) =>
    fr`Réalisé depuis le début (${eur(realised)}) supérieur aux moyens prévus (${eur(budget)}) : dépassement de ${eur(realised - budget)}.`,
  overExecutionYear: (year: number, rate: number) => fr`Taux d'exécution ${year} de ${pct(rate)} : dépenses de l'année supérieures au prévu de l'année.`,
  cumulativeBelowYear: (since: number, last: number, year: number) =>
    fr`Réalisé depuis le début (${eur(since)}) inférieur au réalisé de ${year} (${eur(last)}) : le cumul doit inclure l'année.`,
  rateMismatch: (what: string, expected: string, actual: string) => fr`${what} : la feuille affiche ${actual}, le calcul donne ${expected}.`,
  fundamentalCoverage: (n: number, label: string) =>
    fr`Aucune fiche ne porte l'objectif fondamental ${n} (${label}) : les contrats 2020-2022 doivent couvrir les 11.`,
  funderThemeOndam: (amount: number, objective: number | null) =>
    fr`${eur(amount)} d'ONDAM sur ${objective ? fr`l'objectif ${objective}` : "une fiche sans objectif"}, hors objectifs handicap (9, 15, 16, 24).`,
  funderThemeFir: (amount: number, objective: number | null) =>
    fr`${eur(amount)} de FIR sur ${objective ? fr`l'objectif ${objective}` : "une fiche sans objectif"}, hors objectifs PMI et prévention (1 à 5, 13).`,
  cofinancingCd: (co: number) =>
    fr`Fiche co-financée (${eur(co)}) sans aucune part du Département (Total CD = 0) : les textes demandent un co-financement adapté.`,
  skipped: (roles: string[]) => fr`colonnes absentes : ${roles.map(roleLabel).join(", ")}`,
  skippedNoTotal: "aucune ligne de total trouvée",
  skippedUnreadable: (example: string) =>
    fr`sommes et taux qui lisent une cellule en erreur ou un montant saisi comme texte (par exemple ${example}) non contrôlés : la cellule est signalée elle-même`,
  skippedNoTable: (which: "detail" | "summary" | "both") =>
    which === "both" ? "il faut les deux tableaux" : which === "detail" ? "tableau détaillé absent" : "tableau de synthèse absent",
  subtotalLabel: (groupKey: string) => `Sous-total ${groupOf(groupKey)}`,
  // Phrases the rules put into their messages (where a cell is, what a column is called).
  whereTotalLine: "ligne de total",
  whereFiche: (fiche: string) => `fiche ${fiche}`,
  whereLine: (row: number) => `ligne ${row}`,
  consumedSumLabel: "Consommé cumulé",
  crossTablePairs: {
    budget: "Budget global / Moyens financiers",
    departement: "Département / Total CD",
    fir: "FIR",
    etat: "Etat",
    ondam: "ONDAM",
    consumedLastYear: "Consommé dans l'année / Réalisations de l'année",
    consumedSinceStart: "Consommé depuis le début / Réalisation depuis le début",
    consumedPrior: "Consommé au 31/12 précédent / Réalisations au 31/12",
  },
  firObjectives: "objectifs 1 à 5, 13",
  objectiveExpected: fr`Objectif n : …`,
  ficheTyped: (fiche: string, type: string) => fr`fiche ${fiche} : ${type}`,
  objectiveRef: (n: number) => `objectif ${n}`,
  headerArea: (rows: number[], from: string, to: string) => fr`lignes ${rows.join("-")}, colonnes ${from} à ${to}`,
  rateYearLabel: (year: number | null) => `Niveau d'exécution ${year}`,
  rateGlobalLabel: "Niveau d'exécution global",
  gapLabel: "Écart moyens - réalisations",
  inColumn: (label: string, column: string) => `${label}, colonne ${column}`,
  inColumnAsPrinted: (label: string, column: string) => `${label}, colonne ${column} (tel qu'imprimé)`,
  groupRows: (first: number, last: number) => `lignes du groupe (${first}-${last})`,
  ficheRows: (first: number, last: number) => `lignes des fiches (${first}-${last})`,
  allPartsRows: (sheets: string[]) => `lignes des fiches de toutes les parties du tableau (feuilles ${sheets.map((x) => `«\u00a0${x}\u00a0»`).join(", ")})`,
  totalLabel: (detail: boolean) => (detail ? "TOTAL" : "Total"),
};

/** A summary group's key as its readers name it: "engagement1" -> "de l'engagement 1". */
function groupOf(key: string): string {
  const m = /^(engagement|groupe)(\d+)$/.exec(key);
  if (m) return m[1] === "engagement" ? `de l'engagement ${m[2]}` : `du groupe ${m[2]}`;
  return key === "conditions" ? "des conditions pour y parvenir" : fr`du groupe « ${key} »`;
}

/** Short name of a summary group for charts: "engagement1" -> "Engagement 1". */
export function groupName(key: string): string {
  const m = /^(engagement|groupe)(\d+)$/.exec(key);
  if (m) return `${m[1] === "engagement" ? "Engagement" : "Groupe"} ${m[2]}`;
  return key === "conditions" ? "Conditions" : key;
}

function compactRows(rows: number[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    out.push(j > i ? `${rows[i]}-${rows[j]}` : String(rows[i]));
    i = j + 1;
  }
  return out.join(", ");
}
