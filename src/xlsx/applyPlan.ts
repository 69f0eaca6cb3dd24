// Applies a core edit plan to an ExcelJS workbook. ExcelJS moves cells on insertion but neither formulas nor merges:
// this adapter shifts references with the core's reference shifter and re-creates the merges, as Excel would.
import ExcelJS from "exceljs";
import { colToLetters } from "../core/model/a1";
import { composedInsertions, shiftFormula } from "../core/model/columnInsert";
import { rewriteRefs, shiftForInsertedColumns } from "../core/model/formulaRefs";
import type { Edit, EditPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import { snapshotOfWorkbook } from "./readWorkbook";

/** ExcelJS shares one style object between cells read with the same style: give the cell its own before changing it. */
function setNumFmt(cell: ExcelJS.Cell, numFmt: string): void {
  cell.style = { ...cell.style, numFmt };
}

type Merge = { r1: number; c1: number; r2: number; c2: number };

function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const internal = (ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  return Object.values(internal).map((m) => ({ r1: m.model.top, c1: m.model.left, r2: m.model.bottom, c2: m.model.right }));
}

const rangeOf = (m: Merge) => `${colToLetters(m.c1)}${m.r1}:${colToLetters(m.c2)}${m.r2}`;

/** Rewrites every formula of the workbook through `fn` (shared formulas become plain ones first). */
function rewriteAllFormulas(wb: ExcelJS.Workbook, fn: (formula: string, sheet: string) => string): void {
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type !== ExcelJS.ValueType.Formula) return;
        const formula = cell.formula;
        const next = fn(formula, ws.name);
        const result = (cell as unknown as { result: unknown }).result;
        if (next !== formula || (cell.value as { sharedFormula?: string }).sharedFormula) {
          cell.value = { formula: next, result } as ExcelJS.CellFormulaValue;
        }
      });
    });
  }
}

/** Moves the cells and merges; rewrites the formulas too unless the caller does it once for all the inserts. */
function insertColumns(wb: ExcelJS.Workbook, e: Extract<Edit, { kind: "insertColumns" }>, rewrite: boolean): void {
  const ws = wb.getWorksheet(e.sheet)!;
  const merges = mergesOf(ws);
  const inRows = (m: Merge) => !e.rows || (m.r1 >= e.rows[0] && m.r2 <= e.rows[1]);
  const moved = merges.filter((m) => m.c2 >= e.at && inRows(m));
  for (const m of moved) ws.unMergeCells(rangeOf(m));
  const maxCol = ws.columnCount;
  if (!e.rows) {
    ws.spliceColumns(e.at, 0, ...Array.from({ length: e.count }, () => []));
  } else {
    for (let r = e.rows[0]; r <= e.rows[1]; r++) {
      const row = ws.getRow(r);
      for (let c = maxCol; c >= e.at; c--) {
        const src = row.getCell(c);
        const dst = row.getCell(c + e.count);
        dst.value = src.value;
        dst.style = { ...src.style };
        src.value = null;
      }
    }
  }
  // The new cells take the formats of the column they follow (Excel's "same as left").
  const lastRow = e.rows ? e.rows[1] : ws.rowCount;
  const firstRow = e.rows ? e.rows[0] : 1;
  for (let r = firstRow; r <= lastRow; r++) {
    const from = ws.getRow(r).getCell(e.copyFormatFrom);
    if (!from.style || !Object.keys(from.style).length) continue;
    for (let k = 0; k < e.count; k++) ws.getRow(r).getCell(e.at + k).style = { ...from.style };
  }
  if (!e.rows) {
    const w = ws.getColumn(e.copyFormatFrom).width;
    for (let k = 0; k < e.count; k++) ws.getColumn(e.at + k).width = w;
  }
  for (const m of moved) {
    // A merge the insertion falls inside grows (Excel does the same); one right of it moves.
    ws.mergeCells(rangeOf({ r1: m.r1, r2: m.r2, c1: m.c1 >= e.at ? m.c1 + e.count : m.c1, c2: m.c2 + e.count }));
  }
  if (!rewrite) return;
  const rows = e.rows;
  rewriteAllFormulas(wb, (f, sheet) => {
    if (!rows) return shiftForInsertedColumns(f, sheet, e.sheet, e.at, e.count);
    // Cells moved only in these rows: a reference moves when it lies wholly inside them.
    return rewriteRefs(f, (ref) => {
      if ((ref.sheet ?? sheet) !== e.sheet || ref.r1 < rows[0] || ref.r2 > rows[1]) return null;
      const c1 = ref.c1 >= e.at ? ref.c1 + e.count : ref.c1;
      const c2 = ref.c2 >= e.at ? ref.c2 + e.count : ref.c2;
      return c1 === ref.c1 && c2 === ref.c2 ? null : { ...ref, c1, c2 };
    });
  });
}

export function applyPlanToExcelJs(wb: ExcelJS.Workbook, plan: EditPlan): void {
  // Nothing is written unless the whole plan fits the workbook (sheets present, not protected, cells in range).
  validatePlan(snapshotOfWorkbook(wb), plan);
  // Every formula is rewritten once after the last insert (all insertions composed), not once per insert edit: valid
  // when the inserts' positions are original coordinates (composedInsertions) and no formula is written before them.
  const lastInsert = plan.edits.map((e) => e.kind).lastIndexOf("insertColumns");
  const composed = composedInsertions(plan.edits);
  const once = composed !== null && !plan.edits.slice(0, lastInsert).some((e) => e.kind === "setFormula");
  plan.edits.forEach((e, i) => {
    const ws = wb.getWorksheet(e.sheet)!;
    switch (e.kind) {
      case "insertColumns":
        insertColumns(wb, e, !once);
        if (once && i === lastInsert) rewriteAllFormulas(wb, (f, sheet) => shiftFormula(f, sheet, composed));
        break;
      case "setFormula": {
        const cell = ws.getCell(e.row, e.col);
        cell.value = { formula: e.formula, result: e.result ?? undefined };
        if (e.numFmt) setNumFmt(cell, e.numFmt);
        break;
      }
      case "setValue": {
        const cell = ws.getCell(e.row, e.col);
        const v = e.value;
        cell.value = v !== null && typeof v === "object" ? ({ error: v.error } as ExcelJS.CellErrorValue) : v;
        if (e.numFmt) setNumFmt(cell, e.numFmt);
        break;
      }
      case "setNumberFormat":
        setNumFmt(ws.getCell(e.row, e.col), e.numFmt);
        break;
      case "merge":
        ws.mergeCells(e.r1, e.c1, e.r2, e.c2);
        break;
      case "setColumnWidth":
        ws.getColumn(e.col).width = e.width;
        break;
    }
  });
  // Whoever opens the file next (Excel, LibreOffice) recalculates every formula.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
}
