/** Workbooks that are not CDPPE annexes: the checker must say so (exit 2) and report nothing. */
import { Rng } from "./rng";
import { type Expr, type Grid, type Sheet, evaluate, newSheet, render, setCell, text } from "./sheet";

export const LOOKALIKE_KINDS = [
  "departement-budget",
  "staffing-fiche",
  "pivot-funders",
  "empty",
  "cpom",
  "pauvrete-contract",
  "cls-contract",
  "subsidy-by-year",
] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

const sumCol = (s: Sheet, row: number, col: number, rows: number[]) => {
  const e: Expr = { k: "sum", xs: rows.map((r) => ({ k: "ref" as const, r, c: col })) };
  setCell(s, row, col, { v: null, e, f: render(e, s.name, "SUM"), fmt: "#,##0 €" });
};
const money = (rng: Rng) => rng.int(2, 400) * 500;

export function generateLookalike(kind: LookalikeKind, seed: number): Grid {
  const rng = new Rng(seed, `look-${kind}`);
  const g: Grid = { sheets: [] };
  const s = newSheet(rng.pick(["Feuil1", "Données", "Tableau", "Annexe"]));
  g.sheets.push(s);
  const years = [2022, 2023, 2024].slice(0, rng.int(2, 3));
  const table = (title: string, heads: string[], rows: (string | number)[][], sumFrom: number, totalLabel = "TOTAL") => {
    text(s, 1, 1, title);
    heads.forEach((h, i) => text(s, 3, 1 + i, h));
    const rs: number[] = [];
    rows.forEach((r, k) => {
      rs.push(4 + k);
      r.forEach((v, i) => setCell(s, 4 + k, 1 + i, typeof v === "number" ? { v, fmt: "#,##0 €" } : { v }));
    });
    const tr = 4 + rows.length;
    text(s, tr, 1, totalLabel);
    for (let c = sumFrom; c <= heads.length; c++) sumCol(s, tr, c, rs);
    heads.forEach((_, i) => s.widths.set(1 + i, 18));
  };
  switch (kind) {
    case "empty":
      break;
    case "departement-budget":
      table(
        "Budget principal - section de fonctionnement",
        ["Chapitre", "Libellé", ...years.map((y) => `BP ${y}`), `CA ${years[0]}`],
        ["011", "012", "65", "656", "6586", "66"].map((c) => [
          c,
          rng.pick(["Charges à caractère général", "Charges de personnel", "Autres charges", "Frais de séjour", "Aide sociale à l'enfance"]),
          ...years.map(() => money(rng) * 100),
          money(rng) * 100,
        ]),
        3,
        "Total fonctionnement",
      );
      break;
    case "staffing-fiche":
      table(
        "Moyens humains par fiche action",
        ["N° fiche", "Intitulé", "Service", "ETP", ...years.map((y) => `Masse salariale ${y}`), "Total"],
        Array.from({ length: 8 }, (_, i) => {
          const ms = years.map(() => money(rng));
          return [i + 1, `Poste ${i + 1}`, rng.pick(["PMI", "ASE", "ODPE"]), rng.int(1, 4), ...ms, ms.reduce((a, b) => a + b, 0)];
        }),
        5,
      );
      break;
    case "pivot-funders":
      table(
        "Étiquettes de lignes",
        ["Financeur", ...years.map((y) => `Somme de ${y}`), "Total général"],
        ["Département", "FIR", "ETAT", "ONDAM"].map((f) => {
          const v = years.map(() => money(rng));
          return [f, ...v, v.reduce((a, b) => a + b, 0)];
        }),
        2,
        "Total général",
      );
      break;
    case "cpom":
      table(
        "CPOM 2023-2027 - plan de financement",
        ["Établissement", "Financeur", ...years.map((y) => `${y}`), "Total CPOM"],
        ["MECS Les Tilleuls", "Foyer de l'enfance", "IME Les Sources", "SESSAD"].flatMap((e) =>
          ["Département", "ARS"].map((f) => {
            const v = years.map(() => money(rng));
            return [e, f, ...v, v.reduce((a, b) => a + b, 0)];
          }),
        ),
        3,
      );
      break;
    case "pauvrete-contract":
      table(
        "Convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi - annexe financière",
        ["N° action", "Mesure", "Crédits Etat (P304)", "Crédits Département", "Total", `Réalisé ${years[years.length - 1]}`],
        Array.from({ length: 9 }, (_, i) => {
          const e = money(rng);
          const dd = money(rng);
          return [
            i + 1,
            rng.pick(["Sortants ASE", "Maraudes mixtes", "Premier accueil social", "Référent de parcours", "Insertion des bénéficiaires du RSA"]),
            e,
            dd,
            e + dd,
            Math.round((e + dd) * 0.7),
          ];
        }),
        3,
        "Total convention",
      );
      break;
    case "cls-contract":
      table(
        "Contrat local de santé - fiches actions",
        ["Fiche action", "Axe", "Porteur", "ARS", "Ville", "Total", "Taux de réalisation"],
        Array.from({ length: 7 }, (_, i) => {
          const a = money(rng);
          const v = money(rng);
          return [`FA ${i + 1}`, `Axe ${rng.int(1, 3)}`, rng.pick(["CCAS", "Hôpital", "Ville"]), a, v, a + v, "en cours"];
        }),
        4,
      );
      break;
    case "subsidy-by-year":
      table(
        "Subventions aux associations - protection de l'enfance",
        ["N° dossier", "Association", ...years.map((y) => `Subvention ${y}`), "Total"],
        Array.from({ length: 10 }, (_, i) => {
          const v = years.map(() => money(rng));
          return [`SUB-${100 + i}`, rng.pick(["Enfance et partage", "Sauvegarde", "Maison des familles", "AEMO 77"]), ...v, v.reduce((a, b) => a + b, 0)];
        }),
        3,
      );
      break;
  }
  evaluate(g);
  return g;
}
