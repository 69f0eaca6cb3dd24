// Writes a generated snapshot to a real .xlsx with ExcelJS (values, formulas with cached results, formats, widths, merges).
import ExcelJS from "exceljs";
import { colToLetters } from "../../src/core/model/a1";
import { isError, type WorkbookSnapshot } from "../../src/core/model/snapshot";

export function toExcelJs(wb: WorkbookSnapshot): ExcelJS.Workbook {
  const out = new ExcelJS.Workbook();
  for (const s of wb.sheets) {
    const ws = out.addWorksheet(s.name);
    s.cells.forEach((row, ri) =>
      row?.forEach((cell, ci) => {
        if (!cell) return;
        const c = ws.getCell(ri + 1, ci + 1);
        const v = cell.value;
        if (cell.formula) c.value = { formula: cell.formula, result: typeof v === "number" || typeof v === "string" ? v : undefined };
        else if (v !== null && typeof v === "object" && isError(v)) c.value = { error: v.error } as ExcelJS.CellErrorValue;
        else c.value = v;
        if (cell.numFmt) c.numFmt = cell.numFmt;
        if (cell.font) c.font = { ...cell.font };
      }),
    );
    s.colWidths.forEach((w, i) => {
      if (w !== undefined) ws.getColumn(i + 1).width = w;
    });
    for (const c of s.hiddenCols) ws.getColumn(c).hidden = true;
    for (const m of s.merges) ws.mergeCells(`${colToLetters(m.c1)}${m.r1}:${colToLetters(m.c2)}${m.r2}`);
  }
  return out;
}

export async function writeXlsx(wb: WorkbookSnapshot, file: string): Promise<void> {
  await toExcelJs(wb).xlsx.writeFile(file);
}
