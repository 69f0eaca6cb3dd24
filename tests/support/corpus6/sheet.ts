/**
 * corpus6's workbook in memory: cells with a value, an optional formula (its text as written) and the expression it
 * stands for, so that corpus6 computes every formula itself (a fault in one input shows in every result that
 * depends on it, as Excel would show it).
 */
export type Expr =
  | { k: "n"; v: number }
  | { k: "ref"; sheet?: string; r: number; c: number }
  | { k: "sum"; xs: Expr[] } // SUM-like: text and blanks ignored
  | { k: "add"; xs: Expr[] } // a+b+c: text gives #VALUE!
  | { k: "sub"; a: Expr; b: Expr }
  | { k: "mul"; a: Expr; b: Expr }
  | { k: "rate"; a: Expr; b: Expr } // IF(b=0,"",a/b)
  | { k: "err"; e: string };

export interface Cell {
  v: number | string | boolean | null;
  err?: string;
  f?: string; // formula text without "=", as written in the file
  e?: Expr; // what the formula (or the typed value, in a values-only workbook) computes
  fmt?: string; // number format code
  date?: boolean;
  /** written as rich text: first word bold */
  rich?: boolean;
}

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  widths: Map<number, number>;
  hiddenCols: Set<number>;
  hidden: boolean;
}
export interface Grid {
  sheets: Sheet[];
}

export const key = (r: number, c: number) => `${r},${c}`;
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
export const a1 = (r: number, c: number) => `${colLetter(c)}${r}`;
export function parseA1(s: string): { r: number; c: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(s.toUpperCase());
  if (!m) throw new Error(`bad address ${s}`);
  return { r: Number(m[2]), c: colNumber(m[1]!) };
}

export function newSheet(name: string): Sheet {
  return { name, cells: new Map(), merges: [], widths: new Map(), hiddenCols: new Set(), hidden: false };
}
export function setCell(s: Sheet, r: number, c: number, cell: Cell): void {
  s.cells.set(key(r, c), cell);
}
export const text = (s: Sheet, r: number, c: number, v: string) => setCell(s, r, c, { v });
export function getCell(g: Grid, sheet: string, r: number, c: number): Cell | undefined {
  return g.sheets.find((s) => s.name === sheet)?.cells.get(key(r, c));
}

const quoteSheet = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
function refText(e: Extract<Expr, { k: "ref" }>, here: string): string {
  return `${e.sheet && e.sheet !== here ? `${quoteSheet(e.sheet)}!` : ""}${a1(e.r, e.c)}`;
}

/** Contiguous refs of one column (or one row) as a range; else null. */
function asRange(xs: Expr[], here: string): string | null {
  if (xs.length < 2 || !xs.every((x) => x.k === "ref")) return null;
  const rs = xs;
  const sh = rs[0]!.sheet;
  if (!rs.every((x) => x.sheet === sh)) return null;
  const sameCol = rs.every((x, i) => x.c === rs[0]!.c && x.r === rs[0]!.r + i);
  const sameRow = rs.every((x, i) => x.r === rs[0]!.r && x.c === rs[0]!.c + i);
  if (!sameCol && !sameRow) return null;
  const last = rs[rs.length - 1]!;
  return `${refText(rs[0]!, here)}:${a1(last.r, last.c)}`;
}

export type SumStyle = "SUM" | "plus" | "SUBTOTAL" | "SUMlist";
/** The formula text of an expression, in one of the ways people write it. */
export function render(e: Expr, here: string, style: SumStyle = "SUM"): string {
  switch (e.k) {
    case "n":
      return String(e.v);
    case "ref":
      return refText(e, here);
    case "err":
      return e.e;
    case "sum": {
      const range = asRange(e.xs, here);
      if (style === "plus" || (!range && style !== "SUMlist" && e.xs.length <= 12)) return e.xs.map((x) => render(x, here, style)).join("+");
      if (style === "SUBTOTAL" && range) return `SUBTOTAL(9,${range})`;
      return `SUM(${range ?? e.xs.map((x) => render(x, here, style)).join(",")})`;
    }
    case "add":
      return e.xs.map((x) => render(x, here, style)).join("+");
    case "sub":
      return `${render(e.a, here, style)}-${wrap(e.b, here, style)}`;
    case "mul":
      return `${wrap(e.a, here, style)}*${wrap(e.b, here, style)}`;
    case "rate":
      return `IF(${wrap(e.b, here, style)}=0,"",${wrap(e.a, here, style)}/${wrap(e.b, here, style)})`;
  }
}
const wrap = (e: Expr, here: string, style: SumStyle) =>
  e.k === "add" || e.k === "sub" || (e.k === "sum" && style === "plus") ? `(${render(e, here, style)})` : render(e, here, style);

type Val = { n: number | null; s: string | null; err: string | null };
/** Recomputes every cell that carries an expression, in dependency order (Excel's semantics for + and SUM). */
export function evaluate(g: Grid): void {
  const done = new Map<string, Val>();
  const busy = new Set<string>();
  const sheetOf = new Map(g.sheets.map((s) => [s.name, s]));
  const cellVal = (sheet: string, r: number, c: number): Val => {
    const k = `${sheet}!${r},${c}`;
    const hit = done.get(k);
    if (hit) return hit;
    const cell = sheetOf.get(sheet)?.cells.get(key(r, c));
    let v: Val;
    if (!cell) v = { n: null, s: null, err: null };
    else if (cell.e) {
      if (busy.has(k)) throw new Error(`circular reference at ${k}`);
      busy.add(k);
      v = ev(cell.e, sheet);
      busy.delete(k);
      cell.err = v.err ?? undefined;
      cell.v = v.err ? null : v.n !== null ? v.n : (v.s ?? "");
    } else if (cell.err) v = { n: null, s: null, err: cell.err };
    else if (typeof cell.v === "number") v = { n: cell.v, s: null, err: null };
    else if (typeof cell.v === "boolean") v = { n: null, s: null, err: null };
    else v = { n: null, s: cell.v, err: null };
    done.set(k, v);
    return v;
  };
  const num = (n: number): Val => ({ n, s: null, err: null });
  const ev = (e: Expr, sheet: string): Val => {
    switch (e.k) {
      case "n":
        return num(e.v);
      case "err":
        return { n: null, s: null, err: e.e };
      case "ref":
        return cellVal(e.sheet ?? sheet, e.r, e.c);
      case "sum": {
        let t = 0;
        for (const x of e.xs) {
          const v = ev(x, sheet);
          if (v.err) return v;
          if (v.n !== null) t += v.n;
        }
        return num(t);
      }
      case "add": {
        let t = 0;
        for (const x of e.xs) {
          const v = arith(ev(x, sheet));
          if (v.err) return v;
          t += v.n ?? 0;
        }
        return num(t);
      }
      case "sub":
      case "mul": {
        const a = arith(ev(e.a, sheet));
        if (a.err) return a;
        const b = arith(ev(e.b, sheet));
        if (b.err) return b;
        return num(e.k === "sub" ? (a.n ?? 0) - (b.n ?? 0) : (a.n ?? 0) * (b.n ?? 0));
      }
      case "rate": {
        const b = arith(ev(e.b, sheet));
        if (b.err) return b;
        if (!b.n) return { n: null, s: "", err: null };
        const a = arith(ev(e.a, sheet));
        if (a.err) return a;
        return num((a.n ?? 0) / b.n);
      }
    }
  };
  // "" and blanks count as 0 in arithmetic; other text is #VALUE!
  const arith = (v: Val): Val => (v.err ? v : v.n !== null ? v : v.s && v.s.trim() !== "" ? { n: null, s: null, err: "#VALUE!" } : num(0));
  for (const s of g.sheets)
    for (const [k, c] of s.cells)
      if (c.e) {
        const [r, col] = k.split(",").map(Number) as [number, number];
        cellVal(s.name, r, col);
      }
}

/** A deep copy (faults are injected into copies). */
export function cloneGrid(g: Grid): Grid {
  return {
    sheets: g.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      merges: [...s.merges],
      widths: new Map(s.widths),
      hiddenCols: new Set(s.hiddenCols),
    })),
  };
}
