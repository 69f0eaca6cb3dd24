import { checkAnnex } from "../../../src/core/check";
import { recognise } from "../../../src/core/layout/recognise";
import { colToLetters } from "../../../src/core/model/a1";
import { generateAnnex } from "../../support/annexGenerator";

// display-overflow answers once per shape of General integers (their digits, one width each), not once per cell: the
// shape must still tell a fiche number that fits from a longer one that does not in the same narrow column.
test("in a narrow General column, the integers too long for it are flagged and only they", () => {
  const g = generateAnnex({ seed: 3, fiches: 15, years: [2020, 2021, 2022], continuationEvery: 0 });
  const wb = g.workbook;
  const detail = recognise(wb).detail!;
  const sheet = wb.sheets.find((s) => s.name === detail.sheet)!;
  // A General column of integers inside the table: the one with the most of them.
  let best = { col: 0, n: 0 };
  for (let c = detail.range.c1; c <= detail.range.c2; c++) {
    let n = 0;
    for (let r = detail.range.r1; r <= detail.range.r2; r++) {
      const cell = sheet.cells[r - 1]?.[c - 1];
      if (cell && typeof cell.value === "number" && Number.isInteger(cell.value) && !cell.numFmt && !cell.text) n++;
    }
    if (n > best.n) best = { col: c, n };
  }
  expect(best.n).toBeGreaterThanOrEqual(10);
  const col = best.col;
  // Two characters wide (14 px): one digit fits (7 px + padding), two do not.
  sheet.colWidths[col - 1] = 2;
  const expected: string[] = [];
  for (let r = detail.range.r1; r <= detail.range.r2; r++) {
    const cell = sheet.cells[r - 1]?.[col - 1];
    if (cell && typeof cell.value === "number" && !sheet.hiddenRows.has(r) && String(Math.abs(cell.value)).length + (cell.value < 0 ? 1 : 0) >= 2)
      expected.push(`${colToLetters(col)}${r}`);
  }
  expect(expected.length).toBeGreaterThan(0);
  const flagged = checkAnnex(wb)
    .findings.filter(
      (f) =>
        f.rule === "display-overflow" && f.sheet === sheet.name && f.cell.startsWith(colToLetters(col)) && /^\d+$/.test(f.cell.slice(colToLetters(col).length)),
    )
    .map((f) => f.cell);
  expect(flagged).toEqual(expected);
});
