// French texts of the command-line tool.
export const cli = {
  description: "Annexe CDPPE en ligne de commande : reconnaître, contrôler, compléter et prolonger l'annexe financière du CDPPE (.xlsx).",
  helpOption: "affiche cette aide",
  helpCommand: "affiche l'aide d'une commande",
  seeHelp: "(cdppe --help pour l'aide)",
  versionOption: "affiche la version",
  /** Commander's own errors are English: each known one in French, anything else as a generic French line. */
  frenchCommanderError: (s: string): string => {
    const arg = (re: RegExp) => s.match(re)?.[1] ?? "";
    if (/unknown command/.test(s)) return `Commande inconnue\u00a0: ${arg(/'([^']*)'/)}\n`;
    if (/unknown option/.test(s)) return `Option inconnue\u00a0: ${arg(/'([^']*)'/)}\n`;
    if (/missing required argument/.test(s)) return `Argument manquant\u00a0: ${arg(/'([^']*)'/)}\n`;
    if (/option '([^']*)' argument missing/.test(s)) return `Valeur manquante pour l'option ${arg(/option '([^']*)'/)}\n`;
    if (/too many arguments/.test(s)) return "Trop d'arguments pour cette commande.\n";
    return "Ligne de commande incorrecte.\n";
  },
  helpFooter: [
    "",
    "Exemples :",
    "  cdppe inspect annexe.xlsx            montre les tableaux reconnus",
    "  cdppe check                          contrôle l'annexe d'exemple 2022 fournie",
    "  cdppe check dossier                  contrôle chaque annexe .xlsx du dossier (-r : sous-dossiers)",
    '  cdppe check "dossier/*.xlsx" -g erreur   motifs développés par l\'outil, même sous Windows ; erreurs seules',
    "  cdppe fill annexe.xlsx -o sortie.xlsx",
    "  cdppe add-year annexe.xlsx --year 2023 -o sortie.xlsx",
    "  cdppe check dossier -r --resume --format csv > constats.csv   un verdict par fichier, tableur sans risque",
    "",
    "Codes de sortie : 0 aucune erreur ; 1 au moins une erreur ; 2 annexe introuvable ou fichier illisible.",
    "Limites (avant toute lecture) : 200 Mo par fichier, 10 millions de cellules remplies ;",
    "  variables CDPPE_MAX_OCTETS et CDPPE_MAX_CELLULES pour les changer.",
  ].join("\n"),
};

/** Commander's help, laid out by commander, headed in French (src/cli/help.ts). */
export const helpText = {
  usage: (usage: string) => `Utilisation : ${usage.replace("[command]", "[commande]")}`,
  arguments: "Arguments :",
  options: "Options :",
  commands: "Commandes :",
  /** Replaces commander's English `(default: "text")`. */
  defaultValue: (value: string) => `(par défaut\u00a0: ${value})`,
};

/** `cdppe inspect`, as text: one block per table recognised. */
export const inspectText = {
  table: (name: string, sheet: string, range: string) => `${name} — feuille « ${sheet} », plage ${range}`,
  headers: (rows: number[], years: number[], fiches: number, confidence: string) =>
    `  en-têtes : ligne(s) ${rows.join(", ")} ; années : ${years.join(", ") || "aucune"} ; fiches : ${fiches} ; ${confidence}`,
  totalRow: (row: number) => `  ligne TOTAL : ${row}`,
  continuation: (row: number, of: string | null) => `  ligne ${row} : suite de la fiche ${of ?? "?"}`,
  group: (key: string, titleRow: number, rows: number, subtotalRow: number | null) =>
    `  groupe ${key} (ligne ${titleRow}) : ${rows} ligne(s), sous-total ligne ${subtotalRow ?? "absent"}`,
  columns: "  colonnes :",
};

export const cliText = {
  unexpected: "cdppe\u00a0: erreur interne inattendue. Relancez avec la variable CDPPE_DEBUG=1 pour le détail et signalez-la.",
  fileHeader: (f: string) => `Fichier : ${f}`,

  inspectDescription: "montre les tableaux de l'annexe reconnus : feuilles, plages, colonnes, années, lignes",
  fileArg: "classeur .xlsx (par défaut : l'annexe d'exemple 2022)",
  formatOption: (choices: string) => `format de sortie (${choices})`,
  badFormat: (f: string, choices: string) => `Format inconnu : ${f} (attendu : ${choices}).`,
};

export const checkText = {
  description: "contrôle l'annexe : chaque fiche, chaque total, les deux tableaux entre eux ; accepte fichiers, dossiers et motifs (*.xlsx)",
  filesArg: "classeurs .xlsx (par défaut : l'annexe d'exemple 2022)",
  declaredOption: "objectifs facultatifs retenus par le contrat, par ex. 13,15,16 (contrôle objective-type)",
  badDeclared: (v: string) => `Liste d'objectifs illisible : « ${v} » (attendu : des numéros séparés par des virgules).`,
  counts: (e: number, w: number, i: number) => `${e} erreur${e > 1 ? "s" : ""}, ${w} avertissement${w > 1 ? "s" : ""}, ${i} information${i > 1 ? "s" : ""}`,
  tables: (parts: string[]) => `Tableaux : ${parts.join(" ; ")}`,
  table: (kind: string, sheet: string, range: string, fiches: number, years: number[]) =>
    `${kind === "detail" ? "détail" : "synthèse"} « ${sheet} » ${range} (${fiches} fiches${years.length ? `, ${years[0]}-${years[years.length - 1]}` : ""})`,
  severityTag: { error: "ERREUR ", warning: "AVERT. ", info: "INFO   " } as const,
  ficheTag: (fiche: string) => ` (fiche ${fiche})`,
  skipped: "Règles non appliquées :",
  skippedLine: (rule: string, reason: string) => `  ${rule} : ${reason}`,
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
  force: "remplace aussi les saisies de l'utilisateur différentes du calcul, et le fichier de sortie s'il existe déjà",
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
  /** `total`: how many cells in all when `cells` lists only the first ones. */
  cellsLine: (sheet: string, cells: string[], total = cells.length) =>
    `  ${sheet} : ${total} cellule(s) : ${cells.slice(0, 12).join(", ")}${total > 12 ? ", …" : ""}`,
  written: (file: string) => `Écrit : ${file}`,
  dryRunDone: "Simulation : rien n'a été écrit.",
  nothingToDo: "Rien à faire : l'annexe est déjà à jour.",
};

// Typography: U+00A0 before « : ; ! ? » and inside « », U+202F between thousands (fr-FR).
const NB = "\u00a0";
const q = (s: string) => `«${NB}${s}${NB}»`;
const n = (v: number) => v.toLocaleString("fr-FR");
const unitBytes = (b: number) =>
  b >= 1024 ** 3
    ? `${n(Math.round(b / 1024 ** 3))}${NB}Go`
    : b >= 1024 ** 2
      ? `${n(Math.round(b / 1024 ** 2))}${NB}Mo`
      : b >= 1024
        ? `${n(Math.round(b / 1024))}${NB}Ko`
        : `${n(b)}${NB}octets`;

/** Why a file cannot be read: each message names the file, says what it is, and what to do. */
export const inputText = {
  missing: (f: string) => `${f}${NB}: fichier introuvable. Vérifiez le nom et le dossier.`,
  permission: (f: string) => `${f}${NB}: lecture refusée (droits d'accès insuffisants). Demandez l'accès au fichier ou copiez-le dans un dossier à vous.`,
  directory: (f: string) =>
    `${f}${NB}: c'est un dossier, pas un classeur. «${NB}cdppe check${NB}» accepte un dossier (avec -r pour ses sous-dossiers)${NB}; les autres commandes veulent un fichier .xlsx.`,
  loop: (f: string) => `${f}${NB}: lien symbolique qui tourne en rond${NB}; le fichier n'est pas accessible.`,
  nameTooLong: (f: string) => `${f}${NB}: chemin trop long pour le système.`,
  tooManyOpen: (f: string) => `${f}${NB}: trop de fichiers ouverts en même temps sur cette machine${NB}; réessayez avec moins de fichiers.`,
  disk: (f: string) => `${f}${NB}: erreur du disque ou du système de fichiers à la lecture. Copiez le fichier ailleurs et réessayez.`,
  notRegular: (f: string) => `${f}${NB}: ce n'est pas un fichier ordinaire (tube, périphérique ou prise)${NB}; il n'a pas été lu. Donnez un classeur .xlsx.`,
  empty: (f: string) => `${f}${NB}: fichier vide (0${NB}octet)${NB}; ce n'est pas un classeur.`,
  limitBytes: unitBytes,
  tooBig: (f: string, limit: string) => `${f}${NB}: fichier trop volumineux (limite${NB}: ${limit})${NB}; il n'a pas été lu.`,
  tooBigUnzipped: (f: string, limit: string) =>
    `${f}${NB}: une fois décompressé, le classeur dépasserait ${limit} (limite)${NB}; il n'a pas été lu. Le fichier est peut-être piégé ou endommagé.`,
  tooManyCells: (f: string, count: number, limit: number) =>
    `${f}${NB}: ${n(count)}${NB}cellules remplies, au-delà de la limite de ${n(limit)}${NB}cellules${NB}; le classeur n'a pas été analysé.`,
  tooManyMerged: (f: string, sheet: string, count: number, limit: number) =>
    `${f}${NB}: la feuille ${q(sheet)} fusionne ${n(count)}${NB}cellules, au-delà de la limite de ${n(limit)}${NB}; le classeur n'a pas été analysé. Défusionnez les zones démesurées.`,
  tooManyElements: (f: string, count: number, limit: number) =>
    `${f}${NB}: ${n(count)}${NB}lignes et cellules déclarées, au-delà de la limite de ${n(limit)}${NB}; le classeur n'a pas été analysé. Supprimez les lignes vides en fin de feuille.`,
  oldXls: (f: string) =>
    `${f}${NB}: classeur Excel 97-2003 (.xls), format non pris en charge. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format .xlsx.`,
  encrypted: (f: string) =>
    `${f}${NB}: classeur protégé par un mot de passe (chiffré)${NB}; il ne peut pas être lu. Enregistrez une copie sans mot de passe (Fichier > Informations > Protéger le classeur).`,
  ods: (f: string) => `${f}${NB}: classeur OpenDocument (.ods), format non pris en charge. Enregistrez-le au format Excel .xlsx (Fichier > Enregistrer sous).`,
  otherOpenDocument: (f: string) => `${f}${NB}: document OpenDocument qui n'est pas un classeur${NB}; donnez un classeur .xlsx.`,
  otherOffice: (f: string) => `${f}${NB}: document Word ou PowerPoint, pas un classeur Excel${NB}; donnez un classeur .xlsx.`,
  xlsb: (f: string) => `${f}${NB}: classeur binaire Excel (.xlsb), format non pris en charge. Enregistrez-le au format .xlsx.`,
  csv: (f: string) => `${f}${NB}: fichier texte (CSV ou similaire), pas un classeur. L'annexe se contrôle dans son classeur .xlsx d'origine.`,
  html: (f: string) => `${f}${NB}: page web (HTML) enregistrée sous un nom de classeur${NB}; ouvrez-la dans Excel et enregistrez-la au format .xlsx.`,
  xml2003: (f: string) =>
    `${f}${NB}: fichier XML (peut-être «${NB}Feuille de calcul XML 2003${NB}»), format non pris en charge. Enregistrez-le au format .xlsx.`,
  pdf: (f: string) => `${f}${NB}: document PDF, pas un classeur. Donnez le classeur .xlsx de l'annexe.`,
  unknownFormat: (f: string) => `${f}${NB}: format non reconnu${NB}; ce n'est pas un classeur Excel .xlsx.`,
  corruptZip: (f: string) =>
    `${f}${NB}: classeur endommagé ou incomplet (archive .xlsx tronquée ou altérée)${NB}; il n'a pas été analysé. Reprenez l'original ou faites-le réenregistrer dans Excel.`,
  notWorkbookZip: (f: string) => `${f}${NB}: archive compressée qui ne contient pas de classeur Excel${NB}; donnez un classeur .xlsx.`,
  missingWorkbook: (f: string, part: string) => `${f}${NB}: classeur endommagé${NB}: la partie principale (${part}) manque${NB}; il n'a pas été analysé.`,
  missingPart: (f: string, part: string) => `${f}${NB}: classeur endommagé${NB}: la partie ${part} manque${NB}; il n'a pas été analysé.`,
  noSheet: (f: string) => `${f}${NB}: classeur endommagé${NB}: il ne déclare aucune feuille.`,
  missingSheet: (f: string, sheet: string, part: string) =>
    `${f}${NB}: classeur endommagé${NB}: la feuille ${q(sheet)} est déclarée mais son contenu (${part}) manque${NB}; le classeur n'a pas été analysé, aucun verdict n'est possible.`,
  badContent: (f: string) =>
    `${f}${NB}: classeur endommagé${NB}: son contenu XML est illisible${NB}; il n'a pas été analysé. Faites-le réenregistrer dans Excel.`,
  outOfMemory: (f: string) => `${f}${NB}: mémoire insuffisante pour lire ce classeur${NB}; il n'a pas été analysé.`,
};

export const expandText = {
  noMatch: (pattern: string) => `${pattern}${NB}: aucun fichier ne correspond à ce motif.`,
  emptyFolder: (dir: string, recursive: boolean) =>
    `${dir}${NB}: ce dossier ne contient aucun classeur .xlsx${recursive ? "" : " (ajoutez -r pour parcourir ses sous-dossiers)"}.`,
};

/** Text of the batch check: verdicts, filters, progress. */
export const batchText = {
  recursiveOption: "parcourt aussi les sous-dossiers des dossiers donnés",
  severityOption: "ne montre que ces gravités : erreur, avertissement, info (par ex. erreur,avertissement)",
  ruleOption: "ne montre que ces règles (identifiants séparés par des virgules, par ex. year-sum,cd-split)",
  summaryOption: "une ligne de verdict par fichier, sans le détail des constatations",
  badSeverity: (v: string) => `Gravité inconnue${NB}: ${q(v)} (attendu${NB}: erreur, avertissement, info).`,
  badRule: (v: string, known: string[]) => `Règle inconnue${NB}: ${q(v)}. Règles connues${NB}: ${known.join(", ")}.`,
  noFile: "Aucun fichier à contrôler.",
  verdictOk: (file: string, w: number, i: number) =>
    `${file}${NB}: conforme — aucune erreur${w || i ? ` (${plural(w, "avertissement", "avertissements")}, ${plural(i, "information", "informations")})` : ""}`,
  verdictErrors: (file: string, e: number, w: number, i: number) =>
    `${file}${NB}: à corriger — ${plural(e, "erreur", "erreurs")}, ${plural(w, "avertissement", "avertissements")}, ${plural(i, "information", "informations")}`,
  verdictUnread: (file: string, reason: string) =>
    `${file}${NB}: illisible — ${reason.startsWith(file) ? reason.slice(file.length).replace(/^\u00a0?: /, "") : reason}`,
  filtered: (hidden: number) => `${plural(hidden, "constatation masquée", "constatations masquées")} par le filtre.`,
  progress: (done: number, total: number, file: string) => `Contrôle ${done}/${total}${NB}: ${file}`,
  csvUnreadRule: "fichier-illisible",
  csvUnreadSeverity: "illisible",
  internalError: (f: string) => `${f}${NB}: erreur interne de l'outil pendant le contrôle de ce fichier${NB}; signalez-la avec le fichier.`,
};

const plural = (k: number, one: string, many: string) => `${k}${NB}${k > 1 ? many : one}`;
