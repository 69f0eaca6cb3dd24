// French messages for what goes wrong inside Excel.
export const excelText = {
  unsupported: "Cette version d'Excel est trop ancienne pour Annexe CDPPE (il faut l'API Excel 1.9 : Microsoft 365, Excel 2021 ou Excel sur le web).",
  accessDenied: "Excel refuse l'écriture : la feuille ou le classeur est protégé, ou le document est ouvert en lecture seule. Ôtez la protection (Révision > Ôter la protection) ou enregistrez une copie modifiable, puis recommencez. Rien n'a été écrit.",
  notFound: "Une feuille de l'annexe a été supprimée ou renommée pendant que le volet était ouvert : relancez le contrôle pour relire le classeur. Rien n'a été écrit.",
  tooLarge: "Le classeur est trop volumineux pour être lu ou écrit d'un coup par Excel sur le web : fermez les autres feuilles volumineuses ou utilisez Excel pour le bureau.",
  busy: "Excel est occupé (une cellule est peut-être en cours de saisie) : validez ou annulez la saisie, puis recommencez.",
  generic: (detail: string) => `Excel a renvoyé une erreur : ${detail}. Rien n'a été écrit ; recommencez, et si l'erreur persiste, fermez puis rouvrez le volet.`,
  nothingToUndo: "Aucune modification du complément à annuler dans ce classeur.",
  undone: (kind: string) => `Modification annulée (${kind === "fill" ? "compléments des taux et écarts" : kind === "add-year" ? "nouvelle année" : "largeur de colonne"}).`,
};
