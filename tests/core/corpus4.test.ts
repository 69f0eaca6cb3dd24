// corpus4 (issue #10): a third corpus of annexes made independently of the recogniser and of the other generators,
// written as real .xlsx files the way Excel, openpyxl, xlsxwriter or a "values only" export leave them, and checked
// through the CLI (`check --format json`, `inspect --format json`). The figures are ratchets: they may only get
// better. `npm run corpus4 -- 200 --verbose` prints the same figures on more seeds, by writer flavour and by cause.
import { arithmeticProblems } from "../support/corpus4/arith";
import { addr, parseAddr } from "../support/corpus4/book";
import { faultyAnnex, FAULT_KINDS } from "../support/corpus4/faults";
import { generateAnnex } from "../support/corpus4/generate";
import { figures, runCorpus, cleanup, type CorpusResult } from "../support/corpus4/run";
import { writeXlsx } from "../support/corpus4/xlsx";

// Six seeds as they come, and six read right today (from `npm run corpus4 -- 200 --verbose`): they must stay so.
const SEEDS = [1, 2, 3, 4, 5, 6, 16, 26, 43, 89, 99, 142];

// Measured on SEEDS (first raised from c4's round after the segmentation, header-band and vocabulary work); they may only get better.
const RATCHET = {
  readRight: 12,
  readRightRules: 12,
  inspectRight: 12,
  faultsFound: 12,
  lookalikesRejected: 8,
  maxFalseErrors: 0,
  maxFalseWarnings: 0,
  maxFlooded: 0,
  maxCrashes: 0,
};

// Generated once, shared by the generator tests (generation is the slow part under ts-jest).
const GEN = Array.from({ length: 60 }, (_, i) => i + 1).map((seed) => ({ seed, annex: generateAnnex(seed), faulty: faultyAnnex(seed) }));

let result: CorpusResult;
beforeAll(async () => {
  result = await runCorpus(SEEDS, [1], { inspect: true });
}, 120_000);
afterAll(cleanup);

describe("corpus4 generator", () => {
  test("every clean annex is arithmetically consistent by corpus4's own check (so any finding on it is false)", () => {
    for (const { seed, annex } of GEN) expect({ seed, problems: arithmeticProblems(annex) }).toEqual({ seed, problems: [] });
  });

  test("writes no value under a merge but in its first cell, and no two merges overlap (Excel would repair the file)", () => {
    const bad: string[] = [];
    for (const { seed, annex } of GEN)
      for (const sh of annex.book.sheets) {
        const covered = new Map<string, string>();
        for (const m of sh.merges) {
          const [a, b] = m.split(":").map(parseAddr) as [{ row: number; col: number }, { row: number; col: number }];
          for (let r = a.row; r <= b.row; r++)
            for (let c = a.col; c <= b.col; c++) {
              const at = addr(r, c);
              if (covered.has(at)) bad.push(`#${seed} ${sh.name}!${at}: ${m} overlaps ${covered.get(at)}`);
              covered.set(at, m);
              const v = sh.cells.get(at)?.v;
              if ((r !== a.row || c !== a.col) && v !== null && v !== undefined && v !== "") bad.push(`#${seed} ${sh.name}!${at}: ${String(v)} under ${m}`);
            }
        }
      }
    expect(bad).toEqual([]);
  });

  test("is deterministic: one seed, one workbook, byte for byte", () => {
    const a = generateAnnex(7);
    const b = generateAnnex(7);
    expect(Buffer.from(writeXlsx(a.book, a.flavour)).equals(Buffer.from(writeXlsx(b.book, b.flavour)))).toBe(true);
    expect(a.truth).toEqual(b.truth);
  });

  test("a faulty annex breaks corpus4's own check, at the fault's sheet", () => {
    for (const { seed, faulty } of GEN.slice(0, 60)) {
      const { annex, fault } = faulty;
      // Faults the arithmetic check does not model (layout or display faults) are left to the product.
      if (/display-overflow|fiche-numbering|objective-type|number-as-text|cell-error|modalite|source-funder|total-formula/.test(fault.kind)) continue;
      expect({ seed, kind: fault.kind, broken: arithmeticProblems(annex).length > 0 }).toEqual({ seed, kind: fault.kind, broken: true });
    }
  });

  test("covers every fault kind, every writer flavour and the variety issue #10 lists", () => {
    const kinds = new Set<string>();
    const feats = new Set<string>();
    for (const { annex, faulty } of GEN) {
      kinds.add(faulty.fault.kind);
      for (const f of annex.features) feats.add(f);
    }
    expect([...FAULT_KINDS].filter((k) => !kinds.has(k))).toEqual([]);
    const prefixes = new Set([...feats].map((f) => f.replace(/:.*/, "")));
    for (const p of [
      "years",
      "funders",
      "cd",
      "header-rows",
      "fiche-number",
      "multi-row-fiche",
      "writer",
      "placement",
      "detail-body",
      "total",
      "hidden-column",
      "extra-sheet",
      "extra-col",
      "realised-word",
      "gap-word",
    ])
      expect({ p, present: prefixes.has(p) }).toEqual({ p, present: true });
    for (const w of [
      "writer:excel",
      "writer:openpyxl",
      "writer:xlsxwriter",
      "writer:values",
      "detail-body:engsum",
      "total:first",
      "placement:right",
      "extra-sheet:pivot-before",
    ])
      expect({ w, present: feats.has(w) }).toEqual({ w, present: true });
  });
});

describe("corpus4 through the CLI (ratchets: may only get better)", () => {
  test("figures on the ratchet seeds hold or improve", () => {
    const f = figures(result);
    expect(f.inconsistent).toBe(0);
    expect(f.readRight).toBeGreaterThanOrEqual(RATCHET.readRight);
    expect(f.readRightRules).toBeGreaterThanOrEqual(RATCHET.readRightRules);
    expect(f.inspectRight).toBeGreaterThanOrEqual(RATCHET.inspectRight);
    expect(f.faultsFound).toBeGreaterThanOrEqual(RATCHET.faultsFound);
    expect(f.lookalikesRejected).toBeGreaterThanOrEqual(RATCHET.lookalikesRejected);
    expect(f.falseErrors).toBeLessThanOrEqual(RATCHET.maxFalseErrors);
    expect(f.falseWarnings).toBeLessThanOrEqual(RATCHET.maxFalseWarnings);
    expect(f.flooded).toBeLessThanOrEqual(RATCHET.maxFlooded);
    expect(f.crashes).toBeLessThanOrEqual(RATCHET.maxCrashes);
  });
});

// Seeds 44 and 16: the co-financers written as one amount for the whole period (no yearly columns), so the year's
// planned amount is unknown. The yearly rate cannot be checked: no layout-incomplete notice, no rate error, its fault found.
test("co-financers as one amount for the period: the yearly rate is left unchecked, not called a doubtful reading", async () => {
  const r = await runCorpus([44, 16], [], {});
  const f = figures(r);
  expect({ readRight: f.readRight, falseErrors: f.falseErrors, falseWarnings: f.falseWarnings, faultsFound: f.faultsFound }).toEqual({
    readRight: 2,
    falseErrors: 0,
    falseWarnings: 0,
    faultsFound: 2,
  });
}, 120_000);
