// Row kinds under the header, each a hypothesis the table's own sums confirm: small hand-written sheets, one per class
// of layout (TOTAL on top, sub-totals with no « sous-total » word, engagement rows carrying their fiches' sums, a TOTAL
// whose label a merge hid, « Total objectif N » sub-totals, sub-action numbers typed as numbers).
import type { Cell, CellValue, SheetSnapshot } from "../../../src/core/model/snapshot";
import { parseBody, parseFiche } from "../../../src/core/layout/rows";

type Row = Array<CellValue | { f: string; v?: number | null }>;

/** A sheet from rows written from row 2 (row 1 is the header), column A first. */
function sheetOf(rows: Row[]): SheetSnapshot {
  const cells: Array<Array<Cell | undefined> | undefined> = [
    [{ value: "N°" }, { value: "Intitulé" }, { value: "Total CD" }, { value: "FIR" }, { value: "Budget" }],
  ];
  for (const r of rows)
    cells.push(
      r.map((v) =>
        v !== null && typeof v === "object" && "f" in v ? { value: v.v ?? null, formula: v.f } : v === null ? undefined : { value: v as CellValue },
      ),
    );
  return {
    name: "Annexe",
    rowCount: cells.length,
    colCount: 5,
    cells,
    merges: [],
    colWidths: [],
    defaultColWidth: 10,
    hiddenCols: new Set(),
    hiddenRows: new Set(),
    protected: false,
    defaultFont: {},
  };
}

const columns = { fiche: 1, label: 2, cdTotal: 3, firTotal: 4, budget: 5 };
const AMOUNTS = [3, 4, 5];
function kinds(rows: Row[]): string[] {
  const body = parseBody(sheetOf(rows), "detail", { c1: 1, c2: 5 }, 1, columns, () => false, AMOUNTS);
  return body.rows.map((r) => `${r.row}:${r.kind}${r.fiche ? ` ${r.fiche}` : ""}`);
}
const fiche = (n: number | string, cd: number, fir: number): Row => [n, `Action ${n}`, cd, fir, cd + fir];
const sum = (label: string | null, cd: number, fir: number, col = 2): Row => (col === 1 ? [label, null, cd, fir, cd + fir] : [null, label, cd, fir, cd + fir]);

test("a TOTAL above the fiches: the table goes on under it", () => {
  expect(kinds([sum("TOTAL", 30, 6, 1), fiche(1, 10, 2), fiche(2, 20, 4)])).toEqual(["2:total", "3:fiche 1", "4:fiche 2"]);
});

test("a sub-total with no « sous-total » word (« S/T axe 1 », label column, fiche column empty) is confirmed by its sum", () => {
  const rows = [fiche(1, 10, 2), fiche(2, 20, 4), sum("S/T axe 1", 30, 6), fiche(3, 5, 1), fiche(4, 5, 1), sum("S/T axe 2", 10, 2), sum(null, 40, 8)];
  expect(kinds(rows)).toEqual(["2:fiche 1", "3:fiche 2", "4:subtotal", "5:fiche 3", "6:fiche 4", "7:subtotal", "8:total"]);
});

test("an engagement row carrying the sum of the fiches under it is their sub-total, not a title", () => {
  const rows = [
    sum("Engagement 1 : Agir le plus précocement", 30, 6, 1),
    fiche(1, 10, 2),
    fiche(2, 20, 4),
    sum("Engagement 2 : Sécuriser les parcours", 7, 0, 1),
    fiche(3, 7, 0),
    sum("TOTAL", 37, 6, 1),
  ];
  const body = parseBody(sheetOf(rows), "detail", { c1: 1, c2: 5 }, 1, columns, () => false, AMOUNTS);
  expect(body.rows.map((r) => `${r.row}:${r.kind}`)).toEqual(["2:subtotal", "3:fiche", "4:fiche", "5:subtotal", "6:fiche", "7:total"]);
  expect(body.groups.map((g) => [g.subtotalRow, g.rows])).toEqual([
    [2, [3, 4]],
    [5, [6]],
  ]);
});

test("an engagement row whose amounts are not its fiches' sum stays a title", () => {
  const rows = [sum("Engagement 1", 99, 99, 1), fiche(1, 10, 2), fiche(2, 20, 4), sum("TOTAL", 30, 6, 1)];
  expect(kinds(rows)).toEqual(["2:title", "3:fiche 1", "4:fiche 2", "5:total"]);
});

test("a TOTAL whose label a merge hid is the TOTAL, not a continuation of the last fiche", () => {
  expect(kinds([fiche(1, 10, 2), fiche(2, 20, 4), fiche(3, 1, 1), sum(null, 31, 7)])).toEqual(["2:fiche 1", "3:fiche 2", "4:fiche 3", "5:total"]);
});

test("a TOTAL on top with no label, over engagement rows that carry sums", () => {
  const rows = [sum(null, 37, 6, 1), sum("Engagement 1", 30, 6, 1), fiche(1, 10, 2), fiche(2, 20, 4), sum("Engagement 2", 7, 0, 1), fiche(3, 7, 0)];
  expect(kinds(rows)).toEqual(["2:total", "3:subtotal", "4:fiche 1", "5:fiche 2", "6:subtotal", "7:fiche 3"]);
});

test("the first sub-total adds up every row so far and is still a sub-total when fiches follow it", () => {
  const rows = [fiche(1, 10, 2), fiche(2, 20, 4), sum(null, 30, 6), fiche(3, 5, 1), fiche(4, 5, 1), sum(null, 10, 2), sum(null, 40, 8)];
  expect(kinds(rows)).toEqual(["2:fiche 1", "3:fiche 2", "4:subtotal", "5:fiche 3", "6:fiche 4", "7:subtotal", "8:total"]);
});

test("« Total objectif 1 » and « Total IV » are sub-totals; the last « Total » is the TOTAL", () => {
  const rows = [fiche(1, 10, 2), fiche(2, 20, 4), sum("Total objectif 1", 30, 6), fiche(3, 5, 1), sum("Total IV", 5, 1), sum("Total", 35, 7)];
  expect(kinds(rows)).toEqual(["2:fiche 1", "3:fiche 2", "4:subtotal", "5:fiche 3", "6:subtotal", "7:total"]);
});

test("a fiche spread over rows keeps its continuation rows, whose amounts are no sum", () => {
  const rows = [fiche(1, 10, 2), [null, "dont volet 2", 4, 1, 5], fiche(2, 20, 4), sum("TOTAL", 34, 7)];
  expect(kinds(rows)).toEqual(["2:fiche 1", "3:continuation", "4:fiche 2", "5:total"]);
});

test("a sub-total whose formulas have no cached value is confirmed by the rows they add", () => {
  const rows: Row[] = [
    fiche(1, 10, 2),
    fiche(2, 20, 4),
    [null, "S/T", { f: "SUM(C2:C3)" }, { f: "SUM(D2:D3)" }, { f: "SUM(E2:E3)" }],
    fiche(3, 5, 1),
    fiche(4, 5, 1),
  ];
  expect(kinds(rows)).toEqual(["2:fiche 1", "3:fiche 2", "4:subtotal", "5:fiche 3", "6:fiche 4"]);
});

test("a header row the header reading missed, above the fiches, is no fiche's row", () => {
  expect(kinds([[null, null, "2022", "2022", null], sum("TOTAL", 30, 6, 1), fiche(1, 10, 2), fiche(2, 20, 4)])).toEqual([
    "2:title",
    "3:total",
    "4:fiche 1",
    "5:fiche 2",
  ]);
});

test("sub-action numbers typed as numbers and roman-numbered ones", () => {
  expect([parseFiche(1.1), parseFiche(2.3), parseFiche("III.1"), parseFiche("IV.2"), parseFiche("I.1")]).toEqual(["1.1", "2.3", "III1", "IV2", "I1"]);
});

test("under the rows a TOTAL on top adds, a line that is no fiche is not part of the table", () => {
  const top: Row = ["TOTAL", null, { f: "SUM(C3:C4)", v: 30 }, { f: "SUM(D3:D4)", v: 6 }, { f: "SUM(E3:E4)", v: 36 }];
  const rows: Row[] = [top, fiche(1, 10, 2), fiche(2, 20, 4), [null, "Ligne de contrôle masquée", null, null, null]];
  expect(kinds(rows)).toEqual(["2:total", "3:fiche 1", "4:fiche 2"]);
  // A fiche the TOTAL's formula forgot is still read (total-formula says it is left out).
  expect(kinds([top, fiche(1, 10, 2), fiche(2, 20, 4), fiche(3, 1, 1)])).toEqual(["2:total", "3:fiche 1", "4:fiche 2", "5:fiche 3"]);
});
