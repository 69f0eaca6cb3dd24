// Issue #10, second round: classes of wording and shape the independent corpus met after the first round, each on a
// small hand-shaped annex (the reading, the findings on the clean annex, and a fault found at its cell).
import { checkAnnex } from "../../../src/core/check";
import { columnLetters } from "../../../src/core/layout/describe";
import { recognise } from "../../../src/core/layout/recognise";
import { lettersToCol } from "../../../src/core/model/a1";
import type { SheetSnapshot } from "../../../src/core/model/snapshot";
import type { Finding } from "../../../src/core/rules/types";
import { fiches, miniDetail, miniSummary, standardCols, type MiniCol } from "../miniAnnex";

const loud = (fs: Finding[]) => fs.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell} ${f.message}`);

function setText(sheet: SheetSnapshot, letter: string, row: number, text: string): void {
  sheet.cells[row - 1]![lettersToCol(letter) - 1] = { value: text };
}
function bump(sheet: SheetSnapshot, letter: string, row: number, by: number): void {
  const c = sheet.cells[row - 1]![lettersToCol(letter) - 1]!;
  c.value = (c.value as number) + by;
}

describe("a two-year annex whose summary's prior balance is a single year", () => {
  const build = () => {
    const fs = fiches(5);
    const m = miniDetail({ fiches: fs });
    const s = miniSummary(m.wb, fs);
    setText(s.sheet, s.colOf.consumedPrior!, 1, "Dépenses réalisées 2021");
    setText(s.sheet, s.colOf.consumedLastYear!, 1, "Mandaté en 2022");
    setText(s.sheet, s.colOf.consumedSinceStart!, 1, "Total consommé au 31/12/2022");
    return { m, s };
  };

  test("« Dépenses réalisées 2021 » is the prior balance, « Total consommé au 31/12/2022 » the cumulative: clean", () => {
    const { m, s } = build();
    const summary = recognise(m.wb).summary!;
    const letters = columnLetters(summary);
    expect([letters.consumedPrior, letters.consumedLastYear, letters.consumedSinceStart]).toEqual([
      s.colOf.consumedPrior,
      s.colOf.consumedLastYear,
      s.colOf.consumedSinceStart,
    ]);
    expect(summary.missing).toEqual([]);
    expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
  });

  test("a wrong cumulative on one fiche is a consumed-sum error at its cell, not a doubt on the reading", () => {
    const { m, s } = build();
    const row = s.rowOfFiche.get("3")!;
    bump(s.sheet, s.colOf.consumedSinceStart!, row, 7137);
    const found = loud(checkAnnex(m.wb).findings);
    expect(found.some((f) => f.startsWith(`consumed-sum ${s.colOf.consumedSinceStart}${row} `))).toBe(true);
    expect(found.filter((f) => f.startsWith("layout-incomplete"))).toEqual([]);
  });

  test("a single year that does not make the cumulative with the year's is not taken for the prior balance", () => {
    const { m, s } = build();
    for (const row of s.rowOfFiche.values()) bump(s.sheet, s.colOf.consumedPrior!, row, 50_000);
    const summary = recognise(m.wb).summary!;
    expect(summary.columns.consumedPrior).toBeUndefined();
    expect(loud(checkAnnex(m.wb).findings).filter((f) => !f.startsWith("layout-incomplete"))).toEqual([]);
  });
});

test("a fiche after a blank row whose texts look like headers (objective, co-financers, services) is still a fiche", () => {
  const cols: MiniCol[] = [...standardCols(), { head: "Service pilote", key: "pilot" }, { head: "Commentaires", key: "comment" }];
  const m = miniDetail({ cols, fiches: fiches(4), blankEvery: 2 });
  const row = m.rowOfFiche.get("3")!;
  setText(m.sheet, m.colOf.source!, row, "État + CNSA");
  setText(m.sheet, m.colOf.pilot!, row, "Pôle PMI");
  setText(m.sheet, m.colOf.comment!, row, "Direction enfance");
  const d = recognise(m.wb).detail!;
  expect(d.rows.filter((r) => r.kind === "fiche").map((r) => r.fiche)).toEqual(["1", "2", "3", "4"]);
  expect(d.totalRow).toBe(m.totalRow);
  expect(loud(checkAnnex(m.wb).findings)).toEqual([]);
});

describe("a fiche spread over several rows is one fiche", () => {
  const FIR_OBJECTIVE = "Objectif 3 : Doubler au niveau national le nombre de visites à domicile pré et postnatales";

  test("its objective written on its second row: no « fiche sans objectif », and its FIR fits that objective", () => {
    const fs = fiches(4);
    const m = miniDetail({ fiches: fs, split: [1] });
    const first = m.rowOfFiche.get("2")!;
    setText(m.sheet, m.colOf.objective!, first, "");
    m.sheet.cells[first - 1]![lettersToCol(m.colOf.objective!) - 1] = undefined;
    setText(m.sheet, m.colOf.objective!, first + 1, FIR_OBJECTIVE);
    const fsFound = checkAnnex(m.wb).findings.filter((f) => f.fiche === "2");
    expect(fsFound.filter((f) => f.rule === "objective-missing" || f.rule === "funder-theme")).toEqual([]);
  });

  test("its type on the first row and its objective on the second are read together (a wrong type is found)", () => {
    const fs = fiches(4);
    const m = miniDetail({ fiches: fs, split: [1] });
    const first = m.rowOfFiche.get("2")!;
    m.sheet.cells[first - 1]![lettersToCol(m.colOf.objective!) - 1] = undefined;
    setText(m.sheet, m.colOf.objective!, first + 1, "Objectif 9 : Garantir l'accompagnement de tous les enfants protégés en situation de handicap");
    setText(m.sheet, m.colOf.objectiveType!, first, "Facultatif");
    const found = checkAnnex(m.wb).findings.filter((f) => f.rule === "objective-type");
    expect(found.map((f) => f.cell)).toEqual([`${m.colOf.objectiveType}${first}`]);
  });

  const ONCE = ["budget", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal", "realisedSinceStart", "rateLastYear", "rateGlobal", "gap"];

  test("its budget, block totals, cumulative, rates and gap written once (merged down) over per-row years: read right and clean", () => {
    const m = miniDetail({ fiches: fiches(5), split: [0, 1, 3], once: ONCE });
    const report = checkAnnex(m.wb);
    const d = report.layout.detail!;
    expect(d.doubtful).toEqual([]);
    expect(d.rows.filter((r) => r.kind === "continuation")).toHaveLength(3);
    expect(loud(report.findings)).toEqual([]);
  });

  test("a wrong budget written once for a spread fiche is still an error at its cell", () => {
    const m = miniDetail({ fiches: fiches(5), split: [0, 1, 3], once: ONCE });
    const row = m.rowOfFiche.get("2")!;
    bump(m.sheet, m.colOf.budget!, row, 4000);
    const found = loud(checkAnnex(m.wb).findings);
    expect(found.some((f) => f.startsWith(`budget-sum ${m.colOf.budget}${row} `))).toBe(true);
    expect(found.filter((f) => f.startsWith("layout-incomplete"))).toEqual([]);
  });

  test("a wrong year on one row of a spread fiche is still a year-sum error at the row's total", () => {
    const m = miniDetail({ fiches: fiches(5), split: [0, 1, 3] });
    const row = m.rowOfFiche.get("2")! + 1;
    bump(m.sheet, m.colOf.firTotal!, row, 3000);
    const found = loud(checkAnnex(m.wb).findings);
    expect(found.some((f) => f.startsWith(`year-sum ${m.colOf.firTotal}${row} `))).toBe(true);
  });
});

describe("one column read with doubt: the rules run on the others", () => {
  // The département's « Montant FIR » holds the last year only: year-sum refutes it as the FIR total.
  const build = () => {
    const fs = fiches(6);
    const m = miniDetail({ fiches: fs });
    const s = miniSummary(m.wb, fs);
    const col = lettersToCol(m.colOf.firTotal!);
    fs.forEach((f) => {
      m.sheet.cells[m.rowOfFiche.get(String(f.n))! - 1]![col - 1] = { value: f.fir[1]! };
    });
    return { m, s };
  };

  test("clean: the FIR total is doubtful, one layout-incomplete and no error; only its part of each rule is skipped", () => {
    const { m } = build();
    const report = checkAnnex(m.wb);
    expect(report.layout.detail!.doubtful).toEqual(["firTotal"]);
    expect(loud(report.findings).map((f) => f.split(" ")[0])).toEqual(["layout-incomplete"]);
    const skipped = new Map(report.skipped.map((x) => [x.rule, x.reason]));
    for (const rule of ["year-sum", "budget-sum", "cross-table", "source-funder"] as const) {
      expect([rule, skipped.get(rule)]).toEqual([rule, expect.stringContaining("Montant FIR")]);
      expect(skipped.get(rule)).toContain("sauté pour celles dont la lecture est douteuse");
    }
  });

  test.each([
    ["year-sum", "msTotal", "detail"],
    ["cd-split", "cd2022", "detail"],
    ["rate-mismatch", "rateGlobal", "detail"],
    ["rate-mismatch", "gap", "detail"],
    ["cross-table", "departement", "summary"],
    ["budget-sum", "budget", "summary"],
  ] as const)("a %s fault in a confident column (%s) is still found at its cell", (rule, key, table) => {
    const { m, s } = build();
    const sheet = table === "detail" ? m.sheet : s.sheet;
    const letter = (table === "detail" ? m.colOf : s.colOf)[key]!;
    const row = (table === "detail" ? m.rowOfFiche : s.rowOfFiche).get("3")!;
    bump(sheet, letter, row, key.startsWith("rate") ? 0.2 : 5000);
    const found = checkAnnex(m.wb).findings.filter((f) => f.severity === "error");
    expect(found.map((f) => `${f.rule} ${f.cell}`)).toContain(`${rule} ${letter}${row}`);
  });
});
