// The three computed columns of annex-spec §3, as numbers (for reports and checks) and as formulas (for fill).
import { colToLetters } from "../model/a1";
import type { TableView } from "../layout/view";

export interface RowFigures {
  plannedLastYear: number;
  budget: number;
  realisedLastYear: number;
  realisedSinceStart: number;
  /** null when undefined: nothing planned (with or without spending). */
  rateLastYear: number | null;
  rateGlobal: number | null;
  gap: number;
}

// Several rules, the report and the fill plan ask for the same rows' figures: computed once per view and row.
const figuresMemo = new WeakMap<TableView, Map<number, RowFigures | null>>();

/** A row's figures; the object is shared by every caller of the same view: not to be changed. */
export function rowFigures(v: TableView, row: number): RowFigures | null {
  let memo = figuresMemo.get(v);
  if (!memo) figuresMemo.set(v, (memo = new Map()));
  let f = memo.get(row);
  if (f === undefined) memo.set(row, (f = computeRowFigures(v, row)));
  return f;
}

function computeRowFigures(v: TableView, row: number): RowFigures | null {
  const year = v.lastYear;
  if (year === null) return null;
  const plannedLastYear = v.plannedOfYear(row, year);
  const budget =
    v.col("budget") !== undefined ? v.num(row, v.col("budget")) : (["cd", "fir", "etat", "ondam"] as const).reduce((a, b) => a + v.blockTotal(row, b), 0);
  const realisedLastYear = v.num(row, v.col("realisedLastYear"));
  const realisedSinceStart = v.num(row, sinceStartColumn(v)?.col);
  return figuresOf(plannedLastYear, budget, realisedLastYear, realisedSinceStart);
}

/**
 * The column of the money spent since the start (annex-spec §3): the cumulative column, or, on an annex of one year with
 * none, the year's realisations (all that was spent). Null when the table has several years and no cumulative: what was
 * spent before the last year is then unknown.
 */
export function sinceStartColumn(v: TableView): { col: number; role: "realisedSinceStart" | "realisedLastYear" } | null {
  const since = v.col("realisedSinceStart");
  if (since !== undefined) return { col: since, role: "realisedSinceStart" };
  const last = v.col("realisedLastYear");
  return last !== undefined && oneYearOnly(v) ? { col: last, role: "realisedLastYear" } : null;
}

/** Planned for one year only, with no realisation of another year nor a prior balance beside it. */
function oneYearOnly(v: TableView): boolean {
  if (v.t.kind !== "detail" || v.t.years.length !== 1 || v.col("realisedPrior") !== undefined || v.years("realisedTo").length) return false;
  return v.years("realised").every((y) => y === v.lastYear);
}

/** Rates and gap of planned and realised amounts (a row's, or a fiche's summed over its rows). */
export function figuresOf(plannedLastYear: number, budget: number, realisedLastYear: number, realisedSinceStart: number): RowFigures {
  return {
    plannedLastYear,
    budget,
    realisedLastYear,
    realisedSinceStart,
    rateLastYear: plannedLastYear === 0 ? null : realisedLastYear / plannedLastYear,
    rateGlobal: budget === 0 ? null : realisedSinceStart / budget,
    gap: budget - realisedSinceStart,
  };
}

/** Cells that make P(YN) in a row: Total CD of the year (or MS + DGAS) and each funder's year cell. */
export function plannedTerms(v: TableView, row: number, year: number): string[] {
  const terms: string[] = [];
  const ref = (col: number | undefined) => (col === undefined ? null : `${colToLetters(col)}${row}`);
  const cd = ref(v.yearCol("cd", year));
  if (cd) terms.push(cd);
  else
    for (const b of ["ms", "dgas"] as const) {
      const r = ref(v.yearCol(b, year));
      if (r) terms.push(r);
    }
  for (const b of ["fir", "etat", "ondam"] as const) {
    const r = ref(v.yearCol(b, year));
    if (r) terms.push(r);
  }
  return terms;
}
