// corpus9 seeds 420, 441, 460, 528 (held out): a column of dates, counts or staff (« Date de lancement », « Démarrage »,
// « Nombre de familles », « ETP ») written under the planned super-group (« Plan de financement 2023-2024 »,
// « Financements prévus », « PRÉVISIONNEL ») was read with its group as the planned budget, leaving the true budget
// (« Enveloppe totale ») unread and the table told doubtful. A sub-header that says it is no money (a date, a start, a
// count, posts) is not read together with its group; valued (« ETP valorisés », « Coût par famille »), it still is.
import { classifyHeader } from "../../../src/core/layout/classify";

const key = (g: string, s: string) => {
  const c = classifyHeader(g, s);
  return c === null ? null : "role" in c ? c.role : `${c.block}${c.year ?? ""}`;
};

const GROUPS = ["Plan de financement 2023-2024", "Financements prévus", "PRÉVISIONNEL", "Moyens financiers prévisionnels", "Budget prévisionnel"];

describe("dates, starts, counts and posts under a planned group are no budget", () => {
  const subs = [
    "Date de lancement",
    "Dates de mise en œuvre",
    "Démarrage",
    "DEMARRAGE",
    "Lancement",
    "Début de l'action",
    "Mise en œuvre",
    "Échéance",
    "Calendrier",
    "Nombre de familles",
    "Nb de bénéficiaires",
    "Nbre d'enfants",
    "Effectif",
    "ETP",
    "Équivalents temps plein",
    "Familles accompagnées",
    "Public visé",
  ];
  for (const g of GROUPS) test.each(subs)(`${g} / %s`, (s) => expect(key(g, s)).toBeNull());
});

describe("the budget itself under the same groups is still read", () => {
  test.each([
    ["Plan de financement 2023-2024", "Enveloppe totale (en €)"],
    ["Financements prévus", "Enveloppe totale"],
    ["PRÉVISIONNEL", "Enveloppe totale €"],
    ["Plan de financement 2024-2025", "Budget previsionnel 2024-2025 (en milliers d'€)"],
  ])("%s / %s", (g, s) => expect(key(g, s)).toBe("budget"));
  test("valued posts are money", () => expect(key("Plan de financement 2023-2024", "ETP valorisés")).toMatch(/^ms/));
});
