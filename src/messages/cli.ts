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

export const writeText = {
  fillDescription: "complète les taux d'exécution (année, global) et l'écart par des formules vivantes",
  addYearDescription: "ajoute les colonnes d'une nouvelle année dans chaque bloc annuel des deux tableaux",
  inputArg: "classeur .xlsx à lire (jamais modifié)",
  outputOption: "classeur .xlsx à écrire",
  dryRun: "affiche le plan sans rien écrire",
  force: "remplace aussi les saisies de l'utilisateur différentes du calcul",
  yearOption: "année à ajouter (par défaut : dernière année + 1)",
  outputRequired: "Indiquez le fichier de sortie avec -o sortie.xlsx (le fichier d'entrée n'est jamais modifié).",
  sameFile: "Le fichier de sortie doit être différent du fichier d'entrée : l'original n'est jamais modifié.",
  badYear: (v: string) => `Année illisible : « ${v} ».`,
  planHeader: (kind: string, file: string) => `${kind === "fill" ? "Compléter" : "Nouvelle année"} — ${file}`,
  stats: (s: { formulas: number; values: number; formats: number; insertedColumns: number; unchanged: number }) =>
    `${s.formulas} formule(s), ${s.values} valeur(s), ${s.insertedColumns} colonne(s) insérée(s), ${s.unchanged} cellule(s) déjà à jour`,
  newColumn: (sheet: string, at: string, label: string) => `  ${sheet}, nouvelle colonne ${at} : ${label}`,
  conflict: (cell: string, current: unknown, reason: string) => `  ${cell} : ${reason} (« ${current} ») — conservée`,
  conflictForced: (cell: string, current: unknown) => `  ${cell} : « ${current} » remplacé par la formule`,
  cellsLine: (sheet: string, cells: string[]) => `  ${sheet} : ${cells.length} cellule(s) : ${cells.slice(0, 12).join(", ")}${cells.length > 12 ? ", …" : ""}`,
  written: (file: string) => `Écrit : ${file}`,
  dryRunDone: "Simulation : rien n'a été écrit.",
  nothingToDo: "Rien à faire : l'annexe est déjà à jour.",
};
