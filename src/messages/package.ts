// French texts of the file writes (package layer): what a file holds that a write cannot handle, and safe output.
import { fr } from "./format";

export const packageText = {
  encrypted: (f: string) =>
    fr`${f} est chiffré (protégé par un mot de passe à l'ouverture) : enregistrez-en une copie sans mot de passe, puis recommencez. Rien n'a été écrit.`,
  notXlsx: (f: string) => fr`${f} n'est pas un classeur .xlsx lisible (archive illisible ou incomplète). Rien n'a été écrit.`,
  protectedSheet: (sheet: string) =>
    fr`La feuille « ${sheet} » est protégée : ôtez la protection (Révision > Ôter la protection de la feuille), enregistrez, puis recommencez. Rien n'a été écrit.`,
  arrayAcross: (sheet: string, ref: string) =>
    fr`La feuille « ${sheet} » contient une formule matricielle (${ref}) à cheval sur une colonne à insérer : Excel refuserait aussi de la couper. Déplacez-la ou convertissez-la en formules simples, puis recommencez. Rien n'a été écrit.`,
  dataTableAcross: (sheet: string, ref: string) =>
    fr`La feuille « ${sheet} » contient une table de données (${ref}) à cheval sur une colonne à insérer. Déplacez-la, puis recommencez. Rien n'a été écrit.`,
  arrayWritten: (sheet: string, ref: string) =>
    fr`Le plan écrirait dans la formule matricielle ${ref} de la feuille « ${sheet} » : Excel ne permet pas d'en modifier une partie. Rien n'a été écrit.`,
  tableAcross: (sheet: string, name: string) =>
    fr`Le tableau Excel « ${name} » de la feuille « ${sheet} » est lié à une requête ou à un mappage XML et une colonne à insérer le traverse : convertissez-le en plage (Création de tableau > Convertir en plage), puis recommencez. Rien n'a été écrit.`,
  tablePartlyShifted: (sheet: string, name: string) =>
    fr`Le tableau Excel « ${name} » de la feuille « ${sheet} » serait coupé : les cellules à insérer ne décalent qu'une partie de ses lignes, ce qu'Excel refuse aussi. Déplacez le tableau, puis recommencez. Rien n'a été écrit.`,
  mergeCut: (sheet: string, ref: string) =>
    fr`La feuille « ${sheet} » a des cellules fusionnées (${ref}) que l'insertion couperait : seules certaines de leurs lignes seraient décalées, ce qu'Excel refuse aussi. Défusionnez-les, puis recommencez. Rien n'a été écrit.`,
  tableWidened: (sheet: string, table: string, added: string[]) =>
    fr`Tableau Excel « ${table} » (feuille « ${sheet} ») élargi comme le ferait Excel : ${added.length} colonne(s) ajoutée(s) (${added.map((a) => fr`« ${a} »`).join(", ")}).`,
  tableHeaderWritten: (sheet: string, cell: string, name: string) =>
    fr`En-tête « ${name} » écrit en ${sheet}!${cell} : un tableau Excel exige un en-tête à chaque colonne.`,
  tableColumnRenamed: (table: string, from: string, to: string) =>
    fr`Colonne « ${from} » du tableau « ${table} » renommée « ${to} » avec son en-tête ; les formules qui la nomment suivent.`,
  macrosNeedXlsm: (f: string) =>
    fr`Le classeur contient des macros : le fichier de sortie ${f} doit avoir l'extension .xlsm pour qu'Excel l'ouvre et que les macros soient gardées. Rien n'a été écrit.`,
  wrongExtension: (f: string, ext: string) =>
    fr`Le fichier de sortie ${f} doit avoir l'extension ${ext}, celle du classeur lu : Excel refuse d'ouvrir un classeur dont l'extension ne correspond pas au contenu. Rien n'a été écrit.`,
  sheetMissing: (sheet: string) => fr`La feuille « ${sheet} » est introuvable dans le fichier. Rien n'a été écrit.`,
  insertAfterWrite: "insertion après une écriture",
  sheetDataUnreadable: "feuille sans <sheetData> lisible",
  unsupported: (what: string) => fr`Le fichier contient un élément que l'écriture ne sait pas modifier sans risque (${what}). Rien n'a été écrit.`,
  outputExists: (f: string) => fr`Le fichier de sortie ${f} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
  outputIsDirectory: (f: string) => fr`${f} est un dossier : indiquez un nom de fichier .xlsx pour la sortie.`,
  writeFailed: (f: string, why: string) => fr`Impossible d'écrire ${f} (${why}). Aucun fichier existant n'a été modifié.`,
  nothingWritten: fr`Rien à faire : aucun fichier n'a été écrit.`,
};
