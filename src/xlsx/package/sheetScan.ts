// Reading a worksheet's text in place: where <sheetData> lies, where each row and cell starts and ends, their
// numbers. Nothing is copied: positions into the one string, so that a write can copy what it leaves as slices.
import { packageText } from "../../messages/package";
import { PackageError } from "./errors";
import { lettersCol } from "./shiftRefs";
import { getAttr } from "./xml";

export interface SheetFrame {
  /** Up to and including the <sheetData> opening tag, and from </sheetData> on. */
  head: string;
  tail: string;
  /** The rows' text: xml.slice(start, end). */
  start: number;
  end: number;
}

export function frameOf(xml: string): SheetFrame {
  const open = xml.search(/<sheetData\b/);
  // A sheet whose main namespace carries a prefix (<x:sheetData>) is not edited rather than edited wrongly.
  if (open < 0) throw new PackageError(packageText.unsupported(packageText.sheetDataUnreadable));
  const openEnd = xml.indexOf(">", open);
  if (xml[openEnd - 1] === "/") return { head: xml.slice(0, open) + "<sheetData>", tail: "</sheetData>" + xml.slice(openEnd + 1), start: openEnd + 1, end: openEnd + 1 };
  // Looked for from the end, where it is: the rows before it may be many megabytes.
  const close = xml.lastIndexOf("</sheetData>");
  return { head: xml.slice(0, openEnd + 1), tail: xml.slice(close), start: openEnd + 1, end: close };
}

/** One row's bounds: `<row …>` from start to openEnd (its ">"), content up to innerEnd, the row up to end. */
export interface RowSpan {
  r: number;
  start: number;
  openEnd: number;
  innerEnd: number;
  end: number;
  selfClosing: boolean;
}

/** Calls `visit` for each row between start and end, in order; rows without r follow the previous one. */
export function forEachRow(xml: string, start: number, end: number, visit: (row: RowSpan) => void): void {
  let p = start;
  let prev = 0;
  const row: RowSpan = { r: 0, start: 0, openEnd: 0, innerEnd: 0, end: 0, selfClosing: false };
  while (true) {
    const s = xml.indexOf("<row", p);
    if (s < 0 || s >= end) break;
    const e = xml.indexOf(">", s);
    const selfClosing = xml.charCodeAt(e - 1) === 47;
    const close = selfClosing ? e + 1 : xml.indexOf("</row>", e) + 6;
    row.r = rowNumber(xml, s, e) ?? prev + 1;
    prev = row.r;
    row.start = s;
    row.openEnd = e;
    row.innerEnd = selfClosing ? e + 1 : close - 6;
    row.end = close;
    row.selfClosing = selfClosing;
    visit(row);
    p = close;
  }
}

function rowNumber(xml: string, s: number, e: number): number | null {
  if (xml.startsWith('<row r="', s)) {
    let n = 0;
    for (let i = s + 8; i < e; i++) {
      const c = xml.charCodeAt(i);
      if (c < 48 || c > 57) return i > s + 8 ? n : null;
      n = n * 10 + c - 48;
    }
  }
  const r = getAttr(xml.slice(s, e + 1), "r");
  return r ? Number(r) : null;
}

/** White space, "/" or ">": what may follow an element name. */
const isTagEnd = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;

/** The cells of one row, as parallel arrays reused from row to row (no object per cell). */
export class CellSpans {
  n = 0;
  start: number[] = [];
  openEnd: number[] = [];
  end: number[] = [];
  col: number[] = [];
  hasRef: boolean[] = [];
  selfClosing: boolean[] = [];

  /** Reads the cells between from and to; a cell without r is placed after the previous one. */
  read(xml: string, from: number, to: number): void {
    this.n = 0;
    let p = from;
    let prev = 0;
    while (p < to) {
      let s = xml.indexOf("<c", p);
      while (s >= 0 && s < to && !isTagEnd(xml.charCodeAt(s + 2))) s = xml.indexOf("<c", s + 2);
      if (s < 0 || s >= to) break;
      const e = xml.indexOf(">", s);
      const selfClosing = xml.charCodeAt(e - 1) === 47;
      const end = selfClosing ? e + 1 : xml.indexOf("</c>", e) + 4;
      const col = cellCol(xml, s, e);
      const k = this.n++;
      this.start[k] = s;
      this.openEnd[k] = e;
      this.end[k] = end;
      this.hasRef[k] = col > 0;
      this.col[k] = col > 0 ? col : prev + 1;
      this.selfClosing[k] = selfClosing;
      prev = this.col[k]!;
      p = end;
    }
  }
}

/** Column of a cell's r attribute (0 when it has none), read in place in the usual spelling. */
function cellCol(xml: string, s: number, e: number): number {
  let at = xml.startsWith('<c r="', s) ? s + 6 : -1;
  if (at < 0) {
    const open = xml.slice(s, e + 1);
    const ref = open.includes("r") ? getAttr(open, "r") : null;
    return ref ? lettersCol(ref.replace(/\d+$/, "").replace(/\$/g, "")) : 0;
  }
  let n = 0;
  for (; at < e; at++) {
    const c = xml.charCodeAt(at);
    if (c === 36) continue; // "$"
    const u = c & 0xdf;
    if (u < 65 || u > 90) break;
    n = n * 26 + u - 64;
  }
  return n;
}
