// French texts of the "Contrôle annexe" report sheet.
import { fr } from "./format";
const pad = (n: number) => String(n).padStart(2, "0");

export const reportText = {
  title: (file: string) => `Contrôle de l'annexe financière CDPPE — ${file}`,
  when: (d: Date) => `Contrôle du ${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()} à ${pad(d.getHours())}:${pad(d.getMinutes())}`,
  counts: fr`Constatations :`,
  headers: ["Règle", "Gravité", "Fiche", "Cellule", "Message", "Attendu", "Constaté"] as const,
  goTo: "Aller à la cellule",
};
