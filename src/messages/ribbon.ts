// French texts of the ribbon commands.
import { fr } from "./format";

export const ribbonText = {
  done: (e: number, w: number, i: number) =>
    fr`Contrôle terminé : ${e} erreur${e > 1 ? "s" : ""}, ${w} avertissement${w > 1 ? "s" : ""}, ${i} information${i > 1 ? "s" : ""}. Détail dans la feuille « Contrôle annexe ».`,
};
