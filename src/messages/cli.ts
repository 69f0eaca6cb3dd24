// French texts of the command-line tool.
export const cli = {
  description: "Annexe CDPPE en ligne de commande : reconnaître, contrôler, compléter et prolonger l'annexe financière du CDPPE (.xlsx).",
  helpOption: "affiche cette aide",
  helpCommand: "affiche l'aide d'une commande",
  seeHelp: "(cdppe --help pour l'aide)",
  helpFooter: [
    "",
    "Exemples :",
    "  cdppe inspect annexe.xlsx            montre les tableaux reconnus",
    "  cdppe check                          contrôle l'annexe d'exemple 2022 fournie",
    "  cdppe check dossier/*.xlsx           contrôle plusieurs annexes",
    "  cdppe fill annexe.xlsx -o sortie.xlsx",
    "  cdppe add-year annexe.xlsx --year 2023 -o sortie.xlsx",
    "",
    "Codes de sortie : 0 aucune erreur ; 1 au moins une erreur ; 2 annexe introuvable ou fichier illisible.",
  ].join("\n"),
};

export const cliText = {
  fileHeader: (f: string) => `Fichier : ${f}`,
  fileMissing: (f: string) => `Fichier introuvable : ${f}`,
  isDirectory: (f: string) => `${f} est un dossier : donnez des fichiers .xlsx (par exemple ${f}/*.xlsx).`,
  unreadable: (f: string, why: string) => `Impossible de lire ${f} comme classeur Excel (.xlsx) : ${why}`,
  inspectDescription: "montre les tableaux de l'annexe reconnus : feuilles, plages, colonnes, années, lignes",
  fileArg: "classeur .xlsx (par défaut : l'annexe d'exemple 2022)",
  formatOption: (choices: string) => `format de sortie (${choices})`,
  badFormat: (f: string, choices: string) => `Format inconnu : ${f} (attendu : ${choices}).`,
};

export const checkText = {
  description: "contrôle l'annexe : chaque fiche, chaque total, les deux tableaux entre eux (règles de l'annex-spec §4)",
  filesArg: "classeurs .xlsx (par défaut : l'annexe d'exemple 2022)",
  declaredOption: "objectifs facultatifs retenus par le contrat, par ex. 13,15,16 (contrôle objective-type)",
  badDeclared: (v: string) => `Liste d'objectifs illisible : « ${v} » (attendu : des numéros séparés par des virgules).`,
  counts: (e: number, w: number, i: number) =>
    `${e} erreur${e > 1 ? "s" : ""}, ${w} avertissement${w > 1 ? "s" : ""}, ${i} information${i > 1 ? "s" : ""}`,
  tables: (parts: string[]) => `Tableaux : ${parts.join(" ; ")}`,
  table: (kind: string, sheet: string, range: string, fiches: number, years: number[]) =>
    `${kind === "detail" ? "détail" : "synthèse"} « ${sheet} » ${range} (${fiches} fiches${years.length ? `, ${years[0]}-${years[years.length - 1]}` : ""})`,
  severityTag: { error: "ERREUR ", warning: "AVERT. ", info: "INFO   " } as const,
  skipped: "Règles non appliquées :",
  noFinding: "Aucune constatation : l'annexe est cohérente.",
  batchTitle: "Synthèse des fichiers contrôlés",
  batchHeader: ["Fichier", "Erreurs", "Avert.", "Infos", "Fiches", "Statut"],
  statusOk: "conforme",
  statusErrors: "à corriger",
  statusUnread: "illisible / pas d'annexe",
  csvHeader: ["fichier", "regle", "gravite", "feuille", "cellule", "fiche", "message", "attendu", "constate"],
};
