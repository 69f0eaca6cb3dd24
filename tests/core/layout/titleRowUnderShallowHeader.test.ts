// A summary set beside a detail whose header is deeper: the summary's first row under its one-row header is an
// engagement title (« Engagement 1 ») in its first column. That row is the summary's body, not a second header row:
// read as one, « Engagement » / « Engagement 1 » named nothing and the mesure column was lost (corpus5 seeds 310, 344,
// 394, 600).
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { emptySheet, setCell, type WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { fiches, miniSummary } from "../miniAnnex";

const _ = null;
type Row = Array<string | number | null>;
// A detail on three header rows: single headers on the top one, groups merged on the second, years on the third.
const detailHeader: Row[] = [
  [
    "N° fiche",
    "Intitulé de l'action",
    "Coût total prévu",
    "Masse salariale",
    _,
    _,
    "Crédits DGAS",
    _,
    _,
    "Source du co-financement",
    "FIR",
    "ONDAM",
    "Réalisé 2022",
    "Réalisé depuis 2021",
  ],
  [_, _, _, "Prévisionnel", _, _, "Prévisionnel", _, _, _, _, _, _, _],
  [_, _, _, "2021", "2022", "Total", "2021", "2022", "Total", _, _, _, _, _],
];

function annex(header: string): WorkbookSnapshot {
  const fs = fiches(4);
  const sheet = emptySheet("Fiches actions");
  sheet.defaultColWidth = 18;
  detailHeader.forEach((row, i) => row.forEach((v, j) => v !== null && setCell(sheet, i + 1, j + 1, { value: /^20\d\d$/.test(v as string) ? Number(v) : v })));
  sheet.merges.push({ r1: 2, c1: 4, r2: 2, c2: 6 }, { r1: 2, c1: 7, r2: 2, c2: 9 });
  fs.forEach((f, i) => {
    const ms = f.ms.reduce((a, b) => a + b, 0);
    const dgas = f.dgas.reduce((a, b) => a + b, 0);
    const fir = f.fir.reduce((a, b) => a + b, 0);
    const ondam = f.ondam.reduce((a, b) => a + b, 0);
    const row: Row = [
      f.n,
      f.label,
      ms + dgas + fir + ondam,
      f.ms[0]!,
      f.ms[1]!,
      ms,
      f.dgas[0]!,
      f.dgas[1]!,
      dgas,
      f.source,
      fir,
      ondam,
      f.realisedLast,
      f.realisedSince,
    ];
    row.forEach((v, j) => v !== null && setCell(sheet, 4 + i, j + 1, { value: v }));
  });
  // The summary two columns to the right, its header on the detail's top row, an engagement title under it.
  const other: WorkbookSnapshot = { sheets: [] };
  const s = miniSummary(other, fs);
  setCell(s.sheet, 1, 1, { value: header });
  setCell(s.sheet, 2, 1, { value: "Engagement 1" });
  const left = detailHeader[0]!.length + 2;
  s.sheet.cells.forEach((row, i) => row?.forEach((cell, j) => cell && setCell(sheet, i + 1, left + j, cell)));
  return { sheets: [sheet] };
}

test.each(["Engagement", "ENGAGEMENT"])("the summary's « %s » column under a one-row header beside a deeper one is its mesure", (header) => {
  const layout = recognise(annex(header));
  const mesure = colToLetters(detailHeader[0]!.length + 2);
  expect(layout.summary).not.toBeNull();
  const s = layout.summary!;
  expect({ rows: s.headerRows, mesure: s.columns.mesure === undefined ? "-" : colToLetters(s.columns.mesure) }).toEqual({ rows: [1], mesure });
  expect(s.rows.filter((r) => r.kind === "fiche").length).toBe(4);
});
