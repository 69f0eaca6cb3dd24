// Serialises the inputs of an add-year plan (snapshot and layout) and its output, so that a refactoring of the planner
// can be proved to produce the very same plan as the code it replaces.
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import type { AnnexLayout } from "../../../src/core/layout/types";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { EditPlan } from "../../../src/core/plan/types";
import type { AddYearOptions } from "../../../src/core/compute/addYear";

export const PLAN_FIXTURES = path.join(__dirname, "fixtures", "add-year-plans");

interface StoredSheet extends Omit<SheetSnapshot, "cells" | "hiddenCols" | "hiddenRows" | "colWidths"> {
  cells: Array<Array<Cell | null> | null>;
  colWidths: Array<number | null>;
  hiddenCols: number[];
  hiddenRows: number[];
}

export interface PlanCase {
  name: string;
  workbook: { fileName?: string; protected?: boolean; sheets: StoredSheet[] };
  layout: AnnexLayout;
  plans: Array<{ options: AddYearOptions; plan: EditPlan }>;
}

export function storeWorkbook(wb: WorkbookSnapshot): PlanCase["workbook"] {
  return {
    ...(wb.fileName !== undefined ? { fileName: wb.fileName } : {}),
    ...(wb.protected !== undefined ? { protected: wb.protected } : {}),
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: Array.from(s.cells, (row) => (row ? Array.from(row, (c) => c ?? null) : null)),
      colWidths: Array.from(s.colWidths, (w) => w ?? null),
      hiddenCols: [...s.hiddenCols],
      hiddenRows: [...s.hiddenRows],
    })),
  };
}

export function loadWorkbook(w: PlanCase["workbook"]): WorkbookSnapshot {
  return {
    ...w,
    sheets: w.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((row) => (row ? row.map((c) => c ?? undefined) : undefined)),
      colWidths: s.colWidths.map((x) => x ?? undefined),
      hiddenCols: new Set(s.hiddenCols),
      hiddenRows: new Set(s.hiddenRows),
    })),
  };
}

export function writeCase(c: PlanCase): void {
  fs.mkdirSync(PLAN_FIXTURES, { recursive: true });
  fs.writeFileSync(path.join(PLAN_FIXTURES, `${c.name}.json.gz`), zlib.gzipSync(JSON.stringify(c), { level: 9 }));
}

export function readCases(): PlanCase[] {
  return fs
    .readdirSync(PLAN_FIXTURES)
    .filter((f) => f.endsWith(".json.gz"))
    .sort()
    .map((f) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(PLAN_FIXTURES, f))).toString("utf8")) as PlanCase);
}
