/**
 * The verdicts every corpus gives the product's reading (corpus5, corpus6 and corpus7 share them, so their figures
 * mean the same thing): read right, fault found, look-alike rejected.
 */
import type { CheckResult } from "./run";

/** What the verdicts read of a corpus's truth: the years and, per table, where each role sits. */
export interface TruthTable {
  kind: "detail" | "summary";
  sheet: string;
  columns: Record<string, string>;
  /** header text of each column letter, for the verbose report */
  headers: Record<string, string>;
  ficheRows: Record<string, number[]>;
}
export interface Truth {
  model: { years: number[] };
  tables: TruthTable[];
}
/** An injected fault: the rule ids that may report it and the cells where. */
export interface FaultAt {
  rules: string[];
  sheet: string;
  cells: string[];
}

/** Roles no rule reads: a misreading there is counted apart. */
export const isRuleRole = (role: string) => !/^(label|theme|indicator.*|mesure|objectif)$/.test(role);

export interface Misread {
  table: "detail" | "summary" | "extra";
  role: string;
  cause: "missing" | "wrong column" | "extra role" | "table not found" | "extra table" | "wrong sheet";
  truth?: string;
  read?: string;
  truthHeader?: string;
  readHeader?: string;
}
export interface Verdict {
  readRight: boolean;
  readRightRuleRoles: boolean;
  fichesRight: boolean;
  fichesNote: string;
  misreads: Misread[];
}

/** The yearly names check also gives to the last year's roles (realised2024 = realisedLastYear…). */
function aliasOf(role: string, yn: number): string | null {
  let m = /^(realised|rate)(\d{4})$/.exec(role);
  if (m) return Number(m[2]) === yn ? (m[1] === "realised" ? "realisedLastYear" : "rateLastYear") : null;
  m = /^consumedTo(\d{4})$/.exec(role);
  if (m) return Number(m[1]) === yn - 1 ? "consumedPrior" : null;
  m = /^consumedIn(\d{4})$/.exec(role);
  if (m) return Number(m[1]) === yn ? "consumedLastYear" : null;
  return null;
}

/** check's tables[].columns against the truth: every role at its column, nothing read where nothing is. */
export function judgeReading(a: Truth, r: CheckResult): Verdict {
  const misreads: Misread[] = [];
  const yn = a.model.years[a.model.years.length - 1]!;
  const used = new Set<number>();
  let fichesRight = true;
  const notes: string[] = [];
  for (const t of a.tables) {
    const i = r.tables.findIndex((x, j) => !used.has(j) && x.kind === t.kind);
    if (i < 0) {
      misreads.push({ table: t.kind, role: "*", cause: "table not found" });
      fichesRight = false;
      continue;
    }
    used.add(i);
    const got = r.tables[i]!;
    if (got.sheet !== t.sheet) misreads.push({ table: t.kind, role: "*", cause: "wrong sheet", truth: t.sheet, read: got.sheet });
    const want = Object.keys(t.ficheRows).length;
    if (got.fiches !== want) {
      fichesRight = false;
      notes.push(`${t.kind}: ${got.fiches} fiches read, ${want} true`);
    }
    for (const [role, letter] of Object.entries(t.columns)) {
      const read = got.columns[role];
      if (read === letter) continue;
      misreads.push({
        table: t.kind,
        role,
        cause: read ? "wrong column" : "missing",
        truth: letter,
        read,
        truthHeader: t.headers[letter],
        readHeader: read ? t.headers[read] : undefined,
      });
    }
    for (const [role, read] of Object.entries(got.columns)) {
      if (role in t.columns) continue;
      const alias = aliasOf(role, yn);
      if (alias && t.columns[alias] === read) continue;
      if (alias && !t.columns[alias] && !read) continue;
      misreads.push({ table: t.kind, role, cause: "extra role", read, readHeader: t.headers[read] });
    }
  }
  r.tables.forEach((x, j) => {
    if (!used.has(j)) misreads.push({ table: "extra", role: "*", cause: "extra table", read: `${x.kind} ${x.sheet}!${x.range}` });
  });
  const rule = misreads.filter((m) => m.role === "*" || isRuleRole(m.role));
  return { readRight: misreads.length === 0, readRightRuleRoles: rule.length === 0, fichesRight, fichesNote: notes.join("; "), misreads };
}

const normCell = (c: string) => c.replace(/\$/g, "").toUpperCase();
/** The injected fault reported with one of its rule ids at one of its cells. */
export function faultFound(f: FaultAt, r: CheckResult): boolean {
  return r.findings.some((x) => f.rules.includes(x.rule) && x.sheet === f.sheet && f.cells.map(normCell).includes(normCell(x.cell)));
}
export const falseFindings = (r: CheckResult) => r.findings.filter((f) => f.severity === "error" || f.severity === "warning");
export const isLayoutIncomplete = (f: { rule: string }) => f.rule === "layout-incomplete";
export const rejected = (r: CheckResult) => r.exit === 2 && r.findings.length === 0 && r.tables.length === 0;
