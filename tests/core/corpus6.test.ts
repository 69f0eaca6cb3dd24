/**
 * corpus6 (docs/corpus6.md): a fifth independent corpus of annexes. Its own arithmetic proves every clean annex
 * consistent (so any error or warning on it is false) and every fault real; the product's figures on twelve seeds are
 * ratchets: they may only get better.
 */
import { unzipSync } from "fflate";
import { checkArithmetic } from "../support/corpus6/arith";
import { generateAnnex } from "../support/corpus6/build";
import { applicableFaults, FAULT_KINDS, injectFault } from "../support/corpus6/faults";
import { measure } from "../support/corpus6/figures";
import { generateLookalike, LOOKALIKE_KINDS } from "../support/corpus6/lookalikes";
import { parseA1 } from "../support/corpus6/sheet";
import { writeXlsx } from "../support/corpus6/xlsx";

const seeds = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe("corpus6 generator", () => {
  test("generation is deterministic: same seed, same package bytes; another seed, another annex", () => {
    for (const seed of [3, 18, 41]) {
      const a = generateAnnex(seed);
      const b = generateAnnex(seed);
      expect(Buffer.from(writeXlsx(a.grid, a.opts)).equals(Buffer.from(writeXlsx(b.grid, b.opts)))).toBe(true);
      expect(JSON.stringify(a.tables)).toBe(JSON.stringify(b.tables));
    }
    expect(JSON.stringify(generateAnnex(3).tables)).not.toBe(JSON.stringify(generateAnnex(4).tables));
  });

  test("the package is well formed: every sheet part parses, shared formulas have a master", () => {
    for (const seed of seeds(1, 20)) {
      const a = generateAnnex(seed);
      const parts = unzipSync(writeXlsx(a.grid, a.opts));
      expect(Object.keys(parts)).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"]));
      for (const [name, bytes] of Object.entries(parts)) {
        const xml = Buffer.from(bytes).toString("utf8");
        expect({ name, ok: new DOMParserLike(xml).ok }).toEqual({ name, ok: true });
        for (const m of xml.matchAll(/<f t="shared" si="(\d+)"\/>/g)) expect(xml).toContain(`si="${m[1]}">`);
      }
    }
  });

  test("every clean annex passes corpus6's own arithmetic (seeds 1..60)", () => {
    for (const seed of seeds(1, 60)) {
      const a = generateAnnex(seed);
      expect({ seed, broken: checkArithmetic(a.grid, a) }).toEqual({ seed, broken: [] });
      const keys = a.model.fiches.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const t of a.tables) expect(Object.keys(t.ficheRows).length).toBe(keys.length);
    }
  });

  test("no value hides under a merge and no merges overlap (seeds 1..80)", () => {
    const wrong: string[] = [];
    for (const seed of seeds(1, 80))
      for (const s of generateAnnex(seed).grid.sheets) {
        const taken = new Set<string>();
        for (const m of s.merges) {
          const [p, q] = m.split(":").map(parseA1) as [{ r: number; c: number }, { r: number; c: number }];
          for (let r = p.r; r <= q.r; r++)
            for (let c = p.c; c <= q.c; c++) {
              if (taken.has(`${r},${c}`)) wrong.push(`${seed} ${s.name} ${m} overlaps`);
              taken.add(`${r},${c}`);
              const v = s.cells.get(`${r},${c}`)?.v;
              if ((r !== p.r || c !== p.c) && v !== null && v !== undefined && v !== "") wrong.push(`${seed} ${s.name} ${m}: value at ${r},${c}`);
            }
        }
      }
    expect(wrong).toEqual([]);
  });

  test("every fault breaks corpus6's arithmetic at its cell with its rule (seeds 1..30, every kind that fits)", () => {
    const seen = new Set<string>();
    for (const seed of seeds(1, 30)) {
      const a = generateAnnex(seed);
      for (const kind of applicableFaults(a)) {
        const { grid, fault } = injectFault(a, kind, seed);
        const broken = checkArithmetic(grid, a);
        const at = broken.filter((b) => b.sheet === fault.sheet && fault.cells.includes(b.cell) && fault.rules.includes(b.rule));
        expect({ seed, kind, what: fault.what, found: at.length > 0 }).toEqual({ seed, kind, what: fault.what, found: true });
        seen.add(kind);
      }
    }
    expect([...seen].sort()).toEqual([...FAULT_KINDS].sort());
  });

  test("the variety is there (seeds 1..200)", () => {
    const features = new Set<string>();
    const numbering = new Set<string>();
    const years = new Set<number>();
    for (const seed of seeds(1, 200)) {
      const a = generateAnnex(seed);
      for (const f of a.features) features.add(f);
      numbering.add(a.model.numbering);
      for (const y of a.model.years) years.add(y);
    }
    for (const f of [
      "year-major blocks",
      "funder-major blocks",
      "header on 1 row(s)",
      "header on 3 row(s)",
      "amounts in k€",
      "amounts with cents",
      "fiche number and label in one cell",
      "objective title-rows",
      "objective merged",
      "a TOTAL row per objective",
      "TOTAL as SUMIF",
      "TOTAL as SUBTOTAL",
      "TOTAL as plus",
      "TOTAL as values",
      "comment rows between fiches",
      "table far down/right",
      "legend of acronyms under the table",
      "chart data table under the annex",
      "signature block",
      "parameters sheet hidden",
      "notes column between amount blocks",
      "« Montant engagé » beside the realisations",
      "rates as text",
      "rates as percent",
      "no rates",
      "no cumulative",
      "no gap",
      "block totals absent",
      "inline strings",
      "shared strings",
      "no styles part",
      "shared formulas",
      "summary below",
      "summary sheet-before",
      "accents missing",
      "headers upper case",
      "double spaces / trailing colons",
      "cells and rows without r attributes",
      "numbers in exponent form (1.5E+5)",
      "years as N-2, N-1, N with N given in a title line",
      "summary header on 2 rows",
      "summary objective column",
      "counts typed as text in a non-amount column",
      "rich-text headers (first word bold)",
      "TRUE/FALSE column",
    ])
      expect({ feature: f, present: features.has(f) }).toEqual({ feature: f, present: true });
    expect([...numbering].sort()).toEqual(["Action", "CDPPE-", "FA-colon-label", "dash-label", "dot-label", "n°", "plain", "roman"]);
    expect([...years].sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
  });

  test("look-alikes: the kinds the brief names, each with content but the empty workbook", () => {
    for (const kind of ["departement-budget", "staffing-fiche", "pivot-funders", "empty", "cpom", "pauvrete-contract"]) expect(LOOKALIKE_KINDS).toContain(kind);
    for (const kind of LOOKALIKE_KINDS) {
      const cells = generateLookalike(kind, 1).sheets.reduce((n, s) => n + s.cells.size, 0);
      if (kind === "empty") expect(cells).toBe(0);
      else expect(cells).toBeGreaterThan(20);
    }
  });
});

/** A strict-enough XML well-formedness check: balanced tags, one root. */
class DOMParserLike {
  ok: boolean;
  constructor(xml: string) {
    const stack: string[] = [];
    let ok = true;
    for (const m of xml.replace(/<\?xml[^>]*\?>/, "").matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
      if (m[3]) continue;
      if (m[1]) {
        if (stack.pop() !== m[2]) ok = false;
      } else stack.push(m[2]!);
    }
    this.ok = ok && stack.length === 0;
  }
}

// The product on twelve corpus6 seeds (1..6 and six read right when the ratchet was set) and one look-alike of each
// kind: ratchets at what the engine achieves today, they may only get better. Seeds change with the generator.
const RATCHET_SEEDS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 18, 26, 34];
describe("the product on corpus6 (ratchets)", () => {
  test("12 seeds: read right, false findings, flooding, faults found, look-alikes", async () => {
    const f = await measure(RATCHET_SEEDS);
    expect(f.readRightRuleRoles).toBeGreaterThanOrEqual(RATCHET.readRightRuleRoles);
    expect(f.falseErrors).toBeLessThanOrEqual(RATCHET.falseErrors);
    expect(f.falseWarnings).toBeLessThanOrEqual(RATCHET.falseWarnings);
    expect(f.flooding).toBeLessThanOrEqual(RATCHET.flooding);
    expect(f.faultsFound).toBeGreaterThanOrEqual(RATCHET.faultsFound);
    expect(f.lookalikesRejected).toBeGreaterThanOrEqual(RATCHET.lookalikesRejected);
  }, 60000);
});

// Measured at branch c6's base d350f10: 7/12 read right (rule roles; seeds 1..5 misread), 8 false errors and 2 false
// warnings (all on misread seeds), 1 annex flooding (budget-sum run without an unread funder block), 7 faults found,
// the « convention pauvreté » annex taken for a summary table (7/8 look-alikes rejected).
// Raised after the session's recognition work: 9/12 read right, 0 false errors, 1 false warning (layout-incomplete on
// a misread seed), no flooding, 10 faults found; the « convention pauvreté » look-alike is still taken for a summary.
// Raised again (fiche number in the title cell, relative years, header words, foreign tables): 12/12 read right, no
// false finding, 12 faults found, 8/8 look-alikes rejected.
const RATCHET = { readRightRuleRoles: 12, falseErrors: 0, falseWarnings: 0, flooding: 0, faultsFound: 12, lookalikesRejected: 8 };
