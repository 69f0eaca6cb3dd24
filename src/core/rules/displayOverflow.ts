import { rulesText } from "../../messages/rules";
import { renderNumber } from "../format/numfmt";
import { CELL_PADDING_PX, columnWidthPx, textWidthPx } from "../format/textWidth";
import { colWidth, type Cell, type SheetSnapshot } from "../model/snapshot";
import { finding } from "./helpers";
import type { Finding, Rule, RuleContext } from "./types";
import { cellKey } from "../model/cellKey";
import type { TableView } from "../layout/view";

/** The ##### Excel would print in this width: as many # as fit. */
export function hashes(widthPx: number): string {
  return "#".repeat(Math.max(1, Math.floor(widthPx / 7)));
}

// Widths per sheet and column, merged masters per sheet: computed once, not per cell.
const widthCache = new WeakMap<SheetSnapshot, { cols: Map<number, number>; masters: Map<number, number> }>();

function cacheOf(sheet: SheetSnapshot): { cols: Map<number, number>; masters: Map<number, number> } {
  let cache = widthCache.get(sheet);
  if (!cache) {
    cache = { cols: new Map(), masters: new Map() };
    for (const m of sheet.merges) cache.masters.set(cellKey(m.r1, m.c1), m.c2);
    widthCache.set(sheet, cache);
  }
  return cache;
}

function cellWidthPx(sheet: SheetSnapshot, row: number, col: number): number {
  const cache = cacheOf(sheet);
  const c2 = cache.masters.get(cellKey(row, col)) ?? col;
  let px = 0;
  for (let c = col; c <= c2; c++) {
    if (sheet.hiddenCols.has(c)) continue;
    let w = cache.cols.get(c);
    if (w === undefined) {
      w = columnWidthPx(colWidth(sheet, c), sheet.defaultFont);
      cache.cols.set(c, w);
    }
    px += w;
  }
  return px;
}

/** Does this number cell show #####? Uses the host's text when there is one (Office.js), else renders it. */
export function showsHashes(
  ctx: RuleContext,
  sheet: SheetSnapshot,
  row: number,
  col: number,
  cell: Cell,
): { overflow: boolean; widthPx: number; negativeDate: boolean } {
  const value = cell.value as number;
  const rendered = renderNumber(value, cell.numFmt);
  const widthPx = cellWidthPx(sheet, row, col);
  if (rendered.alwaysHashes) return { overflow: true, widthPx, negativeDate: true };
  const text = cell.text && !/^#+$/.test(cell.text) ? cell.text : rendered.text;
  const font = cell.font ?? sheet.defaultFont;
  const textPx = ctx.options.measureText ? ctx.options.measureText(text, font) : textWidthPx(text, font);
  return { overflow: textPx + CELL_PADDING_PX > widthPx, widthPx, negativeDate: false };
}

/**
 * With fixed decimals, the shown width depends only on the format, the sign and the count of integer digits
 * (digits have one width): one answer per column and shape instead of one rendering per cell.
 */
const formatIds = new Map<string, number>();
/** General: no fixed shape, except for integers below 10^11, which it shows as their digits (shape id 0). */
const GENERAL = -2;

let lastFormat: string | null = null;
let lastFormatId = 0;

function formatId(fmt: string): number {
  // A column's cells share their format: the last one answered without a lookup.
  if (fmt === lastFormat) return lastFormatId;
  let id = formatIds.get(fmt);
  if (id === undefined) {
    const bare = fmt.replace(/"[^"]*"/g, "").replace(/#,##/g, "");
    id = !fmt || /^general$/i.test(fmt.trim()) ? GENERAL : /general|#|\.[0]*#|[dmyhs]/i.test(bare) ? -1 : formatIds.size + 1;
    if (formatIds.size > 1000) {
      formatIds.clear();
      lastFormat = null;
    }
    formatIds.set(fmt, id);
  }
  lastFormat = fmt;
  lastFormatId = id;
  return id;
}

/** The cell's shape within its column (format, digits, sign, font): below 2^30, a small integer for the sets. */
function shapeKey(cell: Cell): number | null {
  if (cell.text) return null;
  let id = formatId(cell.numFmt ?? "");
  const v = cell.value as number;
  if (id === GENERAL && Number.isInteger(v) && Math.abs(v) < 1e11) id = 0;
  if (id < 0) return null;
  const digits = v === 0 ? 0 : Math.min(30, Math.max(1, Math.floor(Math.log10(Math.abs(v) + 0.5)) + 1));
  const shape = ((digits * 3 + Math.sign(v) + 1) * 2 + (cell.font?.bold ? 1 : 0)) * 100 + Math.min(99, Math.round(cell.font?.size ?? 0));
  return id * 100000 + shape;
}

/**
 * Per column, the format and font of the cells known to fit and the widest positive and negative values that fit: under
 * one fixed-decimal format and font the shown width grows with the magnitude, so a smaller value of that class fits too,
 * read in place by scanRow with three comparisons instead of a shape key (most of some 200 000 numbers at 5 000 fiche
 * rows).
 */
class ColumnBound {
  /** Positive values below this fit; negative values above `neg`. */
  pos = 0;
  neg = 0;
  /** Zero has a shape of its own (an accounting "-"). */
  zero = false;
  constructor(
    readonly fmt: string | undefined,
    readonly font: Cell["font"],
    /** General: only integers keep the digits' width (12.5 is wider than 12). */
    readonly general: boolean,
  ) {}

  /** The font as the shape key reads it: styles that differ only by their fill have fonts of their own. */
  sameFont(font: Cell["font"]): boolean {
    const mine = this.font;
    return font === mine || (font !== undefined && mine !== undefined && font.bold === mine.bold && font.size === mine.size);
  }

  /** A value rendered and found to fit, of this class: every value with as many integer digits fits (its shape's key). */
  widen(v: number): void {
    if (v === 0) {
      this.zero = true;
      return;
    }
    const below = 10 ** Math.min(30, Math.floor(Math.log10(Math.abs(v) + 0.5)) + 1) - 0.5;
    if (v > 0 && below > this.pos) this.pos = below;
    else if (v < 0 && -below < this.neg) this.neg = -below;
  }
}

/** The bound a fitting cell starts or widens in its column: only for a fixed shape (a key) and no host text. */
function widenBound(bounds: Array<ColumnBound | undefined>, c: number, cell: Cell, v: number): void {
  let b = bounds[c];
  // A column's latest class (a year over the amounts is a number in the header's font): one bound per column.
  if (!b || cell.numFmt !== b.fmt || !b.sameFont(cell.font)) {
    const fmt = cell.numFmt;
    // Scientific and conditional formats can show a smaller value wider (1E-10 against 1E+00): no bound.
    if (fmt && /E[+-]|\[[<>=]/i.test(fmt.replace(/"[^"]*"/g, ""))) return;
    b = bounds[c] = new ColumnBound(fmt, cell.font, formatId(fmt ?? "") === GENERAL);
  }
  b.widen(v);
}

/** One table's walk: what its rows share. */
interface TableScan {
  ctx: RuleContext;
  v: TableView;
  sheet: SheetSnapshot;
  /** Shapes known to fit, per column. */
  fits: Array<Set<number> | undefined>;
  bounds: Array<ColumnBound | undefined>;
  /** Merged masters looked up only on the rows where an area starts, hidden columns only when some are. */
  masters: Map<number, number> | null;
  masterRows: Set<number>;
  anyHiddenCol: boolean;
  out: Finding[];
}

/**
 * A row's cells in place (no call per cell): some 400 000 numbers at 10 000 fiche rows, most of them a shape already
 * known to fit. A function per row, not one loop over the table: the walk is compiled once it is hot, and the first
 * overflow (often at the TOTAL, the table's end) no longer throws away the compiled loop for the rest of the table.
 */
function scanRow(scan: TableScan, r: number, cells: Array<Cell | undefined>, c1: number, last: number): void {
  const { fits, bounds, masters, sheet } = scan;
  const mastersHere = masters !== null && scan.masterRows.has(r);
  for (let c = c1; c <= last; c++) {
    const cell = cells[c - 1];
    if (!cell || typeof cell.value !== "number" || (scan.anyHiddenCol && sheet.hiddenCols.has(c))) continue;
    // Merged masters span several columns: their width is not the column's.
    const master = mastersHere && masters.has(cellKey(r, c));
    // (The bound read in place: a call or two a cell, most of 200 000 at 5 000 fiche rows, ran before V8 compiled this.
    // Cells of a style share its font object: sameFont is called only for another style's.)
    const b = bounds[c];
    if (!master && b !== undefined && !cell.text && cell.numFmt === b.fmt) {
      const v = cell.value;
      if ((cell.font === b.font || b.sameFont(cell.font)) && (!b.general || Number.isInteger(v)) && (v > 0 ? v < b.pos : v < 0 ? v > b.neg : b.zero)) continue;
    }
    const key = master ? null : shapeKey(cell);
    if (key !== null && fits[c]?.has(key)) continue;
    const res = showsHashes(scan.ctx, sheet, r, c, cell);
    if (!res.overflow) {
      if (key !== null) {
        (fits[c] ??= new Set()).add(key);
        widenBound(bounds, c, cell, cell.value);
      }
      continue;
    }
    scan.out.push(overflowFinding(scan.v, r, c, cell.value, res));
  }
}

function overflowFinding(v: TableView, r: number, c: number, value: number, res: { widthPx: number; negativeDate: boolean }): Finding {
  const info = v.rowInfo(r);
  const isTotal = info?.kind === "total" || info?.kind === "subtotal";
  const message = res.negativeDate ? rulesText.negativeDate() : rulesText.displayOverflow(value, isTotal);
  return finding(v, "display-overflow", isTotal ? "error" : "warning", r, c, info?.fiche ?? info?.continuationOf ?? null, message, value, hashes(res.widthPx));
}

export const displayOverflow: Rule = {
  id: "display-overflow",
  perRow: true,
  skip: (ctx) => (ctx.detail || ctx.summary ? null : rulesText.skippedNoTable("both")),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const sheet = v.sheet;
      const scan: TableScan = {
        ctx,
        v,
        sheet,
        fits: [],
        bounds: [],
        masters: sheet.merges.length ? cacheOf(sheet).masters : null,
        masterRows: new Set(sheet.merges.map((m) => m.r1)),
        anyHiddenCol: sheet.hiddenCols.size > 0,
        out,
      };
      const { r1, r2, c1, c2 } = v.t.range;
      for (let r = r1; r <= r2; r++) {
        const cells = sheet.cells[r - 1];
        if (cells && !sheet.hiddenRows.has(r)) scanRow(scan, r, cells, c1, Math.min(c2, cells.length));
      }
    }
    return out;
  },
};
