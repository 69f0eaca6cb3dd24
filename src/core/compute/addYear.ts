// Add-year plan: one new column per yearly block in both tables, totals and formulas extended, history kept.
// Past figures stay under their own year: "Réalisations en N" stays; N+1 columns are inserted beside it, and the
// cumulative becomes "au 31/12/N" (the former figure, as a value) + N+1 (a formula).
//
// The algorithm, step by step (each step returns its edits; coordinates: see addYearPlace.ts):
//   0. startFrom          the detail table, its last year, the year to add; or why nothing can be done
//   1. whereColumnsGo     the insertions of each table, in original coordinates
//   2. insertColumnEdits  the insert edits, right to left
//   3. newColumns         headers and cells of every new column (amounts, Total CD, totals, rate, former cumulative)
//   4. rowTotals          block totals and Moyens financiers extended to the new year (detail)
//   5. cumulativeColumn   "depuis 2020" = prior + new year, live (detail; summaryCumulativeColumn for the summary)
//   6. yearListHeaders    "(2020, 2021, 2022)" headers gain the new year (detail)
//   7. sharedSheetWidths  widths that keep moved amounts readable when both tables share a sheet
import { addYearText, planText } from "../../messages/plans";
import { recognise } from "../layout/recognise";
import type { AnnexLayout } from "../layout/types";
import { TableView } from "../layout/view";
import type { WorkbookSnapshot } from "../model/snapshot";
import { emptyPlan, type EditPlan } from "../plan/types";
import { PlannedFormulas } from "./addYearFormulas";
import { cumulativeColumn, newColumns, rowTotals, summaryCumulativeColumn, tableFacts } from "./addYearCells";
import { yearListHeaders } from "./addYearHeaders";
import { insertColumnEdits, sharedSheetWidths, whereColumnsGo, type AddYearStart } from "./addYearPlace";
import { assemblePlan, stepOf } from "./addYearStep";

export { extendFormula } from "./addYearFormulas";
export { extendYearText } from "./addYearHeaders";

export interface AddYearOptions {
  year?: number;
  force?: boolean;
}

export function planAddYear(wb: WorkbookSnapshot, options: AddYearOptions = {}, layout: AnnexLayout = recognise(wb)): EditPlan {
  const start = startFrom(wb, options, layout);
  if (typeof start === "string") return { ...emptyPlan("add-year"), notes: [start], blocked: true };
  const tables = whereColumnsGo(start);
  const formulas = new PlannedFormulas(tables.map((t) => t.columns));
  const [detail, summary] = tables.map((tp) => tableFacts(start, tp, formulas));
  return assemblePlan([
    stepOf(insertColumnEdits(tables), start.shared ? [addYearText.sharedSheet(start.detail.sheet.name)] : []),
    newColumns(detail!),
    rowTotals(detail!),
    cumulativeColumn(detail!),
    yearListHeaders(detail!.v, detail!.final, start.last, start.year),
    ...(summary ? [newColumns(summary), summaryCumulativeColumn(summary)] : []),
    stepOf(start.shared ? sharedSheetWidths(tables) : []),
  ]);
}

/** Step 0: what the plan starts from, or the (French) reason it cannot be made. */
function startFrom(wb: WorkbookSnapshot, options: AddYearOptions, layout: AnnexLayout): AddYearStart | string {
  const detail = TableView.of(wb, layout.detail);
  if (!detail) return addYearText.noDetail;
  const last = detail.lastYear;
  if (last === null) return addYearText.noYears;
  const year = options.year ?? last + 1;
  const first = detail.t.years[0] ?? last;
  if (year < first) return addYearText.beforeFirst(year, first);
  if (year <= last) return addYearText.alreadyThere(year);
  if (year !== last + 1) return addYearText.notNext(year, last);
  const summary = TableView.of(wb, layout.summary);
  for (const v of [detail, summary]) if (v?.sheet.protected) return planText.protectedSheet(v.sheet.name);
  return { last, year, force: !!options.force, detail, summary, shared: !!summary && summary.sheet === detail.sheet };
}
