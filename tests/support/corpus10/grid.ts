/**
 * corpus10's cell grid: values and formulas kept as small expression trees so that a fault can change a cell and
 * every formula that reads it is recalculated before the file is written (cached results stay true).
 */
export const letters = (c: number): string => {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};
export const ref = (r: number, c: number) => `${letters(c)}${r}`;

/** A formula: SUM of ranges/cells, a sum of cells, a difference or a ratio (Excel's IFERROR-free forms). */
export type Expr =
  | { op: "sum"; ranges: { r1: number; c1: number; r2: number; c2: number; sheet?: string }[] }
  | { op: "plus"; cells: { r: number; c: number; sheet?: string }[] }
  | { op: "minus"; a: { r: number; c: number }; b: { r: number; c: number } }
  | { op: "div"; a: { r: number; c: number }; b: { r: number; c: number }[] };

export type Value = number | string | Date | { error: string } | null;
export interface Cell {
  v: Value;
  f?: Expr;
  fmt?: string;
  bold?: boolean;
  wrap?: boolean;
  /** the formula is written to the file (else only its value: a style that types its totals) */
  keep?: boolean;
  /** a rate typed rounded to a whole percent */
  round2?: boolean;
}
export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  widths: Map<number, number>;
  hidden: Set<number>;
  hiddenRows: Set<number>;
}
export interface Book {
  sheets: Sheet[];
}
export const newSheet = (name: string): Sheet => ({ name, cells: new Map(), merges: [], widths: new Map(), hidden: new Set(), hiddenRows: new Set() });
export const key = (r: number, c: number) => `${r},${c}`;

const sheetRef = (s: string | undefined, own: string) => (s && s !== own ? `'${s.replace(/'/g, "''")}'!` : "");
export function formulaText(e: Expr, own: string): string {
  switch (e.op) {
    case "sum":
      return `SUM(${e.ranges.map((x) => sheetRef(x.sheet, own) + (x.r1 === x.r2 && x.c1 === x.c2 ? ref(x.r1, x.c1) : `${ref(x.r1, x.c1)}:${ref(x.r2, x.c2)}`)).join(",")})`;
    case "plus":
      return e.cells.map((x) => sheetRef(x.sheet, own) + ref(x.r, x.c)).join("+");
    case "minus":
      return `${ref(e.a.r, e.a.c)}-${ref(e.b.r, e.b.c)}`;
    case "div":
      return e.b.length === 1 ? `${ref(e.a.r, e.a.c)}/${ref(e.b[0]!.r, e.b[0]!.c)}` : `${ref(e.a.r, e.a.c)}/(${e.b.map((x) => ref(x.r, x.c)).join("+")})`;
  }
}

/** Every formula's value from the cells it reads, as Excel would compute it. */
export function recalc(book: Book): void {
  const done = new Set<string>();
  const byName = new Map(book.sheets.map((s) => [s.name, s]));
  const num = (v: Value) => (typeof v === "number" ? v : 0);
  const get = (s: Sheet, r: number, c: number): Value => {
    const k = key(r, c);
    const cell = s.cells.get(k);
    if (!cell) return null;
    if (cell.f && !done.has(`${s.name}|${k}`)) {
      done.add(`${s.name}|${k}`);
      const v = evalExpr(s, cell.f);
      cell.v = cell.round2 && typeof v === "number" ? Math.round(v * 100) / 100 : v;
    }
    return cell.v;
  };
  const evalExpr = (s: Sheet, e: Expr): Value => {
    switch (e.op) {
      case "sum": {
        let t = 0;
        for (const x of e.ranges) {
          const sh = x.sheet ? byName.get(x.sheet)! : s;
          for (let r = x.r1; r <= x.r2; r++) for (let c = x.c1; c <= x.c2; c++) t += num(get(sh, r, c));
        }
        return round(t);
      }
      case "plus":
        return round(e.cells.reduce((t, x) => t + num(get(x.sheet ? byName.get(x.sheet)! : s, x.r, x.c)), 0));
      case "minus":
        return round(num(get(s, e.a.r, e.a.c)) - num(get(s, e.b.r, e.b.c)));
      case "div": {
        const b = e.b.reduce((t, x) => t + num(get(s, x.r, x.c)), 0);
        return b === 0 ? { error: "#DIV/0!" } : num(get(s, e.a.r, e.a.c)) / b;
      }
    }
  };
  for (const s of book.sheets) for (const [k, cell] of s.cells) if (cell.f) get(s, Number(k.split(",")[0]), Number(k.split(",")[1]));
}
/** Cents kept exact through the sums (no 0.1 + 0.2 drift in cached results). */
export const round = (x: number) => Math.round(x * 100) / 100;
