// A zero typed « - » is the accountants' way of writing nothing: left out of a sum, it changes no total. An amount typed
// as text is still a warning at its cell.
import { checkAnnex } from "../../../src/core/check";
import { miniDetail } from "../miniAnnex";

function amountCell(m: ReturnType<typeof miniDetail>): { row: number; col: number } {
  const row = [...m.rowOfFiche.values()][1]!;
  const cells = m.sheet.cells[row - 1]!;
  const col = cells.findIndex((c, i) => i > 4 && c && typeof c.value === "number" && !c.formula && c.value > 0) + 1;
  return { row, col };
}

test("a zero typed « - » gives no number-as-text warning", () => {
  const m = miniDetail();
  const { row, col } = amountCell(m);
  const cell = m.sheet.cells[row - 1]![col - 1]!;
  cell.value = "-";
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "number-as-text")).toEqual([]);
});

test("an amount typed as text still warns at its cell", () => {
  const m = miniDetail();
  const { row, col } = amountCell(m);
  m.sheet.cells[row - 1]![col - 1]!.value = "1 500 €";
  expect(checkAnnex(m.wb).findings.filter((f) => f.rule === "number-as-text")).toHaveLength(1);
});
