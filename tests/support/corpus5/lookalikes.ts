import { addr, type Grid, merge, newSheet, recalc, setCell, type Sheet } from "./grid";
import { Rng } from "./rng";

/** Workbooks a controller may meet in the same folder that are not CDPPE annexes: exit 2 and no finding expected. */
export const LOOKALIKE_KINDS = [
  "departement-budget",
  "staffing-fiche",
  "pivot-funders",
  "empty",
  "subsidies",
  "cpom",
  "indicator-dashboard",
  "fiche-list",
  "payment-ledger",
  "service-consumption",
  "activity-by-year",
  "planning",
] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

const EUR = "#,##0 €";

function table(s: Sheet, top: number, headers: string[], rows: (string | number | null)[][], totalLabel: string | null, sumCols: number[]): number {
  headers.forEach((h, i) => setCell(s, top, i + 1, { v: h, bold: true, wrap: true }));
  rows.forEach((row, j) =>
    row.forEach((v, i) => v !== null && setCell(s, top + 1 + j, i + 1, { v, fmt: typeof v === "number" && sumCols.includes(i + 1) ? EUR : undefined })),
  );
  const tr = top + 1 + rows.length;
  if (totalLabel) {
    setCell(s, tr, 1, { v: totalLabel, bold: true });
    for (const c of sumCols) setCell(s, tr, c, { v: 0, f: `SUM(${addr(top + 1, c)}:${addr(tr - 1, c)})`, fmt: EUR, bold: true });
  }
  headers.forEach((_, i) => s.widths.set(i + 1, 18));
  return tr;
}

export function generateLookalike(kind: LookalikeKind, seed: number): Grid {
  const rng = new Rng(seed * 101 + LOOKALIKE_KINDS.indexOf(kind));
  const g: Grid = { sheets: [], noCache: false };
  const s = newSheet(rng.pick(["Feuil1", "Données", "Tableau", "Suivi 2023"]));
  g.sheets.push(s);
  const y0 = rng.int(2020, 2024);
  const ys = [y0, y0 + 1, y0 + 2];
  const amt = () => rng.int(1, 400) * 1000;
  switch (kind) {
    case "departement-budget": {
      setCell(s, 1, 1, { v: `Budget primitif ${ys[2]} — Direction générale adjointe des solidarités`, bold: true });
      const chapters = [
        "011 Charges à caractère général",
        "012 Charges de personnel",
        "65 Autres charges de gestion courante",
        "656 Frais de fonctionnement des groupes d'élus",
        "67 Charges exceptionnelles",
      ];
      const rows = chapters.map((c) => [c, amt(), amt(), amt(), amt()]);
      const tr = table(s, 3, ["Chapitre", `CA ${ys[0]}`, `BP ${ys[1]}`, `BP ${ys[2]}`, "Total"], rows, "Total dépenses", [2, 3, 4, 5]);
      setCell(s, tr + 2, 1, { v: "Recettes : FIR, Etat, CNSA" });
      break;
    }
    case "staffing-fiche": {
      const rows = Array.from({ length: rng.int(4, 10) }, (_, i) => [
        i + 1,
        rng.pick(["Puéricultrice", "Sage-femme", "Éducateur", "Psychologue", "Assistant social"]),
        rng.int(1, 10) / 2,
        amt(),
        amt(),
        null,
      ]);
      rows.forEach((r) => (r[5] = (r[3] as number) + (r[4] as number)));
      table(s, 2, ["N° fiche", "Poste", "ETP", `Masse salariale ${ys[0]}`, `Masse salariale ${ys[1]}`, "Total masse salariale"], rows, "TOTAL", [4, 5, 6]);
      break;
    }
    case "pivot-funders": {
      const rows = ["Département", "FIR", "ETAT", "ONDAM"].map((f) => [f, amt(), amt(), amt(), null as number | null]);
      rows.forEach((r) => (r[4] = (r[1] as number) + (r[2] as number) + (r[3] as number)));
      table(s, 3, ["Somme de Montant", String(ys[0]), String(ys[1]), String(ys[2]), "Total général"], rows, "Total général", [2, 3, 4, 5]);
      setCell(s, 1, 1, { v: "Étiquettes de lignes" });
      break;
    }
    case "empty":
      break;
    case "subsidies": {
      const rows = Array.from({ length: rng.int(5, 12) }, (_, i) => [
        `D-${ys[1]}-${String(i + 1).padStart(3, "0")}`,
        rng.pick(["Association Enfance 77", "Maison des familles", "AFPE", "Sauvegarde"]),
        rng.pick(["ARS", "Etat", "CD", "CNSA", "FIR"]),
        amt(),
        amt(),
        null as number | null,
      ]);
      rows.forEach((r) => (r[5] = (r[3] as number) + (r[4] as number)));
      table(s, 1, ["N° dossier", "Bénéficiaire", "Financeur", `Montant ${ys[0]}`, `Montant ${ys[1]}`, "Total"], rows, "Total", [4, 5, 6]);
      break;
    }
    case "cpom": {
      setCell(s, 1, 1, { v: "CPOM — plan de financement pluriannuel", bold: true });
      const rows = Array.from({ length: rng.int(3, 8) }, () => [
        rng.pick(["MECS Les Tilleuls", "Foyer de l'enfance", "SESSAD", "IME Les Lilas", "Centre parental"]),
        amt(),
        amt(),
        amt(),
        null as number | null,
      ]);
      rows.forEach((r) => (r[4] = (r[1] as number) + (r[2] as number) + (r[3] as number)));
      table(s, 3, ["Établissement", "Département", "ARS (ONDAM)", "ARS (FIR)", "Total"], rows, "Total", [2, 3, 4, 5]);
      break;
    }
    case "indicator-dashboard": {
      const rows = Array.from({ length: rng.int(5, 12) }, (_, i) => [
        `FA ${i + 1}`,
        rng.pick(["Entretiens prénataux", "Visites à domicile", "Bilans de santé", "Délai d'évaluation IP"]),
        rng.int(50, 900),
        rng.int(30, 900),
        null as number | null,
      ]);
      rows.forEach((r) => (r[4] = Math.round(((r[3] as number) / (r[2] as number)) * 100) / 100));
      table(s, 2, ["N° fiche action", "Indicateur", `Cible ${ys[2]}`, `Réalisé ${ys[2]}`, "Taux d'atteinte"], rows, null, []);
      setCell(s, 1, 1, { v: "Tableau de bord des indicateurs CDPPE", bold: true });
      break;
    }
    case "fiche-list": {
      const rows = Array.from({ length: rng.int(6, 15) }, (_, i) => [
        i + 1,
        rng.pick(["Renforcer la PMI", "Soutien à la parentalité", "Formation", "ODPE", "Accueil familial"]),
        rng.pick(["DEF", "PMI", "DIHCS"]),
        `Objectif ${rng.int(1, 26)}`,
        rng.pick(["Fondamental", "Facultatif"]),
        `${ys[0]}-${ys[2]}`,
      ]);
      table(s, 1, ["N° fiche", "Intitulé de la fiche action", "Service pilote", "Objectif", "Obj. fondamental / facultatif", "Calendrier"], rows, null, []);
      break;
    }
    case "payment-ledger": {
      const rows = Array.from({ length: rng.int(5, 12) }, (_, i) => [
        `${rng.int(1, 20)}`,
        `0${rng.int(1, 9)}/${rng.int(10, 12)}/${ys[1]}`,
        rng.pick(["Mandat", "Titre"]),
        `M${ys[1]}-${1000 + i}`,
        amt(),
      ]);
      table(s, 1, ["Fiche", "Date", "Pièce", "Référence", "Montant versé"], rows, "Total versé", [5]);
      break;
    }
    case "service-consumption": {
      const rows = ["Service PMI", "Service ASE", "Service prévention", "Observatoire", "Direction"].map((x) => {
        const b = amt();
        const c = Math.round(b * rng.next());
        return [x, b, c, Math.round((c / b) * 100) / 100, b - c];
      });
      table(s, 2, ["Service", "Budget voté", "Consommé", "Taux de consommation", "Reste à réaliser"], rows, "TOTAL", [2, 3, 5]);
      setCell(s, 1, 1, { v: `Suivi de consommation des crédits ${ys[2]}`, bold: true });
      break;
    }
    case "activity-by-year": {
      const rows = ["Consultations infantiles", "Entretiens prénataux", "Visites à domicile", "Bilans en école maternelle"].map((x) => [
        x,
        rng.int(100, 9000),
        rng.int(100, 9000),
        rng.int(100, 9000),
        null as number | null,
      ]);
      rows.forEach((r) => (r[4] = (r[1] as number) + (r[2] as number) + (r[3] as number)));
      table(s, 3, ["Activité PMI", String(ys[0]), String(ys[1]), String(ys[2]), "Total"], rows, "Total", [2, 3, 4, 5]);
      merge(s, 1, 1, 1, 5);
      setCell(s, 1, 1, { v: "Bilan d'activité de la PMI", bold: true });
      break;
    }
    case "planning": {
      const quarters = ys.flatMap((y) => [1, 2, 3, 4].map((q) => `T${q} ${y}`));
      const rows = Array.from({ length: rng.int(5, 10) }, (_, i) => [
        `Fiche ${i + 1}`,
        rng.pick(["Recrutement", "Appel à projets", "Formation", "Évaluation"]),
        ...quarters.map(() => (rng.chance(0.4) ? "x" : null)),
      ]);
      table(s, 1, ["N° fiche", "Étape", ...quarters], rows, null, []);
      break;
    }
  }
  if (rng.chance(0.3) && kind !== "empty") g.sheets.push(newSheet("Feuil2"));
  recalc(g);
  return g;
}
