// Workbooks a département keeps that are NOT the CDPPE annex, yet share its words, years, totals or fiche numbers.
import { emptySheet, setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { Rng } from "./rng";

export const LOOKALIKE_KINDS = ["budget", "staffing", "pivot", "empty", "subsidies"] as const;
export type LookalikeKind = (typeof LOOKALIKE_KINDS)[number];

const EUR = '#,##0 "€"';
const bold = { bold: true };

function row(s: SheetSnapshot, r: number, c0: number, values: Array<string | number | null>, isBold = false, fmt?: string): void {
  values.forEach((v, i) => {
    if (v === null) return;
    setCell(s, r, c0 + i, { value: v, font: isBold ? bold : undefined, numFmt: typeof v === "number" ? fmt : undefined });
  });
}

function widths(s: SheetSnapshot, n: number, w = 16): void {
  for (let i = 0; i < n; i++) s.colWidths[i] = w;
}

/** Département budget: chapters, years, "Total" rows, realised and planned credits. */
function budget(rng: Rng): WorkbookSnapshot {
  const s = emptySheet(rng.pick(["BP 2024", "Budget enfance", "Budget DGAS"]));
  const y = rng.int(2021, 2025);
  row(s, 1, 1, [`Budget de la Direction enfance famille — exercice ${y}`], true);
  const head = [
    "Chapitre",
    "Libellé",
    `Crédits ouverts ${y - 2}`,
    `Dépenses réalisées ${y - 2}`,
    `Crédits ouverts ${y - 1}`,
    `Réalisé ${y - 1}`,
    `Budget prévisionnel ${y}`,
    "Écart",
    "Taux d'exécution",
  ];
  row(s, 3, 1, head, true);
  let r = 4;
  const sections = ["Fonctionnement", "Investissement"];
  const subRows: number[] = [];
  for (const sec of sections) {
    row(s, r++, 1, [sec], true);
    const first = r;
    for (let i = 0; i < rng.int(3, 7); i++) {
      const a = rng.int(10, 900) * 1000;
      const b = Math.round((a * rng.int(60, 100)) / 100);
      row(
        s,
        r++,
        1,
        [
          `65${i}`,
          rng.pick(["Frais de séjour", "Allocations", "Subventions", "Personnel", "Prévention spécialisée", "PMI"]),
          a,
          b,
          a + 5000,
          b,
          a + 10000,
          a - b,
          b / a,
        ],
        false,
        EUR,
      );
    }
    row(s, r, 1, [`Total ${sec.toLowerCase()}`, null, ...[3, 4, 5, 6, 7, 8].map((c) => sumCol(s, c, first, r - 1))], true, EUR);
    subRows.push(r++);
  }
  row(s, r, 1, ["TOTAL", null, ...[3, 4, 5, 6, 7, 8].map((c) => subRows.reduce((t, sr) => t + num(s, sr, c), 0))], true, EUR);
  widths(s, 9);
  return { fileName: "budget.xlsx", sheets: [s] };
}

/** Staffing table with a "N° fiche" column (job sheets), ETP and payroll by year. */
function staffing(rng: Rng): WorkbookSnapshot {
  const s = emptySheet("Effectifs");
  const y0 = rng.int(2020, 2023);
  row(
    s,
    2,
    1,
    [
      "N° fiche",
      "Intitulé du poste",
      "Service",
      `ETP ${y0}`,
      `ETP ${y0 + 1}`,
      `Masse salariale ${y0}`,
      `Masse salariale ${y0 + 1}`,
      "Total masse salariale",
      "Financeur",
    ],
    true,
  );
  let r = 3;
  for (let i = 1; i <= rng.int(5, 12); i++) {
    const m1 = rng.int(30, 70) * 1000;
    const m2 = rng.int(30, 70) * 1000;
    row(
      s,
      r++,
      1,
      [
        `P-${String(i).padStart(3, "0")}`,
        rng.pick(["Puéricultrice", "Sage-femme", "Éducateur", "Assistant social", "Psychologue"]),
        rng.pick(["PMI", "ASE", "CRIP"]),
        1,
        rng.pick([0.5, 1]),
        m1,
        m2,
        m1 + m2,
        rng.pick(["Département", "FIR", "CD"]),
      ],
      false,
      EUR,
    );
  }
  row(s, r, 1, ["Total", null, null, null, null, sumCol(s, 6, 3, r - 1), sumCol(s, 7, 3, r - 1), sumCol(s, 8, 3, r - 1)], true, EUR);
  widths(s, 9);
  return { fileName: "effectifs.xlsx", sheets: [s] };
}

/** Totals per funder and year, like a pivot table placed before (or instead of) the annex. */
function pivot(rng: Rng): WorkbookSnapshot {
  const s = emptySheet(rng.pick(["TCD", "Synthèse par financeur", "Pivot"]));
  const years = [2020, 2021, 2022, 2023].slice(0, rng.int(2, 4));
  row(s, 1, 1, ["Financeur", ...years.map(String), "Total"], true);
  let r = 2;
  for (const f of ["Département", "FIR", "ETAT", "ONDAM"]) {
    const vals = years.map(() => rng.int(50, 900) * 1000);
    row(s, r++, 1, [f, ...vals, vals.reduce((a, b) => a + b, 0)], false, EUR);
  }
  row(s, r, 1, ["Total général", ...[...years, 0].map((_, i) => sumCol(s, i + 2, 2, r - 1))], true, EUR);
  widths(s, years.length + 2);
  return { fileName: "pivot.xlsx", sheets: [s] };
}

/** A list of subsidies to associations, with an objective column and a funder column. */
function subsidies(rng: Rng): WorkbookSnapshot {
  const s = emptySheet("Subventions");
  row(s, 1, 1, ["N°", "Association", "Objectif", "Financeur(s)", "Montant accordé", "Montant versé", "Reste à verser"], true);
  let r = 2;
  for (let i = 1; i <= rng.int(4, 10); i++) {
    const a = rng.int(5, 80) * 1000;
    const p = Math.round((a * rng.int(0, 100)) / 100);
    row(
      s,
      r++,
      1,
      [
        i,
        rng.pick(["Maison des familles", "Relais parental", "Espace rencontre", "Club de prévention"]),
        `Objectif ${rng.int(1, 26)}`,
        rng.pick(["CD", "FIR", "ETAT"]),
        a,
        p,
        a - p,
      ],
      false,
      EUR,
    );
  }
  row(s, r, 1, ["Total", null, null, null, sumCol(s, 5, 2, r - 1), sumCol(s, 6, 2, r - 1), sumCol(s, 7, 2, r - 1)], true, EUR);
  widths(s, 7);
  return { fileName: "subventions.xlsx", sheets: [s] };
}

function num(s: SheetSnapshot, r: number, c: number): number {
  const v = s.cells[r - 1]?.[c - 1]?.value;
  return typeof v === "number" ? v : 0;
}
function sumCol(s: SheetSnapshot, c: number, r1: number, r2: number): number {
  let t = 0;
  for (let r = r1; r <= r2; r++) t += num(s, r, c);
  return t;
}

export function generateLookalike(kind: LookalikeKind, seed: number): WorkbookSnapshot {
  const rng = new Rng(seed);
  switch (kind) {
    case "budget":
      return budget(rng);
    case "staffing":
      return staffing(rng);
    case "pivot":
      return pivot(rng);
    case "subsidies":
      return subsidies(rng);
    case "empty":
      return { fileName: "vide.xlsx", sheets: [emptySheet("Feuil1")] };
  }
}
