import fc from "fast-check";
import { cellKey, cellOfKey } from "../../../src/core/model/cellKey";
import { ColumnInsertions, composedInsertions, shiftFormula, transformRef } from "../../../src/core/model/columnInsert";
import { colToLetters, lettersToCol } from "../../../src/core/model/a1";
import { rewriteRefs, rowsReferenced, shiftForInsertedColumns } from "../../../src/core/model/formulaRefs";
import { loadWorkbook, readCases } from "../compute/planSnapshot";

const L = lettersToCol;
const one = (at: string, count = 1) => new ColumnInsertions("S", [{ at: L(at), count }]);
const apply = (t: ColumnInsertions[], formula: string, sheet = "S") => rewriteRefs(formula, (r) => transformRef(r, sheet, t));

describe("column insertion, each range end on its own", () => {
  test("an end left of the insertion stays; at or right of it, it moves", () => {
    expect(apply([one("N")], "M4")).toBe("M4");
    expect(apply([one("N")], "N4")).toBe("O4");
    expect(apply([one("N")], "$P$4")).toBe("$Q$4");
  });
  test("a range across the insertion grows; wholly right it moves; ending just before it, it does not grow", () => {
    expect(apply([one("N")], "SUM(M4:O4)")).toBe("SUM(M4:P4)");
    expect(apply([one("N")], "SUM(N4:O4)")).toBe("SUM(O4:P4)");
    expect(apply([one("P")], "SUM(M4:O4)")).toBe("SUM(M4:O4)");
  });
  test("other sheets and, on a shared sheet, references outside the table's rows are untouched", () => {
    expect(apply([one("N")], "Autre!N4+N4")).toBe("Autre!N4+O4");
    expect(apply([one("N")], "N4", "Autre")).toBe("N4");
    expect(apply([one("N")], "S!N4", "Autre")).toBe("S!O4");
    const rowsOnly = new ColumnInsertions("S", [{ at: L("N"), count: 2 }], [4, 10]);
    expect(apply([rowsOnly], "N4+N11+SUM(N9:N12)+SUM(N5:N6)")).toBe("P4+N11+SUM(N9:N12)+SUM(P5:P6)");
  });
  test("several insertions compose: each end moves by what was inserted at or left of it", () => {
    const t = new ColumnInsertions("S", [
      { at: L("P"), count: 1 },
      { at: L("L"), count: 1 },
      { at: L("AN"), count: 3 },
    ]);
    expect(t.final(L("K"))).toBe(L("K"));
    expect(t.final(L("L"))).toBe(L("M"));
    expect(t.final(L("O"))).toBe(L("P"));
    expect(t.final(L("P"))).toBe(L("R"));
    expect(t.final(L("AN"))).toBe(L("AN") + 5);
    expect(t.inserted(L("L"), 0)).toBe(L("L"));
    expect(t.inserted(L("P"), 0)).toBe(L("Q"));
    expect(t.inserted(L("AN"), 2)).toBe(L("AN") + 4);
    expect(apply([t], "SUM(M4:O4)+AN4")).toBe("SUM(N4:P4)+AS4");
  });
  test("one composed pass gives what inserting the columns one at a time, right to left, gives", () => {
    const ref = fc
      .tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 30 }), fc.boolean())
      .map(([a, b, row, range]) =>
        range ? `SUM(${colToLetters(Math.min(a, b))}${row}:${colToLetters(Math.max(a, b))}${row + 3})` : `$${colToLetters(a)}${row}`,
      );
    const insertions = fc
      .uniqueArray(fc.integer({ min: 1, max: 42 }), { minLength: 1, maxLength: 8 })
      .chain((ats) => fc.tuple(fc.constant(ats), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: ats.length, maxLength: ats.length })));
    fc.assert(
      fc.property(fc.array(ref, { minLength: 1, maxLength: 6 }), insertions, (refs, [ats, counts]) => {
        const formula = refs.join("+");
        const list = ats.map((at, i) => ({ at, count: counts[i]! }));
        let sequential = formula;
        for (const i of [...list].sort((a, b) => b.at - a.at)) sequential = shiftForInsertedColumns(sequential, "S", "S", i.at, i.count);
        expect(apply([new ColumnInsertions("S", list)], formula)).toBe(sequential);
      }),
      { numRuns: 300 },
    );
  });
});

test("cellKey: one number per cell, and back", () => {
  expect(cellKey(4, 16384)).not.toBe(cellKey(5, 1));
  expect(cellOfKey(cellKey(1_048_576, 16384))).toEqual({ row: 1_048_576, col: 16384 });
  expect(cellOfKey(cellKey(7, 3))).toEqual({ row: 7, col: 3 });
});

test("rows referenced in a column: ranges and single cells, other columns and sheets left out", () => {
  const rows = rowsReferenced("SUM(M4:M45)+M50+N60+Autre!M70+SUM(L80:O81)", lettersToCol("M"), "S", "S");
  for (const r of [4, 20, 45, 50, 80, 81]) expect(rows.has(r)).toBe(true);
  for (const r of [3, 46, 60, 70, 82]) expect(rows.has(r)).toBe(false);
  const parts = rowsReferenced("M7+M5+M4+SUM(M10:M20)+SUM(M15:M30)", lettersToCol("M"), "S", "S");
  expect([3, 4, 5, 6, 7, 8, 9, 10, 25, 30, 31].map((r) => parts.has(r))).toEqual([false, true, true, false, true, false, false, true, true, true, false]);
});

test("a plan's inserts composed: every formula of the 2022 annex reads as after the inserts applied one by one", () => {
  for (const name of ["annex-2022", "gen-one-sheet"]) {
    const c = readCases().find((x) => x.name === name)!;
    const wb = loadWorkbook(c.workbook);
    const edits = c.plans[0]!.plan.edits;
    const all = composedInsertions(edits)!;
    expect(all.length).toBeGreaterThan(0);
    let compared = 0;
    for (const s of wb.sheets)
      for (const row of s.cells)
        for (const cell of row ?? []) {
          if (!cell?.formula) continue;
          let one = cell.formula;
          for (const e of edits) {
            if (e.kind !== "insertColumns") continue;
            const rows = e.rows;
            one = rows
              ? rewriteRefs(one, (r) => new ColumnInsertions(e.sheet, [{ at: e.at, count: e.count }], rows).transform(r, s.name))
              : shiftForInsertedColumns(one, s.name, e.sheet, e.at, e.count);
          }
          expect(shiftFormula(cell.formula, s.name, all)).toBe(one);
          compared++;
        }
    expect(compared).toBeGreaterThan(100);
  }
  expect(
    composedInsertions([
      { kind: "insertColumns", sheet: "S", at: 3, count: 1, rows: null },
      { kind: "insertColumns", sheet: "S", at: 5, count: 1, rows: null },
    ]),
  ).toBeNull();
});
