import { checkAnnex } from "../../../src/core/check";
import { generateAnnex, type GeneratedAnnex } from "../../support/annexGenerator";
import { AnnexEditor } from "../../support/mutate";
import type { Finding, RuleId } from "../../../src/core/rules/types";
import { RULES } from "../../../src/core/rules/registry";

const clean = () => generateAnnex({ seed: 11, fiches: 15, years: [2020, 2021, 2022], continuationEvery: 5 });

function findings(g: GeneratedAnnex, options = {}): Finding[] {
  return checkAnnex(g.workbook, options).findings;
}

test("a clean generated annex gives no finding at all, and every rule runs", () => {
  const g = clean();
  const report = checkAnnex(g.workbook);
  expect(report.findings).toEqual([]);
  expect(report.skipped).toEqual([]);
});

type Fault = { rule: RuleId; severity: Finding["severity"]; inject: (e: AnnexEditor) => { cell: string; sheet: "detail" | "summary"; fiche: string | null } };

// Fiche numbers in the clean annex: 1 (FIR, objective 1), 6 (objective 6), 9 (objective 9), 14 (objective 24, ONDAM).
const FAULTS: Fault[] = [
  {
    rule: "year-sum",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "msTotal", 2, e.num("detail", "msTotal", 2) + 1000), sheet: "detail", fiche: "2" }),
  },
  {
    rule: "cd-split",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "cd2021", 3, e.num("detail", "cd2021", 3) + 500), sheet: "detail", fiche: "3" }),
  },
  {
    rule: "budget-sum",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "budget", 4, e.num("detail", "budget", 4) + 2500), sheet: "detail", fiche: "4" }),
  },
  {
    rule: "budget-sum",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("summary", "budget", 4, e.num("summary", "budget", 4) + 2500), sheet: "summary", fiche: "4" }),
  },
  {
    rule: "total-row",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "fir2022", "total", e.num("detail", "fir2022", "total") + 5000), sheet: "detail", fiche: null }),
  },
  {
    rule: "total-row",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("summary", "etat", "total", e.num("summary", "etat", "total") - 7000), sheet: "summary", fiche: null }),
  },
  {
    rule: "total-formula",
    severity: "warning",
    inject: (e) => {
      const c = e.get("detail", "ms2021", "total")!;
      const f = c.formula!.replace(/(\d+)\)$/, (_m, n) => `${Number(n) - 1})`);
      return { cell: e.set("detail", "ms2021", "total", { ...c, formula: f }), sheet: "detail", fiche: null };
    },
  },
  {
    rule: "total-formula",
    severity: "warning",
    inject: (e) => ({ cell: e.setValue("detail", "dgas2022", "total", e.num("detail", "dgas2022", "total")), sheet: "detail", fiche: null }),
  },
  {
    rule: "cell-error",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "cdTotal", "total", { error: "#REF!" }), sheet: "detail", fiche: null }),
  },
  {
    rule: "display-overflow",
    severity: "error",
    inject: (e) => {
      e.sheet("detail").colWidths[e.col("detail", "budget") - 1] = 6;
      return { cell: e.address("detail", "budget", "total"), sheet: "detail", fiche: null };
    },
  },
  { rule: "number-as-text", severity: "warning", inject: (e) => ({ cell: e.setValue("detail", "etat2021", 6, "1 155 000 €"), sheet: "detail", fiche: "6" }) },
  { rule: "negative-amount", severity: "error", inject: (e) => ({ cell: e.setValue("detail", "realisedLastYear", 7, -500), sheet: "detail", fiche: "7" }) },
  { rule: "source-funder", severity: "warning", inject: (e) => ({ cell: e.setValue("detail", "source", 1, "ONDAM"), sheet: "detail", fiche: "1" }) },
  { rule: "modalite", severity: "warning", inject: (e) => ({ cell: e.setValue("summary", "modalite", 1, "PLF"), sheet: "summary", fiche: "1" }) },
  {
    rule: "objective-type",
    severity: "warning",
    inject: (e) => ({ cell: e.setValue("detail", "objectiveType", 3, "Facultatif"), sheet: "detail", fiche: "3" }),
  },
  // Fiche 4 is on one row (fiche 5's continuation row names objective 15: blanking its first row leaves it an objective).
  { rule: "objective-missing", severity: "info", inject: (e) => ({ cell: e.set("detail", "objective", 4, undefined), sheet: "detail", fiche: "4" }) },
  { rule: "fiche-numbering", severity: "warning", inject: (e) => ({ cell: e.setValue("summary", "fiche", 8, 99), sheet: "summary", fiche: "99" }) },
  {
    rule: "cross-table",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("summary", "departement", 10, e.num("summary", "departement", 10) + 10000), sheet: "summary", fiche: "10" }),
  },
  {
    rule: "source-vs-modalite",
    severity: "warning",
    inject: (e) => ({ cell: e.setValue("summary", "modalite", 12, "FIR/AM"), sheet: "summary", fiche: "12" }),
  },
  {
    rule: "consumed-sum",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("summary", "consumedSinceStart", 2, e.num("summary", "consumedSinceStart", 2) + 1000), sheet: "summary", fiche: "2" }),
  },
  {
    // Money consumed before the year, the cumulative left blank while the column is filled on the other rows.
    rule: "consumed-sum",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("summary", "consumedSinceStart", 5, null), sheet: "summary", fiche: "5" }),
  },
  {
    rule: "realised-without-budget",
    severity: "warning",
    inject: (e) => {
      for (const k of ["ms2022", "dgas2022", "cd2022", "fir2022", "etat2022", "ondam2022"]) e.setValue("detail", k, 2, 0);
      return { cell: e.address("detail", "rateLastYear", 2), sheet: "detail", fiche: "2" };
    },
  },
  {
    rule: "over-execution",
    severity: "warning",
    inject: (e) => ({
      cell: (e.setValue("detail", "realisedSinceStart", 8, e.num("detail", "budget", 8) + 5000), e.address("detail", "gap", 8)),
      sheet: "detail",
      fiche: "8",
    }),
  },
  {
    rule: "cumulative-below-year",
    severity: "error",
    inject: (e) => ({ cell: e.setValue("detail", "realisedSinceStart", 9, e.num("detail", "realisedLastYear", 9) - 100), sheet: "detail", fiche: "9" }),
  },
  {
    rule: "rate-mismatch",
    severity: "error",
    inject: (e) => ({ cell: e.set("detail", "rateLastYear", 3, { value: 0.01, numFmt: "0%" }), sheet: "detail", fiche: "3" }),
  },
  {
    rule: "rate-mismatch",
    severity: "error",
    inject: (e) => ({ cell: e.set("detail", "gap", 3, { value: 12, numFmt: "#,##0" }), sheet: "detail", fiche: "3" }),
  },
  {
    rule: "fundamental-coverage",
    severity: "info",
    inject: (e) => {
      e.setValue("detail", "objective", 7, "Objectif 13 : Soutenir les actions innovantes en PMI en matière de santé publique");
      e.setValue("detail", "objectiveType", 7, "Facultatif");
      return { cell: `${e.address("detail", "objective", 7).replace(/\d+$/, "")}${e.g.expected.detail.headerRows[0]}`, sheet: "detail", fiche: null };
    },
  },
  {
    rule: "funder-theme",
    severity: "info",
    inject: (e) => {
      const cell = e.address("detail", "ondamTotal", 6);
      e.setValue("detail", "ondam2022", 6, 5000);
      e.setValue("detail", "ondamTotal", 6, e.num("detail", "ondamTotal", 6) + 5000);
      return { cell, sheet: "detail", fiche: "6" };
    },
  },
  {
    rule: "cofinancing-cd",
    severity: "info",
    inject: (e) => {
      for (const k of ["ms2020", "ms2021", "ms2022", "dgas2020", "dgas2021", "dgas2022", "cd2020", "cd2021", "cd2022", "msTotal", "dgasTotal", "cdTotal"])
        e.setValue("detail", k, 1, 0);
      return { cell: e.address("detail", "cdTotal", 1), sheet: "detail", fiche: "1" };
    },
  },
];

test("every rule of the catalogue has at least one fault that fires it", () => {
  const covered = new Set(FAULTS.map((f) => f.rule));
  expect(RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
});

test.each(FAULTS.map((f, i) => [`${i + 1}. ${f.rule}`, f] as const))("fault %s: the rule fires at the broken cell", (_name, fault) => {
  const g = clean();
  const e = new AnnexEditor(g);
  const where = fault.inject(e);
  const sheet = where.sheet === "detail" ? g.expected.detail.sheet : g.expected.summary!.sheet;
  const got = findings(g).filter((f) => f.rule === fault.rule);
  expect(got.map((f) => ({ sheet: f.sheet, cell: f.cell, severity: f.severity, fiche: f.fiche }))).toContainEqual({
    sheet,
    cell: where.cell,
    severity: fault.severity,
    fiche: where.fiche,
  });
  for (const f of got) {
    expect(f.message.length).toBeGreaterThan(20);
    expect(f.message).not.toMatch(/undefined|NaN|\[object/);
  }
});

test("rules whose columns are missing are skipped with a reason, never crash", () => {
  const g = generateAnnex({ seed: 3, fiches: 12, noOndam: true, withSummary: false });
  const report = checkAnnex(g.workbook);
  const skipped = report.skipped.map((s) => s.rule);
  expect(skipped).toEqual(expect.arrayContaining(["modalite", "cross-table", "source-vs-modalite", "consumed-sum"]));
  for (const s of report.skipped) expect(s.reason).toMatch(/absent|colonnes|tableau|deux/);
  expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
});

test("the optional objectives declared by the contract are checked when given", () => {
  const g = clean();
  const declared = checkAnnex(g.workbook, { declaredOptional: [13, 15] }).findings.filter((f) => f.rule === "objective-type");
  expect(declared.map((f) => f.fiche)).toEqual(["14", "15"]);
  expect(declared[0]!.message).toContain("ne figure pas parmi ceux retenus par le contrat (13, 15)");
});
