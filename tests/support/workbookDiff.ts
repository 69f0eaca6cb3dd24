// Reads .xlsx files back into snapshots and compares cells, for "nothing else changed" checks.
import { readXlsx } from "../../src/xlsx/readWorkbook";
import { addr } from "../../src/core/model/a1";
import type { Cell, WorkbookSnapshot } from "../../src/core/model/snapshot";
import type { EditPlan } from "../../src/core/plan/types";

export async function snap(file: string): Promise<WorkbookSnapshot> {
  return (await readXlsx(file)).snapshot;
}

export function sheetOf(wb: WorkbookSnapshot, name: string) {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

export function cellAt(wb: WorkbookSnapshot, sheet: string, row: number, col: number): Cell | undefined {
  return sheetOf(wb, sheet).cells[row - 1]?.[col - 1];
}

export function valueAt(wb: WorkbookSnapshot, sheet: string, row: number, col: number): unknown {
  return cellAt(wb, sheet, row, col)?.value ?? null;
}

/** Every cell of `before`, mapped to its place in `after`, whose value differs (numbers within 1e-6). */
export function changedCells(
  before: WorkbookSnapshot,
  after: WorkbookSnapshot,
  mapCol: (sheet: string, row: number, col: number) => number,
  skip: (sheet: string, row: number, col: number) => boolean,
  compare: "value" | "all" = "value",
): string[] {
  const out: string[] = [];
  for (const s of before.sheets) {
    s.cells.forEach((row, ri) =>
      row?.forEach((cell, ci) => {
        if (!cell) return;
        const r = ri + 1;
        const c = ci + 1;
        if (skip(s.name, r, c)) return;
        const other = cellAt(after, s.name, r, mapCol(s.name, r, c));
        const a = cell.value;
        const b = other?.value ?? null;
        const same = typeof a === "number" && typeof b === "number" ? Math.abs(a - b) < 1e-6 : JSON.stringify(a) === JSON.stringify(b);
        const sameRest = compare === "value" || (cell.formula === other?.formula && cell.numFmt === other?.numFmt);
        if (!same || !sameRest) out.push(`${s.name}!${addr(r, c)}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
      }),
    );
  }
  return out;
}

/** Cells a plan writes (values, formulas, formats), in final coordinates: the cells a "nothing else changed" check skips. */
export function writtenCells(plan: EditPlan): Array<{ sheet: string; row: number; col: number }> {
  const out: Array<{ sheet: string; row: number; col: number }> = [];
  for (const e of plan.edits)
    if (e.kind === "setFormula" || e.kind === "setValue" || e.kind === "setNumberFormat") out.push({ sheet: e.sheet, row: e.row, col: e.col });
  return out;
}
