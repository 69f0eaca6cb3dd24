// The formula evaluator against Excel's own results: operators and precedence, the functions annexes use, errors,
// cross-sheet references, cycles, deep chains and what must stay unknown rather than be guessed.
import { calculateWorkbook, evaluateFormula } from "../../../src/core/formula/calculate";
import { compile } from "../../../src/core/formula/parse";
import { parseAddr } from "../../../src/core/model/a1";
import { emptySheet, setCell, type CellValue, type WorkbookSnapshot } from "../../../src/core/model/snapshot";

type Content = CellValue | { f: string; v?: CellValue };

/** A workbook from { "Sheet": { A1: 3, B1: { f: "A1*2" } } }; formulas without v are stored uncalculated. */
function book(spec: Record<string, Record<string, Content>>): WorkbookSnapshot {
  return {
    sheets: Object.entries(spec).map(([name, cells]) => {
      const s = emptySheet(name);
      for (const [a1, c] of Object.entries(cells)) {
        const { row, col } = parseAddr(a1);
        if (c !== null && typeof c === "object" && "f" in c) setCell(s, row, col, { value: c.v ?? null, formula: c.f });
        else setCell(s, row, col, { value: c });
      }
      return s;
    }),
  };
}

const cellOf = (wb: WorkbookSnapshot, sheet: string, a1: string) => {
  const { row, col } = parseAddr(a1);
  return wb.sheets.find((s) => s.name === sheet)!.cells[row - 1]![col - 1]!;
};

const DATA = book({
  S: {
    A1: 10,
    A2: 20,
    A3: "texte",
    A4: true,
    A5: 5.5,
    B1: -3,
    B2: { error: "#DIV/0!" },
    C1: "12",
    C2: "1 155 000 €",
    C3: "",
    D1: "Fondamental",
    D2: "Facultatif",
    D3: "fondamental",
    E1: 100,
    E2: 200,
    E3: 300,
  },
  "Autre feuille": { A1: 7, B2: 8 },
});
const ev = (formula: string, at = "Z1") => {
  const { row, col } = parseAddr(at);
  return evaluateFormula(DATA, "S", row, col, formula);
};

describe("operators", () => {
  test.each([
    ["1+2*3", 7],
    ["(1+2)*3", 9],
    ["-2^2", 4],
    ["2^3^2", 64],
    ["10-4-3", 3],
    ["20/4/5", 1],
    ["50%", 0.5],
    ["-A1", -10],
    ["+A1", 10],
    ["A1+A2*2", 50],
    ["2*-3", -6],
    ["A1&A2", "1020"],
    ['"a"&"b"', "ab"],
    ['"say ""hi"""', 'say "hi"'],
    ["A1=10", true],
    ["A1<>10", false],
    ["A1>=20", false],
    ['D1="FONDAMENTAL"', true],
    ['"b">"a"', true],
    ['1<"a"', true],
    ["TRUE>1", true],
    ["Z99=0", true],
    ['Z99=""', true],
    ["Z99+1", 1],
    ["C1+1", 13],
    ["A4+1", 2],
    ["1E3+.5", 1000.5],
    ["0.1+0.2", 0.3], // a result keeps the 15 significant digits Excel shows
  ])("%s = %p", (f, expected) => expect(ev(f)).toEqual(expected));

  test("errors: division by zero, text in arithmetic, propagation (left first)", () => {
    expect(ev("A1/0")).toEqual({ error: "#DIV/0!" });
    expect(ev("A1/Z99")).toEqual({ error: "#DIV/0!" });
    expect(ev("A3+1")).toEqual({ error: "#VALUE!" });
    expect(ev("C3+1")).toEqual({ error: "#VALUE!" });
    expect(ev("B2+A3")).toEqual({ error: "#DIV/0!" });
    expect(ev("#N/A+1")).toEqual({ error: "#N/A" });
    expect(ev("0^0")).toEqual({ error: "#NUM!" });
    expect(ev("B2=1")).toEqual({ error: "#DIV/0!" });
  });

  test("text whose conversion depends on the user's regional settings is unknown, not #VALUE!", () => {
    expect(ev("C2+0")).toBe("unknown");
  });

  test("a blank reference shows 0; a formula returning text or a boolean keeps it", () => {
    expect(ev("Z99")).toBe(0);
    expect(ev("A3")).toBe("texte");
    expect(ev('""')).toBe("");
    expect(ev("A4")).toBe(true);
  });

  test("a range where one value is expected: implicit intersection with the formula's row, else #VALUE!", () => {
    expect(ev("E1:E3*2", "F2")).toBe(400);
    expect(ev("E1:E3*2", "F9")).toEqual({ error: "#VALUE!" });
  });
});

describe("functions", () => {
  test.each([
    ["SUM(A1:A5)", 35.5],
    ["SUM(A1,A2,5)", 35],
    ["SUM(A1:B1)", 7],
    ["SUM(A3)", 0],
    ["SUM(E:E)", 600],
    ["SUM(5:5)", 5.5],
    ["SUM(1:1)", "unknown"], // the formula sits in Z1, inside row 1: a cycle
    ["SUM(E1:E3,-E1)", 500],
    ["SUM(TRUE,1)", 2],
    ['SUM("3",1)', 4],
    ["SUM()", 0],
    ["ROUND(2.675,2)", 2.68],
    ["ROUND(-2.5,0)", -3],
    ["ROUND(1234.5678,-2)", 1200],
    ["ROUND(A5,)", 6],
    ["ROUNDUP(1.21,1)", 1.3],
    ["ROUNDUP(-1.21,1)", -1.3],
    ["ROUNDDOWN(1.29,1)", 1.2],
    ["TRUNC(-1.7)", -1],
    ["INT(-1.5)", -2],
    ["ABS(B1)", 3],
    ["MOD(-3,2)", 1],
    ['IF(A1>5,"oui","non")', "oui"],
    ["IF(A1>50,1)", false],
    ["IF(A1>5,,1)", 0],
    ["IF(A1>5,A1,1/0)", 10],
    ["IFERROR(1/0,-1)", -1],
    ["IFERROR(A1,-1)", 10],
    ["IFNA(#N/A,2)", 2],
    ["IFNA(1/0,2)", { error: "#DIV/0!" }],
    ["ISERROR(B2)", true],
    ["ISERROR(A1)", false],
    ["ISBLANK(Z99)", true],
    ["ISBLANK(C3)", false],
    ["ISNUMBER(C1)", false],
    ["AND(A1>5,A2>5)", true],
    ["OR(A1>50,A2>50)", false],
    ["NOT(A4)", false],
    ["AND(A1:A5)", true],
    ["MIN(A1:B1)", -3],
    ["MAX(A1:A5)", 20],
    ["MAX(Z90:Z99)", 0],
    ["AVERAGE(E1:E3)", 200],
    ["AVERAGE(Z90:Z99)", { error: "#DIV/0!" }],
    ["COUNT(A1:A5)", 3],
    ["COUNTA(A1:A5)", 5],
    ["COUNTA(C1:C3)", 3],
    ["N(A1)", 10],
    ["N(A3)", 0],
    ["N(A4)", 1],
    ['VALUE("12")', 12],
    ['SUMIF(D1:D3,"fondamental",E1:E3)', 400],
    ['SUMIF(E1:E3,">150")', 500],
    ['SUMIF(D1:D3,"Fac*",E1:E3)', 200],
    ['SUMIF(D1:D3,"<>Facultatif",E1:E3)', 400],
    ["SUMIF(E1:E3,200)", 200],
    ['SUMIFS(E1:E3,D1:D3,"fondamental",E1:E3,">100")', 300],
    ['COUNTIF(D1:D3,"fondamental")', 2],
    ['COUNTIFS(D1:D3,"f*",E1:E3,"<300")', 2],
    ["SUMPRODUCT(A1:A2,E1:E2)", 5000],
    ['MATCH("Facultatif",D1:D3,0)', 2],
    ['INDEX(E1:E3,MATCH("Facultatif",D1:D3,0))', 200],
    ['VLOOKUP("facultatif",D1:E3,2,FALSE)', 200],
    ['VLOOKUP("x",D1:E3,2,FALSE)', { error: "#N/A" }],
    ['CONCATENATE("FA ",A1)', "FA 10"],
    ["_xlfn.IFNA(A1,0)", 10],
    ["'Autre feuille'!A1+1", 8],
    ["SUM('Autre feuille'!A1:B2)", 15],
    ["'autre FEUILLE'!B2", 8],
  ])("%s = %p", (f, expected) => expect(ev(f)).toEqual(expected));

  test("SUM stops at the first error of a range; IFERROR catches it", () => {
    expect(ev("SUM(B1:B2)")).toEqual({ error: "#DIV/0!" });
    expect(ev("IFERROR(SUM(B1:B2),0)")).toBe(0);
  });

  test("IF evaluates only the branch it takes: an unknown in the other branch does not matter", () => {
    expect(ev("IF(TRUE,1,VLOOKUP(1,A1:B2,2))")).toBe(1);
    expect(ev("IF(FALSE,1,VLOOKUP(1,A1:B2,2))")).toBe("unknown");
  });

  test("the rate formula `fill` writes gives a rate, an empty-looking result, or the marker", () => {
    expect(ev('IF(E1=0,IF(N(A1)=0,"","sans budget"),A1/E1)')).toBe(0.1);
    expect(ev('IF(Z98=0,IF(N(Z99)=0,"","sans budget"),Z99/Z98)')).toBe("");
    expect(ev('IF(Z98=0,IF(N(A1)=0,"","sans budget"),A1/Z98)')).toBe("sans budget");
  });
});

describe("SUBTOTAL and AGGREGATE", () => {
  // Rows 2-3 are a group closed by a SUBTOTAL in row 4; row 6 is hidden.
  const wb = book({
    S: {
      A1: 1,
      A2: 10,
      A3: 20,
      A4: { f: "SUBTOTAL(9,A2:A3)" },
      A5: 100,
      A6: 1000,
      A7: { f: "SUBTOTAL(9,A1:A6)" },
      A8: { f: "SUBTOTAL(109,A1:A6)" },
      A9: { f: "SUM(A1:A6)" },
      A10: { f: "SUBTOTAL(1,A2:A3)" },
      A11: { f: "SUBTOTAL(2,A1:A6)" },
      A12: { f: "SUBTOTAL(4,A1:A6)" },
      A13: { f: "AGGREGATE(9,3,A1:A6)" },
      A14: { f: "AGGREGATE(9,4,A1:A6)" },
      A15: { f: "SUBTOTAL(9,A1:A6)+SUBTOTAL(9,A7)" },
    },
  });
  wb.sheets[0]!.hiddenRows.add(6);
  calculateWorkbook(wb, { all: false });
  const v = (a1: string) => cellOf(wb, "S", a1).value;

  test("nested subtotals are ignored, plain sums count them", () => {
    expect(v("A4")).toBe(30);
    expect(v("A7")).toBe(1131);
    expect(v("A9")).toBe(1161);
  });
  test("109 leaves hidden rows out; 1, 2 and 4 are AVERAGE, COUNT and MAX", () => {
    expect(v("A8")).toBe(131);
    expect(v("A10")).toBe(15);
    expect(v("A11")).toBe(5);
    expect(v("A12")).toBe(1000);
  });
  test("AGGREGATE: option 3 skips nested subtotals and hidden rows, option 4 neither", () => {
    expect(v("A13")).toBe(131);
    expect(v("A14")).toBe(1161);
  });
  test("a cell whose formula holds a SUBTOTAL is itself left out", () => {
    expect(v("A15")).toBe(1131);
  });
});

describe("what stays unknown", () => {
  test.each([
    ["[1]Budget!A1"],
    ["'[2]Autre classeur'!A1+1"],
    ["Feuille1:Feuille3!A1"],
    ["MaPlage*2"],
    ["Tableau1[Montant]"],
    ["SUM({1,2,3})"],
    ["OFFSET(A1,1,0)"],
    ['INDIRECT("A1")'],
    ["VLOOKUP(1,A1:B2,2)"],
    ['SUMPRODUCT((D1:D3="x")*E1:E3)'],
    ["'Feuille absente'!A1"],
    ["A1 A2"],
    ["SUM(A1"],
    ["1+"],
  ])("%s", (f) => expect(ev(f)).toBe("unknown"));

  test("an unknown value spreads to every formula computed from it, never read as 0", () => {
    const wb = book({ S: { A1: { f: "FOO(1)" }, A2: { f: "A1+1" }, A3: { f: "SUM(A1:A2)" }, A4: { f: "IFERROR(A1,0)" }, A5: { f: "1+1" } } });
    const summary = calculateWorkbook(wb, { all: false });
    for (const a of ["A1", "A2", "A3", "A4"]) expect(cellOf(wb, "S", a)).toMatchObject({ value: null, uncomputed: true });
    expect(cellOf(wb, "S", "A5").value).toBe(2);
    expect(summary).toMatchObject({ computed: 1, uncomputed: 4 });
    expect(wb.uncomputedFormulas?.examples[0]).toEqual({ sheet: "S", row: 1, col: 1 });
  });
});

describe("which formulas are computed", () => {
  test("a stored result is trusted; a formula with none is computed", () => {
    const wb = book({ S: { A1: 2, A2: { f: "A1*10", v: 999 }, A3: { f: "A1*10" } } });
    calculateWorkbook(wb, { all: false });
    expect(cellOf(wb, "S", "A2").value).toBe(999);
    expect(cellOf(wb, "S", "A3").value).toBe(20);
    expect(wb.uncomputedFormulas).toBeUndefined();
  });
  test("with a full recalculation asked (xlsxwriter's cached zeros) every formula is computed, in dependency order", () => {
    const wb = book({ S: { A1: { f: "A2+A3", v: 0 }, A2: { f: "A3*2", v: 0 }, A3: 5 }, T: { A1: { f: "S!A1*2", v: 0 } } });
    calculateWorkbook(wb, { all: true });
    expect(cellOf(wb, "S", "A1").value).toBe(15);
    expect(cellOf(wb, "S", "A2").value).toBe(10);
    expect(cellOf(wb, "T", "A1").value).toBe(30);
  });
});

describe("cycles and depth", () => {
  test("a cycle makes its cells unknown and ends", () => {
    const wb = book({ S: { A1: { f: "A2+1" }, A2: { f: "A3+1" }, A3: { f: "A1+1" }, B1: { f: "A1*2" }, C1: { f: "SUM(C1:C2)" }, D1: 4 } });
    calculateWorkbook(wb, { all: false });
    for (const a of ["A1", "A2", "A3", "B1", "C1"]) expect(cellOf(wb, "S", a).uncomputed).toBe(true);
  });

  test("a chain of 100 000 cells, each the one above plus 1, computes without overflowing the stack", () => {
    const s = emptySheet("S");
    setCell(s, 1, 1, { value: 1 });
    for (let r = 2; r <= 100_000; r++) setCell(s, r, 1, { value: null, formula: `A${r - 1}+1` });
    setCell(s, 1, 2, { value: null, formula: "A100000" });
    const wb: WorkbookSnapshot = { sheets: [s] };
    calculateWorkbook(wb, { all: false });
    expect(s.cells[0]![1]!.value).toBe(100_000);
    expect(s.cells[99_999]![0]!.value).toBe(100_000);
  });

  test("a sum of 10 000 terms (D1+D2+…) is evaluated by a loop", () => {
    const terms = Array.from({ length: 10_000 }, (_, i) => `A${(i % 2) + 1}`).join("+");
    expect(compile(terms)).not.toBeNull();
    expect(ev(terms)).toBe(5000 * 30);
  });

  test("past the work budget the rest is unknown rather than a hang", () => {
    const s = emptySheet("S");
    for (let r = 1; r <= 2000; r++) setCell(s, r, 1, { value: null, formula: `SUM($B$1:B${r})+0` });
    for (let r = 1; r <= 2000; r++) setCell(s, r, 2, { value: 1 });
    const wb: WorkbookSnapshot = { sheets: [s] };
    calculateWorkbook(wb, { all: false, budget: 100_000 });
    expect(s.cells[0]![0]!.value).toBe(1);
    expect(s.cells[1999]![0]!.uncomputed).toBe(true);
  });
});

describe("a full recalculation the evaluator cannot reproduce", () => {
  test("keeps a stored result other than 0; a stored 0 (a tool that never calculates) becomes unknown", () => {
    const wb = book({ S: { A1: { f: "Tableau1[Montant]/2", v: 0.25 }, A2: { f: "Tableau1[Montant]/2", v: 0 }, A3: { f: "A1*2", v: 0 } } });
    calculateWorkbook(wb, { all: true });
    expect(cellOf(wb, "S", "A1")).toEqual({ formula: "Tableau1[Montant]/2", value: 0.25 });
    expect(cellOf(wb, "S", "A2")).toMatchObject({ value: null, uncomputed: true });
    expect(cellOf(wb, "S", "A3").value).toBe(0.5);
  });
});
