// Office.js -> core snapshot, in two round trips: (1) sheets and their used ranges, (2) every cell's content.
// Excel limits a request's payload (5 MB on the web), so big sheets are read in chunks; chunks share a sync until
// the budget is reached, never one sync per chunk.
import { parseRange } from "../core/model/a1";
import { emptySheet, setCell, type Cell, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../core/model/snapshot";
import { byBudget } from "./blocks";
import { queueMergedAreas } from "./mergedAreas";
import type { HostContext, HostRange, HostRangeAreas, HostWorksheet } from "./host";

/** Sheets reached in the first round trip; more cost one round trip each 64. */
export const SHEETS_PER_SYNC = 64;
/** Cells per chunk (one range request). */
export const CHUNK_CELLS = 12_000;
/** Response bytes per cell (values, formulas, text, formats, value types, cell properties): 171–264 measured on the
 * real Office.js wire (issue #11); the budget takes the top of that range. */
export const BYTES_PER_CELL = 264;
/** Response budget per round trip, under Excel on the web's 5 MB limit. */
export const SYNC_BUDGET_BYTES = 4_000_000;

interface SheetRef { ws: HostWorksheet; used: HostRange }

interface Chunk {
  sheet: number;
  row0: number;
  col0: number;
  rows: number;
  cols: number;
  range?: HostRange;
  props?: { value: Excel.CellProperties[][] };
}

/** Points (Office.js) -> Excel character width (max digit width 7 px at 96 dpi). */
export function pointsToChars(points: number): number {
  return Math.round(((points * 96) / 72 / 7) * 100) / 100;
}

export function charsToPoints(chars: number): number {
  return Math.round(chars * 7 * 72 / 96 * 100) / 100;
}

export function planChunks(sheets: Array<{ rowIndex: number; columnIndex: number; rowCount: number; columnCount: number } | null>): Chunk[] {
  const chunks: Chunk[] = [];
  sheets.forEach((u, i) => {
    if (!u) return;
    const rowsPerChunk = Math.max(1, Math.floor(CHUNK_CELLS / Math.max(1, u.columnCount)));
    for (let r = 0; r < u.rowCount; r += rowsPerChunk) {
      chunks.push({ sheet: i, row0: u.rowIndex + r, col0: u.columnIndex, rows: Math.min(rowsPerChunk, u.rowCount - r), cols: u.columnCount });
    }
  });
  return chunks;
}

/** Chunks grouped into round trips under the payload budget. */
export function groupChunks(chunks: Chunk[]): Chunk[][] {
  return byBudget(chunks, (c) => c.rows * c.cols * BYTES_PER_CELL, SYNC_BUDGET_BYTES);
}

function cellOf(value: unknown, formula: unknown, text: string, numFmt: unknown, type: string, props: Excel.CellProperties | undefined): Cell | undefined {
  let v: CellValue = null;
  if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean") v = value;
  else if (typeof value === "string" && value !== "") v = value;
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (v === null && !isFormula) return undefined;
  const cell: Cell = { value: v, text };
  if (isFormula) cell.formula = (formula as string).slice(1);
  if (typeof numFmt === "string" && numFmt !== "General") cell.numFmt = numFmt;
  const font = props?.format?.font;
  if (font) cell.font = { name: font.name, size: font.size, bold: font.bold };
  const fill = props?.format?.fill?.color;
  if (fill && fill !== "#FFFFFF") cell.fill = fill;
  return cell;
}

/** Other reads that ride the snapshot's round trips: queued before trip 1, then between trip 1 and trip 2. */
export interface Alongside {
  beforeFirstTrip(): void;
  afterFirstTrip(): void;
}

export async function readWorkbookSnapshot(ctx: HostContext, opts: { merges?: boolean; alongside?: Alongside } = {}): Promise<WorkbookSnapshot> {
  const wb = ctx.workbook;
  opts.alongside?.beforeFirstTrip();
  wb.load("name");
  const count = wb.worksheets.getCount(false);
  const refs: SheetRef[] = [];
  let ws = wb.worksheets.getFirst(false);
  // Round trip 1: the sheets, walked with getNext (their number is unknown before the trip), and their used ranges.
  for (let i = 0; i < SHEETS_PER_SYNC; i++) {
    ws.load("name,visibility,isNullObject");
    ws.protection.load("protected");
    const used = ws.getUsedRangeOrNullObject(false);
    used.load("isNullObject,address,rowIndex,columnIndex,rowCount,columnCount");
    refs.push({ ws, used });
    ws = ws.getNextOrNullObject(false);
  }
  await ctx.sync();
  opts.alongside?.afterFirstTrip();
  while (count.value > refs.filter((r) => !r.ws.isNullObject).length && refs.length < count.value + SHEETS_PER_SYNC) {
    // More sheets than one trip reaches: one more trip per 64 sheets.
    let next = refs[refs.length - 1]!.ws;
    for (let i = 0; i < SHEETS_PER_SYNC; i++) {
      next = next.getNextOrNullObject(false);
      next.load("name,visibility,isNullObject");
      next.protection.load("protected");
      const used = next.getUsedRangeOrNullObject(false);
      used.load("isNullObject,address,rowIndex,columnIndex,rowCount,columnCount");
      refs.push({ ws: next, used });
    }
    await ctx.sync();
  }
  const sheets = refs.filter((r) => !r.ws.isNullObject);
  const chunks = planChunks(sheets.map((s) => (s.used.isNullObject ? null : s.used)));
  const snapshots: SheetSnapshot[] = sheets.map((s) => {
    const snap = emptySheet(s.ws.name);
    snap.protected = !!s.ws.protection.protected;
    return snap;
  });
  const widths: Array<Array<{ c: number; range: HostRange }>> = sheets.map(() => []);
  const mergeAreas: Array<(() => Array<{ r1: number; c1: number; r2: number; c2: number }>) | null> = sheets.map(() => null);
  const visible: Array<HostRangeAreas | null> = sheets.map(() => null);
  // Round trip 2 (and more only when the payload budget forces it).
  const groups = groupChunks(chunks);
  for (let g = 0; g < Math.max(1, groups.length); g++) {
    const group = groups[g] ?? [];
    for (const c of group) {
      const target = sheets[c.sheet]!.ws;
      c.range = target.getRangeByIndexes(c.row0, c.col0, c.rows, c.cols);
      c.range.load("values,formulas,text,numberFormat,valueTypes");
      c.props = c.range.getCellProperties({ format: { font: { name: true, size: true, bold: true }, fill: { color: true } } });
    }
    if (g === 0) {
      // Column widths and hidden columns, once per sheet, with the first chunks.
      sheets.forEach((s, i) => {
        if (s.used.isNullObject) return;
        // Hidden rows: one request per sheet (the visible areas), not one per row.
        visible[i] = s.used.getSpecialCellsOrNullObject("Visible").load("isNullObject,address");
        for (let k = 0; k < s.used.columnCount; k++) {
          const col = s.ws.getRangeByIndexes(0, s.used.columnIndex + k, 1, 1);
          col.load("columnHidden,format/columnWidth");
          widths[i]!.push({ c: s.used.columnIndex + k + 1, range: col });
        }
        // Loaded, never read, before the sync (reading first would throw, as Excel does); in bands within Excel's limit.
        if (opts.merges) mergeAreas[i] = queueMergedAreas(s.ws, s.used);
      });
    }
    await ctx.sync();
    for (const c of group) {
      const snap = snapshots[c.sheet]!;
      const r = c.range!;
      for (let i = 0; i < c.rows; i++) {
        for (let j = 0; j < c.cols; j++) {
          const cell = cellOf(r.values[i]![j], r.formulas[i]![j], r.text[i]![j] ?? "", r.numberFormat[i]![j], String(r.valueTypes[i]![j]), c.props!.value[i]?.[j]);
          if (cell) setCell(snap, c.row0 + i + 1, c.col0 + j + 1, cell);
        }
      }
    }
  }
  sheets.forEach((s, i) => {
    const snap = snapshots[i]!;
    const v = visible[i];
    if (v && !s.used.isNullObject) {
      const shown = new Set<number>();
      if (!v.isNullObject) {
        for (const part of v.address.split(",")) {
          const r = parseRange(part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, ""));
          for (let row = r.r1; row <= r.r2; row++) shown.add(row);
        }
      }
      // With every column hidden no cell is visible, yet rows may not be: then nothing is known to be hidden.
      const allColsHidden = widths[i]!.every((w) => w.range.columnHidden);
      if (!allColsHidden) for (let row = s.used.rowIndex + 1; row <= s.used.rowIndex + s.used.rowCount; row++) if (!shown.has(row)) snap.hiddenRows.add(row);
    }
    for (const w of widths[i]!) {
      snap.colWidths[w.c - 1] = pointsToChars(w.range.format.columnWidth);
      if (w.range.columnHidden) snap.hiddenCols.add(w.c);
    }
    const merged = mergeAreas[i]?.();
    if (merged) snap.merges = merged;
  });
  return { fileName: wb.name, sheets: snapshots };
}
