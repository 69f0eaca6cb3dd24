// A header on four rows whose single headers (« N° fiche », « Intitulé », « Coût total », « Source ») sit on its top
// row while the groups start lower, staggered and written over their first column only (« Prévisionnel » on row 1 over
// the Département's blocks, « Cofinanceurs » on row 3, « Suivi » on row 3): the band found from the rows of groups
// (rows 2-4) lacks the top row, hence the fiche column, and the whole detail table was dropped without a word
// (corpus5 seeds 35, 584: exit 2, « aucune annexe reconnue »).
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { colToLetters } from "../../../src/core/model/a1";

type Row = Array<string | number | null>;

function sheetOf(rows: Row[]): WorkbookSnapshot {
  const sheet = emptySheet("Suivi");
  sheet.defaultColWidth = 18;
  // (The last column holds rates, shown as percentages.)
  rows.forEach((row, i) =>
    row.forEach((v, j) => v !== null && setCell(sheet, i + 1, j + 1, j === 17 && typeof v === "number" ? { value: v, numFmt: "0%" } : { value: v })),
  );
  return { sheets: [sheet] };
}

const _ = null;
// Columns: A N°, B Intitulé, C Coût total, D-F MS 2026/2027/Total, G-I DGAS, J-L CD, M Source, N FIR, O ONDAM,
// P réalisé 2027, Q réalisé depuis 2026, R taux global.
const header: Row[] = [
  ["N° fiche", "Intitulé de l'action", "Coût total prévu", "Prévisionnel", _, _, _, _, _, _, _, _, "Source du co-financement", _, _, _, _, _],
  [_, _, _, "Financement départemental", _, _, _, _, _, _, _, _, _, "Prévisionnel", _, _, _, _],
  [_, _, _, "Masse salariale", _, _, "Crédits DGAS", _, _, "Total Département", _, _, _, "Cofinanceurs", _, "Suivi de l'exécution", _, _],
  [
    _,
    _,
    _,
    "Année 2026",
    "Année 2027",
    "2026-2027",
    "Année 2026",
    "Année 2027",
    "2026-2027",
    "Année 2026",
    "Année 2027",
    "2026-2027",
    _,
    "ARS",
    "Assurance maladie",
    "Dépenses réalisées 2027",
    "Réalisation depuis 2026",
    "% consommé depuis 2026",
  ],
];

function fiche(n: string, ms: [number, number], dgas: [number, number], fir: number, ondam: number, source: string, done: number): Row {
  const cd: [number, number] = [ms[0] + dgas[0], ms[1] + dgas[1]];
  const budget = cd[0] + cd[1] + fir + ondam;
  const since = done + 1000;
  return [
    n,
    `Action ${n}`,
    budget,
    ms[0],
    ms[1],
    ms[0] + ms[1],
    dgas[0],
    dgas[1],
    dgas[0] + dgas[1],
    cd[0],
    cd[1],
    cd[0] + cd[1],
    source,
    fir,
    ondam,
    done,
    since,
    since / budget,
  ];
}

function annex(): WorkbookSnapshot {
  const body = [
    fiche("A1", [10000, 12000], [3000, 4000], 8000, 0, "ARS", 9000),
    fiche("A2", [20000, 21000], [0, 0], 0, 6000, "AM", 15000),
    fiche("B1", [5000, 7000], [2000, 2500], 4000, 3000, "ARS/AM", 4000),
  ];
  const total: Row = ["TOTAL", _, ...body[0]!.slice(2).map((_v, j) => (j === 10 ? null : body.reduce((a, r) => a + (r[j + 2] as number), 0)))];
  total[17] = (total[16] as number) / (total[2] as number);
  return sheetOf([...header, ...body, total]);
}

test("single headers on the top row of a four-row header whose groups start lower are the table's columns", () => {
  const layout = recognise(annex());
  expect(layout.detail).not.toBeNull();
  const d = layout.detail!;
  expect(d.headerRows).toEqual([1, 2, 3, 4]);
  const letter = (c: number | undefined) => (c === undefined ? "-" : colToLetters(c));
  expect({ fiche: letter(d.columns.fiche), budget: letter(d.columns.budget), source: letter(d.columns.source), cdTotal: letter(d.columns.cdTotal) }).toEqual({
    fiche: "A",
    budget: "C",
    source: "M",
    cdTotal: "L",
  });
  expect(d.rows.filter((r) => r.kind === "fiche").length).toBe(3);
  const report = checkAnnex(annex());
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
});
