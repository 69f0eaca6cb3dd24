// The workbook as the core sees it: plain data filled by an adapter (Office.js or ExcelJS), never a live object.
import type { Rect } from "./a1";

export interface ErrorValue {
  error: string;
}
export type CellValue = number | string | boolean | null | ErrorValue;

export interface FontInfo {
  name?: string;
  size?: number;
  bold?: boolean;
}

export interface Cell {
  value: CellValue;
  /** Formula without the leading "=", English function names, comma separators. */
  formula?: string;
  /** Displayed text as the host shows it (Office.js range.text); the core renders it when absent. */
  text?: string;
  numFmt?: string;
  font?: FontInfo;
  /** Fill colour ("#RRGGBB") when not the default: flags save and restore it. */
  fill?: string;
  /**
   * A formula the file left uncalculated that the reader could not compute as Excel would (unsupported function,
   * external link, cycle): its value is unknown (null), never 0, and no rule reports on it.
   */
  uncomputed?: boolean;
}

export interface SheetSnapshot {
  name: string;
  rowCount: number;
  colCount: number;
  /** cells[row-1][col-1]; only master cells of merged areas hold content. */
  cells: Array<Array<Cell | undefined> | undefined>;
  merges: Rect[];
  /** Column widths in characters (Excel's unit); undefined = default width. */
  colWidths: Array<number | undefined>;
  defaultColWidth: number;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  protected: boolean;
  defaultFont: FontInfo;
}

export interface WorkbookSnapshot {
  fileName?: string;
  sheets: SheetSnapshot[];
  /** Workbook structure protected (sheets cannot be added or removed). */
  protected?: boolean;
  /** Set when some uncalculated formulas could not be computed (cells marked `uncomputed`): how many, and where. */
  uncomputedFormulas?: { uncomputed: number; examples: Array<{ sheet: string; row: number; col: number }> };
}

export function isError(v: CellValue): v is ErrorValue {
  return typeof v === "object" && v !== null && "error" in v;
}

export function isBlankValue(v: CellValue): boolean {
  return v === null || (typeof v === "string" && v.trim() === "");
}

export function colWidth(sheet: SheetSnapshot, col: number): number {
  return sheet.colWidths[col - 1] ?? sheet.defaultColWidth;
}

export function emptySheet(name: string): SheetSnapshot {
  return {
    name,
    rowCount: 0,
    colCount: 0,
    cells: [],
    merges: [],
    colWidths: [],
    defaultColWidth: 8.43,
    hiddenCols: new Set(),
    hiddenRows: new Set(),
    protected: false,
    defaultFont: { name: "Calibri", size: 11 },
  };
}

export function setCell(sheet: SheetSnapshot, row: number, col: number, cell: Cell | undefined): void {
  let r = sheet.cells[row - 1];
  if (!r) {
    r = [];
    sheet.cells[row - 1] = r;
  }
  r[col - 1] = cell;
  if (cell) {
    if (row > sheet.rowCount) sheet.rowCount = row;
    if (col > sheet.colCount) sheet.colCount = col;
  }
}
