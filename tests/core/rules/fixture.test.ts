import { checkAnnex, type CheckReport } from "../../../src/core/check";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import { setCell } from "../../../src/core/model/snapshot";
import { FIXTURE_2022, FIXTURE_2022_PUBLISHED, fixtureSnapshot } from "../../support/fixtures";

// Every finding on the rebuilt 2022 annex, one by one: spec §4 "Expected on the 2022 annex" and every discrepancy
// of fixtures/arithmetic.md (numbers in brackets). D = "Suivi fiches actions", S = "Synthèse financière".
const EXPECTED_2022 = [
  ["modalite", "warning", "S", "I18", "39"], // [17] PLF, no ETAT money
  ["total-row", "info", "S", "K22", null], // [5] hidden cents
  ["total-row", "info", "S", "L22", null], // [6] hidden cents
  ["modalite", "warning", "S", "I31", "18"], // [18] 0/AM
  ["source-vs-modalite", "warning", "S", "I32", "17"], // [19]
  ["modalite", "warning", "S", "I33", "28"], // [20] 100 000/AM
  ["source-vs-modalite", "warning", "S", "I40", "41"], // [21]
  ["modalite", "warning", "S", "I46", "31"], // [22]
  ["source-vs-modalite", "warning", "S", "I46", "31"], // [23]
  ["modalite", "warning", "S", "I47", "32"], // [24]
  ["source-vs-modalite", "warning", "S", "I47", "32"], // [25]
  ["total-formula", "info", "S", "I53", null], // [55] SUM over Modalités
  ["modalite", "warning", "S", "I57", "40"], // [26] CD with ETAT money
  ["source-vs-modalite", "warning", "S", "I58", "25"], // [27]
  ["source-vs-modalite", "warning", "S", "I59", "38"], // [28]
  ["total-formula", "info", "S", "I61", null], // [56] SUM over Modalités
  ["total-row", "info", "S", "K61", null], // [7] hidden cents
  ["total-row", "info", "S", "L61", null], // [8] hidden cents
  ["over-execution", "info", "D", "AM6", "3"], // [33] 262 %
  ["realised-without-budget", "warning", "D", "AM11", "8"], // [34] printed 0 %
  ["over-execution", "info", "D", "AM15", "12"], // [35]
  ["over-execution", "info", "D", "AM16", "13"], // [36] 11 411 %
  ["objective-type", "warning", "D", "E17", "14"], // [30] objective 19 typed Fondamental
  ["over-execution", "info", "D", "AM17", "14"], // [37]
  ["over-execution", "info", "D", "AM18", "15"], // [38]
  ["over-execution", "info", "D", "AM19", "16"], // [39]
  ["source-funder", "warning", "D", "Y20", "17"], // [9] DAM/ETAT
  ["source-funder", "warning", "D", "Y21", "18"], // [10]
  ["over-execution", "info", "D", "AM21", "18"], // [40]
  ["over-execution", "info", "D", "AM22", "19"], // [41]
  ["over-execution", "info", "D", "AM25", "22"], // [42]
  ["objective-missing", "info", "D", "D28", "25"], // [58]
  ["source-funder", "warning", "D", "Y28", "25"], // [11]
  ["over-execution", "info", "D", "AM28", "25"], // [43]
  ["over-execution", "info", "D", "AM30", "27"], // [44]
  ["objective-type", "warning", "D", "E31", "28"], // [29][31] objective 9 both ways
  ["source-funder", "warning", "D", "Y36", "32"], // [12]
  ["over-execution", "info", "D", "AM36", "32"], // [45]
  ["over-execution", "info", "D", "AM37", "33"], // [46]
  ["objective-missing", "info", "D", "D42", "38"], // [59]
  ["source-funder", "warning", "D", "Y42", "38"], // [13]
  ["over-execution", "info", "D", "AM42", "38"], // [47]
  ["source-funder", "warning", "D", "Y43", "39"], // [14]
  ["realised-without-budget", "warning", "D", "AO43", "39"], // [48]
  ["over-execution", "warning", "D", "AP43", "39"], // [49] -18 000 €
  ["objective-missing", "info", "D", "D44", "40"], // [60]
  ["source-funder", "warning", "D", "Y44", "40"], // [15]
  ["over-execution", "warning", "D", "AP44", "40"], // [50] -454 €
  ["objective-missing", "info", "D", "D45", "41"], // [61]
  ["source-funder", "warning", "D", "Y45", "41"], // [16]
  ["total-formula", "info", "D", "Y46", null], // [53] SUM over Source
  ["display-overflow", "error", "D", "AJ46", null], // [1] ######### = 1 155 000 €
  ["total-row", "info", "D", "AL46", null], // [2] hidden cents
  ["over-execution", "info", "D", "AM46", null], // [51] 103 %
  ["total-row", "info", "D", "AN46", null], // [3] hidden cents
];

const SHEETS = { D: "Suivi fiches actions", S: "Synthèse financière" } as const;
const asTuples = (r: CheckReport) => r.findings.map((f) => [f.rule, f.severity, f.sheet === SHEETS.D ? "D" : "S", f.cell, f.fiche]);

let snap: WorkbookSnapshot;
let report: CheckReport;
beforeAll(async () => {
  snap = await fixtureSnapshot(FIXTURE_2022);
  report = checkAnnex(snap);
});

test("the 2022 annex gives exactly the expected findings, in sheet order", () => {
  expect(asTuples(report)).toEqual(EXPECTED_2022);
  expect(report.skipped).toEqual([]);
});

test("the only error is the unreadable ONDAM 2022 total, with its true value", () => {
  const errors = report.findings.filter((f) => f.severity === "error");
  expect(errors).toEqual([
    expect.objectContaining({ rule: "display-overflow", sheet: SHEETS.D, cell: "AJ46", fiche: null, expected: 1155000, actual: "#########" }),
  ]);
  expect(errors[0]!.message).toContain("1\u202f155\u202f000\u00a0€");
});

test("counts per rule match the spec's list (source-funder 8, modalite 6, source-vs-modalite 6, objective-missing 4…)", () => {
  const count = (rule: string) => report.findings.filter((f) => f.rule === rule).length;
  expect(count("source-funder")).toBe(8);
  expect(count("modalite")).toBe(6);
  expect(count("source-vs-modalite")).toBe(6);
  expect(count("objective-missing")).toBe(4);
  expect(count("realised-without-budget")).toBe(2);
  expect(report.findings.filter((f) => f.rule === "over-execution" && f.severity === "warning").map((f) => f.fiche)).toEqual(["39", "40"]);
  expect(report.findings.filter((f) => f.rule === "over-execution" && f.severity === "info")).toHaveLength(15);
  for (const rule of ["year-sum", "cd-split", "budget-sum", "cross-table", "consumed-sum", "cumulative-below-year", "rate-mismatch"])
    expect(count(rule)).toBe(0);
});

test("the report rows give the printed TOTAL figures: 103 %, 68 %, 9 864 426 €", () => {
  const total = report.rows.find((r) => r.row === 46)!;
  expect(Math.round(total.rateLastYear! * 100)).toBe(103);
  expect(Math.round(total.rateGlobal! * 100)).toBe(68);
  expect(Math.round(total.gap)).toBe(9864426);
  expect(report.rows.find((r) => r.fiche === "1")).toMatchObject({ rateLastYear: 0.5332, rateGlobal: 0.5213 });
  expect(report.rows.find((r) => r.fiche === "8")!.rateLastYear).toBeNull();
});

test("the published annex (printed rates and gaps typed in) adds only the 1 € print rounding of the gap total", async () => {
  const pub = checkAnnex(await fixtureSnapshot(FIXTURE_2022_PUBLISHED));
  const extra = asTuples(pub).filter((t) => !EXPECTED_2022.some((e) => JSON.stringify(e) === JSON.stringify(t)));
  expect(extra).toEqual([["total-row", "info", "D", "AP46", null]]);
  expect(pub.findings.find((f) => f.cell === "AM11")!.message).toContain("«\u00a00%\u00a0»");
});

describe("the broken ONDAM total, in all its forms (cell AJ46)", () => {
  const variant = async (edit: (s: WorkbookSnapshot) => void) => {
    const s = await fixtureSnapshot(FIXTURE_2022);
    edit(s);
    return checkAnnex(s).findings.filter((f) => f.sheet === SHEETS.D && /^AJ\d+$/.test(f.cell));
  };
  const detail = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === SHEETS.D)!;
  const aj46 = (s: WorkbookSnapshot) => detail(s).cells[45]![35]!;

  test("##### when the column is too narrow, gone once widened", async () => {
    expect((await variant(() => undefined)).map((f) => f.rule)).toEqual(["display-overflow"]);
    expect(
      await variant((s) => {
        detail(s).colWidths[35] = 13;
      }),
    ).toEqual([]);
  });
  test("an Excel error in the total", async () => {
    const f = await variant((s) => {
      aj46(s).value = { error: "#REF!" };
    });
    expect(f.map((x) => [x.rule, x.severity, x.actual])).toEqual([["cell-error", "error", "#REF!"]]);
  });
  test("a constant that differs from the sum of its rows", async () => {
    const f = await variant((s) => {
      delete aj46(s).formula;
      aj46(s).value = 155000;
    });
    expect(f.map((x) => [x.rule, x.severity])).toEqual(
      expect.arrayContaining([
        ["total-row", "error"],
        ["total-formula", "warning"],
      ]),
    );
    expect(f.find((x) => x.rule === "total-row")).toMatchObject({ expected: 1155000, actual: 155000 });
  });
  test("a SUM range that leaves out fiche rows", async () => {
    const f = await variant((s) => {
      aj46(s).formula = "SUM(AJ4:AJ40)";
    });
    const gap = f.find((x) => x.rule === "total-formula")!;
    expect(gap.severity).toBe("warning");
    expect(gap.message).toContain("41-45");
  });
  test("an amount stored as text in a fiche row", async () => {
    const f = await variant((s) => {
      setCell(detail(s), 21, 36, { value: "680 000 €" });
    });
    expect(f.find((x) => x.rule === "number-as-text")).toMatchObject({ cell: "AJ21", fiche: "18", expected: 680000, severity: "warning" });
  });
});
