// Single headers on a header's top row, merged down over the rows where the groups start lower (« ACTIONS » merged
// A6:A8 beside « MOYENS PRÉVUS » / « Dotation 2022 » / « FIR »): the band found from the rows of groups must take that
// top row in, or the fiche column is lost with it.
import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, standardCols } from "../miniAnnex";

function withTopRow(headOf: (key: string) => string, top: string[]) {
  const cols = standardCols().map((c) => ({ ...c, head: headOf(c.key) || c.head }));
  const m = miniDetail({ cols, fiches: fiches(6), top: 3 });
  const { sheet } = m;
  // The TOTAL as values (its SUM formulas would not follow the inserted row).
  for (const row of sheet.cells) for (const cell of row ?? []) if (cell) delete cell.formula;
  // One row inserted above the two header rows: the singles move up to it, merged down over three rows, and a group
  // over every amount column stands on it.
  sheet.cells.splice(2, 0, []);
  sheet.rowCount++;
  for (const mg of sheet.merges) {
    if (mg.r1 >= 3) mg.r1++;
    if (mg.r2 >= 3) mg.r2++;
  }
  // The fiche's words on the top row; the budget, the source and the realisations stay singles of the band below.
  const singles = cols.map((c, i) => ({ c, col: i + 1 })).filter((x) => top.includes(x.c.key));
  const grouped = cols.map((c, i) => ({ c, col: i + 1 })).filter((x) => !top.includes(x.c.key));
  for (const { col } of singles) {
    const cell = sheet.cells[3]![col - 1]!;
    setCell(sheet, 3, col, cell);
    sheet.cells[3]![col - 1] = undefined;
    const mg = sheet.merges.find((x) => x.c1 === col && x.c2 === col && x.r1 === 4);
    if (mg) mg.r1 = 3;
    else sheet.merges.push({ r1: 3, c1: col, r2: 5, c2: col });
  }
  const first = grouped[0]!.col;
  const last = grouped[grouped.length - 1]!.col;
  setCell(sheet, 3, first, { value: "MOYENS PRÉVUS" });
  sheet.merges.push({ r1: 3, c1: first, r2: 3, c2: last });
  return m;
}

const WORDS = ["fiche", "label", "objective", "objectiveType"];

test.each([
  ["N° fiche", (k: string) => (k === "fiche" ? "Numéro" : ""), WORDS],
  ["ACTIONS over « 1 - title »", (k: string) => (k === "label" ? "ACTIONS" : ""), WORDS],
  ["FICHE ACTION over « 1 - title », alone on the top row", (k: string) => (k === "label" ? "FICHE ACTION" : ""), ["label"]],
])("singles merged down from the top row beside a deeper band of groups (%s)", (_name, headOf, top) => {
  const m = withTopRow(headOf, top);
  const titled = headOf("label") !== "";
  if (titled) {
    // No number column: the numbers in the titles.
    const fc = lettersToCol(m.colOf.fiche!);
    const lc = lettersToCol(m.colOf.label!);
    for (let r = 6; r <= m.sheet.rowCount; r++) {
      const n = m.sheet.cells[r - 1]?.[fc - 1]?.value;
      const l = m.sheet.cells[r - 1]?.[lc - 1]?.value;
      if (n !== undefined && l !== undefined) m.sheet.cells[r - 1]![lc - 1]!.value = `${n} - ${l}`;
      if (m.sheet.cells[r - 1]?.[fc - 1]) m.sheet.cells[r - 1]![fc - 1]!.value = "";
    }
    m.sheet.cells[top.includes("fiche") ? 2 : 3]![fc - 1]!.value = "Observations";
  }
  const d = recognise(m.wb).detail!;
  expect(d).toBeTruthy();
  expect(d.headerRows).toEqual([3, 4, 5]);
  const ficheCol = lettersToCol(titled ? m.colOf.label! : m.colOf.fiche!);
  expect(d.columns.fiche).toBe(ficheCol);
  expect(d.rows.filter((r) => r.kind === "fiche")).toHaveLength(6);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
});
