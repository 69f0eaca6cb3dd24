// ExcelJS -> core snapshot: the reference reader the tests compare the package reader with (no CLI path loads it).
// Merged areas keep their content on the master cell only (ExcelJS repeats it on every cell).
import ExcelJS from "exceljs";
import { parseRange, type Rect } from "../core/model/a1";
import { emptySheet, setCell, type Cell, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../core/model/snapshot";
import { cellKey } from "../core/model/cellKey";

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

function toSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH) / 86400000;
}

function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return toSerial(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("error" in o) return { error: String(o.error) };
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("text" in o && "hyperlink" in o) return String(o.text);
  }
  return null;
}

function readCell(c: ExcelJS.Cell): Cell | undefined {
  const raw = c.value as unknown;
  let value: CellValue;
  let formula: string | undefined;
  if (c.type === ExcelJS.ValueType.Formula) {
    formula = c.formula;
    const res = (c as unknown as { result: unknown }).result;
    // Generators and some writers omit a zero result: an uncalculated formula reads as null, and SUM treats it as 0.
    value = scalar(res);
  } else value = scalar(raw);
  if (value === null && formula === undefined) return undefined;
  const cell: Cell = { value };
  if (formula !== undefined) cell.formula = formula;
  if (c.numFmt) cell.numFmt = c.numFmt;
  const f = c.font;
  if (f && (f.name || f.size || f.bold)) cell.font = { name: f.name, size: f.size, bold: f.bold };
  return cell;
}

function mergesOf(ws: ExcelJS.Worksheet): Rect[] {
  // _merges avoids building the whole sheet model (ws.model) on large sheets.
  const internal = (ws as unknown as { _merges?: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges;
  if (internal) return Object.values(internal).map((m) => ({ r1: m.model.top, c1: m.model.left, r2: m.model.bottom, c2: m.model.right }));
  return (ws.model.merges ?? []).map(parseRange);
}

export function snapshotOfWorksheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const sheet = emptySheet(ws.name);
  sheet.merges = mergesOf(ws);
  const slaves = new Set<number>();
  for (const m of sheet.merges) for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) slaves.add(cellKey(r, c));
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (row.hidden) sheet.hiddenRows.add(r);
    row.eachCell({ includeEmpty: false }, (c, col) => {
      if (slaves.has(cellKey(r, col))) return;
      const cell = readCell(c);
      if (cell) setCell(sheet, r, col, cell);
    });
  });
  const cols = Math.max(ws.columnCount, sheet.colCount);
  for (let c = 1; c <= cols; c++) {
    const col = ws.getColumn(c);
    if (col.width !== undefined) sheet.colWidths[c - 1] = col.width;
    if (col.hidden) sheet.hiddenCols.add(c);
  }
  sheet.defaultColWidth = ws.properties.defaultColWidth ?? 8.43;
  const prot = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  sheet.protected = !!prot?.sheet;
  return sheet;
}

export function snapshotOfWorkbook(wb: ExcelJS.Workbook, fileName?: string): WorkbookSnapshot {
  return { fileName, sheets: wb.worksheets.map(snapshotOfWorksheet) };
}

export async function readXlsx(path: string): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const name = path.split(/[\\/]/).pop();
  return { workbook, snapshot: snapshotOfWorkbook(workbook, name) };
}
