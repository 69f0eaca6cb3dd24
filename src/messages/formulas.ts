// French messages about formulas the file left uncalculated (the reader computes them as Excel would on open).
import { fr } from "./format";

export const formulaText = {
  /** Said once per rule that left cells unchecked because a formula's result is unknown. */
  uncomputed: (count: number, example: string) =>
    count > 1
      ? fr`${count} formules enregistrées sans résultat que l'outil ne sait pas calculer (par exemple ${example}) : les contrôles qui en dépendent sont ignorés. Ouvrez le fichier dans Excel et enregistrez-le pour un contrôle complet.`
      : fr`une formule enregistrée sans résultat que l'outil ne sait pas calculer (${example}) : les contrôles qui en dépendent sont ignorés. Ouvrez le fichier dans Excel et enregistrez-le pour un contrôle complet.`,
  /** The other rules that left cells unchecked for the same reason. */
  uncomputedSame: (rule: string) => fr`cellules qui dépendent des mêmes formules non calculées ignorées (voir ${rule})`,
};
