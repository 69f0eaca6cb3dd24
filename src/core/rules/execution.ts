// Rules on realisations against plans: spending without a plan, over-execution, a cumulative below its year.
import { rulesText } from "../../messages/rules";
import { renderNumber } from "../format/numfmt";
import { PLANNED_BLOCKS } from "./needs";
import type { TableView } from "../layout/view";
import { ficheFigures, figureColumns, finding, leansOnFiche, missingRoles, plannedComplete, rowsWithFigures } from "./helpers";
import type { RowFigures } from "../compute/rates";
import type { Finding, Rule } from "./types";
import { EPS, roundingTolerance } from "../model/tolerance";

function shown(v: TableView, row: number, col: number | undefined): string | null {
  if (col === undefined) return null;
  const c = v.cell(row, col);
  if (!c || typeof c.value !== "number") return null;
  return c.text ?? renderNumber(c.value, c.numFmt).text.trim();
}

/**
 * A row of a fiche spread over several rows that leaves a figure to another row (budget or cumulative merged down) is
 * judged with its whole fiche: the condition must hold on the fiche's summed figures too.
 */
function alsoOverFiche(v: TableView, row: number, of: Parameters<typeof figureColumns>[1], holds: (f: RowFigures) => boolean): boolean {
  if (!leansOnFiche(v, row, figureColumns(v, of))) return true;
  const whole = ficheFigures(v, v.spreadFicheRows(row)!);
  return !!whole && holds(whole);
}

const needsRoles = (roles: Parameters<typeof missingRoles>[1]) => (ctx: Parameters<Rule["skip"]>[0]) => {
  if (!ctx.detail) return rulesText.skippedNoTable("detail");
  const m = missingRoles(ctx.detail, roles);
  return m.length ? rulesText.skipped(m) : null;
};
/**
 * The global checks judge a cumulative column. A one-year annex's figures take the year's realisations for the
 * cumulative (for its gap); spending above that year's plan is then the yearly rate's concern, said there.
 */
const hasCumulative = (v: TableView) => v.col("realisedSinceStart") !== undefined;
const needsRealised = needsRoles(["realisedLastYear", "realisedSinceStart"]);
// Not every annex keeps a cumulative: the year's checks run without it (a missing cumulative reads 0: no global finding).
const needsYear = needsRoles(["realisedLastYear"]);

export const realisedWithoutBudget: Rule = {
  id: "realised-without-budget",
  perRow: true,
  needs: { detail: ["realisedLastYear"] },
  uses: {
    detail: ["realisedSinceStart", "budget", "rateLastYear", "rateGlobal", "gap", ...PLANNED_BLOCKS],
  },
  skip: needsYear,
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // The year's planned amount is computable only when every block has the year (else no rate, no verdict).
    const yearKnown = plannedComplete(v);
    // Indexed: a for-of made an iterator result per row while the loop ran unoptimised (10 000 rows).
    const withFigures = rowsWithFigures(v, false);
    for (let i = 0; i < withFigures.length; i++) {
      const { r, f, fiche } = withFigures[i]!;
      if (
        yearKnown &&
        f.plannedLastYear === 0 &&
        f.realisedLastYear > EPS &&
        alsoOverFiche(v, r.row, ["planned", "realisedLastYear"], (w) => w.plannedLastYear === 0 && w.realisedLastYear > EPS)
      ) {
        const col = v.col("rateLastYear") ?? v.col("realisedLastYear")!;
        out.push(
          finding(
            v,
            "realised-without-budget",
            "warning",
            r.row,
            col,
            fiche,
            rulesText.realisedWithoutBudgetYear(v.lastYear!, f.realisedLastYear, shown(v, r.row, v.col("rateLastYear"))),
            null,
            f.realisedLastYear,
          ),
        );
      }
      if (
        hasCumulative(v) &&
        f.budget === 0 &&
        f.realisedSinceStart > EPS &&
        alsoOverFiche(v, r.row, ["budget", "realisedSinceStart"], (w) => w.budget === 0 && w.realisedSinceStart > EPS)
      ) {
        const col = v.col("rateGlobal") ?? v.col("realisedSinceStart")!;
        out.push(
          finding(
            v,
            "realised-without-budget",
            "warning",
            r.row,
            col,
            fiche,
            rulesText.realisedWithoutBudgetGlobal(f.realisedSinceStart, shown(v, r.row, v.col("rateGlobal"))),
            null,
            f.realisedSinceStart,
          ),
        );
      }
    }
    return out;
  },
};

export const overExecution: Rule = {
  id: "over-execution",
  perRow: true,
  needs: { detail: ["realisedLastYear"] },
  uses: {
    detail: ["realisedSinceStart", "budget", "rateLastYear", "rateGlobal", "gap", ...PLANNED_BLOCKS],
  },
  skip: needsYear,
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    const yearKnown = plannedComplete(v);
    const withFigures = rowsWithFigures(v, true);
    for (let i = 0; i < withFigures.length; i++) {
      const { r, f, fiche } = withFigures[i]!;
      if (
        r.kind !== "total" &&
        hasCumulative(v) &&
        f.realisedSinceStart - f.budget > roundingTolerance() &&
        alsoOverFiche(v, r.row, ["budget", "realisedSinceStart"], (w) => w.realisedSinceStart - w.budget > roundingTolerance())
      ) {
        const col = v.col("gap") ?? v.col("realisedSinceStart")!;
        out.push(
          finding(v, "over-execution", "warning", r.row, col, fiche, rulesText.overExecution(f.realisedSinceStart, f.budget), f.budget, f.realisedSinceStart),
        );
      }
      // As printed (whole percent): 100.05 % reads "100 %" and is no news.
      if (
        yearKnown &&
        f.rateLastYear !== null &&
        Math.round(f.rateLastYear * 100) > 100 &&
        alsoOverFiche(v, r.row, ["planned", "realisedLastYear"], (w) => w.rateLastYear !== null && Math.round(w.rateLastYear * 100) > 100)
      ) {
        const col = v.col("rateLastYear") ?? v.col("realisedLastYear")!;
        out.push(
          finding(
            v,
            "over-execution",
            "info",
            r.row,
            col,
            fiche,
            rulesText.overExecutionYear(v.lastYear!, f.rateLastYear),
            f.plannedLastYear,
            f.realisedLastYear,
          ),
        );
      }
    }
    return out;
  },
};

export const cumulativeBelowYear: Rule = {
  id: "cumulative-below-year",
  perRow: true,
  needs: { detail: ["realisedLastYear", "realisedSinceStart"] },
  skip: needsRealised,
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    const withFigures = rowsWithFigures(v, true);
    for (let i = 0; i < withFigures.length; i++) {
      const { r, f, fiche } = withFigures[i]!;
      if (
        f.realisedLastYear - f.realisedSinceStart <= roundingTolerance() ||
        !alsoOverFiche(v, r.row, ["realisedLastYear", "realisedSinceStart"], (w) => w.realisedLastYear - w.realisedSinceStart > roundingTolerance())
      )
        continue;
      out.push(
        finding(
          v,
          "cumulative-below-year",
          "error",
          r.row,
          v.col("realisedSinceStart")!,
          fiche,
          rulesText.cumulativeBelowYear(f.realisedSinceStart, f.realisedLastYear, v.lastYear!),
          f.realisedLastYear,
          f.realisedSinceStart,
        ),
      );
    }
    return out;
  },
};
