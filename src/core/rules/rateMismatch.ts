import { formatEuro, formatPercent } from "../../messages/format";
import { roundingTolerance } from "../model/tolerance";
import { percentDecimals } from "../format/percent";
import { rulesText } from "../../messages/rules";
import { sinceStartColumn } from "../compute/rates";
import type { TableView } from "../layout/view";
import { ficheFigures, finding, plannedComplete, rowsWithFigures } from "./helpers";
import { confident, PLANNED_BLOCKS } from "./needs";
import type { Finding, Rule } from "./types";

const RATE_ROLES = ["rateLastYear", "rateGlobal"] as const;

/** Below this absolute difference (0,05 point) a rate is the computed one, stored rounded. */
const RATE_TOLERANCE = 0.0005;

/** A spread fiche's rate written once: the whole fiche's, shown alike or within a stored rounding (as a row's rate). */
function isWholeFicheRate(wholeRate: number | null | undefined, value: number, k: number, scale: number): boolean {
  if (wholeRate === undefined || wholeRate === null) return false;
  return Math.round(wholeRate * k) === Math.round(value * k) || Math.abs(wholeRate - value) <= RATE_TOLERANCE * (scale === 1 ? 1 : 10);
}

export const rateMismatch: Rule = {
  id: "rate-mismatch",
  perRow: true,
  // The cumulative is not needed: the yearly rate stands without it, and a one-year annex's realisations are its cumulative.
  needs: { detail: ["realisedLastYear"] },
  uses: {
    detail: ["rateLastYear", "rateGlobal", "gap", "budget", "realisedLastYear", "realisedSinceStart", ...PLANNED_BLOCKS],
  },
  partial: true,
  skip: (ctx) =>
    !ctx.detail
      ? rulesText.skippedNoTable("detail")
      : ["rateLastYear", "rateGlobal", "gap"].every((r) => ctx.detail!.col(r as "gap") === undefined)
        ? rulesText.skipped(["rateLastYear", "rateGlobal", "gap"])
        : null,
  run(ctx) {
    const v = ctx.detail!;
    const out: Finding[] = [];
    // Each computed column on its own, when it and the amounts it is computed from were read with confidence.
    const last = v.lastYear;
    const planned = last === null ? [] : ["cd", "ms", "dgas", "fir", "etat", "ondam"].map((b) => `${b}${last}`);
    const budget = v.col("budget") !== undefined ? ["budget"] : ["cd", "fir", "etat", "ondam", "cdTotal", "firTotal", "etatTotal", "ondamTotal"];
    const since = sinceStartColumn(v);
    const sinceSure = (role: "rateGlobal" | "gap") =>
      !!since && confident(v, role, since.role, ...budget) && (since.role === "realisedSinceStart" || heldByMost(v, role));
    const sure = {
      rateLastYear: plannedComplete(v) && confident(v, "rateLastYear", "realisedLastYear", ...planned),
      rateGlobal: sinceSure("rateGlobal"),
      gap: sinceSure("gap"),
    };
    // Indexed loops, no pair of tuples per row: for-of made iterator results and arrays per row while unoptimised.
    const withFigures = rowsWithFigures(v, true);
    for (let i = 0; i < withFigures.length; i++) {
      const { r, f, fiche } = withFigures[i]!;
      // A fiche spread over several rows may write its rates and gap once, from all its rows' amounts.
      const spread = v.spreadFicheRows(r.row);
      const whole = spread ? ficheFigures(v, spread) : null;
      for (let j = 0; j < RATE_ROLES.length; j++) {
        const role = RATE_ROLES[j]!;
        const computed = role === "rateLastYear" ? f.rateLastYear : f.rateGlobal;
        const col = sure[role] ? v.col(role) : undefined;
        const cell = col === undefined ? undefined : v.cell(r.row, col);
        // Undefined rates are realised-without-budget's concern; empty or text cells are not filled yet.
        if (!cell || typeof cell.value !== "number" || computed === null) continue;
        // Typed in percentage points (85 for 85 %): its decimals are the format's, not two more.
        const scale = v.rateScale(role);
        const value = cell.value / scale;
        const d = scale === 1 ? percentDecimals(cell.numFmt) : 0;
        const k = Math.pow(10, d + 2);
        if (Math.round(computed * k) === Math.round(value * k)) continue;
        // A rate stored rounded (44,50 % for 44,497 %) may show another digit than the computed one: no news.
        if (Math.abs(computed - value) <= RATE_TOLERANCE * (scale === 1 ? 1 : 10)) continue;
        if (isWholeFicheRate(whole?.[role], value, k, scale)) continue;
        const what = role === "rateLastYear" ? rulesText.rateYearLabel(v.lastYear) : rulesText.rateGlobalLabel;
        out.push(
          finding(
            v,
            "rate-mismatch",
            "error",
            r.row,
            col!,
            fiche,
            rulesText.rateMismatch(what, formatPercent(computed, d), formatPercent(value, d)),
            computed,
            value,
          ),
        );
      }
      const gapCol = sure.gap ? v.col("gap") : undefined;
      const gap = gapCol === undefined ? undefined : v.cell(r.row, gapCol);
      const gapOverFiche = spread && whole ? Math.abs(spread.reduce((a, rr) => a + v.num(rr, gapCol), 0) - whole.gap) <= roundingTolerance() : false;
      if (gap && typeof gap.value === "number" && Math.abs(gap.value - f.gap) > roundingTolerance() && !gapOverFiche) {
        out.push(
          finding(
            v,
            "rate-mismatch",
            "error",
            r.row,
            gapCol!,
            fiche,
            rulesText.rateMismatch(rulesText.gapLabel, formatEuro(f.gap), formatEuro(gap.value)),
            f.gap,
            gap.value,
          ),
        );
      }
    }
    return out;
  },
};

/**
 * The year's realisations taken for the cumulative (a one-year annex) is a reading: the column's own figures must agree
 * with it on most rows, or the column means something else (a gap against an envelope kept elsewhere) and is not checked.
 */
function heldByMost(v: TableView, role: "rateGlobal" | "gap"): boolean {
  const col = v.col(role);
  let agree = 0;
  let differ = 0;
  const withFigures = rowsWithFigures(v, false);
  for (let i = 0; i < withFigures.length; i++) {
    const { r, f } = withFigures[i]!;
    const value = v.amount(r.row, col);
    const computed = role === "gap" ? f.gap : f.rateGlobal;
    if (value === null || computed === null || v.spreadFicheRows(r.row)) continue;
    const held = role === "gap" ? Math.abs(value - computed) <= roundingTolerance() : Math.abs(value / v.rateScale(role) - computed) <= RATE_TOLERANCE * 10;
    if (held) agree++;
    else differ++;
  }
  return agree > differ;
}
