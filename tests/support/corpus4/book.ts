// corpus4's own workbook model: cells with a value and an optional formula, merges, widths, hidden rows and columns,
// frozen panes. Written to .xlsx by xlsx.ts under one of four writer flavours.

export type Value = number | string | boolean | null | { error: string };

export interface Cell {
  /** The value (for a formula: the result, computed by formula.ts). */
  v: Value;
  /** A formula without its leading "=". */
  f?: string;
  /** Style key (see xlsx.ts STYLES). */
  s?: StyleKey;
}

export type StyleKey = "text" | "head" | "title" | "int" | "cents" | "acct" | "pct" | "pct1" | "date" | "bold-int" | "bold-cents" | "wrap";

export interface Sheet {
  name: string;
  cells: Map<string, Cell>;
  merges: string[];
  widths: Map<number, number>;
  hiddenCols: Set<number>;
  hiddenRows: Set<number>;
  freeze?: { row: number; col: number };
  state?: "hidden";
  autoFilter?: string;
}

export interface Book {
  sheets: Sheet[];
}

export function newSheet(name: string): Sheet {
  return { name, cells: new Map(), merges: [], widths: new Map(), hiddenCols: new Set(), hiddenRows: new Set() };
}

/** 1 -> A, 28 -> AB. */
export function colLetter(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

export const addr = (row: number, col: number) => `${colLetter(col)}${row}`;

export function parseAddr(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a.toUpperCase());
  if (!m) throw new Error(`bad address ${a}`);
  return { col: colNumber(m[1]!), row: Number(m[2]) };
}

export function setCell(sh: Sheet, row: number, col: number, v: Value, s?: StyleKey, f?: string): void {
  const c: Cell = { v };
  if (s) c.s = s;
  if (f !== undefined) c.f = f;
  sh.cells.set(addr(row, col), c);
}

export function getCell(sh: Sheet, row: number, col: number): Cell | undefined {
  return sh.cells.get(addr(row, col));
}

export function merge(sh: Sheet, r1: number, c1: number, r2: number, c2: number): void {
  if (r1 === r2 && c1 === c2) return;
  sh.merges.push(`${addr(r1, c1)}:${addr(r2, c2)}`);
}

/** A sheet name as a formula prefix: 'Budget détaillé'!C4. */
export const sheetRef = (name: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
