/**
 * corpus5's own in-memory workbook: cells with values or formulas, merges, hidden and outlined rows and columns,
 * frozen panes, Excel Tables. Formulas are evaluated here (a small evaluator of the formulas corpus5 writes), so that a
 * fault in one input shows in every result that depends on it, as Excel shows it.
 */
export interface CellError {
  error: string;
}
export type Value = number | string | boolean | null | CellError;
export interface Cell {
  v: Value;
  f?: string;
  fmt?: string;
  bold?: boolean;
  wrap?: boolean;
  /** written as rich text: its first word bold, the rest plain (headers typed with partial formatting) */
  rich?: boolean;
  /** a cell note (comment) */
  note?: string;
}
export interface TableDef {
  name: string;
  ref: string;
  /** Totals row written by Excel as SUBTOTAL(109, …): not used; corpus5 keeps its TOTAL under the table. */
}
export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  widths: Map<number, number>;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  outlineCols: Map<number, number>;
  outlineRows: Map<number, number>;
  frozen?: { row: number; col: number };
  autoFilter?: string;
  /**
   * An Excel Table over top..bottom. With `totalsRow`, its last row is the table's totals row: SUBTOTAL(109, Table[Col])
   * where `structured` (no sub-totals inside), else the row's own formulas; the grid keeps A1 formulas to evaluate.
   */
  table?: { name: string; top: number; left: number; bottom: number; right: number; totalsRow?: boolean; structured?: boolean };
  state: "visible" | "hidden";
  validations?: { ref: string; list: string }[];
  condFormats?: string[];
  protect?: boolean;
  printTitles?: string;
}
export interface Grid {
  sheets: Sheet[];
  /** Write formulas without cached values (a workbook saved by a tool that does not calculate). */
  noCache: boolean;
  /** workbook names (Total_FIR, a print area…) */
  names?: { name: string; ref: string }[];
}

export const isErr = (v: Value): v is CellError => typeof v === "object" && v !== null;

export function colLetter(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export function colNumber(l: string): number {
  let n = 0;
  for (const ch of l.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
export const addr = (r: number, c: number) => `${colLetter(c)}${r}`;
export const key = (r: number, c: number) => `${r},${c}`;
export function parseAddr(a: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) throw new Error(`bad address ${a}`);
  return { r: Number(m[2]), c: colNumber(m[1] as string) };
}

export function newSheet(name: string): Sheet {
  return {
    name,
    cells: new Map(),
    merges: [],
    widths: new Map(),
    hiddenCols: new Set(),
    hiddenRows: new Set(),
    outlineCols: new Map(),
    outlineRows: new Map(),
    state: "visible",
  };
}
export function sheetOf(g: Grid, name: string): Sheet {
  const s = g.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}
export function setCell(s: Sheet, r: number, c: number, cell: Cell): void {
  s.cells.set(key(r, c), cell);
}
export function getCell(s: Sheet, r: number, c: number): Cell | undefined {
  return s.cells.get(key(r, c));
}
export function merge(s: Sheet, r1: number, c1: number, r2: number, c2: number): void {
  if (r1 === r2 && c1 === c2) return;
  s.merges.push(`${addr(r1, c1)}:${addr(r2, c2)}`);
}
export function cloneGrid(g: Grid): Grid {
  return {
    noCache: g.noCache,
    names: g.names?.map((n) => ({ ...n })),
    sheets: g.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      merges: [...s.merges],
      widths: new Map(s.widths),
      hiddenCols: new Set(s.hiddenCols),
      hiddenRows: new Set(s.hiddenRows),
      outlineCols: new Map(s.outlineCols),
      outlineRows: new Map(s.outlineRows),
      table: s.table ? { ...s.table } : undefined,
      validations: s.validations?.map((v) => ({ ...v })),
      condFormats: s.condFormats ? [...s.condFormats] : undefined,
    })),
  };
}

// ---- formula evaluation -------------------------------------------------------------------------------------------
type Tok = { t: "num" | "str" | "ref" | "range" | "id" | "op" | "("; v: string; sheet?: string };

function lex(src: string, here: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const re = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?/;
  while (i < src.length) {
    const ch = src[i] as string;
    if (ch === " ") {
      i++;
      continue;
    }
    const rest = src.slice(i);
    let m = /^\d+(?:\.\d+)?/.exec(rest);
    if (m) {
      out.push({ t: "num", v: m[0] });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      const j = src.indexOf('"', i + 1);
      out.push({ t: "str", v: src.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    m = re.exec(rest);
    if (m && !/^[A-Z]+\(/.test(rest.slice(0, m[0].length + 1))) {
      const sheet = m[1] ? m[1].replace(/''/g, "'") : (m[2] ?? here);
      out.push({ t: m[4] ? "range" : "ref", v: m[4] ? `${m[3]}:${m[4]}` : (m[3] as string), sheet });
      i += m[0].length;
      continue;
    }
    m = /^[A-Z][A-Z0-9.]*/.exec(rest);
    if (m) {
      out.push({ t: "id", v: m[0] });
      i += m[0].length;
      continue;
    }
    m = /^(<>|<=|>=|[-+*/=<>,()&])/.exec(rest);
    if (m) {
      out.push({ t: m[0] === "(" ? "(" : "op", v: m[0] });
      i += m[0].length;
      continue;
    }
    throw new Error(`cannot lex ${src} at ${i}`);
  }
  return out;
}

type Ev = Value | Value[];

export class Evaluator {
  private memo = new Map<string, Value>();
  constructor(private g: Grid) {}

  value(sheet: string, r: number, c: number): Value {
    const k = `${sheet}!${r},${c}`;
    if (this.memo.has(k)) return this.memo.get(k) as Value;
    const s = this.g.sheets.find((x) => x.name === sheet);
    const cell = s?.cells.get(key(r, c));
    if (!cell) return null;
    if (!cell.f) return cell.v;
    this.memo.set(k, { error: "#CYCLE" });
    const v = this.formula(cell.f, sheet);
    this.memo.set(k, v);
    return v;
  }

  formula(f: string, sheet: string): Value {
    const toks = lex(f.replace(/^=/, ""), sheet);
    let p = 0;
    const peek = () => toks[p];
    const scalar = (x: Ev): Value => (Array.isArray(x) ? (x[0] ?? null) : x);
    const num = (x: Value): number | CellError => {
      if (isErr(x)) return x;
      if (x === null || x === "") return 0;
      if (typeof x === "number") return x;
      if (typeof x === "boolean") return x ? 1 : 0;
      return { error: "#VALUE!" };
    };
    const arith = (a: Value, b: Value, op: string): Value => {
      const x = num(a);
      const y = num(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      switch (op) {
        case "+":
          return x + y;
        case "-":
          return x - y;
        case "*":
          return x * y;
        case "/":
          return y === 0 ? { error: "#DIV/0!" } : x / y;
      }
      throw new Error(op);
    };
    const cmp = (a: Value, b: Value, op: string): Value => {
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      const x = a === null ? (typeof b === "string" ? "" : 0) : a;
      const y = b === null ? (typeof a === "string" ? "" : 0) : b;
      switch (op) {
        case "=":
          return x === y;
        case "<>":
          return x !== y;
        case "<":
          return (x as number) < (y as number);
        case ">":
          return (x as number) > (y as number);
        case "<=":
          return (x as number) <= (y as number);
        case ">=":
          return (x as number) >= (y as number);
      }
      throw new Error(op);
    };
    const expr = (): Ev => comparison();
    const comparison = (): Ev => {
      let a = additive();
      while (peek()?.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(peek()!.v)) {
        const op = toks[p++]!.v;
        a = cmp(scalar(a), scalar(additive()), op);
      }
      return a;
    };
    const additive = (): Ev => {
      let a = term();
      while (peek()?.t === "op" && (peek()!.v === "+" || peek()!.v === "-")) {
        const op = toks[p++]!.v;
        a = arith(scalar(a), scalar(term()), op);
      }
      return a;
    };
    const term = (): Ev => {
      let a = unary();
      while (peek()?.t === "op" && (peek()!.v === "*" || peek()!.v === "/")) {
        const op = toks[p++]!.v;
        a = arith(scalar(a), scalar(unary()), op);
      }
      return a;
    };
    const unary = (): Ev => {
      if (peek()?.t === "op" && peek()!.v === "-") {
        p++;
        return arith(0, scalar(unary()), "-");
      }
      return primary();
    };
    const args = (): Ev[] => {
      const out: Ev[] = [];
      p++; // (
      if (peek()?.t === "op" && peek()!.v === ")") {
        p++;
        return out;
      }
      for (;;) {
        out.push(expr());
        const t = toks[p++];
        if (!t || t.v === ")") break;
      }
      return out;
    };
    const primary = (): Ev => {
      const t = toks[p++];
      if (!t) throw new Error(`bad formula ${f}`);
      if (t.t === "num") return Number(t.v);
      if (t.t === "str") return t.v;
      if (t.t === "(") {
        const v = expr();
        p++;
        return v;
      }
      if (t.t === "ref") {
        const a = parseAddr(t.v);
        return this.value(t.sheet!, a.r, a.c);
      }
      if (t.t === "range") {
        const [x, y] = t.v.split(":").map(parseAddr) as [{ r: number; c: number }, { r: number; c: number }];
        const vs: Value[] = [];
        for (let r = x.r; r <= y.r; r++) for (let c = x.c; c <= y.c; c++) vs.push(this.value(t.sheet!, r, c));
        return vs;
      }
      if (t.t === "id") {
        const a = args();
        const flat = (xs: Ev[]) => xs.flatMap((x) => (Array.isArray(x) ? x : [x]));
        switch (t.v) {
          case "SUM":
          case "SUBTOTAL": {
            const xs = t.v === "SUBTOTAL" ? a.slice(1) : a;
            let s = 0;
            for (const v of flat(xs)) {
              if (isErr(v)) return v;
              if (typeof v === "number") s += v;
            }
            return s;
          }
          case "IF": {
            const c = scalar(a[0] ?? null);
            if (isErr(c)) return c;
            return scalar((c ? a[1] : a[2]) ?? false);
          }
          case "IFERROR": {
            const v = scalar(a[0] ?? null);
            return isErr(v) ? scalar(a[1] ?? null) : v;
          }
          case "ROUND": {
            const v = num(scalar(a[0] ?? null));
            const d = num(scalar(a[1] ?? 0));
            if (isErr(v)) return v;
            if (isErr(d)) return d;
            return Math.round(v * 10 ** d) / 10 ** d;
          }
        }
        throw new Error(`function ${t.v}`);
      }
      throw new Error(`bad token in ${f}`);
    };
    const v = scalar(expr());
    return typeof v === "number" && !Number.isFinite(v) ? { error: "#NUM!" } : v;
  }
}

/** Every formula cell's cached value, computed again (after a fault changed an input). */
export function recalc(g: Grid): void {
  const ev = new Evaluator(g);
  for (const s of g.sheets)
    for (const [k, cell] of s.cells)
      if (cell.f) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        cell.v = ev.value(s.name, r, c);
      }
}
