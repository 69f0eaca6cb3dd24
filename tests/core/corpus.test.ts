// Issue #10: the checker over an independent corpus (tests/support/corpus), not over the generator our other tests use.
// What the recogniser does not meet yet (KNOWN_FAILING below) is held by ratchets over seeds 1..300: raise them, never lower them.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import fc from "fast-check";
import { checkAnnex } from "../../src/core/check";
import { lettersToCol } from "../../src/core/model/a1";
import type { SheetSnapshot } from "../../src/core/model/snapshot";
import { main } from "../../src/cli/main";
import { readingOf } from "../support/corpus/evaluate";
import { applicableFaults, FAULT_KINDS, injectFault } from "../support/corpus/faults";
import { ficheKey, generateCorpusAnnex, type CorpusAnnex, type TableTruth } from "../support/corpus/generate";
import { generateLookalike, LOOKALIKE_KINDS, type LookalikeKind } from "../support/corpus/lookalikes";
import { writeXlsx } from "../support/xlsxWrite";

/** What fails on the recogniser of `main` today (issue #10), to be shrunk as recognition improves. */
export const KNOWN_FAILING = {
  clean: "none on seeds 1..300 (300/300 read right); the ratchet keeps it so",
  flood: "none on seeds 1..300: a misread annex gives one layout-incomplete finding per table and nothing else",
  faults: "none on seeds 1..300 (300/300 found at their cell); the ratchet keeps it so",
  /** Look-alikes still taken for an annex (budget and staffing were, on main before the recog branch). */
  lookalikes: [] as LookalikeKind[],
};

const seed = fc.integer({ min: 1, max: 1_000_000 });
const runs = { numRuns: 60 };

function sheet(a: CorpusAnnex, name: string): SheetSnapshot {
  return a.workbook.sheets.find((s) => s.name === name)!;
}
function num(s: SheetSnapshot, row: number, letter: string | undefined): number {
  if (!letter) return 0;
  const v = s.cells[row - 1]?.[lettersToCol(letter) - 1]?.value;
  return typeof v === "number" ? v : 0;
}

describe("the corpus itself", () => {
  test("every generated annex is arithmetically consistent by its own ground truth", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = generateCorpusAnnex(s);
        const t = a.truth.detail;
        const sh = sheet(a, t.sheet);
        const c = t.columns;
        const close = (x: number, y: number) => Math.abs(x - y) < 0.005;
        const ficheRows = Object.values(t.fiches).flat();
        expect(new Set(ficheRows).size).toBe(a.fiches.reduce((x, f) => x + f.parts.length, 0));
        for (const r of ficheRows) {
          for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"]) {
            expect(
              close(
                num(sh, r, c[`${b}Total`]),
                a.truth.years.reduce((x, y) => x + num(sh, r, c[`${b}${y}`]), 0),
              ),
            ).toBe(true);
          }
          for (const y of a.truth.years) expect(close(num(sh, r, c[`cd${y}`]), num(sh, r, c[`ms${y}`]) + num(sh, r, c[`dgas${y}`]))).toBe(true);
          expect(
            close(
              num(sh, r, c.budget),
              ["cd", "fir", "etat", "ondam"].reduce((x, b) => x + num(sh, r, c[`${b}Total`]), 0),
            ),
          ).toBe(true);
          expect(num(sh, r, c.realisedSinceStart)).toBeGreaterThanOrEqual(num(sh, r, c.realisedLastYear));
          expect(num(sh, r, c.realisedSinceStart)).toBeLessThanOrEqual(num(sh, r, c.budget));
        }
        for (const key of ["budget", "cdTotal", "realisedSinceStart", "gap"]) {
          expect(
            close(
              num(sh, t.totalRow, c[key]),
              ficheRows.reduce((x, r) => x + num(sh, r, c[key]), 0),
            ),
          ).toBe(true);
        }
        if (a.truth.summary) {
          const st: TableTruth = a.truth.summary;
          const ss = sheet(a, st.sheet);
          for (const [k, rows] of Object.entries(st.fiches)) {
            const dr = t.fiches[k]!;
            expect(
              close(
                num(ss, rows[0]!, st.columns.departement),
                dr.reduce((x, r) => x + num(sh, r, c.cdTotal), 0),
              ),
            ).toBe(true);
            expect(
              close(
                num(ss, rows[0]!, st.columns.consumedSinceStart),
                dr.reduce((x, r) => x + num(sh, r, c.realisedSinceStart), 0),
              ),
            ).toBe(true);
          }
          expect(Object.keys(st.fiches).sort()).toEqual(Object.keys(t.fiches).sort());
        }
      }),
      runs,
    );
  });

  test("the corpus covers the variety of issue #10", () => {
    const tags = new Set<string>();
    for (let s = 1; s <= 300; s++)
      for (const v of generateCorpusAnnex(s).variety)
        tags.add(v.replace(/:.*$/, "") + (v.startsWith("headers:") || v.startsWith("fiche:") ? v.slice(v.indexOf(":")) : ""));
    for (const t of [
      "headers:one",
      "headers:lower",
      "headers:two/merge",
      "headers:two/top",
      "headers:two/bottom",
      "headers:two/split",
      "fiche:FA 1",
      "fiche:FA-1",
      "fiche:Fiche 1",
      "fiche:1.2",
      "fiche:A1",
      "fiche:bis",
      "fiche:zero",
      "multirow-fiche",
      "detail",
      "upper-case",
      "line-breaks",
      "hidden-column",
      "extras",
      "exec-groups",
      "one-sheet",
      "two-sheets",
      "summary-first",
      "offset",
      "cents",
      "house-words",
      "pivot-sheet-before",
      "extra-sheet",
      "blank-zeros",
    ]) {
      expect(tags).toContain(t);
    }
  });

  test("fiche numbers as written normalise to one key", () => {
    expect(["FA 01", "Fiche 1", "01", "1", "FA-1", "fiche action n° 1"].map(ficheKey)).toEqual(Array(6).fill("1"));
    expect(["1.2", "1 bis", "A1"].map(ficheKey)).toEqual(["1.2", "1 bis", "a1"]);
  });

  test("every fault kind applies somewhere and points at a cell of the annex", () => {
    const seen = new Set<string>();
    for (let s = 1; s <= 40; s++) {
      const a = generateCorpusAnnex(s);
      for (const k of applicableFaults(a)) {
        const { fault, workbook } = injectFault(a, k, s);
        seen.add(fault.kind);
        expect(workbook.sheets.map((x) => x.name)).toContain(fault.sheet);
        expect(fault.cell).toMatch(/^[A-Z]{1,3}\d+$/);
      }
    }
    expect([...seen].sort()).toEqual([...FAULT_KINDS].sort());
  });
});

describe("the checker on the corpus", () => {
  test("where the reading is right, a clean annex gets no error", () => {
    fc.assert(
      fc.property(seed, (s) => {
        const a = generateCorpusAnnex(s);
        const r = checkAnnex(a.workbook);
        if (!readingOf(a, r).right) return;
        expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
      }),
      runs,
    );
  });

  // Seeds 1..300 (the corpus report's set), deterministic: a random sample made these properties flaky.
  const SEEDS = Array.from({ length: 300 }, (_, i) => i + 1);

  test("no clean annex gets a false error, and a misread one says so once instead of flooding", () => {
    const errors: string[] = [];
    const floods: string[] = [];
    for (const s of SEEDS) {
      const a = generateCorpusAnnex(s);
      const r = checkAnnex(a.workbook);
      for (const f of r.findings.filter((x) => x.severity === "error")) errors.push(`#${s} ${f.rule} ${f.sheet}!${f.cell}`);
      if (readingOf(a, r).right) continue;
      const notices = r.findings.filter((f) => (f.rule as string) === "layout-incomplete");
      const others = r.findings.filter((f) => f.severity !== "info" && (f.rule as string) !== "layout-incomplete");
      if (notices.length > r.tables.length || others.length) floods.push(`#${s}: ${others.map((f) => f.rule).join(", ")}`);
    }
    expect(errors).toEqual([]);
    expect(floods).toEqual([]);
  });

  // Ratchets, not goals (KNOWN_FAILING.clean and .faults): raise them as recognition improves, never lower them.
  test("annexes read right and injected faults found stay at least at today's level", () => {
    let right = 0;
    let found = 0;
    for (const s of SEEDS) {
      const a = generateCorpusAnnex(s);
      if (readingOf(a, checkAnnex(a.workbook)).right) right++;
      const kinds = applicableFaults(a);
      const { workbook, fault } = injectFault(a, kinds[s % kinds.length]!, s * 7 + 1);
      if (checkAnnex(workbook).findings.some((f) => f.rule === fault.rule && f.sheet === fault.sheet && f.cell === fault.cell)) found++;
    }
    expect(right).toBeGreaterThanOrEqual(300);
    expect(found).toBeGreaterThanOrEqual(300);
  });
});

describe("look-alikes are not annexes", () => {
  const passing = LOOKALIKE_KINDS.filter((k) => !KNOWN_FAILING.lookalikes.includes(k));
  test.each(passing)("%s: no table recognised, no finding", (kind) => {
    for (let s = 1; s <= 15; s++) {
      const r = checkAnnex(generateLookalike(kind, s));
      expect({ kind, s, tables: r.tables.length, findings: r.findings.length }).toEqual({ kind, s, tables: 0, findings: 0 });
    }
  });
  for (const kind of KNOWN_FAILING.lookalikes) {
    test.failing(`${kind}: no table recognised, no finding [known failing: taken for an annex today]`, () => {
      for (let s = 1; s <= 15; s++) expect(checkAnnex(generateLookalike(kind, s)).tables).toEqual([]);
    });
  }
});

describe("cdppe check on corpus files", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cdppe-corpus-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const capture = () => {
    const out: string[] = [];
    const err: string[] = [];
    return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out: () => out.join(""), err: () => err.join("") };
  };
  /** First seeds in the baseline (Seine-et-Marne) words and in other words. */
  const firstSeed = (house: boolean) => {
    for (let s = 1; ; s++)
      if (generateCorpusAnnex(s).variety.includes("house-words") === house && !generateCorpusAnnex(s).variety.includes("detail:sub-totals")) return s;
  };

  test("an annex in the baseline words, written as .xlsx, reads as its truth and exits 0", async () => {
    const a = generateCorpusAnnex(firstSeed(true));
    const file = path.join(tmp, `${a.id}.xlsx`);
    await writeXlsx(a.workbook, file);
    const c = capture();
    expect(await main(["check", file, "--format", "json"], c.io)).toBe(0);
    const rep = JSON.parse(c.out());
    const detail = rep.tables.find((t: { kind: string }) => t.kind === "detail");
    for (const [k, v] of Object.entries(a.truth.detail.columns)) if (k !== "label" && k !== "theme") expect([k, detail.columns[k]]).toEqual([k, v]);
    expect(rep.findings.filter((f: { severity: string }) => f.severity === "error")).toEqual([]);
  });

  test("an annex in another département's words, written as .xlsx, exits 0 with no error or warning", async () => {
    const a = generateCorpusAnnex(firstSeed(false));
    const file = path.join(tmp, `${a.id}.xlsx`);
    await writeXlsx(a.workbook, file);
    const c = capture();
    expect(await main(["check", file, "--format", "json"], c.io)).toBe(0);
    expect(JSON.parse(c.out()).findings.filter((f: { severity: string }) => f.severity !== "info")).toEqual([]);
  });

  test.each(LOOKALIKE_KINDS.filter((k) => !KNOWN_FAILING.lookalikes.includes(k)))(
    "look-alike %s as .xlsx: exit 2, no finding, a French message",
    async (kind) => {
      const file = path.join(tmp, `${kind}.xlsx`);
      await writeXlsx(generateLookalike(kind, 3), file);
      const c = capture();
      expect(await main(["check", file, "--format", "json"], c.io)).toBe(2);
      expect(c.out()).not.toContain('"rule"');
      expect(c.err()).toMatch(/annexe/i);
    },
  );

  for (const kind of KNOWN_FAILING.lookalikes) {
    test.failing(`look-alike ${kind} as .xlsx: exit 2 [known failing: taken for an annex today]`, async () => {
      const file = path.join(tmp, `${kind}-k.xlsx`);
      await writeXlsx(generateLookalike(kind, 3), file);
      expect(await main(["check", file, "--format", "json"], capture().io)).toBe(2);
    });
  }
});
