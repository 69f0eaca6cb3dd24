// What a plan relies on, derived from the plan and the snapshot it was computed from (the planners stay as they are):
// the prior content of every cell it writes, and anchors (the first text of each row it writes, the header of each
// column it writes or inserts next to). An adapter re-reads them just before writing and refuses if any differs:
// a typed value, an inserted row or column since the preview, and nothing is written from a stale snapshot.
import { addr } from "../model/a1";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { normaliseFormula, type EditPlan } from "./types";

export interface ExpectedCell {
  sheet: string;
  /** Coordinates in the workbook as it was read (before any insertion of the plan). */
  row: number;
  col: number;
  /** "=…" for a formula, else the literal value. */
  formula: string | null;
  value: CellValue;
  numFmt: string;
  /** Why it is checked: a cell the plan writes, or a cell whose position the plan relies on. */
  role: "written" | "row-anchor" | "column-anchor";
}

export interface Preconditions {
  cells: ExpectedCell[];
}

export interface Insertion {
  sheet: string;
  at: number;
  count: number;
  rows: [number, number] | null;
  finalAt: number;
}

/** The plan's insertions with where each lands once all are done (they are listed right to left). */
export function insertionsOf(plan: EditPlan): Insertion[] {
  const out: Insertion[] = [];
  for (const e of plan.edits) if (e.kind === "insertColumns") out.push({ sheet: e.sheet, at: e.at, count: e.count, rows: e.rows, finalAt: e.at });
  // Each later insertion (further left) pushes the earlier ones right where their rows overlap.
  for (let i = 0; i < out.length; i++) {
    for (let j = 0; j < i; j++) {
      const a = out[j]!;
      const b = out[i]!;
      if (a.sheet === b.sheet && sameRows(a.rows, b.rows) && b.at <= a.at) a.finalAt += b.count;
    }
  }
  return out;
}

const sameRows = (a: [number, number] | null, b: [number, number] | null) => (a === null && b === null) || (!!a && !!b && a[0] === b[0] && a[1] === b[1]);
const covers = (i: Insertion, sheet: string, row: number) => i.sheet === sheet && (!i.rows || (row >= i.rows[0] && row <= i.rows[1]));

/** Final column -> column in the workbook as read, or null for a cell inside an inserted column. */
export function originalCol(inserts: Insertion[], sheet: string, row: number, col: number): number | null {
  let shift = 0;
  for (const i of inserts) {
    if (!covers(i, sheet, row)) continue;
    if (col >= i.finalAt && col < i.finalAt + i.count) return null;
    if (col >= i.finalAt + i.count) shift += i.count;
  }
  return col - shift;
}

const isBlank = (s: SheetSnapshot, row: number, col: number) => {
  const c = s.cells[row - 1]?.[col - 1];
  return !c || (!c.formula && (c.value === null || c.value === ""));
};

function expected(s: SheetSnapshot, row: number, col: number, role: ExpectedCell["role"]): ExpectedCell {
  const c = s.cells[row - 1]?.[col - 1];
  return {
    sheet: s.name,
    row,
    col,
    formula: c?.formula ? `=${c.formula}` : null,
    value: c?.formula ? null : (c?.value ?? null),
    numFmt: c?.numFmt ?? "General",
    role,
  };
}

/** Rows scanned upwards for a column's header anchor. */
const HEADER_SCAN = 200;

export function preconditionsOf(plan: EditPlan, before: WorkbookSnapshot): Preconditions {
  const inserts = insertionsOf(plan);
  const sheets = new Map(before.sheets.map((s) => [s.name, s]));
  const cells: ExpectedCell[] = [];
  const written = new Set<string>();
  const rowsBySheet = new Map<string, Set<number>>();
  const colsBySheet = new Map<string, Map<number, number>>(); // col -> topmost written row
  const noteCol = (sheet: string, col: number, row: number) => {
    let m = colsBySheet.get(sheet);
    if (!m) colsBySheet.set(sheet, (m = new Map()));
    m.set(col, Math.min(m.get(col) ?? row, row));
  };
  for (const e of plan.edits) {
    if (e.kind === "insertColumns") {
      // The column the insertion goes before (and the one whose format it copies) must still be where it was.
      noteCol(e.sheet, e.at, e.rows ? e.rows[0] : 1048576);
      if (e.copyFormatFrom < e.at) noteCol(e.sheet, e.copyFormatFrom, e.rows ? e.rows[0] : 1048576);
      continue;
    }
    if (e.kind !== "setFormula" && e.kind !== "setValue" && e.kind !== "setNumberFormat") continue;
    const s = sheets.get(e.sheet);
    if (!s) continue;
    const col = originalCol(inserts, e.sheet, e.row, e.col);
    if (col === null) continue;
    const k = `${e.sheet}!${e.row}:${col}`;
    if (written.has(k)) continue;
    written.add(k);
    cells.push(expected(s, e.row, col, "written"));
    let rows = rowsBySheet.get(e.sheet);
    if (!rows) rowsBySheet.set(e.sheet, (rows = new Set()));
    rows.add(e.row);
    noteCol(e.sheet, col, e.row);
  }
  const anchored = new Set<string>();
  const anchor = (s: SheetSnapshot, row: number, col: number, role: ExpectedCell["role"]) => {
    const k = `${s.name}!${row}:${col}`;
    if (written.has(k) || anchored.has(k)) return;
    anchored.add(k);
    cells.push(expected(s, row, col, role));
  };
  for (const [name, rows] of rowsBySheet) {
    const s = sheets.get(name)!;
    for (const row of rows) {
      const line = s.cells[row - 1] ?? [];
      for (let c = 1; c <= line.length; c++) {
        if (!isBlank(s, row, c) && !written.has(`${name}!${row}:${c}`)) {
          anchor(s, row, c, "row-anchor");
          break;
        }
      }
    }
  }
  for (const [name, cols] of colsBySheet) {
    const s = sheets.get(name);
    if (!s) continue;
    for (const [col, top] of cols) {
      const last = Math.min(top - 1, s.rowCount, HEADER_SCAN);
      for (let r = 1; r <= last; r++) {
        if (!isBlank(s, r, col) && !written.has(`${name}!${r}:${col}`)) {
          anchor(s, r, col, "column-anchor");
          break;
        }
      }
    }
  }
  return { cells };
}

/** Live content as Office.js gives it (`formulas` and `numberFormat` of one cell). */
export interface LiveCell {
  formula: unknown;
  numFmt: unknown;
}

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a cell still holds what the snapshot saw (content always; format only for written cells). */
export function stillHolds(e: ExpectedCell, live: LiveCell): boolean {
  const f = live.formula;
  if (e.formula !== null) {
    if (typeof f !== "string" || !f.startsWith("=") || normaliseFormula(f) !== normaliseFormula(e.formula)) return false;
  } else {
    const v = e.value;
    if (v === null || v === "") {
      if (f !== "" && f !== null && f !== undefined) return false;
    } else if (typeof v === "object") {
      if (f !== v.error) return false;
    } else if (typeof v === "number") {
      if (typeof f !== "number" || !sameNumber(f, v)) return false;
    } else if (f !== v) return false;
  }
  return e.role !== "written" || String(live.numFmt ?? "General") === e.numFmt;
}

export const cellName = (e: { row: number; col: number }) => addr(e.row, e.col);
