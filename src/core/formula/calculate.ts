// Formulas a file left uncalculated, computed over the snapshot as Excel computes them on open. Files written by tools
// that do not calculate (openpyxl, xlsxwriter, many exporters) store no result, or 0, and ask Excel to recalculate
// (fullCalcOnLoad): read as 0 they gave hundreds of false errors. A formula the evaluator cannot reproduce exactly is
// marked `uncomputed` (value null): unknown, never 0, and the rules leave it alone.
//
// Cells are computed in dependency order found by an explicit-stack walk (a 100 000-row chain cannot overflow the
// stack); a cycle makes its cells unknown; a work budget bounds pathological sheets (each cell's SUM over all rows
// above it) instead of hanging.
import type { Cell, CellValue, SheetSnapshot, WorkbookSnapshot } from "../model/snapshot";
import { FUNCTIONS, power, type Env } from "./functions";
import { compile, type Compiled, type Node, type RefNode } from "./parse";
import { MAX_COL } from "./tokens";
import {
  DIV0,
  NUM,
  UNKNOWN,
  VALUE,
  compareScalars,
  isArea,
  isErr,
  isUnknown,
  toNumber,
  toText,
  type Area,
  type Scalar,
  type Unknown,
  type Value,
} from "./values";

export interface CalcOptions {
  /** Compute every formula (the file asks for a full recalculation on load: its cached results are not trusted). */
  all: boolean;
  /** Cells visited at most (dependency walk and ranges read) before the rest is left unknown. */
  budget?: number;
}

export interface CalcSummary {
  computed: number;
  /** Formulas left unknown, and a few of their addresses for the notice. */
  uncomputed: number;
  examples: Array<{ sheet: string; row: number; col: number }>;
}

const DEFAULT_BUDGET = 60_000_000;
// Per-cell states of the walk.
const PENDING = 1;
const ACTIVE = 2;
const CYCLIC = 3;
const DONE = 4;
const SUBTOTAL_CALL = /\b(?:_xlfn\.)?(?:SUBTOTAL|AGGREGATE)\s*\(/i;

/** One state per cell of a sheet: a flat byte array when the sheet is compact, a map when it is sparse and wide. */
class States {
  private readonly flat: Uint8Array | null;
  private readonly map: Map<number, number> | null;
  constructor(
    private readonly cols: number,
    rows: number,
  ) {
    const size = cols * rows;
    this.flat = size <= 1 << 26 ? new Uint8Array(size) : null;
    this.map = this.flat ? null : new Map();
  }
  get(row: number, col: number): number {
    if (col > this.cols) return 0;
    const k = (row - 1) * this.cols + col - 1;
    return this.flat ? (this.flat[k] ?? 0) : (this.map!.get(k) ?? 0);
  }
  set(row: number, col: number, s: number): void {
    const k = (row - 1) * this.cols + col - 1;
    if (this.flat) this.flat[k] = s;
    else this.map!.set(k, s);
  }
}

interface Frame {
  sheet: number;
  row: number;
  col: number;
  compiled: Compiled | null;
  ref: number;
  r: number;
  c: number;
}

class Calculator implements Env {
  private readonly sheets: SheetSnapshot[];
  private readonly byName = new Map<string, number>();
  private readonly states: States[];
  private budget: number;
  private readonly here = { sheet: 0, row: 0, col: 0 };
  readonly summary: CalcSummary = { computed: 0, uncomputed: 0, examples: [] };

  constructor(wb: WorkbookSnapshot, budget: number) {
    this.sheets = wb.sheets;
    wb.sheets.forEach((s, i) => this.byName.set(s.name.toLowerCase(), i));
    this.states = wb.sheets.map((s) => new States(Math.max(1, s.colCount), Math.max(1, s.rowCount)));
    this.budget = budget;
  }

  /** Marks the formulas to compute; returns how many. */
  mark(all: boolean): number {
    let n = 0;
    this.sheets.forEach((s, si) => {
      const st = this.states[si]!;
      for (let r = 0; r < s.cells.length; r++) {
        const cells = s.cells[r];
        if (!cells) continue;
        for (let c = 0; c < cells.length; c++) {
          const cell = cells[c];
          if (cell !== undefined && cell.formula !== undefined && (all || cell.value === null)) {
            st.set(r + 1, c + 1, PENDING);
            n++;
          }
        }
      }
    });
    return n;
  }

  run(): void {
    this.sheets.forEach((s, si) => {
      const st = this.states[si]!;
      for (let r = 0; r < s.cells.length; r++) {
        const cells = s.cells[r];
        if (!cells) continue;
        for (let c = 0; c < cells.length; c++) if (cells[c] !== undefined && st.get(r + 1, c + 1) === PENDING) this.walk(si, r + 1, c + 1);
      }
    });
  }

  private frame(sheet: number, row: number, col: number): Frame {
    const cell = this.cellAt(sheet, row, col)!;
    const compiled = compile(cell.formula!);
    const first = compiled?.refs[0];
    return { sheet, row, col, compiled, ref: 0, r: first ? first.r1 : 0, c: first ? first.c1 : 0 };
  }

  private sheetOf(ref: RefNode, from: number): number | undefined {
    return ref.sheet === null ? from : this.byName.get(ref.sheet.toLowerCase());
  }

  /** The next formula cell the frame's references reach that still needs computing (state PENDING/ACTIVE), or null. */
  private nextDep(f: Frame): { sheet: number; row: number; col: number } | null {
    const refs = f.compiled?.refs ?? [];
    while (f.ref < refs.length) {
      const ref = refs[f.ref]!;
      const si = this.sheetOf(ref, f.sheet);
      const sheet = si === undefined ? undefined : this.sheets[si];
      if (sheet && si !== undefined) {
        const st = this.states[si]!;
        const rLast = Math.min(ref.r2, sheet.rowCount);
        const cLast = Math.min(ref.c2, sheet.colCount);
        while (f.r <= rLast) {
          const cells = sheet.cells[f.r - 1];
          if (cells) {
            const cEnd = Math.min(cLast, cells.length);
            while (f.c <= cEnd) {
              const c = f.c++;
              this.budget--;
              const cell = cells[c - 1];
              if (cell?.formula === undefined) continue;
              const s = st.get(f.r, c);
              if (s === PENDING || s === ACTIVE || s === CYCLIC) return { sheet: si, row: f.r, col: c };
            }
          }
          if (this.budget < 0) return null;
          f.r++;
          f.c = ref.c1;
        }
      }
      f.ref++;
      const next = refs[f.ref];
      if (next) {
        f.r = next.r1;
        f.c = next.c1;
      }
    }
    return null;
  }

  /** Computes a cell and everything it needs first, depth first with an explicit stack. */
  private walk(sheet: number, row: number, col: number): void {
    this.states[sheet]!.set(row, col, ACTIVE);
    const stack: Frame[] = [this.frame(sheet, row, col)];
    while (stack.length) {
      const f = stack[stack.length - 1]!;
      const dep = this.budget >= 0 ? this.nextDep(f) : null;
      if (dep) {
        const st = this.states[dep.sheet]!;
        const s = st.get(dep.row, dep.col);
        if (s === PENDING) {
          st.set(dep.row, dep.col, ACTIVE);
          stack.push(this.frame(dep.sheet, dep.row, dep.col));
        } else st.set(dep.row, dep.col, CYCLIC);
        continue;
      }
      stack.pop();
      this.finish(f);
    }
  }

  private finish(f: Frame): void {
    const st = this.states[f.sheet]!;
    const cyclic = st.get(f.row, f.col) === CYCLIC;
    const cell = this.cellAt(f.sheet, f.row, f.col)!;
    let v: Scalar | Unknown = UNKNOWN;
    if (!cyclic && f.compiled && this.budget >= 0) {
      this.here.sheet = f.sheet;
      this.here.row = f.row;
      this.here.col = f.col;
      const raw = this.scalar(this.eval(f.compiled.node));
      v = raw === null ? 0 : raw;
    }
    st.set(f.row, f.col, DONE);
    // A result the file stored is kept when the evaluator cannot reproduce it, unless it is 0: the value xlsxwriter and
    // similar tools cache for every formula they never calculated.
    if (isUnknown(v) && cell.value !== null && cell.value !== 0) {
      this.summary.computed++;
      return;
    }
    if (isUnknown(v)) {
      cell.value = null;
      cell.uncomputed = true;
      this.summary.uncomputed++;
      if (this.summary.examples.length < 3) this.summary.examples.push({ sheet: this.sheets[f.sheet]!.name, row: f.row, col: f.col });
    } else {
      // Excel shows and formats a result from its first 15 significant digits: 1583506.4999999998 prints as 1 583 507 €.
      cell.value = typeof v === "number" ? (Number.isFinite(v) ? Number(v.toPrecision(15)) : NUM) : v;
      delete cell.uncomputed;
      this.summary.computed++;
    }
  }

  private cellAt(sheet: number, row: number, col: number): Cell | undefined {
    return this.sheets[sheet]?.cells[row - 1]?.[col - 1];
  }

  // --- Env ---

  at(sheet: number, row: number, col: number): Scalar | Unknown {
    const cell = this.cellAt(sheet, row, col);
    if (!cell) return null;
    if (cell.formula !== undefined) {
      const s = this.states[sheet]!.get(row, col);
      if (s !== 0 && s !== DONE) return UNKNOWN;
      if (cell.uncomputed) return UNKNOWN;
    }
    return cell.value;
  }

  each(a: Area, visit: (v: Scalar | Unknown, row: number, col: number) => boolean | void): void {
    const sheet = this.sheets[a.sheet]!;
    const rLast = Math.min(a.r2, sheet.rowCount);
    for (let r = a.r1; r <= rLast; r++) {
      const cells = sheet.cells[r - 1];
      if (!cells) continue;
      const cLast = Math.min(a.c2, cells.length);
      this.budget -= cLast - a.c1 + 1;
      for (let c = a.c1; c <= cLast; c++) {
        const cell = cells[c - 1];
        if (cell === undefined) continue;
        const v = cell.formula === undefined ? cell.value : this.at(a.sheet, r, c);
        if (v === null) continue;
        if (visit(v, r, c) === false) return;
      }
    }
  }

  hiddenRow(sheet: number, row: number): boolean {
    return this.sheets[sheet]!.hiddenRows.has(row);
  }

  subtotalCell(sheet: number, row: number, col: number): boolean {
    const f = this.cellAt(sheet, row, col)?.formula;
    return f !== undefined && SUBTOTAL_CALL.test(f);
  }

  scalar(v: Value): Scalar | Unknown {
    if (!isArea(v)) return v;
    if (v.r1 === v.r2 && v.c1 === v.c2) return this.at(v.sheet, v.r1, v.c1);
    // Implicit intersection with the formula's own row (a column range) or column (a row range).
    if (v.sheet === this.here.sheet) {
      if (v.c1 === v.c2 && this.here.row >= v.r1 && this.here.row <= v.r2) return this.at(v.sheet, this.here.row, v.c1);
      if (v.r1 === v.r2 && this.here.col >= v.c1 && this.here.col <= v.c2) return this.at(v.sheet, v.r1, this.here.col);
    }
    return VALUE;
  }

  eval(node: Node): Value {
    switch (node.k) {
      case "num":
      case "str":
      case "bool":
        return node.v;
      case "err":
        return { error: node.v };
      case "missing":
        return null;
      case "ref": {
        const si = this.sheetOf(node, this.here.sheet);
        if (si === undefined) return UNKNOWN;
        return { area: true, sheet: si, r1: node.r1, c1: node.c1, r2: node.r2, c2: Math.min(node.c2, MAX_COL) };
      }
      case "neg": {
        const x = toNumber(this.scalar(this.eval(node.a)));
        return typeof x === "number" ? -x : x;
      }
      case "pct": {
        const x = toNumber(this.scalar(this.eval(node.a)));
        return typeof x === "number" ? x / 100 : x;
      }
      case "bin":
        return this.binaryChain(node);
      case "call": {
        const fn = FUNCTIONS[node.name];
        return fn ? fn(node.args, this) : UNKNOWN;
      }
    }
  }

  /** A left-deep chain of operators (D4+D5+…+D10003) evaluated by a loop, not by recursion. */
  private binaryChain(node: Extract<Node, { k: "bin" }>): Value {
    const chain: Array<Extract<Node, { k: "bin" }>> = [];
    let n: Node = node;
    while (n.k === "bin") {
      chain.push(n);
      n = n.a;
    }
    let acc: Value = this.eval(n);
    for (let i = chain.length - 1; i >= 0; i--) {
      const b = chain[i]!;
      acc = this.binary(b.op, this.scalar(acc), this.scalar(this.eval(b.b)));
    }
    return acc;
  }

  private binary(op: string, a: Scalar | Unknown, b: Scalar | Unknown): Scalar | Unknown {
    if (op === "&") {
      const x = toText(a);
      if (typeof x !== "string") return x;
      const y = toText(b);
      return typeof y === "string" ? x + y : y;
    }
    if (op === "=" || op === "<>" || op === "<" || op === ">" || op === "<=" || op === ">=") {
      if (isUnknown(a) || isErr(a)) return a;
      if (isUnknown(b) || isErr(b)) return b;
      const c = compareScalars(a, b);
      return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    const x = toNumber(a);
    if (typeof x !== "number") return x;
    const y = toNumber(b);
    if (typeof y !== "number") return y;
    switch (op) {
      case "+":
        return x + y;
      case "-":
        return x - y;
      case "*":
        return x * y;
      case "/":
        return y === 0 ? DIV0 : x / y;
      case "^":
        return power(x, y);
      default:
        return UNKNOWN;
    }
  }
}

function needsCalculation(wb: WorkbookSnapshot, all: boolean): boolean {
  for (const s of wb.sheets) {
    const rows = s.cells;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if (cell !== undefined && cell.formula !== undefined && (all || cell.value === null)) return true;
      }
    }
  }
  return false;
}

/**
 * Computes the formulas that need it (those with no stored result, or all of them with `all`), in place: each gets
 * its value, or `uncomputed` and a null value when the evaluator cannot reproduce Excel exactly.
 */
export function calculateWorkbook(wb: WorkbookSnapshot, options: CalcOptions): CalcSummary {
  // The usual file holds Excel's results: one plain scan finds nothing to do and nothing is allocated.
  if (!needsCalculation(wb, options.all)) return { computed: 0, uncomputed: 0, examples: [] };
  const calc = new Calculator(wb, options.budget ?? DEFAULT_BUDGET);
  if (calc.mark(options.all) === 0) return calc.summary;
  calc.run();
  if (calc.summary.uncomputed) wb.uncomputedFormulas = calc.summary;
  return calc.summary;
}

/** One formula over a workbook, as the cell at (sheet, row, col) would compute it (tests and tools). */
export function evaluateFormula(wb: WorkbookSnapshot, sheet: string, row: number, col: number, formula: string): CellValue | "unknown" {
  const copy: WorkbookSnapshot = { ...wb, sheets: wb.sheets.map((s) => ({ ...s, cells: s.cells.map((r) => r?.map((c) => c && { ...c })) })) };
  const si = copy.sheets.findIndex((s) => s.name === sheet);
  const target = copy.sheets[si]!;
  const rowCells = (target.cells[row - 1] ??= []);
  rowCells[col - 1] = { value: null, formula };
  if (row > target.rowCount) target.rowCount = row;
  if (col > target.colCount) target.colCount = col;
  calculateWorkbook(copy, { all: false });
  const cell = target.cells[row - 1]![col - 1]!;
  return cell.uncomputed ? "unknown" : cell.value;
}
