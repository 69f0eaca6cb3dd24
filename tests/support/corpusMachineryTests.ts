/**
 * The tests every corpus built on corpus7's machinery runs (corpus7, corpus8): its generator keeps its guarantees
 * (deterministic, own arithmetic, merges, faults, variety, look-alikes), and the product's figures on a few seeds are
 * ratchets that may only get better.
 */
import { checkArithmetic } from "./corpus7/arith";
import { mergeProblems } from "./corpus7/book";
import type { Annex7 } from "./corpus7/compose";
import { DECOY_KINDS, makeDecoy } from "./corpus7/decoys";
import { applicableFaults, FAULT_KINDS, injectFault } from "./corpus7/faults";
import type { Figures } from "./verdicts/figures";

export type Ratchet = Pick<Figures, "readRightRuleRoles" | "falseErrors" | "falseWarnings" | "flooding" | "faultsFound" | "lookalikesRejected">;

/** The variety corpus7 shows on seeds 1..200 (corpus8 adds its own). */
export const CORPUS7_FEATURES = [
  "everything varied",
  "only varied",
  "detail header on 1 row(s)",
  "detail header on 2 row(s)",
  "detail header on 3 row(s)",
  "year-major blocks",
  "funder-major blocks",
  "block totals first",
  "block totals none",
  "co-financers before the département's blocks",
  "budget after the blocks",
  "label column before the fiche number",
  "identical sub-headers « Montant » / « Taux » under two execution groups",
  "group headers merged",
  "group headers first",
  "group headers repeat",
  "single headers merged",
  "single headers top",
  "single headers bottom",
  "engagement title rows in the detail",
  "engagement sub-totals in the detail",
  "fiche over several rows: number merged",
  "fiche over several rows: number repeat",
  "fiche over several rows: number blank",
  "fiche over several rows: source per row",
  "notes under the table",
  "amounts in k€",
  "amounts with cents",
  "rates: fraction",
  "rates: percent",
  "rates: none",
  "no gap column",
  "zeros as blank cells",
  "written: formulas",
  "written: totals only",
  "written: values",
  "formulas without cached values",
  "TOTAL as subtotal",
  "TOTAL as plus",
  "summary: sheets detail first",
  "summary: sheets summary first",
  "summary: below",
  "summary: above",
  "summary: right",
  "no summary table",
  "summary linked to the detail by formulas",
  "a pivot of totals per funder before the annex",
  "parameters sheet (hidden)",
  "extra column: comment",
  "extra column: code (hidden)",
  "extra column: etp",
  "extra column: beneficiaries",
  "extra column: start",
];

/** The generator's own tests; `features` are those its variety must show on seeds 1..200. */
export function describeGenerator(name: string, composeAnnex: (seed: number) => Annex7, features: string[]): void {
  const seeds = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const snapshot = (seed: number) => {
    const a = composeAnnex(seed);
    return JSON.stringify({
      tables: a.tables,
      sheets: a.book.sheets.map((s) => ({ ...s, cells: [...s.cells], widths: [...s.widths], hiddenCols: [...s.hiddenCols] })),
    });
  };

  describe(`${name} generator`, () => {
    test("generation is deterministic: same seed, same workbook and truth; another seed, another annex", () => {
      for (const seed of [2, 17, 40]) expect(snapshot(seed)).toBe(snapshot(seed));
      expect(snapshot(5)).not.toBe(snapshot(6));
    });

    test(`every clean annex passes ${name}'s own arithmetic, each fiche once in each table (seeds 1..60)`, () => {
      const broken = seeds(1, 60).flatMap((seed) => {
        const a = composeAnnex(seed);
        const fiches = new Set(a.plan.fiches.map((f) => f.key));
        const counts = a.tables.filter((t) => Object.keys(t.ficheRows).length !== fiches.size).map((t) => `${seed} ${t.kind}: fiche count`);
        return [
          ...checkArithmetic(a.book, a).map((b) => `${seed} ${b.rule} ${b.sheet}!${b.cell} ${b.what}`),
          ...counts,
          ...(fiches.size < a.plan.fiches.length ? [`${seed}: a fiche key twice`] : []),
        ];
      });
      expect(broken).toEqual([]);
    });

    test("merges neither overlap nor cover a value (seeds 1..80)", () => {
      expect(seeds(1, 80).flatMap((seed) => composeAnnex(seed).book.sheets.flatMap((s) => mergeProblems(s).map((p) => `${seed} ${p}`)))).toEqual([]);
    });

    test(`every fault breaks ${name}'s arithmetic at its cell with one of its rules (seeds 1..30, every kind that fits)`, () => {
      const kinds = new Set<string>();
      const unbroken: string[] = [];
      for (const a of seeds(1, 30).map(composeAnnex))
        for (const kind of applicableFaults(a)) {
          kinds.add(kind);
          const { book, fault } = injectFault(a, kind);
          const hit = checkArithmetic(book, a).some((b) => b.sheet === fault.sheet && fault.cells.includes(b.cell) && fault.rules.includes(b.rule));
          if (!hit) unbroken.push(`${a.seed} ${kind}: ${fault.what} at ${fault.sheet}!${fault.cells[0]}`);
        }
      expect(unbroken).toEqual([]);
      expect(FAULT_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
    });

    test("the variety is there (seeds 1..200)", () => {
      const seen = new Set<string>();
      const numbering = new Set<string>();
      const years = new Set<number>();
      const spans = new Set<number>();
      for (const seed of seeds(1, 200)) {
        const a = composeAnnex(seed);
        for (const f of a.features) seen.add(f.replace(/^only varied: .*/, "only varied"));
        numbering.add(a.plan.numbering);
        for (const y of a.plan.years) years.add(y);
        spans.add(a.plan.years.length);
      }
      for (const f of features) expect({ feature: f, present: seen.has(f) }).toEqual({ feature: f, present: true });
      expect([...numbering].sort()).toEqual(["E.R", "E.R.n", "F0n", "FA n", "FA n°n", "FA-0n", "Fiche n", "bis", "letter", "padded", "plain"]);
      expect([...years].sort()).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027]);
      expect([...spans].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    });

    test("look-alikes: the kinds the brief names, each with content but the empty workbook", () => {
      for (const kind of ["budget-chapitres", "effectifs-fiche", "tcd-financeurs", "classeur-vide", "cpom", "suivi-indicateurs"])
        expect(DECOY_KINDS).toContain(kind);
      for (const kind of DECOY_KINDS) {
        const cells = makeDecoy(kind, 1).sheets.reduce((n, s) => n + s.cells.size, 0);
        if (kind === "classeur-vide") expect(cells).toBe(0);
        else expect(cells).toBeGreaterThan(20);
      }
    });
  });
}

/** The product's figures on these seeds and one look-alike of each kind, against floors that may only be raised. */
export function describeRatchets(name: string, measure: (seeds: number[]) => Promise<Figures>, seedList: number[], ratchet: Ratchet): void {
  describe(`the product on ${name} (ratchets)`, () => {
    test(`${seedList.length} seeds: read right, false findings, flooding, faults found, look-alikes`, async () => {
      const f = await measure(seedList);
      // figures worse than the ratchet: more is better for the first three, fewer for the others
      const worse = Object.entries(ratchet).filter(([k, floor]) => {
        const got = f[k as keyof typeof f];
        return ["readRightRuleRoles", "faultsFound", "lookalikesRejected"].includes(k) ? got < floor : got > floor;
      });
      expect({ figures: f, worse }).toEqual({ figures: f, worse: [] });
    }, 120000);
  });
}
