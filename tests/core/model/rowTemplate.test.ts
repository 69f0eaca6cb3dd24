import { ColumnInsertions } from "../../../src/core/model/columnInsert";
import { RowTemplateMemo, rowPieces } from "../../../src/core/model/rowTemplate";
import { PlannedFormulas } from "../../../src/core/compute/addYearFormulas";

describe("rowPieces", () => {
  it("cuts where the row number ends a cell reference", () => {
    expect(rowPieces("SUM(F5:J5)", "5")).toEqual(["SUM(F", ":J", ")"]);
    expect(rowPieces("$F$5+F$5+$AB5", "5")).toEqual(["$F$", "+F$", "+$AB", ""]);
  });

  it("never inside a function name, a longer name, another number or a sheet name", () => {
    expect(rowPieces("LOG10(F10)", "10")).toEqual(["LOG10(F", ")"]);
    expect(rowPieces("IMLOG2(B2)+ABCD2+Tax2_rate+F25+F2.5", "2")).toEqual(["IMLOG2(B", ")+ABCD2+Tax2_rate+F25+F2.5"]);
    expect(rowPieces("Feuil5!B5", "5")).toEqual(["Feuil5!B", ""]);
  });

  it("leaves alone formulas with quotes, strings or brackets", () => {
    expect(rowPieces("'Synthèse 5'!B5", "5")).toBeNull();
    expect(rowPieces('IF(B5="",0,B5)', "5")).toBeNull();
    expect(rowPieces("Table1[@[Total 5]]+B5", "5")).toBeNull();
  });
});

describe("RowTemplateMemo", () => {
  it("answers each row as the rewrite would, and calls it once per template", () => {
    const memo = new RowTemplateMemo();
    let calls = 0;
    // A rewrite that depends on the row only through its own references: appends the row's G cell.
    const rewrite = (f: string, row: number) => () => (calls++, `${f}+G${row}`);
    for (let row = 4; row < 40; row++) expect(memo.get(`F${row}*2`, row, "x", rewrite(`F${row}*2`, row))).toBe(`F${row}*2+G${row}`);
    expect(calls).toBe(1);
    // Another context is another entry.
    expect(memo.get("F7*2", 7, "y", rewrite("F7*2", 7))).toBe("F7*2+G7");
    expect(calls).toBe(2);
  });

  it("remembers that a formula cannot be extended", () => {
    const memo = new RowTemplateMemo();
    let calls = 0;
    for (let row = 4; row < 10; row++)
      expect(
        memo.get(`B${row}`, row, "x", () => {
          calls++;
          return null;
        }),
      ).toBeNull();
    expect(calls).toBe(1);
  });
});

describe("PlannedFormulas with its memo", () => {
  it("gives what a formula parsed on its own gives, row by row", () => {
    const ins = [new ColumnInsertions("S", [{ at: 8, count: 1 }, { at: 12, count: 2 }])];
    const memo = new PlannedFormulas(ins);
    const fresh = () => new PlannedFormulas(ins);
    const ends = new Map([[10, 11]]);
    const formulas = (r: number) => [
      `SUM(E${r}:G${r})`,
      `E${r}+F${r}+G${r}`,
      `SUM(E${r}:G${r})+$M$3`,
      `SUM(E3:G3)+E${r}`,
      `LOG10(E${r})+E${r + 1}`,
      `'S'!E${r}+E${r}`,
      `SUM(E${r}:G${r + 1})`,
    ];
    for (let r = 1; r <= 30; r++)
      for (const f of formulas(r)) {
        expect(memo.extended(f, "S", r, ends, [7, 8]).formula).toBe(fresh().extended(f, "S", r, ends, [7, 8]).formula);
        expect(memo.extended(f, "S", r, new Map([[7, 8]]), null).formula).toBe(fresh().extended(f, "S", r, new Map([[7, 8]]), null).formula);
        expect(memo.shifted(f, "S", r)).toBe(fresh().shifted(f, "S"));
      }
  });
});
