// A detail with a one-row header beside a summary whose header is two rows deep: the detail's first row under its
// header is an engagement title written in the label column (the fiche number column left blank), not a second header
// row. Read as one, « ACTIONS DU CONTRAT » / « ENGAGEMENT 1 : AGIR… » named nothing and the label was lost (corpus7
// seed 89). A title row holds one text (or one merged across), no number, and fiche rows follow it; a header row's
// texts are header words.
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";

const _ = null;
type Row = Array<string | number | null>;
const DETAIL_HEAD = ["NUMERO FA", "ACTIONS DU CONTRAT", "PLAN DE FINANCEMENT TOTAL", "MASSE SALARIALE 2022", "BUDGET DGAS 2022", "TOTAL CD 2022", "FIR 2022", "REALISE 2022"];
const fiche = (n: string, label: string, ms: number, dgas: number, fir: number): Row => [n, label, ms + dgas + fir, ms, dgas, ms + dgas, fir, Math.round((ms + dgas) * 0.7)];

function annex(titleText: string, titleCol: number): { wb: WorkbookSnapshot; summaryLeft: number } {
  const sheet = emptySheet("Tableau financier");
  sheet.defaultColWidth = 18;
  const put = (r: number, row: Row, left = 1) => row.forEach((v, j) => v !== null && setCell(sheet, r, left + j, { value: v }));
  put(1, DETAIL_HEAD);
  const title: Row = DETAIL_HEAD.map(() => _);
  title[titleCol - 1] = titleText;
  put(2, title);
  const rows = [fiche("FA 1", "Dispositif passerelle 16-25 ans", 10000, 20000, 5000), fiche("FA 2", "Relais parentaux", 12000, 8000, 0), fiche("FA 3", "Centre parental", 3000, 9000, 4000)];
  rows.forEach((row, i) => put(3 + i, row));
  const sum = (j: number) => rows.reduce((a, row) => a + (row[j] as number), 0);
  put(6, ["TOTAL", _, ...DETAIL_HEAD.slice(2).map((_h, k) => sum(k + 2))]);
  // The summary two columns to the right: single headers merged down over two rows, « Budget consommé » over two years.
  const left = DETAIL_HEAD.length + 3;
  put(1, ["N° FA", "Budget global", "Département", "FIR", "Budget consommé", _], left);
  put(2, [_, _, _, _, "en 2022", "2020-2022"], left);
  for (let c = 0; c < 4; c++) sheet.merges.push({ r1: 1, c1: left + c, r2: 2, c2: left + c });
  sheet.merges.push({ r1: 1, c1: left + 4, r2: 1, c2: left + 5 });
  rows.forEach((row, i) => put(3 + i, [String(i + 1), row[2]!, row[5]!, row[6]!, row[7]!, (row[7] as number) + 1000], left));
  put(6, ["Total", sum(2), sum(5), sum(6), sum(7), sum(7) + 3000], left);
  return { wb: { sheets: [sheet] }, summaryLeft: left };
}

test.each([
  ["in the label column", "ENGAGEMENT 1 : AGIR LE PLUS PRECOCEMENT POSSIBLE POUR REPONDRE AUX BESOINS DES ENFANTS", 2],
  ["in the first column", "ENGAGEMENT 1 : AGIR LE PLUS PRECOCEMENT POSSIBLE POUR REPONDRE AUX BESOINS DES ENFANTS", 1],
  ["short, in the label column", "Axe 1", 2],
])("an engagement title %s under a one-row header beside a deeper one is the body's first row", (_name, text, col) => {
  const { wb, summaryLeft } = annex(text, col);
  const layout = recognise(wb);
  const d = layout.detail!;
  expect(d.headerRows).toEqual([1]);
  expect(colToLetters(d.columns.label ?? 0)).toBe("B");
  expect(d.rows.filter((r) => r.kind === "fiche").length).toBe(3);
  // The summary keeps its two header rows.
  expect(layout.summary?.headerRows).toEqual([1, 2]);
  expect(layout.summary?.range.c1).toBe(summaryLeft);
});

test("a second header row with one sub-header word is still a header row", () => {
  // « Montant » under the label column names a column: a header word, not a title.
  const { wb } = annex("Montant", 3);
  const d = recognise(wb).detail;
  expect(d?.headerRows).toEqual([1, 2]);
});
