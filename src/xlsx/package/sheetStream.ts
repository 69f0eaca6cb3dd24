// One pass over a worksheet's rows. Rows the write reaches (cells moving right, formulas to move, cells to write)
// are rewritten as the scan meets them; everything else is copied as slices of the original text. The pieces are
// joined once, by the caller.
import { applyEdit, type CellState, type IndexedEdits, type SheetEdits } from "./cellEdits";
import { applySharedChange, cellKey, fOf, type SharedPlan } from "./sharedFormulas";
import { CellSpans, forEachRow, type RowSpan, type SheetFrame } from "./sheetScan";
import { colLetters, shiftSqref, type Insertion } from "./shiftRefs";
import type { StyleRequests } from "./styleRequests";
import type { Ins } from "./writeContext";
import { escapeText, getAttr, setAttr, unescapeXml } from "./xml";

export interface SheetStreamInput {
  sheet: string;
  /** The plan's insertions on this sheet, in order, and all of them (formulas point at other sheets too). */
  inserts: Ins[];
  ins: readonly Insertion[];
  /** Moves a formula written on this sheet, on the row given as text; null when no formula moves. */
  move: ((f: string, rowText: string) => string) | null;
  shared: SharedPlan | null;
  edits: SheetEdits | null;
  all: IndexedEdits;
  styles: StyleRequests;
  hasSst: boolean;
}

export interface SheetStreamResult {
  /** The rows' new text in pieces (null: unchanged). */
  parts: string[] | null;
  formulasMoved: boolean;
  formulasWritten: boolean;
}

export function streamRows(xml: string, frame: SheetFrame, input: SheetStreamInput): SheetStreamResult {
  // Rows in ascending order (as Excel and LibreOffice write them) are streamed with new rows merged in as met;
  // a sheet with rows out of order is streamed again with new rows placed where the old model put them.
  const w = inOrder(xml, frame, input) ?? anyOrder(xml, frame, input);
  return { parts: w.finish(frame.end), formulasMoved: w.formulasMoved, formulasWritten: w.formulasWritten };
}

function inOrder(xml: string, frame: SheetFrame, input: SheetStreamInput): RowWriter | null {
  const w = new RowWriter(xml, input, frame.start);
  const editRows = input.edits?.rows ?? [];
  let ep = 0;
  let prev = 0;
  let ordered = true;
  forEachRow(xml, frame.start, frame.end, (row) => {
    if (!ordered || row.r <= prev) return void (ordered = false);
    prev = row.r;
    // Rows the plan writes into that the sheet does not have come before the first row past them.
    while (ep < editRows.length && editRows[ep]! < row.r) w.newRow(editRows[ep++]!, row.start);
    const edits = ep < editRows.length && editRows[ep] === row.r ? input.edits!.byRow.get(editRows[ep++]!)! : null;
    w.row(row, edits);
  });
  if (!ordered) return null;
  while (ep < editRows.length) w.newRow(editRows[ep++]!, frame.end);
  return w;
}

/**
 * Rows out of order: edits go to the first row of their number; a new row goes after the last row (in the text)
 * numbered below it, as the row list of the old model placed it.
 */
function anyOrder(xml: string, frame: SheetFrame, input: SheetStreamInput): RowWriter {
  const nums: number[] = [];
  forEachRow(xml, frame.start, frame.end, (row) => void nums.push(row.r));
  const exists = new Set(nums);
  const byIndex = [...nums.keys()].sort((a, b) => nums[a]! - nums[b]! || a - b);
  const after = new Map<number, number[]>();
  let j = 0;
  let last = -1;
  for (const r of (input.edits?.rows ?? []).filter((x) => !exists.has(x))) {
    while (j < byIndex.length && nums[byIndex[j]!]! < r) last = Math.max(last, byIndex[j++]!);
    let list = after.get(last);
    if (!list) after.set(last, (list = []));
    list.push(r);
  }
  const w = new RowWriter(xml, input, frame.start);
  for (const r of after.get(-1) ?? []) w.newRow(r, frame.start);
  const done = new Set<number>();
  let k = 0;
  forEachRow(xml, frame.start, frame.end, (row) => {
    const edits = done.has(row.r) ? null : (input.edits?.byRow.get(row.r) ?? null);
    done.add(row.r);
    w.row(row, edits);
    for (const r of after.get(k++) ?? []) w.newRow(r, row.end);
  });
  return w;
}

class RowWriter {
  private parts: string[] = [];
  private chunks: string[] = [];
  private changed = false;
  formulasMoved = false;
  formulasWritten = false;
  private cells = new CellSpans();
  private finalCol: number[] = [];
  private nextF = -2;
  private readonly wholeColumns: Ins[] | null;

  constructor(
    private xml: string,
    private input: SheetStreamInput,
    /** Where the text not yet copied starts. */
    private copyFrom: number,
  ) {
    this.wholeColumns = input.inserts.every((e) => !e.rows) ? input.inserts : null;
  }

  private insertsOn(r: number): Ins[] {
    return this.wholeColumns ?? this.input.inserts.filter((e) => !e.rows || (r >= e.rows[0] && r <= e.rows[1]));
  }

  /** Is there a "<f" between from and to? The next one is kept while the scan has not passed it. */
  private formulaBetween(from: number, to: number): boolean {
    if (this.nextF === -1) return false;
    if (this.nextF < from) this.nextF = this.xml.indexOf("<f", from);
    return this.nextF >= 0 && this.nextF < to;
  }

  row(row: RowSpan, edits: number[] | null): void {
    const rowIns = this.insertsOn(row.r);
    const formulas = (this.input.move !== null || this.input.shared !== null) && this.formulaBetween(row.openEnd, row.innerEnd);
    if (!rowIns.length && !edits && !formulas) return;
    this.cells.read(this.xml, row.openEnd + 1, row.innerEnd);
    // Written straight into parts behind a slot for the row's tag; taken back if the row turns out unchanged.
    const mark = this.parts.length;
    if (row.start > this.copyFrom) this.parts.push(this.xml.slice(this.copyFrom, row.start));
    const slot = this.parts.push("") - 1;
    const span = this.writeCells(row, rowIns, edits, formulas);
    if (!span) {
      this.parts.length = mark;
      return;
    }
    this.parts[slot] = rowOpen(this.xml.slice(row.start, row.openEnd + 1), row.r, span, row.selfClosing);
    this.endRow(row.end);
  }

  newRow(r: number, at: number): void {
    const mark = this.parts.length;
    if (at > this.copyFrom) this.parts.push(this.xml.slice(this.copyFrom, at));
    this.parts.push(`<row r="${r}">`);
    if (!this.writeCells(null, [], this.input.edits!.byRow.get(r)!, false, r)) {
      this.parts.length = mark;
      return;
    }
    this.endRow(at);
  }

  private endRow(copyFrom: number): void {
    this.parts.push("</row>");
    this.copyFrom = copyFrom;
    this.changed = true;
    // Pieces joined every few thousand: they die young instead of all surviving to the end of the sheet.
    if (this.parts.length >= 4096) this.flush();
  }

  private flush(): void {
    this.chunks.push(this.parts.join(""));
    this.parts.length = 0;
  }

  finish(end: number): string[] | null {
    if (!this.changed) return null;
    if (end > this.copyFrom) this.parts.push(this.xml.slice(this.copyFrom, end));
    this.flush();
    return this.chunks;
  }

  /**
   * The row's cells in final column order into parts: existing cells (moved, formulas moved, written), new
   * formatted cells of inserted columns, cells the plan creates. Returns the first and last columns when the row
   * changed, else null.
   */
  private writeCells(row: RowSpan | null, rowIns: Ins[], edits: number[] | null, formulas: boolean, newRow = 0): [number, number] | null {
    const { xml, cells, finalCol, parts } = this;
    const r = row ? row.r : newRow;
    this.rowText = String(r);
    const n = row ? cells.n : 0;
    const map = this.columnMap(rowIns);
    for (let k = 0; k < n; k++) finalCol[k] = map ? map[cells.col[k]!]! : mapThrough(rowIns, cells.col[k]!);
    const nAdded = row ? this.insertedCells(rowIns) : 0;
    const cols = this.input.all.cols;
    this.pos = row ? row.openEnd + 1 : 0;
    this.q = 0;
    let i = 0;
    let a = 0;
    const nq = edits ? edits.length : 0;
    let first = -1;
    let last = -1;
    let changed = false;
    while (i < n || a < nAdded || this.q < nq) {
      const cE = i < n ? finalCol[i]! : Infinity;
      const cA = a < nAdded ? this.addedCol[a]! : Infinity;
      const cQ = this.q < nq ? cols[edits![this.q]!]! : Infinity;
      const col = cE < cA ? (cE < cQ ? cE : cQ) : cA < cQ ? cA : cQ;
      if (first < 0) first = col;
      last = col;
      if (cE === col) {
        if (this.existingCell(i, col, r, cQ === col ? edits : null, formulas)) changed = true;
        i++;
        continue;
      }
      const at = i < n ? cells.start[i]! : row ? row.innerEnd : 0;
      const c: CellState = { open: cA === col ? this.addedOpen[a++]! : "<c>", inner: "" };
      this.writeEdits(c, col, edits);
      this.put(at, col, c, row !== null);
      if (at > this.pos) this.pos = at;
      changed = true;
    }
    if (!changed) return null;
    if (row && row.innerEnd > this.pos) parts.push(xml.slice(this.pos, row.innerEnd));
    return first < 0 ? null : [first, last];
  }

  // Per-row state of writeCells: the row's number as text, how far the row's text is copied, the next edit.
  private rowText = "";
  private pos = 0;
  private q = 0;

  /** Existing cell i, landing at col: moved, its formula moved, written. Returns whether it changed. */
  private existingCell(i: number, col: number, r: number, edits: number[] | null, formulas: boolean): boolean {
    const { xml, cells, parts } = this;
    const s = cells.start[i]!;
    const oe = cells.openEnd[i]!;
    const end = cells.end[i]!;
    const selfClosing = cells.selfClosing[i]!;
    const shifted = col !== cells.col[i];
    // A formula moved in place: its text between fa and fb becomes fText; or the whole content becomes inner.
    let fText: string | null = null;
    let fa = 0;
    let fb = 0;
    let inner: string | null = null;
    if (formulas && !selfClosing && this.formulaBetween(oe, end)) {
      const at = this.nextF;
      if (this.input.move && xml.startsWith("<f>", at)) {
        fa = at + 3;
        fb = xml.indexOf("</f>", fa);
        const text = unescapeXml(xml.slice(fa, fb));
        const next = this.input.move(text, this.rowText);
        if (next !== text) {
          fText = escapeText(next);
          this.formulasMoved = true;
        }
      } else {
        const before = xml.slice(oe + 1, end - 4);
        const after = this.movedFormula(before, r, this.rowText, cells.col[i]!);
        if (after !== before) inner = after;
      }
    }
    const changed = shifted || fText !== null || inner !== null;
    if (!edits && changed && cells.hasRef[i] && xml.startsWith('<c r="', s)) {
      // The usual spelling: the new reference and the new formula go in as pieces, the rest stays slices.
      if (shifted) {
        parts.push(xml.slice(this.pos, s + 6), colLetters(col), this.rowText);
        this.pos = xml.indexOf('"', s + 6);
      }
      if (fText !== null) {
        parts.push(xml.slice(this.pos, fa), fText);
        this.pos = fb;
      } else if (inner !== null) {
        parts.push(xml.slice(this.pos, oe + 1), inner, "</c>");
        this.pos = end;
      }
      return true;
    }
    if (!changed && !edits && cells.hasRef[i]) return false;
    const open = xml.slice(s, oe + 1);
    if (fText !== null) inner = xml.slice(oe + 1, fa) + fText + xml.slice(fb, end - 4);
    const c: CellState = { open: selfClosing ? open.slice(0, -2).trimEnd() + ">" : open, inner: inner ?? (selfClosing ? "" : xml.slice(oe + 1, end - 4)) };
    if (edits) this.writeEdits(c, col, edits);
    this.put(s, col, c, true);
    this.pos = end;
    // A cell without r gets one when its row is rewritten; alone, that does not rewrite the row.
    return changed || edits !== null;
  }

  private writeEdits(c: CellState, col: number, edits: number[] | null): void {
    if (!edits) return;
    const all = this.input.all;
    while (this.q < edits.length && all.cols[edits[this.q]!] === col) {
      if (applyEdit(c, all, edits[this.q]!, this.input.styles, this.input.hasSst)) this.formulasWritten = true;
      this.q++;
    }
  }

  /** A written cell into parts, after the row's text up to `at`. */
  private put(at: number, col: number, c: CellState, inRow: boolean): void {
    const parts = this.parts;
    if (inRow && at > this.pos) parts.push(this.xml.slice(this.pos, at));
    const tail = simpleTail(c.open, c.inner === "");
    if (tail !== null) {
      parts.push('<c r="', colLetters(col), this.rowText, tail);
      if (c.inner) parts.push(c.inner, "</c>");
      return;
    }
    const tag = withRef(c.open, colLetters(col) + this.rowText);
    if (c.inner) parts.push(tag, c.inner, "</c>");
    else parts.push(tag.slice(0, -1) + "/>");
  }

  /** Column map of whole-column insertions (one lookup per cell), made once per writer. */
  private columnMap(rowIns: Ins[]): Int32Array | null {
    if (!rowIns.length || rowIns !== this.wholeColumns) return null;
    if (!this.map) {
      this.map = new Int32Array(16386);
      for (let c = 0; c < this.map.length; c++) this.map[c] = mapThrough(rowIns, c);
    }
    return this.map;
  }

  private map: Int32Array | null = null;

  /** A cell's content with its formula moved (shared groups as planned, others through the mover). */
  private movedFormula(inner: string, r: number, rowText: string, col: number): string {
    const ch = this.input.shared?.get(cellKey(r, col));
    if (ch) {
      if (ch.moved) this.formulasMoved = true;
      return applySharedChange(inner, ch);
    }
    const move = this.input.move;
    if (!move) return inner;
    const f = fOf(inner);
    if (!f || f[2] === undefined) return inner;
    const tag = `<f${f[1]}>`;
    if (f[1]!.includes("shared") && getAttr(tag, "t") === "shared") return inner;
    const text = unescapeXml(f[2]);
    const next = move(text, rowText);
    if (next === text) return inner;
    this.formulasMoved = true;
    let out = inner.replace(f[0], `${tag}${escapeText(next)}</f>`);
    const ref = getAttr(tag, "ref");
    if (ref) out = out.replace(`ref="${ref}"`, `ref="${shiftSqref(this.input.ins, this.input.sheet, ref)}"`);
    return out;
  }

  // New cells of the row (addedCol/addedOpen, nAdded of them), rebuilt for each row in arrays kept between rows.
  private addedCol: number[] = [];
  private addedOpen: string[] = [];
  private insStyle: (string | null)[] = [];
  private order: Array<{ k: number; col: number }> | null = null;

  /**
   * Cells the insertions create in this row: each takes the style of the cell its insertion copies the format from
   * (as it stands after the insertions before it), when that style is not the default. Returns how many.
   */
  private insertedCells(rowIns: Ins[]): number {
    if (!rowIns.length) return 0;
    const made = this.insStyle;
    made.length = 0;
    for (let k = 0; k < rowIns.length; k++) {
      const style = this.styleAt(rowIns, k, made);
      made.push(style && style !== "0" ? style : null);
    }
    // Where each insertion's new cells land once all are made: the same on every row when all take whole columns.
    let order = rowIns === this.wholeColumns ? this.order : null;
    if (!order) {
      order = [];
      rowIns.forEach((e, k) => {
        for (let j = 0; j < e.count; j++) order!.push({ k, col: mapThrough(rowIns.slice(k + 1), e.at + j) });
      });
      order.sort((x, y) => x.col - y.col);
      if (rowIns === this.wholeColumns) this.order = order;
    }
    let n = 0;
    for (const o of order) {
      const style = made[o.k];
      if (!style) continue;
      this.addedCol[n] = o.col;
      this.addedOpen[n++] = openOfStyle(style);
    }
    return n;
  }

  /** Style of the cell at insertion k's copyFormatFrom, once insertions 0..k are made. */
  private styleAt(rowIns: Ins[], k: number, made: (string | null)[]): string | null {
    let x = rowIns[k]!.copyFormatFrom;
    for (let j = k; j >= 0; j--) {
      const e = rowIns[j]!;
      if (x >= e.at && x < e.at + e.count) return j === k ? null : made[j]!;
      if (x >= e.at + e.count) x -= e.count;
    }
    const { cells, xml } = this;
    for (let i = 0; i < cells.n; i++) {
      if (cells.col[i] === x) return styleIn(xml, cells.start[i]!, cells.openEnd[i]!);
      if (cells.col[i]! > x) break;
    }
    return null;
  }
}

/** The s attribute of the cell tag between s and e, read in place in the usual spelling. */
function styleIn(xml: string, s: number, e: number): string | null {
  const at = xml.indexOf(' s="', s);
  if (at >= 0 && at < e) return xml.slice(at + 4, xml.indexOf('"', at + 4));
  return getAttr(xml.slice(s, e + 1), "s");
}

// Tags made once per style: a row's new cells reuse them.
const openOfStyleCache = new Map<string, string>();
function openOfStyle(style: string): string {
  let t = openOfStyleCache.get(style);
  if (t === undefined) openOfStyleCache.set(style, (t = `<c s="${style}">`));
  return t;
}

/** A rewritten row's tag: its r set, its spans (when it has some) those of its cells, never self-closed. */
function rowOpen(open: string, r: number, span: [number, number], selfClosing: boolean): string {
  const rText = String(r);
  let out = open.startsWith(`<row r="${rText}"`) ? open : setAttr(open, "r", rText);
  const at = out.indexOf(' spans="');
  if (at >= 0) out = out.slice(0, at + 8) + `${span[0]}:${span[1]}` + out.slice(out.indexOf('"', at + 8));
  else if (getAttr(out, "spans") !== null) out = setAttr(out, "spans", `${span[0]}:${span[1]}`);
  return selfClosing ? out.slice(0, -2).trimEnd() + ">" : out;
}

/** What follows `<c r="A1` in a written cell whose tag is `<c>` or `<c s="N">` (null for other tags). */
const tailCache = [new Map<string, string>(), new Map<string, string>()];
function simpleTail(open: string, empty: boolean): string | null {
  const cache = tailCache[empty ? 1 : 0]!;
  const known = cache.get(open);
  if (known !== undefined) return known;
  let tail: string | null = null;
  if (open === "<c>") tail = '"';
  else if (open.startsWith('<c s="') && open.indexOf('"', 6) === open.length - 2) tail = '" ' + open.slice(3, -1);
  if (tail === null) return null;
  tail += empty ? "/>" : ">";
  if (cache.size < 10000) cache.set(open, tail);
  return tail;
}

/** A column after the insertions, in order. */
function mapThrough(ins: readonly Ins[], col: number): number {
  let c = col;
  for (const e of ins) if (c >= e.at) c += e.count;
  return c;
}

/** A cell's opening tag with its r attribute set (the usual `<c r="…"` spelling rewritten in place). */
function withRef(open: string, r: string): string {
  if (open === "<c>") return `<c r="${r}">`;
  if (open.startsWith('<c r="')) return '<c r="' + r + open.slice(open.indexOf('"', 6));
  return getAttr(open, "r") === null ? `<c r="${r}"${open.slice(2)}` : setAttr(open, "r", r);
}
