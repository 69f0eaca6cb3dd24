// French texts about the recognised layout (inspect, pane header, "no annex" errors).
import type { ClosestCandidate } from "../core/layout/types";

const ROLE_LABELS: Record<string, string> = {
  fiche: "N° fiche", label: "Intitulé fiche action", theme: "Thème", objective: "Intitulé objectif", objectif: "Objectif",
  objectiveType: "Fondamental / facultatif", indicator: "Indicateur", indicatorEtat: "Indicateurs État", indicatorExtra: "Indicateurs additionnels",
  budget: "Moyens financiers prévisionnels", msTotal: "Total masse salariale", dgasTotal: "Total budget DGAS", cdTotal: "Total CD",
  source: "Source de co-financement", firTotal: "Montant FIR", etatTotal: "Montant ETAT", ondamTotal: "Montant ONDAM",
  realisedLastYear: "Réalisations de la dernière année", rateLastYear: "Niveau d'exécution de l'année", realisedSinceStart: "Réalisation depuis le début",
  rateGlobal: "Niveau d'exécution global", gap: "Écart moyens - réalisations", realisedPrior: "Réalisations au 31/12 de l'année précédente",
  mesure: "Mesure", departement: "Département", fir: "FIR", etat: "État", ondam: "ONDAM", modalite: "Modalités de financement",
  consumedPrior: "Budget consommé au 31/12 précédent", consumedLastYear: "Budget consommé dans l'année", consumedSinceStart: "Budget consommé depuis le début",
  ms: "bloc Masse salariale", dgas: "bloc Budget DGAS", cd: "bloc Total CD", indicator_block: "bloc Indicateurs",
};

const BLOCK_LABELS: Record<string, string> = {
  ms: "Masse salariale", dgas: "Budget DGAS", cd: "Total CD", fir: "FIR", etat: "ETAT", ondam: "ONDAM", indicator: "Indicateur",
  realised: "Réalisations", rate: "Niveau d'exécution", realisedTo: "Réalisations au 31/12", consumedIn: "Consommé en", consumedTo: "Consommé au 31/12",
};

/** "ms2021" -> "Masse salariale 2021"; "ondamTotal" -> "Montant ONDAM". */
export function roleLabel(key: string): string {
  if (ROLE_LABELS[key]) return ROLE_LABELS[key]!;
  const m = /^([a-zA-Z]+?)(20\d{2})$/.exec(key);
  if (m && BLOCK_LABELS[m[1]!]) return `${BLOCK_LABELS[m[1]!]} ${m[2]}`;
  return key;
}

export const layoutText = {
  detail: "Tableau détaillé (suivi des fiches actions)",
  summary: "Tableau de synthèse (rapport financier par engagement)",
  noAnnex: "Aucune annexe CDPPE reconnue dans ce classeur.",
  closest: (c: ClosestCandidate) =>
    `Le plus proche : feuille « ${c.sheet} », ligne ${c.row}, ${c.recognised.length} en-tête(s) reconnu(s) (${c.recognised.slice(0, 6).join(", ")}) ; il en faut au moins 4 sur une même ligne.`,
  nothingClose: "Aucune ligne ne ressemble à un en-tête d'annexe (N° fiche, Moyens financiers, Masse salariale, Montant FIR…).",
  halfAnnex: (found: string, missing: string) => `Seul le ${found} a été reconnu ; le ${missing} est absent : les contrôles croisés entre les deux tableaux sont ignorés.`,
  confidence: (c: number) => `confiance ${Math.round(c * 100)} %`,
  missing: (keys: string[]) => (keys.length ? `non trouvé : ${keys.map(roleLabel).join(", ")}` : "toutes les colonnes attendues sont présentes"),
  hidden: (cols: string[]) => `colonnes masquées : ${cols.join(", ")}`,
  ambiguous: (role: string, cols: string[]) => `« ${roleLabel(role)} » figure plusieurs fois (${cols.join(", ")}) : la première est retenue`,
};

export function noAnnexMessage(closest: ClosestCandidate | null): string {
  return `${layoutText.noAnnex} ${closest ? layoutText.closest(closest) : layoutText.nothingClose}`;
}
