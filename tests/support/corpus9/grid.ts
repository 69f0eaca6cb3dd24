/**
 * corpus9's workbook before it is written: cells by row and column (1-based), each a value, or a formula with the
 * function that computes it (so a fault changes every formula that depends on it, as a spreadsheet recalculates),
 * merges, hidden rows and columns, widths.
 */
export type Value = number | string | boolean | null;
export interface Cell {
  v: Value;
  /** formula text without « = » */
  f?: string;
  calc?: (get: Getter) => number | "";
  fmt?: string;
  bold?: boolean;
  /** an Excel error value (#REF!…) */
  err?: string;
}
export type Getter = (sheet: string, r: number, c: number) => number;
export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: [number, number, number, number][];
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  widths: Map<number, number>;
  state?: "hidden";
}
export interface Book {
  sheets: Sheet[];
}

export const key = (r: number, c: number) => `${r},${c}`;
export const newSheet = (name: string): Sheet => ({ name, cells: new Map(), merges: [], hiddenCols: new Set(), hiddenRows: new Set(), widths: new Map() });
export function col(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const a1 = (r: number, c: number) => `${col(c)}${r}`;
export function setCell(s: Sheet, r: number, c: number, v: Value, extra: Partial<Cell> = {}): Cell {
  const cell: Cell = { v, ...extra };
  s.cells.set(key(r, c), cell);
  return cell;
}
export const cellOf = (s: Sheet, r: number, c: number) => s.cells.get(key(r, c));
export const numOf = (s: Sheet, r: number, c: number) => {
  const v = cellOf(s, r, c)?.v;
  return typeof v === "number" ? v : 0;
};

/** A formula: its text and how it computes. */
export interface Fx {
  f: string;
  calc: (get: Getter) => number | "";
}
const q = (sheet: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) && !/^[A-Z]{1,3}\d+$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`);
/** A reference to a cell, qualified by its sheet when it lies on another. */
export interface Ref {
  sheet: string;
  r: number;
  c: number;
}
const txt = (from: string, x: Ref) => (x.sheet === from ? a1(x.r, x.c) : `${q(x.sheet)}!${a1(x.r, x.c)}`);

export const fx = {
  sum(from: string, sheet: string, c: number, r1: number, r2: number): Fx {
    const pre = sheet === from ? "" : `${q(sheet)}!`;
    return {
      f: `SUM(${pre}${a1(r1, c)}:${a1(r2, c)})`,
      calc: (get) => {
        let t = 0;
        for (let r = r1; r <= r2; r++) t += get(sheet, r, c);
        return t;
      },
    };
  },
  plus(from: string, xs: Ref[], style: "plus" | "sum" = "plus"): Fx {
    const parts = xs.map((x) => txt(from, x));
    return {
      f: style === "sum" ? `SUM(${parts.join(",")})` : parts.join("+"),
      calc: (get) => xs.reduce((t, x) => t + get(x.sheet, x.r, x.c), 0),
    };
  },
  minus(from: string, a: Ref, b: Ref): Fx {
    return { f: `${txt(from, a)}-${txt(from, b)}`, calc: (get) => get(a.sheet, a.r, a.c) - get(b.sheet, b.r, b.c) };
  },
  /** num / (den…), blank when the denominator is 0; times 100 for rates kept as percent numbers */
  ratio(from: string, num: Ref, den: Ref[], times: number): Fx {
    const d = den.length === 1 ? txt(from, den[0]!) : `(${den.map((x) => txt(from, x)).join("+")})`;
    return {
      f: `IF(${d}=0,"",${txt(from, num)}/${d}${times === 1 ? "" : `*${times}`})`,
      calc: (get) => {
        const dv = den.reduce((t, x) => t + get(x.sheet, x.r, x.c), 0);
        return dv === 0 ? "" : (get(num.sheet, num.r, num.c) / dv) * times;
      },
    };
  },
  /** a copy of a cell on another sheet */
  ref(from: string, x: Ref): Fx {
    return { f: txt(from, x), calc: (get) => get(x.sheet, x.r, x.c) };
  },
};

export function putFx(s: Sheet, r: number, c: number, x: Fx, extra: Partial<Cell> = {}): Cell {
  return setCell(s, r, c, null, { f: x.f, calc: x.calc, ...extra });
}

/** Every formula's value from the cells it reads, as a spreadsheet recalculates (passes until nothing moves). */
export function recalc(book: Book): void {
  const by = new Map(book.sheets.map((s) => [s.name, s]));
  const get: Getter = (sheet, r, c) => {
    const v = by.get(sheet)?.cells.get(key(r, c))?.v;
    return typeof v === "number" ? v : 0;
  };
  for (let pass = 0; pass < 6; pass++) {
    let moved = false;
    for (const s of book.sheets)
      for (const cell of s.cells.values()) {
        if (!cell.calc || cell.err) continue;
        const v = cell.calc(get);
        const nv = v === "" ? "" : Math.round(v * 1e9) / 1e9;
        if (nv !== cell.v) {
          cell.v = nv;
          moved = true;
        }
      }
    if (!moved) return;
  }
}

export function cloneBook(b: Book): Book {
  return {
    sheets: b.sheets.map((s) => ({
      ...s,
      cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
      merges: s.merges.map((m) => [...m] as [number, number, number, number]),
      hiddenCols: new Set(s.hiddenCols),
      hiddenRows: new Set(s.hiddenRows),
      widths: new Map(s.widths),
    })),
  };
}
