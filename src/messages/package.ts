// French texts of the file writes (package layer): what a file holds that a write cannot handle, and safe output.
export const packageText = {
  encrypted: (f: string) => `${f} est chiffré (protégé par un mot de passe à l'ouverture) : enregistrez-en une copie sans mot de passe, puis recommencez. Rien n'a été écrit.`,
  notXlsx: (f: string) => `${f} n'est pas un classeur .xlsx lisible (archive illisible ou incomplète). Rien n'a été écrit.`,
  protectedSheet: (sheet: string) => `La feuille « ${sheet} » est protégée : ôtez la protection (Révision > Ôter la protection de la feuille), enregistrez, puis recommencez. Rien n'a été écrit.`,
  arrayAcross: (sheet: string, ref: string) => `La feuille « ${sheet} » contient une formule matricielle (${ref}) à cheval sur une colonne à insérer : Excel refuserait aussi de la couper. Déplacez-la ou convertissez-la en formules simples, puis recommencez. Rien n'a été écrit.`,
  dataTableAcross: (sheet: string, ref: string) => `La feuille « ${sheet} » contient une table de données (${ref}) à cheval sur une colonne à insérer. Déplacez-la, puis recommencez. Rien n'a été écrit.`,
  arrayWritten: (sheet: string, ref: string) => `Le plan écrirait dans la formule matricielle ${ref} de la feuille « ${sheet} » : Excel ne permet pas d'en modifier une partie. Rien n'a été écrit.`,
  tableAcross: (sheet: string, name: string) => `Le tableau Excel « ${name} » de la feuille « ${sheet} » est traversé par une colonne à insérer : convertissez-le en plage (Création de tableau > Convertir en plage), puis recommencez. Rien n'a été écrit.`,
  sheetMissing: (sheet: string) => `La feuille « ${sheet} » est introuvable dans le fichier. Rien n'a été écrit.`,
  unsupported: (what: string) => `Le fichier contient un élément que l'écriture ne sait pas modifier sans risque (${what}). Rien n'a été écrit.`,
  outputExists: (f: string) => `Le fichier de sortie ${f} existe déjà : choisissez un autre nom, ou ajoutez --force pour le remplacer.`,
  outputIsDirectory: (f: string) => `${f} est un dossier : indiquez un nom de fichier .xlsx pour la sortie.`,
  writeFailed: (f: string, why: string) => `Impossible d'écrire ${f} (${why}). Aucun fichier existant n'a été modifié.`,
  nothingWritten: "Rien à faire : aucun fichier n'a été écrit.",
};
