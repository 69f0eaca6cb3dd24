// Property tests over the wider variety of tests/core/varietyAnnex.ts: clean annexes give no error and no warning,
// every injected fault is found at its cell, a wrong reading gives at most the one layout-incomplete finding.
import fc from "fast-check";
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { lettersToCol } from "../../../src/core/model/a1";
import type { Finding } from "../../../src/core/rules/types";
import { varietyAnnex, type Variety } from "../varietyAnnex";

const varietyArb: fc.Arbitrary<Variety> = fc.record({
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  y0: fc.integer({ min: 2020, max: 2024 }),
  count: fc.integer({ min: 2, max: 4 }),
  words: fc.integer({ min: 0, max: 11 }),
  upper: fc.boolean(),
  lower: fc.boolean(),
  engagements: fc.boolean(),
  split: fc.boolean(),
  numbering: fc.integer({ min: 0, max: 7 }),
  extra: fc.boolean(),
  hide: fc.boolean(),
  decoy: fc.boolean(),
  order: fc.integer({ min: 0, max: 3 }),
  generic: fc.boolean(),
  fiches: fc.integer({ min: 3, max: 9 }),
});

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

test("every clean annex of the variety is read right and gives no error and no warning", () => {
  fc.assert(
    fc.property(varietyArb, (v) => {
      const a = varietyAnnex(v);
      const report = checkAnnex(a.wb);
      expect(report.tables.map((t) => [t.kind, t.sheet])).toEqual([["detail", a.sheet.name]]);
      const { extra1: _a, extra2: _b, ...expected } = a.colOf;
      expect(columnLetters(report.layout.detail!)).toMatchObject(expected);
      expect(report.tables[0]!.fiches).toBe(v.fiches);
      expect(loud(report.findings)).toEqual([]);
    }),
    { numRuns: 150 },
  );
});

const FAULTS = ["year-sum", "budget-sum", "cumulative-below-year", "total-row"] as const;

test("every injected fault is found at its cell, with no layout-incomplete", () => {
  fc.assert(
    fc.property(varietyArb, fc.constantFrom(...FAULTS), fc.nat(), (v, rule, k) => {
      const a = varietyAnnex(v);
      const nth = [...a.rowOfFiche.values()][k % a.rowOfFiche.size]!;
      const cell = (key: string, row: number) => a.sheet.cells[row - 1]![lettersToCol(a.colOf[key]!) - 1] ?? { value: 0 };
      let where: string;
      if (rule === "year-sum") {
        cell(`ms${a.years[0]}`, nth).value = (cell(`ms${a.years[0]}`, nth).value as number) + 500;
        cell(`cd${a.years[0]}`, nth).value = (cell(`cd${a.years[0]}`, nth).value as number) + 500;
        where = `${a.colOf.msTotal}${nth}`;
      } else if (rule === "budget-sum") {
        cell("budget", nth).value = (cell("budget", nth).value as number) + 12345;
        cell("gap", nth).value = (cell("gap", nth).value as number) + 12345;
        where = `${a.colOf.budget}${nth}`;
      } else if (rule === "cumulative-below-year") {
        cell("realisedSinceStart", nth).value = 1;
        where = `${a.colOf.realisedSinceStart}${nth}`;
      } else {
        const row = a.totalRow!;
        cell("budget", row).value = (cell("budget", row).value as number) + 777;
        where = `${a.colOf.budget}${row}`;
      }
      const fs = checkAnnex(a.wb).findings;
      expect(fs.filter((f) => f.rule === rule && f.severity === "error").map((f) => f.cell)).toContain(where);
      expect(fs.filter((f) => f.rule === "layout-incomplete")).toEqual([]);
    }),
    { numRuns: 120 },
  );
});

test("a wrong reading (a funder's figures under another funder's header) gives at most one layout-incomplete, no error", () => {
  fc.assert(
    fc.property(varietyArb, (v) => {
      const a = varietyAnnex({ ...v, generic: false });
      // Scramble the budget column: it no longer is CD + FIR + ETAT + ONDAM on any row.
      for (const row of a.rowOfFiche.values()) {
        const c = a.sheet.cells[row - 1]![lettersToCol(a.colOf.budget!) - 1]!;
        c.value = Math.round((c.value as number) * 0.37) + 1;
      }
      const fs = checkAnnex(a.wb).findings.filter((f) => f.severity !== "info");
      expect(fs.filter((f) => f.rule !== "layout-incomplete").map((f) => `${f.rule} ${f.cell}`)).toEqual([]);
      expect(fs.filter((f) => f.rule === "layout-incomplete")).toHaveLength(1);
    }),
    { numRuns: 80 },
  );
});
