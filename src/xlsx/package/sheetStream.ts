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

/** New cells of a row (inserted columns' formatted cells), by final column. */
interface NewCell {
  col: number;
  style: string;
}

class RowWriter {
  readonly parts: string[] = [];
  private changed = false;
  formulasMoved = false;
  formulasWritten = false;
  private cells = new CellSpans();
  private finalCol: number[] = [];
  private rowParts: string[] = [];
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
    const span = this.writeCells(row, rowIns, edits, formulas);
    if (!span) return;
    let open = setAttr(this.xml.slice(row.start, row.openEnd + 1), "r", String(row.r));
    if (getAttr(open, "spans") !== null) open = setAttr(open, "spans", `${span[0]}:${span[1]}`);
    if (row.selfClosing) open = open.slice(0, -2).trimEnd() + ">";
    this.emit(row.start, open);
    for (const p of this.rowParts) this.parts.push(p);
    this.parts.push("</row>");
    this.copyFrom = row.end;
  }

  newRow(r: number, at: number): void {
    const span = this.writeCells(null, [], this.input.edits!.byRow.get(r)!, false, r);
    if (!span) return;
    this.emit(at, `<row r="${r}">`);
    for (const p of this.rowParts) this.parts.push(p);
    this.parts.push("</row>");
    this.copyFrom = at;
  }

  private emit(at: number, text: string): void {
    if (at > this.copyFrom) this.parts.push(this.xml.slice(this.copyFrom, at));
    this.parts.push(text);
    this.changed = true;
  }

  finish(end: number): string[] | null {
    if (!this.changed) return null;
    if (end > this.copyFrom) this.parts.push(this.xml.slice(this.copyFrom, end));
    return this.parts;
  }

  /**
   * The row's cells in final column order into rowParts: existing cells (moved, formulas moved, written), new
   * formatted cells of inserted columns, cells the plan creates. Returns the first and last columns when the row
   * changed, else null.
   */
  private writeCells(row: RowSpan | null, rowIns: Ins[], edits: number[] | null, formulas: boolean, newRow = 0): [number, number] | null {
    const { xml, cells, finalCol, rowParts } = this;
    const r = row ? row.r : newRow;
    const rowText = String(r);
    rowParts.length = 0;
    for (let k = 0; k < cells.n && row; k++) finalCol[k] = mapThrough(rowIns, cells.col[k]!);
    const added = row ? this.insertedCells(rowIns) : [];
    const n = row ? cells.n : 0;
    const all = this.input.all;
    let pos = row ? row.openEnd + 1 : 0;
    let i = 0;
    let a = 0;
    let q = 0;
    const nq = edits ? edits.length : 0;
    let first = -1;
    let last = -1;
    let changed = false;
    const put = (at: number, col: number, c: CellState) => {
      if (row && at > pos) rowParts.push(xml.slice(pos, at));
      const tag = withRef(c.open, colLetters(col) + rowText);
      if (c.inner) rowParts.push(tag, c.inner, "</c>");
      else rowParts.push(tag.slice(0, -1) + "/>");
    };
    const writeEdits = (c: CellState, col: number) => {
      while (q < nq && editCol(all, edits![q]!) === col) {
        if (applyEdit(c, all, edits![q]!, this.input.styles, this.input.hasSst)) this.formulasWritten = true;
        q++;
      }
    };
    while (i < n || a < added.length || q < nq) {
      const cE = i < n ? finalCol[i]! : Infinity;
      const cA = a < added.length ? added[a]!.col : Infinity;
      const cQ = q < nq ? editCol(all, edits![q]!) : Infinity;
      const col = Math.min(cE, cA, cQ);
      if (first < 0) first = col;
      last = col;
      if (cE === col) {
        const s = cells.start[i]!;
        const oe = cells.openEnd[i]!;
        const end = cells.end[i]!;
        const selfClosing = cells.selfClosing[i]!;
        let inner: string | null = null;
        let moved = cE !== cells.col[i];
        if (formulas && !selfClosing && this.formulaBetween(oe, end)) {
          const before = xml.slice(oe + 1, end - 4);
          const after = this.movedFormula(before, r, rowText, cells.col[i]!);
          if (after !== before) {
            inner = after;
            moved = true;
          }
        }
        const written = cQ === col;
        if (!written && (moved || inner !== null) && cells.hasRef[i] && xml.startsWith('<c r="', s)) {
          // The usual spelling: the new reference and the new formula go in as pieces, the rest stays slices.
          if (cE !== cells.col[i]) {
            rowParts.push(xml.slice(pos, s + 6), colLetters(col), rowText);
            pos = xml.indexOf('"', s + 6);
          }
          if (inner !== null) {
            rowParts.push(xml.slice(pos, oe + 1), inner, "</c>");
            pos = end;
          }
          changed = true;
          i++;
          continue;
        }
        if (moved || written || !cells.hasRef[i]) {
          const open = xml.slice(s, oe + 1);
          const c: CellState = { open: selfClosing ? open.slice(0, -2).trimEnd() + ">" : open, inner: inner ?? (selfClosing ? "" : xml.slice(oe + 1, end - 4)) };
          writeEdits(c, col);
          put(s, col, c);
          pos = end;
          if (moved || written) changed = true;
        }
        i++;
        continue;
      }
      const at = i < n ? cells.start[i]! : row ? row.innerEnd : 0;
      const c: CellState = cA === col ? { open: `<c s="${added[a++]!.style}">`, inner: "" } : { open: "<c>", inner: "" };
      writeEdits(c, col);
      put(at, col, c);
      pos = Math.max(pos, at);
      changed = true;
    }
    if (!changed) return null;
    if (row && row.innerEnd > pos) rowParts.push(xml.slice(pos, row.innerEnd));
    return first < 0 ? null : [first, last];
  }

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

  /**
   * Cells the insertions create in this row: each takes the style of the cell its insertion copies the format from
   * (as it stands after the insertions before it), when that style is not the default.
   */
  private insertedCells(rowIns: Ins[]): NewCell[] {
    if (!rowIns.length) return NOTHING;
    const styles: (string | null)[] = [];
    const out: NewCell[] = [];
    rowIns.forEach((e, k) => {
      const style = this.styleAt(rowIns, k, styles);
      styles.push(style && style !== "0" ? style : null);
      if (!style || style === "0") return;
      for (let j = 0; j < e.count; j++) out.push({ col: mapThrough(rowIns.slice(k + 1), e.at + j), style });
    });
    return out.length > 1 ? out.sort((x, y) => x.col - y.col) : out;
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
      if (cells.col[i] === x) return getAttr(xml.slice(cells.start[i], cells.openEnd[i]! + 1), "s");
      if (cells.col[i]! > x) break;
    }
    return null;
  }
}

const NOTHING: NewCell[] = [];

const editCol = (all: IndexedEdits, i: number) => (all.all[i] as { col: number }).col;

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
