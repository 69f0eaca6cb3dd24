// French texts of the user's reading of the annex: the pane's « Lecture de l'annexe » view and `--mapping FILE.json`.
const NB = "\u00a0";

export const mappingFileText = {
  option: "fichier JSON de correspondance des colonnes (produit par «\u00a0cdppe inspect FICHIER --format json\u00a0», puis corrigé)",
  missing: (f: string) => `Fichier de correspondance introuvable${NB}: «${NB}${f}${NB}».`,
  notJson: (f: string, why: string) => `Fichier de correspondance «${NB}${f}${NB}» illisible${NB}: ce n'est pas du JSON valide (${why}).`,
  invalid: (f: string, why: string) => `Fichier de correspondance «${NB}${f}${NB}» refusé${NB}: ${why}`,
  unknownSheet: (f: string, sheet: string, sheets: string[]) =>
    `Fichier de correspondance «${NB}${f}${NB}» refusé${NB}: la feuille «${NB}${sheet}${NB}» n'existe pas dans ce classeur (feuilles${NB}: ${sheets.map((s) => `«${NB}${s}${NB}»`).join(", ")}).`,
};

export const mappingViewText = {
  tab: "Lecture",
  title: "Lecture de l'annexe",
  intro:
    "Pour chaque rôle, la colonne où l'outil l'a lu. Si une colonne est fausse, choisissez la bonne (ou «\u00a0absente\u00a0»)\u00a0: le contrôle est relancé aussitôt et votre choix est enregistré dans le classeur.",
  needCheck: "Lancez d'abord le contrôle pour voir comment l'annexe a été lue.",
  table: (kind: "detail" | "summary", sheet: string) => `${kind === "detail" ? "Tableau détaillé" : "Synthèse"} — feuille «${NB}${sheet}${NB}»`,
  role: "Rôle",
  column: "Colonne",
  status: { confirmed: "confirmée", doubtful: "douteuse", missing: "non trouvée", user: "votre choix" } as Record<string, string>,
  absent: "absente",
  columnOption: (letter: string, header: string) => (header ? `${letter} — ${header}` : letter),
  selectLabel: (role: string) => `Colonne du rôle «${NB}${role}${NB}»`,
  reset: "Revenir à la lecture automatique",
  saved: "Lecture enregistrée dans le classeur et contrôle relancé.",
  resetDone: "Lecture automatique rétablie.",
  userCount: (n: number) => (n ? `${n} choix enregistré${n > 1 ? "s" : ""} dans le classeur.` : "Aucun choix enregistré."),
};
