// Fill plan: live formulas for the yearly rate, the global rate and the gap of every fiche row and the TOTAL (spec §3).
import { NO_BUDGET_MARKER } from "../../messages/fr";
import { fillText } from "../../messages/plans";
import { recognise } from "../layout/recognise";
import type { AnnexLayout } from "../layout/types";
import { TableView } from "../layout/view";
import { addr, colToLetters } from "../model/a1";
import type { Cell, WorkbookSnapshot } from "../model/snapshot";
import { emptyPlan, normaliseFormula, type Conflict, type EditPlan } from "../plan/types";
import { percentDecimals } from "../format/percent";
import { plannedTerms, rowFigures, sinceStartColumn } from "./rates";

export interface FillOptions {
  force?: boolean;
}

const ref = (col: number, row: number) => `${colToLetters(col)}${row}`;

/** =IF(P=0,IF(N(R)=0,"","sans budget"),R/P): empty-looking when nothing was planned nor spent, a marker when spent. */
/** `points`: the column keeps rates in percentage points (85 for 85 %), as its own figures show. */
export function rateFormula(numerator: string, denominator: string, points = false): string {
  const den = denominator.includes("+") ? `(${denominator})` : denominator;
  return `IF(${den}=0,IF(N(${numerator})=0,"","${NO_BUDGET_MARKER}"),${numerator}/${den}${points ? "*100" : ""})`;
}

export function rowFormulas(v: TableView, row: number, year: number): { rateLastYear?: string; rateGlobal?: string; gap?: string } {
  const out: { rateLastYear?: string; rateGlobal?: string; gap?: string } = {};
  const realised = v.col("realisedLastYear");
  const since = sinceStartColumn(v)?.col;
  const budget = v.col("budget");
  const terms = plannedTerms(v, row, year);
  if (realised !== undefined && terms.length) out.rateLastYear = rateFormula(ref(realised, row), terms.join("+"), v.rateScale("rateLastYear") === 100);
  if (since !== undefined && budget !== undefined) {
    out.rateGlobal = rateFormula(ref(since, row), ref(budget, row), v.rateScale("rateGlobal") === 100);
    out.gap = `${ref(budget, row)}-${ref(since, row)}`;
  }
  return out;
}

function describe(c: Cell | undefined): string | number | null {
  if (!c) return null;
  if (c.formula) return `=${c.formula}`;
  const v = c.value;
  return typeof v === "number" || typeof v === "string" ? v : v === null ? null : String((v as { error?: string }).error ?? v);
}

export function planFill(wb: WorkbookSnapshot, options: FillOptions = {}, layout: AnnexLayout = recognise(wb)): EditPlan {
  const plan = emptyPlan("fill");
  const v = TableView.of(wb, layout.detail);
  if (!v) {
    plan.notes.push(fillText.noDetail);
    return plan;
  }
  const year = v.lastYear;
  const missing = (["rateLastYear", "rateGlobal", "gap", "realisedLastYear", "realisedSinceStart", "budget"] as const).filter((r) => v.col(r) === undefined && (r !== "realisedSinceStart" || !sinceStartColumn(v)));
  if (missing.length) plan.notes.push(fillText.missingColumns(missing));
  if (year === null) {
    plan.notes.push(fillText.noYears);
    return plan;
  }
  const rows = v.t.rows.filter((r) => {
    if (r.kind === "fiche" || r.kind === "total") return true;
    // A continuation row gets formulas only when it carries money of its own.
    if (r.kind !== "continuation") return false;
    const f = rowFigures(v, r.row);
    return !!f && (f.budget !== 0 || f.realisedSinceStart !== 0 || f.realisedLastYear !== 0);
  });
  const amountFmt = v.cell(rows[0]?.row ?? 0, v.col("budget") ?? 0)?.numFmt ?? '#,##0 "€"';
  for (const r of rows) {
    const formulas = rowFormulas(v, r.row, year);
    const figures = rowFigures(v, r.row);
    for (const role of ["rateLastYear", "rateGlobal", "gap"] as const) {
      const col = v.col(role);
      const formula = formulas[role];
      if (col === undefined || !formula) continue;
      const cell = v.cell(r.row, col);
      const isRate = role !== "gap";
      const scale = isRate ? v.rateScale(role) : 1;
      const numFmt =
        isRate && scale === 1 ? (cell?.numFmt && /%/.test(cell.numFmt) ? cell.numFmt : "0%") : isRate ? (cell?.numFmt ?? "0") : (cell?.numFmt ?? amountFmt);
      if (cell?.formula && normaliseFormula(cell.formula) === normaliseFormula(formula)) {
        plan.stats.unchanged++;
        continue;
      }
      const computed = role === "gap" ? (figures?.gap ?? null) : role === "rateLastYear" ? (figures?.rateLastYear ?? null) : (figures?.rateGlobal ?? null);
      const conflict = conflictOf(cell, computed === null ? null : computed * scale, isRate && scale === 1, scale === 100);
      if (conflict) {
        const c: Conflict = {
          sheet: v.sheet.name,
          cell: addr(r.row, col),
          fiche: r.fiche ?? r.continuationOf,
          current: describe(cell),
          planned: `=${formula}`,
          plannedResult: resultOf(role, figures, scale),
          reason: conflict,
        };
        plan.conflicts.push(c);
        if (!options.force) continue;
      }
      plan.edits.push({ kind: "setFormula", sheet: v.sheet.name, row: r.row, col, formula, numFmt, result: resultOf(role, figures, scale) });
      plan.stats.formulas++;
    }
  }
  if (plan.conflicts.length) plan.notes.push(options.force ? fillText.forced(plan.conflicts.length) : fillText.conflictsKept(plan.conflicts.length));
  return plan;
}

/** What the formula shows right after the write: the number, "" when nothing was planned nor spent, the marker when spent. */
function resultOf(role: "rateLastYear" | "rateGlobal" | "gap", f: ReturnType<typeof rowFigures>, scale = 1): number | string | null {
  if (!f) return null;
  if (role === "gap") return f.gap;
  const [rate, spent] = role === "rateLastYear" ? [f.rateLastYear, f.realisedLastYear] : [f.rateGlobal, f.realisedSinceStart];
  return rate !== null ? rate * scale : spent === 0 ? "" : NO_BUDGET_MARKER;
}

/** A user's constant that shows another figure than ours, any user formula, or text: not ours to overwrite. */
function conflictOf(cell: Cell | undefined, computed: number | null, isRate: boolean, points = false): Conflict["reason"] | null {
  if (!cell) return null;
  if (cell.formula) return "user-formula";
  const v = cell.value;
  if (v === null || (typeof v === "string" && !v.trim())) return null;
  if (typeof v === "string") return "user-text";
  if (typeof v !== "number") return "user-value";
  if (computed === null) return "user-value";
  // Percentage points typed as shown (85 or 85,3 for 85,27 %): the same figure to the tenth of a point.
  if (points) return Math.abs(v - computed) <= 0.05 + 1e-9 || Math.round(v) === Math.round(computed) ? null : "user-value";
  if (isRate) {
    const k = 10 ** (percentDecimals(cell.numFmt) + 2);
    return Math.round(v * k) === Math.round(computed * k) ? null : "user-value";
  }
  return Math.abs(v - computed) <= 1 ? null : "user-value";
}
