// Office.js -> core snapshot, reading only what the check needs, within Excel's limits:
//  trip 1: the sheets and their used ranges;
//  trip 2: a light pass (values only) over the header area of each large sheet — enough to tell whether an annex
//          header stands there — while small sheets are read whole at once (a third trip would cost more than them);
//  trip 3+: only when a large sheet shows an annex header: that sheet, in chunks under the payload budget.
// Column widths, hidden rows and columns (one visible-cells request per sheet) and merged areas (in parts within
// Excel's 512-area limit) are read only for the sheets read whole.
import { parseRange } from "../core/model/a1";
import { classifyHeader } from "../core/layout/classify";
import { emptySheet, setCell, type Cell, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from "../core/model/snapshot";
import { byBudget } from "./blocks";
import type { HostContext, HostRange, HostRangeAreas, HostWorksheet } from "./host";
import { queueMergedAreas } from "./mergedAreas";
import { Slicer } from "./slicer";

/** Sheets reached in the first round trip; more cost one round trip each 64. */
export const SHEETS_PER_SYNC = 64;
/** Cells per chunk (one range request); three share a round trip at the budget. */
export const CHUNK_CELLS = 5_000;
/** Response bytes per cell (values, formulas, text, formats, value types, cell properties): 171–264 measured on the
 * real Office.js wire (issue #11); the budget takes the top of that range. */
export const BYTES_PER_CELL = 264;
/** Response bytes per cell of a values-only read (the light pass): a value and its JSON punctuation; a sixth of a
 * full read's 264 would be 44, doubled for header areas of long texts. */
export const LIGHT_BYTES_PER_CELL = 96;
/** Response budget per round trip, under Excel on the web's 5 MB limit. */
export const SYNC_BUDGET_BYTES = 4_000_000;
/** The header area of the light pass: where an annex's header row can stand, from the used range's top-left corner. */
export const HEADER_AREA_ROWS = 60;
export const HEADER_AREA_COLS = 160;
/** A sheet this small is read whole in trip 2 (a light pass first would cost a trip more than reading it). */
export const WHOLE_READ_CELLS = 12_000;
/** Strings of a row that a header classifier recognises: the core needs 4 to read a header; one fewer, to be safe. */
const HEADER_ROLES = 3;

interface SheetRef {
  ws: HostWorksheet;
  used: HostRange;
}
interface Used {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

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
  return Math.round(((chars * 7 * 72) / 96) * 100) / 100;
}

export function planChunks(sheets: Array<Used | null>): Chunk[] {
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

/** Whether a row of the header area reads as an annex header (the same classifier the core uses). */
export function looksLikeHeaderRow(values: unknown[]): boolean {
  let roles = 0;
  for (const v of values) {
    if (typeof v !== "string" || v === "" || v.length > 250) continue;
    if (classifyHeader("", v) && ++roles >= HEADER_ROLES) return true;
  }
  return false;
}

/** The header area of a sheet's used range (the light pass's rectangle). */
export function headerArea(u: Used): Used {
  return {
    rowIndex: u.rowIndex,
    columnIndex: u.columnIndex,
    rowCount: Math.min(u.rowCount, HEADER_AREA_ROWS),
    columnCount: Math.min(u.columnCount, HEADER_AREA_COLS),
  };
}

function cellOf(value: unknown, formula: unknown, text: string, numFmt: unknown, type: string, props: Excel.CellProperties | undefined): Cell | undefined {
  let v: CellValue = null;
  if (type === "Error") v = { error: String(value) };
  else if (typeof value === "number" || typeof value === "boolean") v = value;
  else if (typeof value === "string" && value !== "") v = value;
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (v === null && !isFormula) return undefined;
  const cell: Cell = { value: v, text };
  if (isFormula) cell.formula = formula.slice(1);
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

/** What a sheet read whole also needs: widths and hidden columns, hidden rows, merged areas. */
interface SheetExtras {
  widths: Array<{ c: number; range: HostRange }>;
  visible: HostRangeAreas | null;
  merges: (() => Array<{ r1: number; c1: number; r2: number; c2: number }>) | null;
}

function queueExtras(s: SheetRef, merges: boolean): SheetExtras {
  const u = s.used;
  const widths: SheetExtras["widths"] = [];
  for (let k = 0; k < u.columnCount; k++) {
    const col = s.ws.getRangeByIndexes(0, u.columnIndex + k, 1, 1);
    col.load("columnHidden,format/columnWidth");
    widths.push({ c: u.columnIndex + k + 1, range: col });
  }
  // Hidden rows: one request per sheet (the visible areas), not one per row.
  const visible = u.getSpecialCellsOrNullObject("Visible").load("isNullObject,address");
  return { widths, visible, merges: merges ? queueMergedAreas(s.ws, u) : null };
}

function applyExtras(snap: SheetSnapshot, u: Used, x: SheetExtras): void {
  const v = x.visible;
  if (v) {
    const shown = new Set<number>();
    if (!v.isNullObject) {
      for (const part of v.address.split(",")) {
        const r = parseRange(part.slice(part.lastIndexOf("!") + 1).replace(/\$/g, ""));
        for (let row = r.r1; row <= r.r2; row++) shown.add(row);
      }
    }
    // With every column hidden no cell is visible, yet rows may not be: then nothing is known to be hidden.
    const allColsHidden = x.widths.every((w) => w.range.columnHidden);
    if (!allColsHidden) for (let row = u.rowIndex + 1; row <= u.rowIndex + u.rowCount; row++) if (!shown.has(row)) snap.hiddenRows.add(row);
  }
  for (const w of x.widths) {
    snap.colWidths[w.c - 1] = pointsToChars(w.range.format.columnWidth);
    if (w.range.columnHidden) snap.hiddenCols.add(w.c);
  }
  if (x.merges) snap.merges = x.merges();
}

function queueChunk(c: Chunk, ws: HostWorksheet): void {
  c.range = ws.getRangeByIndexes(c.row0, c.col0, c.rows, c.cols);
  c.range.load("values,formulas,text,numberFormat,valueTypes");
  c.props = c.range.getCellProperties({ format: { font: { name: true, size: true, bold: true }, fill: { color: true } } });
}

/** A chunk's answer into the snapshot, giving the pane's thread back between rows when a slice is spent (an answer of
 * 2 MB is tens of thousands of cells: one task of 40 ms). */
async function takeChunk(c: Chunk, snap: SheetSnapshot, sl: Slicer): Promise<void> {
  const r = c.range!;
  const { values, formulas, text, numberFormat, valueTypes } = r;
  const props = c.props!.value;
  for (let i = 0; i < c.rows; i++) {
    for (let j = 0; j < c.cols; j++) {
      const cell = cellOf(values[i]![j], formulas[i]![j], text[i]![j] ?? "", numberFormat[i]![j], String(valueTypes[i]![j]), props[i]?.[j]);
      if (cell) setCell(snap, c.row0 + i + 1, c.col0 + j + 1, cell);
    }
    if (sl.due) await sl.next();
  }
}

export async function readWorkbookSnapshot(ctx: HostContext, opts: { merges?: boolean; alongside?: Alongside } = {}): Promise<WorkbookSnapshot> {
  const wb = ctx.workbook;
  const sl = new Slicer();
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
  const snapshots: SheetSnapshot[] = sheets.map((s) => {
    const snap = emptySheet(s.ws.name);
    snap.protected = !!s.ws.protection.protected;
    return snap;
  });
  const extras: Array<SheetExtras | null> = sheets.map(() => null);
  // Round trip 2: small sheets whole, the header area of the others; more trips only if the budget forces it.
  const items: Array<{ sheet: number; whole: boolean; bytes: number }> = [];
  sheets.forEach((s, i) => {
    if (s.used.isNullObject) return;
    const u = s.used;
    const cells = u.rowCount * u.columnCount;
    if (cells <= WHOLE_READ_CELLS && u.columnCount <= HEADER_AREA_COLS) items.push({ sheet: i, whole: true, bytes: cells * BYTES_PER_CELL });
    else {
      const area = headerArea(u);
      items.push({ sheet: i, whole: false, bytes: area.rowCount * area.columnCount * LIGHT_BYTES_PER_CELL });
    }
  });
  const light: Array<{ sheet: number; range: HostRange }> = [];
  const trips = byBudget(items, (x) => x.bytes, SYNC_BUDGET_BYTES);
  // What rides along (the saved mapping) needs its second trip even in a workbook with nothing to read.
  if (!trips.length && opts.alongside) trips.push([]);
  for (const trip of trips) {
    const wholeChunks: Chunk[] = [];
    for (const x of trip) {
      const s = sheets[x.sheet]!;
      if (x.whole) {
        for (const c of planChunks([s.used])) {
          c.sheet = x.sheet;
          queueChunk(c, s.ws);
          wholeChunks.push(c);
        }
        extras[x.sheet] = queueExtras(s, !!opts.merges);
      } else {
        const area = headerArea(s.used);
        const range = s.ws.getRangeByIndexes(area.rowIndex, area.columnIndex, area.rowCount, area.columnCount);
        range.load("values");
        light.push({ sheet: x.sheet, range });
      }
    }
    await ctx.sync();
    for (const c of wholeChunks) await takeChunk(c, snapshots[c.sheet]!, sl);
  }
  // Round trips 3+: the large sheets whose header area shows an annex header, in chunks under the budget.
  const found = light.filter((l) => l.range.values.some((row) => looksLikeHeaderRow(row))).map((l) => l.sheet);
  const groups = groupChunks(planChunks(sheets.map((s, i) => (found.includes(i) ? s.used : null))));
  for (let g = 0; g < groups.length; g++) {
    for (const c of groups[g]!) queueChunk(c, sheets[c.sheet]!.ws);
    if (g === 0) for (const i of found) extras[i] = queueExtras(sheets[i]!, !!opts.merges);
    await ctx.sync();
    for (const c of groups[g]!) await takeChunk(c, snapshots[c.sheet]!, sl);
  }
  sheets.forEach((s, i) => {
    const x = extras[i];
    if (x) applyExtras(snapshots[i]!, s.used, x);
  });
  return { fileName: wb.name, sheets: snapshots };
}
