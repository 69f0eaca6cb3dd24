// French messages for what goes wrong inside Excel.
import { fr } from "./format";

export const excelText = {
  reportSheetName: "Contrôle annexe",
  // An internal error (a bug, not the user's doing): shown through the internal-error message.
  columnPositionUnknown: "position des colonnes indéterminée",
  formulaShown: (formula: string) => fr`« ${formula} »`,
  unsupported: fr`Cette version d'Excel est trop ancienne pour Annexe CDPPE (il faut l'API Excel 1.9 : Microsoft 365, Excel 2021 ou Excel sur le web).`,
  accessDenied: fr`Excel refuse l'écriture : la feuille ou le classeur est protégé, ou le document est ouvert en lecture seule. Ôtez la protection (Révision > Ôter la protection) ou enregistrez une copie modifiable, puis recommencez. Rien n'a été écrit.`,
  notFound: fr`Une feuille de l'annexe a été supprimée ou renommée pendant que le volet était ouvert : relancez le contrôle pour relire le classeur. Rien n'a été écrit.`,
  tooLarge: fr`Le classeur est trop volumineux pour être lu ou écrit d'un coup par Excel sur le web : fermez les autres feuilles volumineuses ou utilisez Excel pour le bureau.`,
  busy: fr`Excel est occupé (une cellule est peut-être en cours de saisie) : validez ou annulez la saisie, puis recommencez.`,
  generic: (detail: string) =>
    fr`Excel a renvoyé une erreur : ${detail}. Rien n'a été écrit ; recommencez, et si l'erreur persiste, fermez puis rouvrez le volet.`,
  // Not Excel's doing: a bug of the add-in, whose detail went to the console.
  internal: (name: string, detail: string) =>
    fr`Erreur interne du complément (${name} : ${detail}) : signalez-la avec le détail affiché dans la console (F12).`,
  nothingToUndo: "Aucune modification du complément à annuler dans ce classeur.",
  undone: (kind: string) =>
    `Modification annulée (${kind === "fill" ? "compléments des taux et écarts" : kind === "add-year" ? "nouvelle année" : "largeur de colonne"}).`,
  // Apply: what changed since the preview, and what Excel refused.
  changedSince: (list: string[], more: number) =>
    fr`Le classeur a changé depuis l'aperçu : ${list.join(fr` ; `)}${more > 0 ? fr` (et ${more} autre${more > 1 ? "s" : ""})` : ""}. Rien n'a été écrit : relancez l'aperçu.`,
  cellNow: (sheet: string, cell: string, now: string) => `${cell} (${sheet}) contient maintenant ${now}`,
  anchorMoved: (sheet: string, cell: string, was: string, now: string) =>
    fr`${cell} (${sheet}) ne contient plus « ${was} » mais ${now} : des lignes ou des colonnes ont été insérées, supprimées ou déplacées`,
  emptyNow: "une cellule vide",
  formulaNow: (f: string) => `la formule ${f}`,
  formatNow: (f: string) => fr`le format « ${f} »`,
  sheetMissing: (sheet: string) => fr`La feuille « ${sheet} » a été supprimée ou renommée depuis l'aperçu. Rien n'a été écrit : relancez le contrôle.`,
  sheetProtected: (sheet: string) =>
    fr`La feuille « ${sheet} » est protégée : Excel refuserait l'écriture. Ôtez la protection (Révision > Ôter la protection de la feuille), puis recommencez. Rien n'a été écrit.`,
  midBatchRolledBack: (what: string, code: string) =>
    fr`Excel a refusé ${what} en cours d'écriture (${code}). Ce qui avait déjà été écrit a été défait : le classeur est tel qu'avant. Rien n'a été modifié.`,
  midBatchNotRolledBack: (what: string, code: string, detail: string) =>
    fr`Excel a refusé ${what} en cours d'écriture (${code}), puis la remise en état a échoué (${detail}). Une partie des modifications est restée : utilisez Ctrl+Z dans Excel ou vérifiez la feuille avant de continuer.`,
  // What Excel could refuse, found before the first write.
  tableWritten: (table: string, sheet: string, where: string) =>
    fr`Le tableau Excel « ${table} » (${sheet}) couvre ${where}, que le complément doit écrire : Excel pourrait refuser ces écritures ou recopier les formules dans toute la colonne du tableau. Convertissez le tableau en plage (Création de tableau > Convertir en plage), puis recommencez. Rien n'a été écrit.`,
  tableCrossed: (table: string, sheet: string, col: string) =>
    fr`Le tableau Excel « ${table} » (${sheet}) serait traversé par la colonne à insérer avant la colonne ${col} : Excel refuse de couper un tableau ou y ajoute une colonne à sa façon. Convertissez le tableau en plage (Création de tableau > Convertir en plage), puis recommencez. Rien n'a été écrit.`,
  tableCut: (table: string, sheet: string, col: string) =>
    fr`Le tableau Excel « ${table} » (${sheet}) serait coupé par l'insertion de colonnes avant la colonne ${col}, qui ne décale que les lignes de l'annexe : Excel le refuse. Déplacez le tableau ou convertissez-le en plage (Création de tableau > Convertir en plage), puis recommencez. Rien n'a été écrit.`,
  arrayWritten: (sheet: string, where: string) =>
    fr`${where} (${sheet}) contient une formule matricielle ou le résultat d'une formule qui déborde : Excel refuse de modifier une partie d'une matrice, et une valeur écrite dans un débordement bloque sa formule (#PROPAGATION!). Déplacez ou supprimez cette formule, puis recommencez. Rien n'a été écrit.`,
  arrayCrossed: (sheet: string, col: string) =>
    fr`Une formule matricielle de la feuille « ${sheet} » s'étend de part et d'autre de la colonne ${col}, avant laquelle une colonne doit être insérée : Excel refuse de couper une formule matricielle, et une formule qui déborde recouvrirait la nouvelle colonne. Déplacez ou supprimez cette formule, puis recommencez. Rien n'a été écrit.`,
  mergeWritten: (sheet: string, area: string) =>
    fr`La zone fusionnée ${area} (${sheet}) couvre des cellules que le complément doit écrire : Excel refuse de modifier une partie d'une zone fusionnée. Annulez cette fusion (Accueil > Fusionner et centrer), puis recommencez. Rien n'a été écrit.`,
  mergeCut: (sheet: string, area: string, col: string) =>
    fr`La zone fusionnée ${area} (${sheet}) serait coupée par l'insertion de colonnes avant la colonne ${col}, qui ne décale que les lignes du tableau : Excel le refuse. Annulez cette fusion (Accueil > Fusionner et centrer), puis recommencez. Rien n'a été écrit.`,
  refusedInsert: "l'insertion de colonnes",
  refusedWrite: "l'écriture de cellules",
  // Undo.
  undoNothing: (kind: string) => fr`Aucune modification « ${kind} » à annuler dans ce classeur.`,
  undoCorrupt: (kind: string) =>
    fr`L'enregistrement d'annulation « ${kind} » de ce classeur est illisible ou ne vient pas de ce complément : il a été ignoré, rien n'a été modifié. Utilisez « Effacer les données du complément » pour le retirer.`,
  undoInterrupted: (kind: string, code: string) =>
    fr`Excel a refusé une partie de l'annulation « ${kind} » (${code}) : elle a été interrompue, une partie seulement a pu être défaite. L'enregistrement d'annulation a été retiré pour qu'elle ne soit jamais rejouée sur des colonnes déplacées. Vérifiez la feuille avant de continuer.`,
  undoChangedDuring: (kind: string, cells: string[], more: number) =>
    fr`Le classeur a changé pendant l'annulation « ${kind} » : ${cells.join(", ")}${more > 0 ? fr` et ${more} autre${more > 1 ? "s" : ""}` : ""}. Rien n'a été défait : ce qui avait déjà été remis a été rétabli, le classeur est tel qu'avant. Relancez « Annuler » : ces cellules vous seront signalées.`,
  undoRolledBack: (kind: string, code: string) =>
    fr`Excel a refusé une partie de l'annulation « ${kind} » (${code}). Ce qui avait déjà été remis a été rétabli : le classeur est tel qu'avant, et l'annulation reste possible.`,
  undoNotRolledBack: (kind: string, code: string, detail: string) =>
    fr`Excel a refusé une partie de l'annulation « ${kind} » (${code}), puis la remise en état a échoué (${detail}). Une partie des cellules est restée comme avant l'annulation : vérifiez la feuille avant de continuer.`,
  undoChanged: (cells: string[], more: number) =>
    fr`Modifiées depuis : ${cells.join(", ")}${more > 0 ? fr` et ${more} autre${more > 1 ? "s" : ""}` : ""}. Elles seront conservées, sauf si vous confirmez.`,
  undoDone: (kind: string, restored: number, kept: number, keptColumns: string[]) =>
    fr`Annulation « ${kind} » faite : ${restored} cellule${restored > 1 ? "s" : ""} remise${restored > 1 ? "s" : ""} comme avant.` +
    (kept ? fr` ${kept} cellule${kept > 1 ? "s" : ""} modifiée${kept > 1 ? "s" : ""} depuis conservée${kept > 1 ? "s" : ""}.` : "") +
    (keptColumns.length
      ? fr` Colonne${keptColumns.length > 1 ? "s" : ""} ${keptColumns.join(", ")} conservée${keptColumns.length > 1 ? "s" : ""} : elle${keptColumns.length > 1 ? "s" : ""} contien${keptColumns.length > 1 ? "nent" : "t"} des données saisies depuis, ou une colonne a été insérée ou supprimée à côté depuis.`
      : ""),
  widened: "Colonne élargie.",
  undoAction: (label: string) => fr`Annuler « ${label} »`,
  undoKeep: "Annuler en gardant ces cellules",
  undoOverwrite: "Annuler aussi ces cellules",
  clearData: "Effacer les données du complément",
  kindLabel: { fill: "compléter", "add-year": "nouvelle année", widen: "élargir la colonne", flags: "signaler" } as Record<string, string>,
  // Report sheet and clean-up.
  reportNameTaken: (name: string, used: string) => fr`Une feuille « ${name} » à vous existe déjà : elle est laissée intacte, le rapport est dans « ${used} ».`,
  reportNoFreeName: fr`Les feuilles « Contrôle annexe » à « Contrôle annexe (9) » existent toutes et sont à vous : renommez-en une pour que le rapport puisse être écrit.`,
  cleared: (n: number) =>
    fr`Données du complément effacées de ce classeur (${n} enregistrement${n > 1 ? "s" : ""}) : annulations, signalements mémorisés et constatations vues.`,
};
