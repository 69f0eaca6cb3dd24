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
