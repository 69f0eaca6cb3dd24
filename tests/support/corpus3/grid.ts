// A workbook as corpus3 builds it: cells with values or small formulas that keep their cached result, recomputed
// after a fault is injected (as Excel would on save), then written to a real .xlsx with ExcelJS.
import ExcelJS from "exceljs";

export type Ref = { r: number; c: number };
/** The formulas corpus3 writes: sums (range, list or a+b), a difference, a guarded ratio. */
export type Calc =
  | { kind: "sum"; refs: Ref[]; style: "range" | "list" | "plus"; text?: string }
  | { kind: "diff"; a: Ref; b: Ref }
  | { kind: "ratio"; num: Ref; den: Ref[]; guard: boolean };

export type Value = number | string | Date | null | { error: string };
export interface GCell {
  v: Value;
  calc?: Calc;
  fmt?: string;
  bold?: boolean;
  wrap?: boolean;
  /** Written as a formula with this exact text (faults: a SUM that stops short, a #REF!). */
  rawFormula?: string;
}
export interface GSheet {
  name: string;
  cells: Map<string, GCell>;
  merges: Array<[number, number, number, number]>;
  widths: Map<number, number>;
  hidden: Set<number>;
  heights: Map<number, number>;
  autoFilter?: string;
}
export interface GBook {
  sheets: GSheet[];
}

export const key = (r: number, c: number) => `${r},${c}`;

export function newSheet(name: string): GSheet {
  return { name, cells: new Map(), merges: [], widths: new Map(), hidden: new Set(), heights: new Map() };
}

export function setCell(s: GSheet, r: number, c: number, cell: GCell): void {
  s.cells.set(key(r, c), cell);
}

export function getCell(s: GSheet, r: number, c: number): GCell | undefined {
  return s.cells.get(key(r, c));
}

export function letters(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
export const addr = (r: number, c: number) => `${letters(c)}${r}`;

function refText(x: Ref): string {
  return addr(x.r, x.c);
}

function sumText(refs: Ref[], style: "range" | "list" | "plus"): string {
  if (style === "range") {
    const sameCol = refs.every((x) => x.c === refs[0]!.c);
    const sameRow = refs.every((x) => x.r === refs[0]!.r);
    const rows = refs.map((x) => x.r);
    const cols = refs.map((x) => x.c);
    const contiguous = (xs: number[]) => xs.every((v, i) => i === 0 || v === xs[i - 1]! + 1);
    if (refs.length > 1 && sameCol && contiguous(rows)) return `SUM(${refText(refs[0]!)}:${refText(refs[refs.length - 1]!)})`;
    if (refs.length > 1 && sameRow && contiguous(cols)) return `SUM(${refText(refs[0]!)}:${refText(refs[refs.length - 1]!)})`;
    // Runs of contiguous rows as ranges.
    if (sameCol) {
      const parts: string[] = [];
      let i = 0;
      while (i < refs.length) {
        let j = i;
        while (j + 1 < refs.length && refs[j + 1]!.r === refs[j]!.r + 1) j++;
        parts.push(j > i ? `${refText(refs[i]!)}:${refText(refs[j]!)}` : refText(refs[i]!));
        i = j + 1;
      }
      return `SUM(${parts.join(",")})`;
    }
  }
  if (style === "plus") return refs.map(refText).join("+");
  return `SUM(${refs.map(refText).join(",")})`;
}

export function formulaText(c: Calc): string {
  switch (c.kind) {
    case "sum":
      // `text`: the formula as the sheet words it when it differs from a plain sum of refs (SUBTOTAL(9, …) over a span
      // that holds other SUBTOTALs, which Excel leaves out).
      return c.text ?? sumText(c.refs, c.style);
    case "diff":
      return `${refText(c.a)}-${refText(c.b)}`;
    case "ratio": {
      const den = c.den.length === 1 ? refText(c.den[0]!) : `(${c.den.map(refText).join("+")})`;
      return c.guard ? `IF(${den}=0,"",${refText(c.num)}/${den})` : `${refText(c.num)}/${den}`;
    }
  }
}

const num = (v: Value | undefined): number => (typeof v === "number" ? v : 0);

/** Recomputes every formula's cached result, in as many passes as the dependencies need. */
export function recompute(book: GBook): void {
  for (const s of book.sheets) {
    for (let pass = 0; pass < 12; pass++) {
      let changed = false;
      for (const cell of s.cells.values()) {
        if (!cell.calc || cell.rawFormula) continue;
        const val = (x: Ref) => num(s.cells.get(key(x.r, x.c))?.v);
        let v: Value;
        const c = cell.calc;
        if (c.kind === "sum") v = c.refs.reduce((a, x) => a + val(x), 0);
        else if (c.kind === "diff") v = val(c.a) - val(c.b);
        else {
          const d = c.den.reduce((a, x) => a + val(x), 0);
          v = d === 0 ? (c.guard ? "" : { error: "#DIV/0!" }) : val(c.num) / d;
        }
        if (typeof v === "number") v = Math.round(v * 1e6) / 1e6;
        const same = typeof v === "object" && v !== null ? JSON.stringify(v) === JSON.stringify(cell.v) : v === cell.v;
        if (!same) {
          cell.v = v;
          changed = true;
        }
      }
      if (!changed) break;
    }
  }
}

export function toExcel(book: GBook): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name);
    for (const [k, cell] of s.cells) {
      const [r, c] = k.split(",").map(Number) as [number, number];
      const x = ws.getCell(r, c);
      const v = cell.v;
      if (cell.rawFormula || cell.calc) {
        const result = typeof v === "number" || typeof v === "string" ? v : v && typeof v === "object" && "error" in v ? { error: v.error } : undefined;
        x.value = { formula: cell.rawFormula ?? formulaText(cell.calc!), result } as ExcelJS.CellFormulaValue;
      } else if (v && typeof v === "object" && "error" in v) x.value = { error: v.error } as ExcelJS.CellErrorValue;
      else if (v !== null && v !== "") x.value = v;
      if (cell.fmt) x.numFmt = cell.fmt;
      if (cell.bold) x.font = { bold: true };
      if (cell.wrap) x.alignment = { wrapText: true, vertical: "middle" };
    }
    for (const [c, w] of s.widths) ws.getColumn(c).width = w;
    for (const c of s.hidden) ws.getColumn(c).hidden = true;
    for (const [r, h] of s.heights) ws.getRow(r).height = h;
    for (const [r1, c1, r2, c2] of s.merges) ws.mergeCells(r1, c1, r2, c2);
    if (s.autoFilter) ws.autoFilter = s.autoFilter;
  }
  return wb;
}

export async function writeBook(book: GBook, file: string): Promise<void> {
  await toExcel(book).xlsx.writeFile(file);
}
