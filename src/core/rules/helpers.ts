import { colToLetters } from "../model/a1";
import { figuresOf, rowFigures, type RowFigures } from "../compute/rates";
import type { RowInfo, SingleRole } from "../layout/types";
import type { TableView } from "../layout/view";
import { roleLabel } from "../../messages/layout";
import { rulesText } from "../../messages/rules";
import { compareAmounts } from "../model/tolerance";
import type { Finding, RuleId, Severity } from "./types";

export function finding(
  v: TableView,
  rule: RuleId,
  severity: Severity,
  row: number,
  col: number,
  fiche: string | null,
  message: string,
  expected: Finding["expected"],
  actual: Finding["actual"],
): Finding {
  return { rule, severity, sheet: v.sheet.name, cell: `${colToLetters(col)}${row}`, fiche, message, expected, actual };
}

/** Role key of each column (single roles and year cells), for messages: "ms2021", "budget". */
export function columnKeys(v: TableView): Map<number, string> {
  const m = new Map<number, string>();
  for (const [block, years] of Object.entries(v.t.blocks)) for (const [y, c] of Object.entries(years ?? {})) m.set(c, `${block}${y}`);
  for (const [role, c] of Object.entries(v.t.columns)) if (c !== undefined) m.set(c, role);
  return m;
}

export function columnName(v: TableView, col: number): string {
  const key = columnKeys(v).get(col);
  return `${colToLetters(col)} (${key ? roleLabel(key) : "?"})`;
}

/** Planned amounts: Moyens, per-year block cells, block totals (detail); budget and funders (summary). */
/** Columns whose reading the table's arithmetic refuted: no rule reads them as amounts (layout-incomplete says it once). */
function doubtfulCols(v: TableView): Set<number> {
  return new Set(v.t.doubts.map((d) => d.col));
}

export function plannedColumns(v: TableView): number[] {
  const cols: number[] = [];
  const doubtful = doubtfulCols(v);
  const add = (c: number | undefined) => {
    if (c !== undefined && !cols.includes(c) && !doubtful.has(c)) cols.push(c);
  };
  if (v.t.kind === "detail") {
    add(v.col("budget"));
    for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
      for (const y of v.years(b)) add(v.yearCol(b, y));
      add(v.col(`${b}Total` as SingleRole));
    }
  } else for (const r of ["budget", "departement", "fir", "etat", "ondam"] as const) add(v.col(r));
  return cols;
}

export function realisedColumns(v: TableView): number[] {
  const cols: number[] = [];
  const doubtful = doubtfulCols(v);
  const add = (c: number | undefined) => {
    if (c !== undefined && !cols.includes(c) && !doubtful.has(c)) cols.push(c);
  };
  if (v.t.kind === "detail") {
    for (const b of ["realised", "realisedTo"] as const) for (const y of v.years(b)) add(v.yearCol(b, y));
    add(v.col("realisedLastYear"));
    add(v.col("realisedSinceStart"));
    add(v.col("realisedPrior"));
  } else {
    for (const b of ["consumedIn", "consumedTo"] as const) for (const y of v.years(b)) add(v.yearCol(b, y));
    for (const r of ["consumedPrior", "consumedLastYear", "consumedSinceStart"] as const) add(v.col(r));
  }
  return cols;
}

export function amountColumns(v: TableView): number[] {
  return [...plannedColumns(v), ...realisedColumns(v)];
}

/** The amount columns and the gap: every column a total row sums. */
export function summedColumns(v: TableView): number[] {
  const gap = v.col("gap");
  return gap !== undefined ? [...amountColumns(v), gap] : amountColumns(v);
}

export function missingRoles(v: TableView | null, roles: SingleRole[]): string[] {
  if (!v) return [];
  return roles.filter((r) => v.col(r) === undefined);
}

export interface RowWithFigures {
  r: RowInfo;
  f: RowFigures;
  fiche: string | null;
}

// Four rules walk the same rows with their figures: listed once per view (with and without the TOTAL row).
const withFiguresMemo = new WeakMap<TableView, { rows: RowWithFigures[] | null; withTotal: RowWithFigures[] | null }>();

/** Data rows (and the TOTAL row on request) with their computed figures (spec §3). Shared: not to be changed. */
export function rowsWithFigures(v: TableView, withTotal: boolean): readonly RowWithFigures[] {
  let memo = withFiguresMemo.get(v);
  if (!memo) withFiguresMemo.set(v, (memo = { rows: null, withTotal: null }));
  const known = withTotal ? memo.withTotal : memo.rows;
  if (known) return known;
  const rows = withTotal ? [...v.dataRows(), ...v.t.rows.filter((x) => x.kind === "total")] : v.dataRows();
  const out: RowWithFigures[] = [];
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const f = rowFigures(v, r.row);
    if (f) out.push({ r, f, fiche: r.fiche ?? r.continuationOf });
  }
  if (withTotal) memo.withTotal = out;
  else memo.rows = out;
  return out;
}

/**
 * The rule kit's one comparison of a total with the sum of its parts under the print tolerance: nothing when equal,
 * an info when within 1 € (hidden cents), else an error with the rule's own message.
 */
export function sumFinding(
  v: TableView,
  rule: RuleId,
  at: { row: number; col: number; fiche: string | null },
  what: string,
  parts: number[],
  actual: number,
  error: (expected: number) => string,
): Finding | null {
  const expected = parts.reduce((a, b) => a + b, 0);
  const cmp = compareAmounts(expected, actual);
  if (cmp === "equal") return null;
  return cmp === "rounding"
    ? finding(v, rule, "info", at.row, at.col, at.fiche, rulesText.rounding(what, expected, actual), expected, actual)
    : finding(v, rule, "error", at.row, at.col, at.fiche, error(expected), expected, actual);
}

/**
 * A fiche spread over several rows may write a total once for all its rows (merged down) while its parts stay per row:
 * a relation that fails on one of its rows but holds over all of them is that shape, not an error.
 */
export function holdsOverFiche(v: TableView, row: number, expected: (r: number) => number, actual: (r: number) => number): boolean {
  const rows = v.spreadFicheRows(row);
  if (!rows) return false;
  const e = rows.reduce((a, r) => a + expected(r), 0);
  const x = rows.reduce((a, r) => a + actual(r), 0);
  return compareAmounts(e, x) !== "different";
}

/** The figures of a whole fiche spread over several rows: its amounts summed, its rates from the sums. */
export function ficheFigures(v: TableView, rows: number[]): RowFigures | null {
  let plannedLastYear = 0;
  let budget = 0;
  let realisedLastYear = 0;
  let realisedSinceStart = 0;
  for (const r of rows) {
    const f = rowFigures(v, r);
    if (!f) return null;
    plannedLastYear += f.plannedLastYear;
    budget += f.budget;
    realisedLastYear += f.realisedLastYear;
    realisedSinceStart += f.realisedSinceStart;
  }
  return figuresOf(plannedLastYear, budget, realisedLastYear, realisedSinceStart);
}

/**
 * Whether the last year's planned amount P(YN) can be computed: the département's share (Total CD of the year, or
 * masse salariale and DGAS) and every funder block that has years has that year too.
 */
export function plannedComplete(v: TableView): boolean {
  const y = v.lastYear;
  if (y === null) return false;
  const has = (b: "ms" | "dgas" | "cd" | "fir" | "etat" | "ondam") => v.yearCol(b, y) !== undefined;
  const cd =
    has("cd") ||
    (has("ms") && has("dgas")) ||
    (has("ms") && !v.years("dgas").length && v.col("dgasTotal") === undefined) ||
    (has("dgas") && !v.years("ms").length && v.col("msTotal") === undefined);
  // A co-financer written as one amount for the whole period (its total, no year) leaves the year's share unknown.
  return cd && (["fir", "etat", "ondam"] as const).every((b) => has(b) || (!v.years(b).length && v.col(`${b}Total`) === undefined));
}

/** Columns a row's figures are made of, by figure: P(YN), the budget and each realisation. */
export function figureColumns(v: TableView, which: Array<"planned" | "budget" | "realisedLastYear" | "realisedSinceStart">): Array<number | undefined> {
  const cols: Array<number | undefined> = [];
  for (const w of which) {
    if (w === "planned" && v.lastYear !== null) for (const b of ["cd", "ms", "dgas", "fir", "etat", "ondam"] as const) cols.push(v.yearCol(b, v.lastYear));
    if (w === "budget") cols.push(v.col("budget"), ...(["cdTotal", "firTotal", "etatTotal", "ondamTotal"] as const).map((r) => v.col(r)));
    if (w === "realisedLastYear" || w === "realisedSinceStart") cols.push(v.col(w));
  }
  return cols;
}

/**
 * Whether a row of a spread fiche shares one of these figures with its other rows: left to another row (budget merged
 * down), or written here once for the whole fiche (realisations merged down while the plan is split across the rows).
 */
export function leansOnFiche(v: TableView, row: number, cols: Array<number | undefined>): boolean {
  return !!v.spreadFicheRows(row) && cols.some((c) => v.writtenElsewhere(row, c) || v.writtenForOthers(row, c));
}
