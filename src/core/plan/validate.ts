// A plan is checked against the workbook before anything is sent: all of it applies, or nothing does.
import { planText } from "../../messages/plans";
import type { WorkbookSnapshot } from "../model/snapshot";
import type { EditPlan } from "./types";

export class PlanError extends Error {}

const MAX_COLS = 16384;
const MAX_ROWS = 1048576;

export function validatePlan(wb: WorkbookSnapshot, plan: EditPlan): void {
  const sheets = new Map(wb.sheets.map((s) => [s.name, s]));
  let extraCols = new Map<string, number>();
  for (const e of plan.edits) {
    const sheet = sheets.get(e.sheet);
    if (!sheet) throw new PlanError(planText.sheetGone(e.sheet));
    if (sheet.protected) throw new PlanError(planText.protectedSheet(e.sheet));
    if (e.kind === "insertColumns") {
      const total = (extraCols.get(e.sheet) ?? 0) + e.count;
      extraCols = new Map(extraCols).set(e.sheet, total);
      if (e.at < 1 || sheet.colCount + total > MAX_COLS || e.count < 1) throw new PlanError(planText.tooWide(e.sheet));
      continue;
    }
    if (e.kind === "setColumnWidth") continue;
    const [r, c] = e.kind === "merge" ? [e.r2, e.c2] : [e.row, e.col];
    if (r < 1 || r > MAX_ROWS || c < 1 || c > MAX_COLS) throw new PlanError(planText.outOfSheet(e.sheet));
  }
}
