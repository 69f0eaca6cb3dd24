// French texts about the recognised layout (inspect, pane header, "no annex" errors).
import type { ClosestCandidate, SingleRole } from "../core/layout/types";
import { fr } from "./format";

/** Every column role has its French label: the compiler checks none is forgotten when a role is added. */
const ROLE_LABELS: Record<SingleRole, string> & Record<string, string> = {
  fiche: "N° fiche",
  label: "Intitulé fiche action",
  theme: "Thème",
  objective: "Intitulé objectif",
  objectif: "Objectif",
  objectiveType: "Fondamental / facultatif",
  indicator: "Indicateur",
  indicatorEtat: "Indicateurs État",
  indicatorExtra: "Indicateurs additionnels",
  budget: "Moyens financiers prévisionnels",
  msTotal: "Total masse salariale",
  dgasTotal: "Total budget DGAS",
  cdTotal: "Total CD",
  source: "Source de co-financement",
  firTotal: "Montant FIR",
  etatTotal: "Montant ETAT",
  ondamTotal: "Montant ONDAM",
  realisedLastYear: "Réalisations de la dernière année",
  rateLastYear: "Niveau d'exécution de l'année",
  realisedSinceStart: "Réalisation depuis le début",
  rateGlobal: "Niveau d'exécution global",
  gap: "Écart moyens - réalisations",
  realisedPrior: "Réalisations au 31/12 de l'année précédente",
  mesure: "Mesure",
  departement: "Département",
  fir: "FIR",
  etat: "État",
  ondam: "ONDAM",
  modalite: "Modalités de financement",
  consumedPrior: "Budget consommé au 31/12 précédent",
  consumedLastYear: "Budget consommé dans l'année",
  consumedSinceStart: "Budget consommé depuis le début",
  ms: "bloc Masse salariale",
  dgas: "bloc Budget DGAS",
  cd: "bloc Total CD",
};

const BLOCK_LABELS: Record<string, string> = {
  ms: "Masse salariale",
  dgas: "Budget DGAS",
  cd: "Total CD",
  fir: "FIR",
  etat: "ETAT",
  ondam: "ONDAM",
  indicator: "Indicateur",
  realised: "Réalisations",
  rate: "Niveau d'exécution",
  realisedTo: "Réalisations au 31/12",
  consumedIn: "Consommé en",
  consumedTo: "Consommé au 31/12",
};

/** "ms2021" -> "Masse salariale 2021"; "ondamTotal" -> "Montant ONDAM". */
export function roleLabel(key: string): string {
  if (ROLE_LABELS[key]) return ROLE_LABELS[key];
  const m = /^([a-zA-Z]+?)(20\d{2})$/.exec(key);
  if (m && BLOCK_LABELS[m[1]!]) return `${BLOCK_LABELS[m[1]!]} ${m[2]}`;
  return key;
}

export const layoutText = {
  detail: "Tableau détaillé (suivi des fiches actions)",
  summary: "Tableau de synthèse (rapport financier par engagement)",
  noAnnex: "Aucune annexe CDPPE reconnue dans ce classeur.",
  closest: (c: ClosestCandidate) =>
    fr`Le plus proche : feuille « ${c.sheet} », ligne ${c.row}, ${c.recognised.length} en-tête(s) reconnu(s) (${c.recognised.slice(0, 6).map(readAs).join(", ")}) ; ${c.why ? fr`écarté : ${c.why}.` : "il en faut au moins 4 sur une même ligne."}`,
  nothingClose: "Aucune ligne ne ressemble à un en-tête d'annexe (N° fiche, Moyens financiers, Masse salariale, Montant FIR…).",
  confidence: (c: number) => fr`confiance ${Math.round(c * 100)} %`,
  missing: (keys: string[]) => (keys.length ? fr`non trouvé : ${keys.map(roleLabel).join(", ")}` : "toutes les colonnes attendues sont présentes"),
  hidden: (cols: string[]) => fr`colonnes masquées : ${cols.join(", ")}`,
  ambiguous: (role: string, cols: string[]) => fr`« ${roleLabel(role)} » figure plusieurs fois (${cols.join(", ")}) : la première est retenue`,
};

/** « C2 realised2021 » (a cell and the role read there) said in the user's words: « C2 Réalisations 2021 ». */
function readAs(recognised: string): string {
  const [cell, key] = recognised.split(" ");
  return key ? `${cell} ${roleLabel(key)}` : recognised;
}

export function noAnnexMessage(closest: ClosestCandidate | null): string {
  return `${layoutText.noAnnex} ${closest ? layoutText.closest(closest) : layoutText.nothingClose}`;
}

const NB = "\u00a0";

/** Errors in a mapping file (cdppe … --mapping FILE.json, or the mapping saved in the workbook). */
export const mappingText = {
  notObject: `Fichier de correspondance illisible${NB}: un objet JSON { "version"${NB}: 1, "entries"${NB}: […] } est attendu.`,
  badVersion: (v: string) => `Fichier de correspondance${NB}: version «${NB}${v}${NB}» inconnue (attendu${NB}: 1).`,
  noEntries: `Fichier de correspondance${NB}: la liste «${NB}entries${NB}» manque.`,
  entryNotObject: (n: number) => `Fichier de correspondance, entrée ${n}${NB}: un objet est attendu.`,
  badTable: (n: number, t: string) =>
    `Fichier de correspondance, entrée ${n}${NB}: tableau «${NB}${t}${NB}» inconnu (attendu${NB}: «${NB}detail${NB}» ou «${NB}summary${NB}»).`,
  badSheet: (n: number) => `Fichier de correspondance, entrée ${n}${NB}: le nom de la feuille manque.`,
  badKey: (n: number, k: string) =>
    `Fichier de correspondance, entrée ${n}${NB}: rôle «${NB}${k}${NB}» inconnu (exemples${NB}: fiche, budget, firTotal, fir2021, realisedLastYear).`,
  badHeader: (n: number) => `Fichier de correspondance, entrée ${n}${NB}: «${NB}header${NB}» doit être un texte ou null.`,
  badColumn: (n: number, c: string) =>
    `Fichier de correspondance, entrée ${n}${NB}: colonne «${NB}${c}${NB}» invalide (attendu${NB}: une lettre comme L ou AC, ou null).`,
  duplicate: (n: number, k: string) => `Fichier de correspondance, entrée ${n}${NB}: le rôle «${NB}${k}${NB}» est déjà indiqué pour ce tableau.`,
};

const listFr = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} et ${xs[xs.length - 1]}`);

/** A header the reader recognises for a role, with the table's own years: what to rename a column to. */
function headerExample(key: string, years: number[]): string {
  const y0 = years[0];
  const yn = years[years.length - 1];
  switch (key) {
    case "realisedLastYear":
      return yn ? `Réalisations ${yn}` : "Réalisations de l'année";
    case "realisedSinceStart":
      return y0 ? `Réalisations depuis ${y0}` : "Réalisations cumulées";
    case "fiche":
      return "N° fiche";
    case "consumedSinceStart":
      return y0 && yn ? `Budget consommé ${y0}-${yn}` : "Budget consommé cumulé";
    case "consumedLastYear":
      return yn ? `Budget consommé en ${yn}` : "Budget consommé de l'année";
    default:
      return roleLabel(key);
  }
}

/** The one finding of an incomplete or doubtful reading (rule layout-incomplete, annex-spec §4). */
export const incompleteText = {
  message: (
    table: "detail" | "summary",
    sheet: string,
    where: string,
    missing: string[],
    doubtful: Array<{ key: string; col: string; why: string }>,
    skipped: number,
    /** Columns holding amounts that no role was read from (letter and header), and the table's years. */
    hints: { unread: Array<{ col: string; header: string }>; years: number[] } = { unread: [], years: [] },
  ) => {
    const parts: string[] = [];
    const name = table === "detail" ? "tableau détaillé" : "tableau de synthèse";
    parts.push(`Lecture incomplète du ${name} (feuille «${NB}${sheet}${NB}», en-têtes ${where})${NB}:`);
    if (missing.length) {
      const shown = missing.slice(0, 8).map(roleLabel);
      const more = missing.length > 8 ? ` et ${missing.length - 8} autre(s)` : "";
      parts.push(`${missing.length > 1 ? "colonnes non trouvées" : "colonne non trouvée"}${NB}: ${listFr(shown)}${more}${doubtful.length ? `${NB};` : "."}`);
    }
    if (doubtful.length) {
      const shown = doubtful.slice(0, 6).map((d) => `${roleLabel(d.key)} en ${d.col} (${d.why})`);
      parts.push(`lecture douteuse, les calculs du tableau ne la confirment pas${NB}: ${shown.join(`${NB}; `)}.`);
    }
    if (hints.unread.length) {
      const shown = hints.unread.slice(0, 5).map((u) => `${u.col}${NB}«${NB}${u.header}${NB}»`);
      const more = hints.unread.length > 5 ? ` et ${hints.unread.length - 5} autre(s)` : "";
      parts.push(`Colonnes de montants non reconnues${NB}: ${shown.join(", ")}${more}.`);
    }
    parts.push(
      `${skipped} contrôle${skipped > 1 ? "s" : ""} qui en dépend${skipped > 1 ? "ent" : ""} ${skipped > 1 ? "sont ignorés" : "est ignoré"} plutôt que de produire de fausses erreurs.`,
    );
    const examples = [...new Set([...missing, ...doubtful.map((d) => d.key)].map((k) => headerExample(k, hints.years)))].slice(0, 3);
    parts.push(
      `Pour corriger${NB}: renommez l'en-tête de la colonne (par exemple ${examples.map((e) => `«${NB}${e}${NB}»`).join(", ")}), ou indiquez la bonne colonne dans la vue «${NB}Lecture de l'annexe${NB}» du volet, ou avec «${NB}cdppe inspect FICHIER --format json${NB}» puis «${NB}--mapping FICHIER.json${NB}».`,
    );
    return parts.join(" ");
  },
  /** Only the summary was found: the detail's checks and the cross-table checks did not run. */
  noDetail: (sheet: string, where: string, skipped: number) =>
    `Tableau détaillé (suivi des fiches actions) non trouvé${NB}: seul le tableau de synthèse (feuille «${NB}${sheet}${NB}», en-têtes ${where}) a été lu. ${skipped} contrôle${skipped > 1 ? "s" : ""} des fiches et entre les deux tableaux ${skipped > 1 ? "sont ignorés" : "est ignoré"}. Pour corriger${NB}: donnez à l'en-tête du tableau détaillé les intitulés usuels (par exemple «${NB}N° fiche${NB}», «${NB}Moyens financiers prévisionnels${NB}», «${NB}Masse salariale${NB}», «${NB}Montant FIR${NB}»), sur une à trois lignes au-dessus des fiches.`,
  /** Why a role is doubtful: the relation the numbers did not satisfy. */
  why: {
    yearSum: (rate: number) => `total ≠ somme des années sur ${Math.round(rate * 100)}${NB}% des lignes`,
    cdSplit: (rate: number) => `Total CD ≠ masse salariale + DGAS sur ${Math.round(rate * 100)}${NB}% des lignes`,
    budgetSum: (rate: number) => `moyens ≠ CD + FIR + ETAT + ONDAM sur ${Math.round(rate * 100)}${NB}% des lignes`,
    cumulative: (rate: number) => `cumul inférieur à l'année sur ${Math.round(rate * 100)}${NB}% des lignes`,
    gap: (rate: number) => `écart ≠ moyens − réalisé sur ${Math.round(rate * 100)}${NB}% des lignes`,
    rate: (rate: number) => `taux ≠ réalisé / moyens sur ${Math.round(rate * 100)}${NB}% des lignes`,
    across: (rate: number) => `différent du tableau détaillé sur ${Math.round(rate * 100)}${NB}% des fiches`,
    consumed: (rate: number) => `cumul ≠ antérieur + année sur ${Math.round(rate * 100)}${NB}% des lignes`,
    notNumbers: `la colonne ne contient pas de montants`,
    notText: `la colonne contient des montants, pas des textes`,
    rates: `la colonne contient des taux, pas des montants`,
    unreadYears: (cols: string[]) => `années dont le bloc n'a pas été lu${NB}: colonne${cols.length > 1 ? "s" : ""} ${cols.join(", ")}`,
    ambiguous: (cols: string[]) => `plusieurs colonnes possibles (${cols.join(", ")})`,
  },
  skippedDoubtful: (keys: string[]) => `lecture incomplète ou douteuse${NB}: ${keys.map(roleLabel).join(", ")} (voir layout-incomplete)`,
  /** A rule that ran on the columns read with confidence and left out the others. */
  skippedDoubtfulPart: (keys: string[]) =>
    `contrôle fait sur les autres colonnes, sauté pour celles dont la lecture est douteuse${NB}: ${keys.map(roleLabel).join(", ")} (voir layout-incomplete)`,
};

/** Why the closest candidate was not taken for an annex. */
export const rejectText = {
  tooFewHeaders: (n: number) => `${n} en-tête(s) reconnu(s) sur la ligne, il en faut au moins 4`,
  noFiches: `aucune ligne sous l'en-tête ne porte de numéro de fiche`,
  noAmounts: `aucune colonne de montants d'annexe (moyens financiers, masse salariale, FIR, ETAT, ONDAM) n'a été lue`,
  noFicheColumn: `aucune colonne de numéro de fiche`,
  notATable: `ses en-têtes ne sont ni ceux du tableau détaillé (fiches, masse salariale, FIR, ETAT, ONDAM, réalisations) ni ceux de la synthèse`,
  foreignTable: fr`aucune colonne propre à l'annexe du CDPPE : ni années par financeur, masse salariale, DGAS, source de co-financement, type d'objectif ou écart (tableau détaillé), ni modalités de financement, budget consommé au 31/12 et dans l'année, ou FIR, Etat et ONDAM côte à côte (synthèse)`,
};
