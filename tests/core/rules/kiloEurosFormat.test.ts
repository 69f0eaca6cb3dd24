// An annex kept in k€ that says so only in its cells' number format (« #,##0.00 "k€" »), no word in a header or title
// (corpus7 seed 130: a gap 0,5 k€ = 500 € off was taken for print rounding). A format that scales by a thousand
// (« #,##0, "k€" ») shows euros as k€: the stored amounts are euros.
import { checkAnnex } from "../../../src/core/check";
import { detectAmountUnit, unitOfFormat } from "../../../src/core/layout/amountUnit";
import { recognise } from "../../../src/core/layout/recognise";
import { TableView } from "../../../src/core/layout/view";
import { parseAddr } from "../../../src/core/model/a1";
import { setCell } from "../../../src/core/model/snapshot";
import { fiches, miniDetail, type MiniFiche } from "../miniAnnex";

function kiloFiches(): MiniFiche[] {
  const k = (xs: number[]) => xs.map((x) => x / 1000);
  return fiches().map((f) => ({
    ...f,
    ms: k(f.ms),
    dgas: k(f.dgas),
    fir: k(f.fir),
    etat: k(f.etat),
    ondam: k(f.ondam),
    realisedLast: f.realisedLast / 1000,
    realisedSince: f.realisedSince / 1000,
  }));
}

/** Every amount cell of the table (not the rates) given this number format. */
function formatted(m: ReturnType<typeof miniDetail>, numFmt: string) {
  const cols = Object.entries(m.colOf)
    .filter(([k]) => !/^(rate|fiche|label|objective|source)/.test(k))
    .map(([, L]) => parseAddr(`${L}1`).col);
  for (const row of [...m.rowOfFiche.values(), m.totalRow!])
    for (const col of cols) {
      const cell = m.sheet.cells[row - 1]?.[col - 1];
      if (cell && typeof cell.value === "number") setCell(m.sheet, row, col, { ...cell, numFmt });
    }
  return m;
}

function shiftGap(m: ReturnType<typeof miniDetail>, by: number): string {
  const row = m.rowOfFiche.get("2")!;
  const col = parseAddr(`${m.colOf.gap}1`).col;
  const cell = m.sheet.cells[row - 1]![col - 1]!;
  setCell(m.sheet, row, col, { ...cell, value: (cell.value as number) + by });
  return `${m.colOf.gap}${row}`;
}

describe("the unit a number format states", () => {
  test.each([
    ['#,##0.00 "k€"', "keur"],
    ['# ##0,0 "K€"', "keur"],
    ["#,##0 k€", "keur"],
    ['#,##0.0 "KEUR"', "keur"],
    ['#,##0 "€"', "eur"],
    ["#,##0 [$€-40C]", "eur"],
    ['_-* #,##0 €_-;-* #,##0 €_-;_-* "-" €_-;_-@_-', "eur"],
    ['#,##0, "k€"', "eur"],
    ['#,##0.0,, "M€"', "eur"],
    ["#,##0", null],
    ["0%", null],
    ["General", null],
  ])("%s -> %s", (fmt, unit) => {
    expect(unitOfFormat(fmt)).toBe(unit);
  });
});

test("amounts formatted « k€ », no word saying so: the table is read in k€ and a gap 0,5 k€ off is an error", () => {
  const m = formatted(miniDetail({ fiches: kiloFiches() }), '#,##0.00 "k€"');
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  expect(detectAmountUnit(v.sheet, v.t)).toBe("keur");
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity !== "info")).toEqual([]);
  const cell = shiftGap(m, 0.5);
  const found = checkAnnex(m.wb).findings.filter((f) => f.severity !== "info");
  expect(found.map((f) => `${f.rule} ${f.severity} ${f.cell}`)).toEqual([`rate-mismatch error ${cell}`]);
});

test("euros shown as k€ by a scaling format: euros, a 0,5 € gap stays rounding", () => {
  const m = formatted(miniDetail(), '#,##0, "k€"');
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  expect(detectAmountUnit(v.sheet, v.t)).toBeNull();
  shiftGap(m, 0.5);
  expect(checkAnnex(m.wb).findings.filter((f) => f.severity === "error")).toEqual([]);
});

test("a header saying euros wins over a k€ format", () => {
  const m = formatted(miniDetail(), '#,##0.00 "k€"');
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  setCell(m.sheet, v.t.headerRows[0]!, parseAddr(`${m.colOf.budget}1`).col, { value: "Moyens financiers (€)" });
  const w = TableView.of(m.wb, recognise(m.wb).detail)!;
  expect(detectAmountUnit(w.sheet, w.t)).toBe("eur");
});

test("formats that disagree (some k€, some €) state nothing", () => {
  const m = formatted(miniDetail({ fiches: kiloFiches() }), '#,##0.00 "k€"');
  const row = m.rowOfFiche.get("3")!;
  const col = parseAddr(`${m.colOf.budget}1`).col;
  setCell(m.sheet, row, col, { ...m.sheet.cells[row - 1]![col - 1]!, numFmt: '#,##0 "€"' });
  const v = TableView.of(m.wb, recognise(m.wb).detail)!;
  expect(detectAmountUnit(v.sheet, v.t)).toBeNull();
});
