// Look-alikes that are not annexes: nothing recognised, and the closest candidate says why it was set aside.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { emptySheet, setCell, type SheetSnapshot, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { noAnnexMessage } from "../../../src/messages/layout";
import { miniDetail } from "../miniAnnex";

function sheetOf(name: string, rows: Array<Array<string | number | null>>, top = 1): SheetSnapshot {
  const s = emptySheet(name);
  rows.forEach((row, i) =>
    row.forEach((v, j) => {
      if (v !== null) setCell(s, top + i, j + 1, { value: v });
    }),
  );
  return s;
}

const budget = () =>
  sheetOf("Budget 2022", [
    ["Chapitre", "Libellé", "Budget prévisionnel 2021", "Budget prévisionnel 2022", "Réalisé 2021", "Réalisé 2022", "Écart", "Total"],
    [11, "Charges à caractère général", 100000, 110000, 95000, 100000, 10000, 210000],
    [12, "Charges de personnel (masse salariale)", 500000, 510000, 490000, 505000, 5000, 1010000],
    [65, "Autres charges de gestion courante", 20000, 21000, 19000, 20000, 1000, 41000],
    ["Total", null, 620000, 641000, 604000, 625000, 16000, 1261000],
  ]);

const staffing = () =>
  sheetOf("Effectifs", [
    [
      "N° fiche de poste",
      "Intitulé du poste",
      "Service",
      "Grade",
      "ETP 2021",
      "ETP 2022",
      "Masse salariale 2021",
      "Masse salariale 2022",
      "Total masse salariale",
    ],
    [1, "Puéricultrice", "PMI", "Cadre B", 1, 1, 42000, 43000, 85000],
    [2, "Sage-femme", "PMI", "Cadre A", 0.8, 1, 38000, 47000, 85000],
    [3, "Éducateur", "ASE", "Cadre B", 2, 2, 80000, 82000, 162000],
    ["Total", null, null, null, 3.8, 4, 160000, 172000, 332000],
  ]);

const pivot = () =>
  sheetOf("TCD financeurs", [
    [
      "Étiquettes de lignes",
      "Somme de Masse salariale",
      "Somme de Budget DGAS",
      "Somme de Total CD",
      "Somme de Montant FIR",
      "Somme de Montant ETAT",
      "Somme de Montant ONDAM",
    ],
    [2020, 100000, 20000, 120000, 5000, 30000, 0],
    [2021, 110000, 25000, 135000, 6000, 35000, 10000],
    [2022, 120000, 30000, 150000, 7000, 40000, 20000],
    ["Total général", 330000, 75000, 405000, 18000, 105000, 30000],
  ]);

test.each([
  ["a département's budget with Total rows and years", budget],
  ["a staffing table with a « N° fiche » column", staffing],
  ["a pivot of totals per funder", pivot],
])("%s is not an annex", (_name, make) => {
  const wb: WorkbookSnapshot = { sheets: [make()] };
  const layout = recognise(wb);
  expect(layout.tables).toEqual([]);
  expect(layout.detail).toBeNull();
  expect(layout.summary).toBeNull();
  expect(checkAnnex(wb, {}, layout).findings).toEqual([]);
  const msg = noAnnexMessage(layout.closest);
  expect(msg).toMatch(/^Aucune annexe CDPPE reconnue/);
});

test("the closest candidate says why it was set aside", () => {
  const layout = recognise({ sheets: [staffing()] });
  expect(layout.closest).toMatchObject({ sheet: "Effectifs", row: 1 });
  expect(layout.closest!.why).toBeTruthy();
  expect(noAnnexMessage(layout.closest)).toContain("écarté\u00a0:");
});

test("an empty workbook, and a workbook of empty sheets", () => {
  for (const wb of [{ sheets: [] }, { sheets: [emptySheet("Feuil1"), emptySheet("Feuil2")] }] as WorkbookSnapshot[]) {
    const layout = recognise(wb);
    expect(layout.tables).toEqual([]);
    expect(layout.closest).toBeNull();
    expect(noAnnexMessage(null)).toContain("Aucune ligne ne ressemble");
  }
});

test("a pivot of totals placed before the annex is not a second detail table", () => {
  const wb: WorkbookSnapshot = { sheets: [pivot(), budget()] };
  miniDetail({}, wb);
  const layout = recognise(wb);
  expect(layout.tables.map((t) => [t.kind, t.sheet])).toEqual([["detail", "Suivi fiches actions"]]);
  expect(checkAnnex(wb, {}, layout).findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("the pivot on the annex's own sheet, above it", () => {
  const wb: WorkbookSnapshot = { sheets: [] };
  const m = miniDetail({ top: 12 }, wb);
  const p = pivot();
  p.cells.forEach((row, i) =>
    row?.forEach((c, j) => {
      if (c) setCell(m.sheet, i + 2, j + 1, c);
    }),
  );
  const layout = recognise(wb);
  expect(layout.tables.map((t) => [t.kind, t.range.r1])).toEqual([["detail", 12]]);
});
