/**
 * corpus8's workbook in memory. Formulas are trees, not text: the generator builds them, `render` prints them as Excel
 * text for the writer, and `recompute` evaluates them as Excel would (SUM and SUBTOTAL skip text, + on text gives
 * #VALUE!, an error spreads), so a fault shows in every cell that depends on it.
 */
export type Ref = { sheet?: string; r: number; c: number };
export type Fx =
  | { t: "cell"; at: Ref }
  | { t: "range"; from: Ref; to: Ref }
  | { t: "sum"; args: Fx[]; subtotal?: boolean }
  | { t: "add"; args: Fx[] }
  | { t: "sub"; a: Fx; b: Fx }
  | { t: "ratio"; num: Fx; den: Fx; times100?: boolean };
export type Value = number | string | Date | boolean | null;
export interface Cell {
  v: Value;
  fx?: Fx;
  fmt?: string;
  bold?: boolean;
  error?: string;
}
export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  widths: Map<number, number>;
  hiddenCols: Set<number>;
  hidden?: boolean;
}
export interface Book {
  sheets: Sheet[];
}

export const key = (r: number, c: number) => `${r},${c}`;
export function letters(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const a1 = (r: number, c: number) => `${letters(c)}${r}`;

export function newSheet(name: string): Sheet {
  return { name, cells: new Map(), merges: [], widths: new Map(), hiddenCols: new Set() };
}
export function put(s: Sheet, r: number, c: number, v: Value, extra: Partial<Cell> = {}): Cell {
  const cell: Cell = { v, ...extra };
  s.cells.set(key(r, c), cell);
  return cell;
}
export const cellAt = (s: Sheet, r: number, c: number) => s.cells.get(key(r, c));
export const cellRef = (r: number, c: number, sheet?: string): Fx => ({ t: "cell", at: { r, c, sheet } });
export const rangeRef = (r1: number, c1: number, r2: number, c2: number, sheet?: string): Fx => ({
  t: "range",
  from: { r: r1, c: c1, sheet },
  to: { r: r2, c: c2, sheet },
});

export function cloneBook(b: Book): Book {
  return {
    sheets: b.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      merges: s.merges.map((m) => ({ ...m })),
      widths: new Map(s.widths),
      hiddenCols: new Set(s.hiddenCols),
    })),
  };
}

const quoteSheet = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
const refText = (x: Ref, home: string) => `${x.sheet && x.sheet !== home ? `${quoteSheet(x.sheet)}!` : ""}${a1(x.r, x.c)}`;

/** An operand of / or of the right side of -: a sum of terms in parentheses. */
const operand = (f: Fx, home: string) => (f.t === "add" || f.t === "sub" ? `(${render(f, home)})` : render(f, home));

/** The formula as Excel text, without the leading « = ». */
export function render(f: Fx, home: string): string {
  switch (f.t) {
    case "cell":
      return refText(f.at, home);
    case "range":
      return `${refText(f.from, home)}:${a1(f.to.r, f.to.c)}`;
    case "sum":
      return f.subtotal ? `SUBTOTAL(9,${f.args.map((a) => render(a, home)).join(",")})` : `SUM(${f.args.map((a) => render(a, home)).join(",")})`;
    case "add":
      return f.args.map((a) => render(a, home)).join("+");
    case "sub":
      return `${render(f.a, home)}-${operand(f.b, home)}`;
    case "ratio": {
      const d = operand(f.den, home);
      const q = `${operand(f.num, home)}/${d}${f.times100 ? "*100" : ""}`;
      return `IF(${d}=0,"",${q})`;
    }
  }
}

type Out = number | string | { err: string };
const isErr = (x: Out): x is { err: string } => typeof x === "object";

/** Evaluates every formula of the book again (after a fault), in dependency order by recursion. */
export function recompute(b: Book): void {
  const byName = new Map(b.sheets.map((s) => [s.name, s]));
  const done = new Map<string, Out>();
  const valueOf = (s: Sheet, r: number, c: number): Out => {
    const k = `${s.name}!${key(r, c)}`;
    const hit = done.get(k);
    if (hit !== undefined) return hit;
    const cell = cellAt(s, r, c);
    let out: Out;
    if (!cell) out = "";
    else if (cell.error) out = { err: cell.error };
    else if (cell.fx) {
      done.set(k, { err: "#CIRC" });
      out = evalFx(cell.fx, s);
      if (isErr(out)) {
        cell.error = out.err;
        cell.v = null;
      } else cell.v = out;
    } else out = typeof cell.v === "number" ? cell.v : cell.v === null ? "" : typeof cell.v === "string" ? cell.v : 0;
    done.set(k, out);
    return out;
  };
  const cells = (f: Fx, home: Sheet): Out[] => {
    if (f.t === "range") {
      const s = byName.get(f.from.sheet ?? home.name)!;
      const xs: Out[] = [];
      for (let r = f.from.r; r <= f.to.r; r++) for (let c = f.from.c; c <= f.to.c; c++) xs.push(valueOf(s, r, c));
      return xs;
    }
    return [evalFx(f, home)];
  };
  const num = (x: Out): Out => (isErr(x) ? x : typeof x === "number" ? x : x === "" ? 0 : { err: "#VALUE!" });
  const evalFx = (f: Fx, home: Sheet): Out => {
    switch (f.t) {
      case "cell":
        return valueOf(byName.get(f.at.sheet ?? home.name)!, f.at.r, f.at.c);
      case "range":
        return { err: "#VALUE!" };
      case "sum": {
        let t = 0;
        for (const a of f.args)
          for (const x of cells(a, home)) {
            if (isErr(x)) return x;
            if (typeof x === "number") t += x;
          }
        return t;
      }
      case "add": {
        let t = 0;
        for (const a of f.args) {
          const x = num(evalFx(a, home));
          if (isErr(x)) return x;
          t += x as number;
        }
        return t;
      }
      case "sub": {
        const x = num(evalFx(f.a, home));
        const y = num(evalFx(f.b, home));
        return isErr(x) ? x : isErr(y) ? y : (x as number) - (y as number);
      }
      case "ratio": {
        const d = num(evalFx(f.den, home));
        if (isErr(d)) return d;
        if (d === 0) return "";
        const n = num(evalFx(f.num, home));
        return isErr(n) ? n : ((n as number) / (d as number)) * (f.times100 ? 100 : 1);
      }
    }
  };
  for (const s of b.sheets) {
    for (const cell of s.cells.values()) if (cell.fx) cell.error = undefined;
  }
  for (const s of b.sheets)
    for (const [k, cell] of s.cells)
      if (cell.fx) {
        const [r, c] = k.split(",").map(Number) as [number, number];
        valueOf(s, r, c);
      }
}

/** A number at a cell, text and blanks as 0 (what the arithmetic reads), null for an error. */
export function numAt(s: Sheet, r: number, c: number): number | null {
  const cell = cellAt(s, r, c);
  if (!cell) return 0;
  if (cell.error) return null;
  return typeof cell.v === "number" ? cell.v : 0;
}

/** Merges that overlap another or hide a value under their top-left cell, as « sheet A1: what ». */
export function mergeProblems(s: Sheet): string[] {
  const owner = new Map<string, string>();
  const out: string[] = [];
  for (const m of s.merges) {
    const name = `${a1(m.r1, m.c1)}:${a1(m.r2, m.c2)}`;
    for (let r = m.r1; r <= m.r2; r++)
      for (let c = m.c1; c <= m.c2; c++) {
        const k = key(r, c);
        if (owner.has(k)) out.push(`${s.name} ${a1(r, c)}: in ${owner.get(k)} and ${name}`);
        owner.set(k, name);
        const v = s.cells.get(k)?.v;
        if ((r > m.r1 || c > m.c1) && v !== null && v !== undefined && v !== "") out.push(`${s.name} ${a1(r, c)}: value under ${name}`);
      }
  }
  return out;
}
