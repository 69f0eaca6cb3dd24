// The plan's cell edits, indexed for the sheet scan (by sheet, then row, in plan order within a cell), and written
// into a cell: its opening tag (type, style carrying the number format) and its content.
import type { CellValue } from "../../core/model/snapshot";
import type { Edit } from "../../core/plan/types";
import type { SharedStrings } from "./sharedStrings";
import type { StyleRequests } from "./styleRequests";
import { escapeAttr, escapeText, getAttr, setAttr } from "./xml";

export type CellEdit = Extract<Edit, { kind: "setFormula" | "setValue" | "setNumberFormat" }>;

/** A cell being written: its opening tag (never self-closed) and what lies between it and </c>. */
export interface CellState {
  open: string;
  inner: string;
}

/** One sheet's cell edits: rows in ascending order, each with its edits' indices sorted by column, then plan order. */
export interface SheetEdits {
  rows: number[];
  byRow: Map<number, number[]>;
}

export interface IndexedEdits {
  /** The plan's edits then the table headers the write adds; an edit's index is its place in this list. */
  all: Edit[];
  bySheet: Map<string, SheetEdits>;
  /** Shared string index of each string value, taken in plan order so that new strings are appended in that order. */
  stringIndex: Int32Array;
  /** Column of each cell edit, read without going through edits of several shapes. */
  cols: Int32Array;
}

export function indexEdits(all: Edit[], sheetPart: (name: string) => string, sst: SharedStrings | null): IndexedEdits {
  const bySheet = new Map<string, SheetEdits>();
  const stringIndex = new Int32Array(all.length).fill(-1);
  const cols = new Int32Array(all.length);
  let lastName = "";
  let lastPart = "";
  all.forEach((e, i) => {
    if (e.kind !== "setFormula" && e.kind !== "setValue" && e.kind !== "setNumberFormat") return;
    cols[i] = e.col;
    if (e.kind === "setValue" && typeof e.value === "string" && sst) stringIndex[i] = sst.indexOf(e.value);
    if (e.sheet !== lastName) [lastName, lastPart] = [e.sheet, sheetPart(e.sheet)];
    const part = lastPart;
    let sheet = bySheet.get(part);
    if (!sheet) bySheet.set(part, (sheet = { rows: [], byRow: new Map() }));
    let row = sheet.byRow.get(e.row);
    if (!row) sheet.byRow.set(e.row, (row = []));
    row.push(i);
  });
  for (const sheet of bySheet.values()) {
    sheet.rows = [...sheet.byRow.keys()].sort((a, b) => a - b);
    for (const list of sheet.byRow.values()) if (list.length > 1) list.sort((a, b) => cols[a]! - cols[b]! || a - b);
  }
  return { all, bySheet, stringIndex, cols };
}

/** A cell tag with at most a style: `<c>` or `<c s="7">` (a style still to be resolved included). */
// U+0001 marks a style still to be resolved (styleRequests.ts): a character XML 1.0 forbids, so no file holds it.
// eslint-disable-next-line no-control-regex
const SIMPLE_OPEN = /^<c(?: s="[\d\u0001]+")?>$/;

/** The s attribute of a cell tag, read in place in the usual spelling. */
export function styleOf(open: string): string | null {
  const at = open.indexOf(' s="');
  if (at < 0) return getAttr(open, "s");
  return open.slice(at + 4, open.indexOf('"', at + 4));
}

/** `<c>` or `<c s="…">` with no other attribute, told without a regular expression in the common cases. */
function simpleOpen(open: string): boolean {
  if (open === "<c>") return true;
  if (open.startsWith('<c s="')) return open.indexOf('"', 6) === open.length - 2;
  return SIMPLE_OPEN.test(open);
}

function openTag(open: string, s: string, t: string | null): string {
  // The tag of a cell the plan creates (<c s="7">) is made directly: this runs for every cell a plan writes.
  if (t === null && simpleOpen(open)) {
    if (s && s !== "0") return `<c s="${s}">`;
    return open !== "<c>" && s === "0" ? '<c s="0">' : "<c>";
  }
  // An existing cell in the usual spelling (`<c r="B7" s="3">`) keeping no type: its style set in place, as the
  // general path below would (80 000 cells of a big annex's add-year).
  if (t === null && open.startsWith('<c r="')) {
    const refEnd = open.indexOf('"', 6);
    const rest = open.slice(refEnd + 1);
    if (rest === ">") return s && s !== "0" ? `${open.slice(0, refEnd + 1)} s="${escapeAttr(s)}">` : open;
    if (rest.startsWith(' s="') && rest.indexOf('"', 4) === rest.length - 2) {
      const value = s || null;
      return value === null ? `${open.slice(0, refEnd + 1)}>` : `${open.slice(0, refEnd + 1)} s="${escapeAttr(value)}">`;
    }
  }
  let tag = setAttr(setAttr(setAttr(open, "t", t), "cm", null), "vm", null);
  tag = setAttr(tag, "s", s && s !== "0" ? s : getAttr(tag, "s") === null ? null : s || null);
  return tag;
}

function valueInner(v: CellValue | undefined): { t: string | null; v: string } {
  if (v === null || v === undefined) return { t: null, v: "" };
  if (typeof v === "number") return Number.isFinite(v) ? { t: null, v: `<v>${v}</v>` } : { t: "e", v: "<v>#NUM!</v>" };
  if (typeof v === "boolean") return { t: "b", v: `<v>${v ? 1 : 0}</v>` };
  if (typeof v === "object") return { t: "e", v: `<v>${escapeText(v.error)}</v>` };
  return { t: null, v: "" };
}

/** Writes edit number `i` into the cell; returns whether it wrote a formula. */
export function applyEdit(c: CellState, edits: IndexedEdits, i: number, styles: StyleRequests, hasSst: boolean): boolean {
  const e = edits.all[i] as CellEdit;
  const style = styles.styled(styleOf(c.open), e.numFmt, i);
  if (e.kind === "setNumberFormat") {
    c.open = openTag(c.open, style, getAttr(c.open, "t"));
    return false;
  }
  if (e.kind === "setFormula") {
    const r = e.result;
    const t = typeof r === "string" ? "str" : null;
    const v = r === null || r === undefined ? "" : typeof r === "string" ? `<v>${escapeText(r)}</v>` : `<v>${r}</v>`;
    c.open = openTag(c.open, style, t);
    c.inner = `<f>${escapeText(e.formula.charCodeAt(0) === 61 ? e.formula.slice(1) : e.formula)}</f>${v}`;
    return true;
  }
  const v = e.value;
  if (typeof v === "string") {
    if (hasSst) {
      c.open = openTag(c.open, style, "s");
      c.inner = `<v>${edits.stringIndex[i]}</v>`;
    } else {
      c.open = openTag(c.open, style, "inlineStr");
      c.inner = `<is><t xml:space="preserve">${escapeText(v)}</t></is>`;
    }
    return false;
  }
  const x = valueInner(v);
  c.open = openTag(c.open, style, x.t);
  c.inner = x.v;
  return false;
}
