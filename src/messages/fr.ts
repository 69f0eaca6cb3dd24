/**
 * Every user-facing string, in French (the users' language). Code and identifiers stay English.
 * Functions take plain values and format them; nothing here computes domain results.
 */
import { formatEuro, formatPercent, fr } from "./format";

export { formatEuro, formatPercent };

export const app = {
  name: "Annexe CDPPE",
  outsideOfficeTitle: "Ouvrez ce volet dans Excel",
  outsideOfficeBody:
    fr`Annexe CDPPE est un complément Excel : il travaille dans le classeur de l'annexe financière. ` +
    fr`Ouvrez le classeur dans Excel (bureau ou web), puis Accueil > Annexe CDPPE > « Ouvrir Annexe CDPPE ».`,
  outsideOfficeHint: fr`Sans Excel, l'outil en ligne de commande contrôle des fichiers .xlsx : npx cdppe check fichier.xlsx`,
  wrongHost: (host: string) => fr`Ce complément fonctionne dans Excel uniquement (application détectée : ${host}).`,
  loading: "Chargement…",
};

/** Text a rate formula shows when money was spent without any plan: visible, never a misleading 0 %. */
export const NO_BUDGET_MARKER = "sans budget";
