// The workbook as the core sees it, read straight from the package: each sheet's XML scanned once, only cells that hold
// something kept. Same snapshot as the ExcelJS reader gave (a test compares them), at a fraction of the time and memory.
import { emptySheet, type Cell, type CellValue, type FontInfo, type SheetSnapshot, type WorkbookSnapshot } from "../../core/model/snapshot";
import { packageText } from "../../messages/package";
import { CellLimitError, PackageError } from "./errors";
import { parseRels, relsPathOf, sheetsOf } from "./parts";
import { parseArea, translateFormula } from "./shiftRefs";
import { getAttr, unescapeXml } from "./xml";
import { entryData, readZip, ZipFormatError, type ZipEntry } from "./zip";
import type * as Calculate from "../../core/formula/calculate";

const FULL_CALC = /<calcPr\b[^>]*\bfullCalcOnLoad="(?:1|true)"/;
/** Formula cells read with no stored result, counted by readSheet for the workbook being read. */
let uncachedFormulas = 0;

const BUILTIN_FORMATS: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

interface Xf {
  numFmt?: string;
  font?: FontInfo;
}

function readStyles(xml: string | undefined): Xf[] {
  if (!xml) return [];
  const codes = new Map<number, string>();
  // Backslash escapes dropped, as ExcelJS reported them (the planners compare and copy codes in that form).
  for (const m of xml.matchAll(/<numFmt\b[^>]*>/g)) codes.set(Number(getAttr(m[0], "numFmtId")), (getAttr(m[0], "formatCode") ?? "").replace(/\\/g, ""));
  const fontsXml = /<fonts\b[^>]*>([\s\S]*?)<\/fonts>/.exec(xml)?.[1] ?? "";
  const fonts: Array<FontInfo | undefined> = [...fontsXml.matchAll(/<font\b[^>]*?(?:\/>|>([\s\S]*?)<\/font>)/g)].map((m) => {
    const body = m[1] ?? "";
    const name = /<name\b[^>]*\bval="([^"]*)"/.exec(body)?.[1];
    const size = /<sz\b[^>]*\bval="([^"]*)"/.exec(body)?.[1];
    const b = /<b\b([^>]*)\/?>/.exec(body);
    const bold = b ? !/val="(0|false)"/.test(b[1] ?? "") : undefined;
    if (!name && !size && !bold) return undefined;
    return { name: name === undefined ? undefined : unescapeXml(name), size: size === undefined ? undefined : Number(size), bold };
  });
  const xfsXml = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? "";
  return [...xfsXml.matchAll(/<xf\b[^>]*>/g)].map((m) => {
    const id = Number(getAttr(m[0], "numFmtId") ?? 0);
    const fontId = getAttr(m[0], "fontId");
    const numFmt = id === 0 ? undefined : (codes.get(id) ?? BUILTIN_FORMATS[id]);
    return { numFmt, font: fontId === null ? undefined : fonts[Number(fontId)] };
  });
}

/** Text of a string item: its <t> runs joined (phonetic runs left out). */
function itemText(xml: string): string {
  // Most items are one plain run: read it without regular expressions.
  if (xml.startsWith("<t") && (xml[2] === ">" || xml[2] === " ")) {
    const open = xml.indexOf(">");
    const close = xml.indexOf("<", open);
    if (close === xml.length - 4 && xml.endsWith("</t>") && xml[open - 1] !== "/" && !xml.includes("_x", open)) return unescapeXml(xml.slice(open + 1, close));
  }
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g)) out += m[1] ?? "";
  return unescapeXml(out).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  let p = 0;
  for (;;) {
    const s = xml.indexOf("<si", p);
    if (s < 0) break;
    const c = xml.charCodeAt(s + 3);
    if (c === 47 /* / */) {
      out.push("");
      p = s + 5;
    } else if (c === 62 /* > */) {
      const e = xml.indexOf("</si>", s);
      if (e < 0) break;
      out.push(itemText(xml.slice(s + 4, e)));
      p = e + 5;
    } else p = s + 3;
  }
  return out;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Attributes of the opening tag xml[from..to) (to: the index of its ">"), one call per attribute: `onAttr` gets the
 * attribute's name bounds and value bounds (quotes excluded, still escaped). No string is made for what is not read.
 */
function eachAttr(xml: string, from: number, to: number, onAttr: (xml: string, n0: number, n1: number, v0: number, v1: number) => void): void {
  let i = from;
  // Skip the element name.
  while (i < to && !isSpace(xml.charCodeAt(i))) i++;
  while (i < to) {
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const n0 = i;
    while (i < to) {
      const c = xml.charCodeAt(i);
      if (c === 61 /* = */ || isSpace(c) || c === 47 /* / */) break;
      i++;
    }
    const n1 = i;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    if (xml.charCodeAt(i) !== 61) {
      i = Math.max(i, n1) + 1;
      continue;
    }
    i++;
    while (i < to && isSpace(xml.charCodeAt(i))) i++;
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) return;
    const v1 = xml.indexOf(q === 34 ? '"' : "'", i + 1);
    if (v1 < 0 || v1 > to) return;
    onAttr(xml, n0, n1, i + 1, v1);
    i = v1 + 1;
  }
}

/** Column number of a cell reference's letters (a "$" skipped), read in place. */
function colOfRef(xml: string, v0: number, v1: number): number {
  let n = 0;
  for (let i = v0; i < v1; i++) {
    const c = xml.charCodeAt(i) & 0xdf;
    if (c >= 65 && c <= 90) n = n * 26 + c - 64;
    else if (c !== 4 /* "$" & 0xdf */) break;
  }
  return n;
}

function intAt(xml: string, v0: number, v1: number): number {
  let n = 0;
  for (let i = v0; i < v1; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number(unescapeXml(xml.slice(v0, v1)));
    n = n * 10 + d;
  }
  return n;
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/**
 * Number(xml.slice(v0, v1)) without making the slice (one string per numeric cell). Plain decimals ("-1234.56") whose
 * digits make an integer below 2^53, with at most 22 decimals, are read as that integer divided by a power of ten: both
 * exact, so the one rounding of the division gives the double nearest the decimal, which is what Number() gives.
 * Anything else (exponents, spaces, long digits) goes through Number().
 */
export function numberAt(xml: string, v0: number, v1: number): number {
  let i = v0;
  const negative = i < v1 && xml.charCodeAt(i) === 45; /* - */
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < v1; i++) {
    const c = xml.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0) decimals = 0;
    else return Number(xml.slice(v0, v1));
  }
  if (digits === 0 || digits > 15 || decimals === 0 || decimals > 22) return Number(xml.slice(v0, v1));
  const x = decimals > 0 ? mantissa / POW10[decimals]! : mantissa;
  return negative ? -x : x;
}

// Cell types (the t attribute), as small numbers compared in the loop.
const CellType = { Number: 0, Shared: 1, Str: 2, Bool: 3, Error: 4, Date: 5, Inline: 6 } as const;
type CellType = (typeof CellType)[keyof typeof CellType];
/** The default type typed as any type, so that resetting to it inside the scan loop does not narrow `type` to 0. */
const DEFAULT_TYPE: CellType = CellType.Number;

function cellType(xml: string, v0: number, v1: number): CellType {
  const len = v1 - v0;
  const c = xml.charCodeAt(v0);
  if (len === 1) return c === 115 ? CellType.Shared : c === 98 ? CellType.Bool : c === 101 ? CellType.Error : c === 100 ? CellType.Date : CellType.Number;
  if (len === 3 && xml.startsWith("str", v0)) return CellType.Str;
  if (len === 9 && xml.startsWith("inlineStr", v0)) return CellType.Inline;
  return CellType.Number;
}

// What cellAttrsFast or onCellAttr read: the r value's bounds, the style, the type. Module state rather than locals
// captured by callbacks: captured locals live in a heap context, and the scan read and wrote them for every cell.
let fastRef0 = -1;
let fastRef1 = -1;
let fastStyle = 0;
let fastType: CellType = DEFAULT_TYPE;
// What onRowAttr read.
let attrRowNum = -1;
let attrRowHidden = false;

function onRowAttr(xml: string, n0: number, n1: number, v0: number, v1: number): void {
  if (n1 - n0 === 1 && xml.charCodeAt(n0) === 114 /* r */) attrRowNum = intAt(xml, v0, v1);
  else if (n1 - n0 === 6 && xml.startsWith("hidden", n0)) attrRowHidden = (v1 - v0 === 1 && xml.charCodeAt(v0) === 49) || xml.startsWith("true", v0);
}

function onCellAttr(xml: string, n0: number, n1: number, v0: number, v1: number): void {
  if (n1 - n0 !== 1) return;
  const c = xml.charCodeAt(n0);
  if (c === 114 /* r */) {
    fastRef0 = v0;
    fastRef1 = v1;
  } else if (c === 115 /* s */) fastStyle = intAt(xml, v0, v1);
  else if (c === 116 /* t */) fastType = cellType(xml, v0, v1);
}

/**
 * The attributes of a cell tag in the spelling writers use (`<c r="B7" s="12" t="s">`: single spaces, double quotes,
 * no entity, only r, s and t), read without a callback; false for anything else (then eachAttr reads it).
 */
function cellAttrsFast(xml: string, cs: number, ce: number): boolean {
  fastRef0 = -1;
  fastStyle = 0;
  fastType = DEFAULT_TYPE;
  let i = cs + 2;
  let end = ce;
  if (xml.charCodeAt(end - 1) === 47 /* / */) end--;
  while (i < end) {
    if (xml.charCodeAt(i) !== 32 || xml.charCodeAt(i + 2) !== 61 /* = */ || xml.charCodeAt(i + 3) !== 34 /* " */) return false;
    const name = xml.charCodeAt(i + 1);
    const v0 = i + 4;
    const v1 = xml.indexOf('"', v0);
    if (v1 < 0 || v1 >= end) return false;
    if (name === 114 /* r */) {
      fastRef0 = v0;
      fastRef1 = v1;
    } else if (name === 115 /* s */) {
      let n = 0;
      for (let k = v0; k < v1; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9) return false;
        n = n * 10 + d;
      }
      fastStyle = n;
    } else if (name === 116 /* t */) fastType = cellType(xml, v0, v1);
    else return false;
    i = v1 + 1;
  }
  return i === end;
}

/**
 * Every cell read from a file has the same four keys, in the order value, formula, numFmt, font, those it lacks
 * undefined (as absent for every reader: `cell.formula`, spreads, JSON): one shape, so that the core's reads of
 * `cell.value` over 600 000 cells at 10 000 fiche rows stay monomorphic instead of meeting eight shapes, one per set
 * of keys (about 7 % of a check's CPU). One object literal, whose allocation site V8 may place in the old generation
 * (cells made by a constructor, which V8 never places there, cost 6 % more CPU at 100 000 fiche rows).
 */
function makeCell(value: CellValue, formula: string | undefined, numFmt: string | undefined, font: FontInfo | undefined): Cell {
  return { value, formula, numFmt, font };
}

/**
 * Rows' cell arrays are copies of this one, not made by a literal: V8 follows a literal's allocation site and, after a
 * collection, may decide to allocate its arrays in the old generation; that decision threw away the compiled row scan
 * that inlined the literal (setCell's), and the large scan was compiled again (50 to 100 ms of CPU each time).
 */
const EMPTY_ROW: Array<Cell | undefined> = [];

/**
 * Bytes of a sheet's cells decoded at a time (then cut after the next "</row>"): by default the whole part, as one
 * string. Measured at 100 000 fiche rows, slices of 1 MiB or 512 KiB read 13 to 35 % slower (2.2-2.6 s against 1.96 s
 * of CPU) for 60 MB less memory, and ASCII slices decoded as Latin-1 above 1 MB become external strings, slower to
 * scan; tests read with small slices to keep the scan independent of where a slice ends.
 */
const CHUNK_BYTES = 2 ** 31;

/** bytes[from..to) as text. */
function decodeSlice(bytes: Buffer, from: number, to: number): string {
  return bytes.toString("utf8", from, to);
}

/** Where "<sheetData" starts as a whole tag name (as /<sheetData\b/ finds it); -1 when absent. */
function sheetDataAt(bytes: Buffer): number {
  for (let i = bytes.indexOf("<sheetData"); i >= 0; i = bytes.indexOf("<sheetData", i + 1)) {
    const c = i + 10 < bytes.length ? bytes[i + 10]! : -1;
    const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (!word) return i;
  }
  return -1;
}

/** What a sheet's row scan carries from one slice of its XML to the next. */
interface RowScan {
  sheet: SheetSnapshot;
  sst: string[];
  slaves: Map<number, Set<number>>;
  shared: Map<string, { text: string; row: number; col: number }>;
  prevRow: number;
  widest: number;
}

/**
 * Cells scanned and not yet made into objects, in document order: the scan stops after the row that fills the batch,
 * and placeCells makes the cells. The scan itself allocates no cell: V8's later decision to allocate the cells in the
 * old generation (their literal's allocation site) threw away the compiled scan that inlined it, and the large scan
 * was compiled again, three times over a sheet of 10 000 fiche rows (50 to 60 ms each on a compiler thread); now only the small
 * placeCells is. Rows, columns and styles as doubles: any number the file writes (NaN, fractions) goes through as read.
 */
interface CellBatch {
  size: number;
  rows: Float64Array;
  cols: Float64Array;
  styles: Float64Array;
  values: CellValue[];
  formulas: Array<string | undefined>;
}

/**
 * Small: each scan of a batch returns soon, so V8 compiles the scan once, for its next call, instead of compiling it a
 * second time to replace the call running (on-stack replacement), as batches of 4 096 cells had it do (read step at
 * 10 000 fiche rows 370 → 348 ms CPU, medians of 11).
 */
const BATCH_CELLS = 256;

/**
 * Cells of less than this much XML (about 25 000 cells) are scanned in one call: V8 compiles a function marked hot the
 * next time it is called, and the scan of a small workbook, called once per batch, was compiled for nothing (40 ms on a
 * compiler thread for the 2022 annex, read in the time the compiler took).
 */
const ONE_SCAN_CHARS = 1 << 20;

function newBatch(capacity: number): CellBatch {
  return {
    size: 0,
    rows: new Float64Array(capacity),
    cols: new Float64Array(capacity),
    styles: new Float64Array(capacity),
    values: new Array<CellValue>(capacity).fill(null),
    formulas: new Array<string | undefined>(capacity).fill(undefined),
  };
}

/** One batch for every sheet read (the reader is synchronous): refilled from the start by each scan. */
let batch = newBatch(BATCH_CELLS);

/** A row of more cells than the batch holds: the batch doubles, its cells kept. */
function growBatch(): void {
  const old = batch;
  batch = newBatch(old.rows.length * 2);
  batch.rows.set(old.rows);
  batch.cols.set(old.cols);
  batch.styles.set(old.styles);
  for (let i = 0; i < old.size; i++) {
    batch.values[i] = old.values[i]!;
    batch.formulas[i] = old.formulas[i];
  }
  batch.size = old.size;
}

/** Excel's widest row: rows up to this width are made at their final length. */
const HOLES: Array<Cell | undefined> = new Array<Cell | undefined>(16384);

/**
 * The array of row r, whose cells are the batch's from i on while their row is r: holes as wide as its last cell,
 * copied from HOLES. Set one by one into a copy of EMPTY_ROW, a row's array was reallocated as it grew (three times
 * for 56 columns), about 50 MB of garbage at 100 000 fiche rows. Neither is made by a literal: see EMPTY_ROW.
 */
function newRow(r: number, i: number): Array<Cell | undefined> {
  const { rows, cols } = batch;
  let width = 0;
  for (let j = i; j < batch.size && rows[j] === r; j++) if (cols[j]! > width) width = cols[j]!;
  return width > 0 && width <= HOLES.length ? HOLES.slice(0, width) : EMPTY_ROW.slice();
}

/** Cells the read may keep (readSnapshotFromPackage's maxCells), and how many it has met so far. */
let cellBudget = Infinity;
let cellsMet = 0;

/** The batch's cells set in the sheet, as setCell would, in the order read; the batch is emptied. */
function placeCells(sheet: SheetSnapshot, xfs: Xf[], fonts: Array<FontInfo | undefined>): void {
  const { rows, cols, styles, values, formulas } = batch;
  const n = batch.size;
  cellsMet += n;
  // Past the budget, cells are only counted: the read ends refused, memory no fuller than the budget allows.
  if (cellsMet > cellBudget) {
    batch.size = 0;
    return;
  }
  let r = Number.NaN;
  let rowCells: Array<Cell | undefined> = EMPTY_ROW;
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    // (A row number that is no number is looked up every time, as setCell did.)
    if (row !== r) {
      r = row;
      let got = sheet.cells[r - 1];
      if (got === undefined) sheet.cells[r - 1] = got = newRow(r, i);
      rowCells = got;
    }
    const col = cols[i]!;
    const style = styles[i]!;
    // Style 0 is the sheet's default: ExcelJS reported neither format nor font for it (nor for a cell without s).
    const numFmt = style !== 0 ? xfs[style]?.numFmt || undefined : undefined;
    const font = style !== 0 ? fonts[style] : undefined;
    rowCells[col - 1] = makeCell(values[i] as CellValue, formulas[i], numFmt, font);
    if (r > sheet.rowCount) sheet.rowCount = r;
    if (col > sheet.colCount) sheet.colCount = col;
  }
  batch.size = 0;
}

// What cellChildrenGeneral read (module state, as for cellAttrsFast).
let kidV0 = -1;
let kidV1 = -1;
let kidFormula: string | undefined;
let kidInline: string | undefined;
let kidEnd = -1;

/**
 * The children of a cell of any make (the tag ending at ce), bounded by the first "</c>": <v>, <f>, <is>, anything
 * else skipped. Out of scanRows, which walks the usual make itself: a smaller scan, compiled sooner and in less time
 * (it is compiled on a compiler thread while the first rows are read the slow way).
 */
function cellChildrenGeneral(xml: string, ce: number, r: number, col: number, shared: Map<string, { text: string; row: number; col: number }>): void {
  let v0 = -1;
  let v1 = -1;
  let formula: string | undefined;
  let inline: string | undefined;
  const innerEnd = xml.indexOf("</c>", ce);
  let k = xml.indexOf("<", ce + 1);
  while (k >= 0 && k < innerEnd) {
    const ch = xml.charCodeAt(k + 1);
    const after = xml.charCodeAt(k + 2);
    const tagEnd = xml.indexOf(">", k);
    if (ch === 118 /* v */ && after === 62) {
      v0 = tagEnd + 1;
      v1 = xml.indexOf("<", v0);
      k = xml.indexOf("<", v1 + 1);
    } else if (ch === 102 /* f */ && (after === 62 || isSpace(after) || after === 47)) {
      const fSelf = xml.charCodeAt(tagEnd - 1) === 47;
      const fEnd = fSelf ? tagEnd + 1 : xml.indexOf("<", tagEnd + 1);
      const f = formulaOf(xml, k, tagEnd, fSelf, fEnd, r, col, shared);
      if (f !== undefined) formula = f;
      k = xml.indexOf("<", fSelf ? fEnd : fEnd + 1);
    } else if (ch === 105 /* i */ && after === 115 /* s */) {
      const isEnd = xml.indexOf("</is>", tagEnd);
      inline = itemText(xml.slice(tagEnd + 1, isEnd < 0 ? innerEnd : isEnd));
      k = xml.indexOf("<", (isEnd < 0 ? innerEnd : isEnd) + 1);
    } else k = xml.indexOf("<", k + 1);
  }
  kidV0 = v0;
  kidV1 = v1;
  kidFormula = formula;
  kidInline = inline;
  kidEnd = innerEnd;
}

/**
 * The rows of xml[p..dataEnd) (a slice of the XML given here ends with a row's "</row>"), each read whole, their cells
 * added to the batch; returns where it stopped: after the row that filled the batch, or -1 at dataEnd.
 * One pass by index: no copy of a row or a tag is made, only the values kept.
 */
function scanRows(xml: string, p: number, dataEnd: number, scan: RowScan, batchCells: number): number {
  const { sst, slaves, shared } = scan;
  const hiddenRows = scan.sheet.hiddenRows;
  let prevRow = scan.prevRow;
  let widest = scan.widest;
  let stop = -1;
  for (;;) {
    const rs = xml.indexOf("<row", p);
    if (rs < 0 || rs >= dataEnd) break;
    const re = xml.indexOf(">", rs);
    attrRowNum = -1;
    attrRowHidden = false;
    eachAttr(xml, rs + 1, re, onRowAttr);
    const rowHidden = attrRowHidden;
    const r = attrRowNum >= 0 ? attrRowNum : prevRow + 1;
    prevRow = r;
    const selfClosing = xml.charCodeAt(re - 1) === 47;
    if (selfClosing) {
      p = re + 1;
      continue;
    }
    // The row's "</row>" is met by walking its cells one after the other, not searched for first (a second pass over
    // every row); a row of any other make (something between cells) is searched the general way.
    let end = -1;
    const rowSlaves = slaves.size ? slaves.get(r) : undefined;
    let hasValue = false;
    let maxCol = 0;
    let q = re + 1;
    let prevCol = 0;
    for (;;) {
      let cs = -1;
      if (end < 0) {
        let w = q;
        while (isSpace(xml.charCodeAt(w))) w++;
        if (xml.charCodeAt(w) === 60 /* < */) {
          const c1 = xml.charCodeAt(w + 1);
          const c2 = xml.charCodeAt(w + 2);
          if (c1 === 99 /* c */ && (isSpace(c2) || c2 === 47 || c2 === 62)) cs = w;
          else if (c1 === 47 && xml.startsWith("row>", w + 2)) {
            end = w;
            break;
          }
        }
        if (cs < 0) end = xml.indexOf("</row>", re);
      }
      if (cs < 0) {
        cs = xml.indexOf("<c", q);
        while (cs >= 0 && cs < end) {
          const next = xml.charCodeAt(cs + 2);
          if (isSpace(next) || next === 47 || next === 62) break;
          cs = xml.indexOf("<c", cs + 2);
        }
        if (cs < 0 || cs >= end) break;
      }
      const ce = xml.indexOf(">", cs);
      if (!cellAttrsFast(xml, cs, ce)) {
        fastRef0 = -1;
        fastStyle = 0;
        fastType = DEFAULT_TYPE;
        eachAttr(xml, cs + 1, ce, onCellAttr);
      }
      const style = fastStyle;
      const type = fastType;
      const col = fastRef0 >= 0 ? colOfRef(xml, fastRef0, fastRef1) : prevCol + 1;
      prevCol = col;
      if (col > maxCol) maxCol = col;
      const cSelf = xml.charCodeAt(ce - 1) === 47;
      if (cSelf) {
        q = ce + 1;
        continue;
      }
      // Children of the cell: <f>, <v> (anything else: walked by cellChildrenGeneral). Walked in sequence up to the
      // cell's "</c>", each child closed where expected; a cell of any other make (an inline string, another child, a
      // child not closed where expected) is walked again the general way.
      let v0 = -1;
      let v1 = -1;
      let formula: string | undefined;
      let inline: string | undefined;
      let innerEnd = -1;
      let k = xml.indexOf("<", ce + 1);
      for (;;) {
        if (k < 0) break;
        if (xml.charCodeAt(k + 1) === 47 && xml.charCodeAt(k + 2) === 99 && xml.charCodeAt(k + 3) === 62) {
          innerEnd = k;
          break;
        }
        const ch = xml.charCodeAt(k + 1);
        const after = xml.charCodeAt(k + 2);
        const tagEnd = xml.indexOf(">", k);
        if (ch === 118 /* v */ && after === 62) {
          v0 = tagEnd + 1;
          v1 = xml.indexOf("<", v0);
          if (!xml.startsWith("</v>", v1)) break;
          k = xml.indexOf("<", v1 + 1);
          continue;
        }
        if (ch === 102 /* f */ && (after === 62 || isSpace(after) || after === 47)) {
          const fSelf = xml.charCodeAt(tagEnd - 1) === 47;
          let fEnd = tagEnd + 1;
          if (!fSelf) {
            fEnd = xml.indexOf("<", tagEnd + 1);
            if (!xml.startsWith("</f>", fEnd)) break;
          }
          const f = formulaOf(xml, k, tagEnd, fSelf, fEnd, r, col, shared);
          if (f !== undefined) formula = f;
          k = xml.indexOf("<", fSelf ? fEnd : fEnd + 1);
          continue;
        }
        break;
      }
      if (innerEnd < 0) {
        // (Again from the first child: what the walk set is set anew, the same way.)
        cellChildrenGeneral(xml, ce, r, col, shared);
        v0 = kidV0;
        v1 = kidV1;
        formula = kidFormula;
        inline = kidInline;
        innerEnd = kidEnd;
      }
      q = innerEnd + 4;
      let value: CellValue = null;
      if (type === CellType.Inline) value = inline ?? "";
      else if (v0 >= 0) {
        if (type === CellType.Shared) value = sst[intAt(xml, v0, v1)] ?? null;
        else if (type === CellType.Number) value = numberAt(xml, v0, v1);
        else value = otherValue(type, unescapeXml(xml.slice(v0, v1)));
      }
      if (value === null && formula === undefined) continue;
      if (value === null) uncachedFormulas++;
      hasValue = true;
      if (rowSlaves !== undefined && rowSlaves.has(col)) continue;
      let n = batch.size;
      if (n === batch.rows.length) growBatch();
      const b = batch;
      b.rows[n] = r;
      b.cols[n] = col;
      b.styles[n] = style;
      b.values[n] = value;
      b.formulas[n] = formula;
      b.size = ++n;
    }
    p = end + 6;
    if (hasValue) {
      if (rowHidden) hiddenRows.add(r);
      if (maxCol > widest) widest = maxCol;
    }
    if (batch.size >= batchCells) {
      stop = p;
      break;
    }
  }
  scan.prevRow = prevRow;
  scan.widest = widest;
  return stop;
}

/** The rows of a slice of a sheet's XML (ending with a row's "</row>") into the sheet: scanned a batch at a time. */
function readRows(xml: string, scan: RowScan, xfs: Xf[], fonts: Array<FontInfo | undefined>): void {
  // (Nothing left from a read that threw half-way.)
  batch.size = 0;
  const batchCells = xml.length < ONE_SCAN_CHARS ? Infinity : BATCH_CELLS;
  for (let p = 0; p >= 0;) {
    p = scanRows(xml, p, xml.length, scan, batchCells);
    placeCells(scan.sheet, xfs, fonts);
  }
}

/** A stored value of type str, b, e or d (already unescaped). */
function otherValue(type: CellType, v: string): CellValue {
  if (type === CellType.Str) return v;
  if (type === CellType.Bool) return v === "1" || v === "true";
  if (type === CellType.Error) return { error: v };
  return (Date.parse(v) - Date.UTC(1899, 11, 30)) / 86400000;
}

/**
 * The formula of the <f> element at xml[k..tagEnd] (its text ending at fEnd), a shared formula's master remembered and
 * its other cells translated from it; undefined for an empty one (or a shared one whose master is unknown).
 */
function formulaOf(
  xml: string,
  k: number,
  tagEnd: number,
  fSelf: boolean,
  fEnd: number,
  r: number,
  col: number,
  shared: Map<string, { text: string; row: number; col: number }>,
): string | undefined {
  const text = fSelf ? undefined : unescapeXml(xml.slice(tagEnd + 1, fEnd));
  const tagTo = fSelf ? tagEnd - 1 : tagEnd;
  // A plain "<f>" (most formulas) has no attribute to look for: no copy of the tag made.
  if (tagTo - k > 2) {
    const fTag = xml.slice(k, tagTo) + ">";
    if (getAttr(fTag, "t") === "shared") {
      const si = getAttr(fTag, "si") ?? "";
      if (text !== undefined && text !== "") {
        shared.set(si, { text, row: r, col });
        return text;
      }
      const master = shared.get(si);
      return master ? translateFormula(master.text, r - master.row, col - master.col) : undefined;
    }
  }
  return text !== undefined && text !== "" ? text : undefined;
}

function readSheet(name: string, bytes: Buffer, sst: string[], xfs: Xf[], chunkBytes = CHUNK_BYTES): SheetSnapshot {
  const sheet = emptySheet(name);
  const dataStart = sheetDataAt(bytes);
  // Searched from the end: what follows the cells (merges, page setup) is short, the cells are the whole part.
  const dataEnd = bytes.lastIndexOf("</sheetData>");
  const head = decodeSlice(bytes, 0, dataStart < 0 ? bytes.length : dataStart);
  const tail = dataEnd < 0 ? "" : decodeSlice(bytes, dataEnd, bytes.length);
  const fmt = /<sheetFormatPr\b[^>]*>/.exec(head)?.[0];
  const dcw = fmt ? getAttr(fmt, "defaultColWidth") : null;
  if (dcw !== null) sheet.defaultColWidth = Number(dcw);
  const merges = [...tail.matchAll(/<mergeCell\b[^>]*>/g)].map((m) => parseArea(getAttr(m[0], "ref") ?? "")).filter((r) => r !== null);
  sheet.merges = merges.map((r) => ({ r1: r.r1, c1: r.c1, r2: r.r2, c2: r.c2 }));
  // Cells covered by a merged area (not its first), by row: a row with none skips the lookup for each of its cells.
  const slaves = new Map<number, Set<number>>();
  for (const m of sheet.merges)
    for (let r = m.r1; r <= m.r2; r++)
      for (let c = m.c1; c <= m.c2; c++)
        if (r !== m.r1 || c !== m.c1) {
          let cols = slaves.get(r);
          if (!cols) slaves.set(r, (cols = new Set()));
          cols.add(c);
        }
  const prot = /<sheetProtection\b[^>]*>/.exec(tail)?.[0];
  const protSheet = prot ? getAttr(prot, "sheet") : null;
  sheet.protected = protSheet === "1" || protSheet === "true";
  const shared = new Map<string, { text: string; row: number; col: number }>();
  // One font object per style: cells of a style share it (the core only reads fonts).
  const fonts = xfs.map((xf) => (xf.font ? { name: xf.font.name, size: xf.font.size, bold: xf.font.bold } : undefined));
  let widest = 0;
  if (dataStart >= 0 && dataEnd > dataStart) {
    const scan: RowScan = { sheet, sst, slaves, shared, prevRow: 0, widest: 0 };
    // The cells' XML decoded a slice at a time, each ending after a "</row>": never the whole part as one string
    // (200 MB at 100 000 fiche rows, on top of its bytes).
    let from = bytes.indexOf(">", dataStart) + 1;
    while (from < dataEnd) {
      const cut = from + chunkBytes >= dataEnd ? -1 : bytes.indexOf("</row>", from + chunkBytes);
      const to = cut < 0 || cut >= dataEnd ? dataEnd : cut + 6;
      const xml = decodeSlice(bytes, from, to);
      readRows(xml, scan, xfs, fonts);
      from = to;
    }
    widest = scan.widest;
  }
  const cols = Math.max(widest, sheet.colCount);
  for (const m of head.matchAll(/<col\b[^>]*>/g)) {
    const min = Number(getAttr(m[0], "min"));
    const max = Number(getAttr(m[0], "max"));
    const width = getAttr(m[0], "width");
    const hidden = getAttr(m[0], "hidden");
    for (let c = min; c <= Math.min(max, cols); c++) {
      if (width !== null) sheet.colWidths[c - 1] = Number(width);
      if (hidden === "1" || hidden === "true") sheet.hiddenCols.add(c);
    }
  }
  return sheet;
}

/**
 * Every kind of cell the row scan meets (shared and inline strings, numbers small, long and with an exponent, formulas
 * plain and shared, booleans, errors, styles, attributes in another spelling, rows without r, hidden rows, an empty
 * row), read a few times before the first sheet of a process. V8 compiles the scan once it runs hot, for the kinds it
 * has seen: each kind met afterwards for the first time threw that compiled code away and compiled the large scan
 * again (four times over a sheet of 10 000 fiche rows, 50 to 100 ms of CPU each).
 */
const WARM_UP_ROWS =
  '<row r="1" spans="1:12" hidden="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>1500.5</v></c><c r="C1" s="1"/>' +
  '<c r="D1" t="str"><f>A1&amp;"x"</f><v>x</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c>' +
  '<c r="G1" t="inlineStr"><is><t>a</t></is></c><c r="H1"><v>123456789012345</v></c><c r="I1"><v>-0.000123</v></c>' +
  '<c r="J1"><v>1E-3</v></c><c r="K1" t="n"><v>7</v></c><c r=\'L1\'><v>8</v></c></row>' +
  '<row r="2"><c r="A2" s="1"><f t="shared" ref="A2:A3" si="0">B1+1</f><v>1501.5</v></c><c r="B2"><f>SUM(B1:B1)</f></c></row>' +
  '<row><c r="A3" s="1"><f t="shared" si="0"/><v>1502.5</v></c><c><v>2</v></c></row><row r="5"/>' +
  '<row r="6"><c r="A6"><v>3</v></c> <c r="B6"><v>4</v></c></row>';
let warmedUp = false;

function warmUp(): void {
  warmedUp = true;
  const font = { name: "Calibri", size: 11, bold: true };
  const xfs: Xf[] = [{}, { numFmt: "#,##0", font }];
  const counted = uncachedFormulas;
  for (let i = 0; i < 4; i++) {
    const sheet = emptySheet("warm-up");
    const scan: RowScan = { sheet, sst: ["a"], slaves: new Map(), shared: new Map(), prevRow: 0, widest: 0 };
    readRows(WARM_UP_ROWS, scan, xfs, [undefined, font]);
  }
  uncachedFormulas = counted;
}

/**
 * `parts`: the package's parts already inflated (the CLI's input guard inflates and checks each one): they are used
 * instead of inflating again, and each sheet's bytes are dropped from the map once read, so memory holds one at a time.
 * `calculate: false` keeps the stored results as they are (formulas the file left uncalculated stay null).
 * `chunkBytes`: how many bytes of a sheet's cells are decoded to text at a time (tests read with tiny slices).
 * `maxCells`: cells holding a value or a formula, all sheets together, beyond which the read throws CellLimitError
 * (with the count of all of them) instead of keeping more.
 */
export function readSnapshotFromPackage(
  buf: Uint8Array,
  file: string,
  parts?: Map<string, Uint8Array>,
  options: { calculate?: boolean; chunkBytes?: number; maxCells?: number } = {},
): WorkbookSnapshot {
  let bytesOf: (n: string) => Buffer | undefined;
  if (parts) {
    bytesOf = (n) => {
      const b = parts.get(n);
      return b ? Buffer.from(b.buffer, b.byteOffset, b.byteLength) : undefined;
    };
  } else {
    let entries: ZipEntry[];
    try {
      entries = readZip(buf);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new PackageError(packageText.notXlsx(file));
      throw e;
    }
    const byName = new Map(entries.map((e) => [e.name, e]));
    bytesOf = (n) => {
      const e = byName.get(n);
      return e ? entryData(e) : undefined;
    };
  }
  const text = (n: string) => bytesOf(n)?.toString("utf8");
  const rootRels = parseRels(text("_rels/.rels"), "");
  const wbPart = rootRels.find((r) => r.type === "officeDocument")?.target ?? "xl/workbook.xml";
  const wbXml = text(wbPart);
  if (wbXml === undefined) throw new PackageError(packageText.notXlsx(file));
  const rels = parseRels(text(relsPathOf(wbPart)), wbPart);
  const sstPart = rels.find((r) => r.type === "sharedStrings")?.target;
  const stylesPart = rels.find((r) => r.type === "styles")?.target;
  const sst = readSharedStrings(sstPart ? text(sstPart) : undefined);
  const xfs = readStyles(stylesPart ? text(stylesPart) : undefined);
  if (!warmedUp) warmUp();
  uncachedFormulas = 0;
  cellsMet = 0;
  cellBudget = options.maxCells ?? Infinity;
  let sheets: SheetSnapshot[];
  try {
    sheets = sheetsOf(wbXml, rels).map((s) => {
      const sheet = readSheet(s.name, bytesOf(s.part) ?? Buffer.alloc(0), sst, xfs, options.chunkBytes);
      parts?.delete(s.part);
      return sheet;
    });
  } finally {
    cellBudget = Infinity;
  }
  if (cellsMet > (options.maxCells ?? Infinity)) throw new CellLimitError(cellsMet);
  const wb: WorkbookSnapshot = { fileName: file.split(/[\\/]/).pop(), sheets };
  // Formulas stored without a result, or with results the file itself does not trust (fullCalcOnLoad: written by a
  // tool that does not calculate), are computed as Excel will on open.
  const all = FULL_CALC.test(wbXml);
  if (options.calculate !== false && (all || uncachedFormulas)) {
    // Loaded only for a file that needs it (five modules): one saved by Excel holds every formula's result.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { calculateWorkbook } = require("../../core/formula/calculate") as typeof Calculate;
    calculateWorkbook(wb, { all });
  }
  return wb;
}
