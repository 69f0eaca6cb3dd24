// Compares what the checker read and reported with a corpus annex's ground truth.
import { checkAnnex, type CheckReport } from "../../../src/core/check";
import { describeTable } from "../../../src/core/layout/describe";
import type { TableLayout } from "../../../src/core/layout/types";
import type { WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { InjectedFault } from "./faults";
import { ficheKey, type CorpusAnnex, type TableTruth } from "./generate";

/** Label and theme only feed messages: a reading that misses them still checks right. */
const NOT_REQUIRED = new Set(["label", "theme"]);

export interface Reading {
  right: boolean;
  problems: string[];
}

function compareTable(kind: "detail" | "summary", truth: TableTruth, t: TableLayout | null): string[] {
  if (!t) return [`${kind}: table not recognised`];
  const out: string[] = [];
  if (t.sheet !== truth.sheet) out.push(`${kind}: read on sheet "${t.sheet}", expected "${truth.sheet}"`);
  const cols = describeTable(t).columns;
  for (const [key, letter] of Object.entries(truth.columns)) {
    if (NOT_REQUIRED.has(key)) continue;
    if (cols[key] !== letter) out.push(`${kind}.${key}: read ${cols[key] ?? "nothing"}, expected ${letter}`);
  }
  const seen = new Map<string, number[]>();
  for (const r of t.rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation") continue;
    const k = ficheKey(r.fiche ?? r.continuationOf);
    const list = seen.get(k);
    if (list) list.push(r.row);
    else seen.set(k, [r.row]);
  }
  for (const [k, rows] of Object.entries(truth.fiches)) {
    const got = seen.get(k);
    if (!got) out.push(`${kind}: fiche ${k} not read`);
    else if (got.join() !== rows.join()) out.push(`${kind}: fiche ${k} on rows ${got.join(",")}, expected ${rows.join(",")}`);
  }
  for (const k of seen.keys()) if (!(k in truth.fiches)) out.push(`${kind}: read a fiche "${k}" that is not one`);
  return out;
}

export function readingOf(a: CorpusAnnex, report: ReturnType<typeof checkAnnex>): Reading {
  const problems = [
    ...compareTable("detail", a.truth.detail, report.layout.detail),
    ...(a.truth.summary ? compareTable("summary", a.truth.summary, report.layout.summary) : []),
  ];
  if (report.layout.tables.length > (a.truth.summary ? 2 : 1)) problems.push(`${report.layout.tables.length} tables read`);
  return { right: problems.length === 0, problems };
}

export interface CleanOutcome {
  reading: Reading;
  errors: CheckReport["findings"];
  warnings: CheckReport["findings"];
  layoutIncomplete: number;
}

export function runClean(a: CorpusAnnex): CleanOutcome {
  const report = checkAnnex(a.workbook);
  const errors = report.findings.filter((f) => f.severity === "error");
  const warnings = report.findings.filter((f) => f.severity === "warning");
  return {
    reading: readingOf(a, report),
    errors,
    warnings,
    layoutIncomplete: report.findings.filter((f) => (f.rule as string) === "layout-incomplete").length,
  };
}

export function faultFound(wb: WorkbookSnapshot, fault: InjectedFault): boolean {
  const report = checkAnnex(wb);
  return report.findings.some((f) => f.rule === fault.rule && f.sheet === fault.sheet && f.cell === fault.cell);
}

/** Finding count that is not the single layout-incomplete finding per table. */
export function floodBeyondLayoutNotice(report: CheckReport): number {
  return report.findings.filter((f) => (f.rule as string) !== "layout-incomplete" && f.severity !== "info").length;
}
