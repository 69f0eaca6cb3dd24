// A1 references inside a formula: found, and rewritten (column insertion, range extension).
// String literals are left alone; function names such as LOG10( are not references.
import { colToLetters, lettersToCol } from "./a1";

export interface Ref {
  start: number;
  end: number;
  sheet: string | null;
  c1: number;
  r1: number;
  c2: number;
  r2: number;
  abs: [boolean, boolean, boolean, boolean];
  isRange: boolean;
}

const REF = /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_(!])/g;

const STRING_LITERAL = /"(?:[^"]|"")*"/g;
const NAME_CHAR = /[A-Za-z0-9_.$]/;

export function findRefs(formula: string): Ref[] {
  const refs: Ref[] = [];
  // Blank out string literals so that nothing inside quotes is taken for a reference.
  const masked = formula.includes('"') ? formula.replace(STRING_LITERAL, (m) => " ".repeat(m.length)) : formula;
  for (const m of masked.matchAll(REF)) {
    const idx = m.index ?? 0;
    const prev = idx > 0 ? masked[idx - 1]! : "";
    if (NAME_CHAR.test(prev)) continue;
    const sheetRaw = m[1];
    const sheet = sheetRaw ? (sheetRaw.startsWith("'") ? sheetRaw.slice(1, -1).replace(/''/g, "'") : sheetRaw) : null;
    const c1 = lettersToCol(m[3]!);
    const r1 = Number(m[5]);
    const isRange = m[7] !== undefined;
    const c2 = isRange ? lettersToCol(m[7]!) : c1;
    const r2 = isRange ? Number(m[9]) : r1;
    if (c1 > 16384 || c2 > 16384) continue;
    refs.push({
      start: idx,
      end: idx + m[0].length,
      sheet,
      c1,
      r1,
      c2,
      r2,
      isRange,
      abs: [m[2] === "$", m[4] === "$", (m[6] ?? "") === "$", (m[8] ?? "") === "$"],
    });
  }
  return refs;
}

function refText(r: Ref, sheetPrefix: string): string {
  const a = `${r.abs[0] ? "$" : ""}${colToLetters(r.c1)}${r.abs[1] ? "$" : ""}${r.r1}`;
  if (!r.isRange) return sheetPrefix + a;
  return `${sheetPrefix}${a}:${r.abs[2] ? "$" : ""}${colToLetters(r.c2)}${r.abs[3] ? "$" : ""}${r.r2}`;
}

/** A formula read once: its text and its references, for plans that transform it in several ways. */
export interface ParsedFormula {
  text: string;
  refs: Ref[];
}

export function parseFormula(text: string): ParsedFormula {
  return { text, refs: findRefs(text) };
}

/** The formula with `next[i]` in place of its i-th reference (null keeps that reference's text). */
export function renderFormula(p: ParsedFormula, next: ReadonlyArray<Ref | null>): string {
  const formula = p.text;
  let out = "";
  let last = 0;
  p.refs.forEach((r, i) => {
    const n = next[i];
    out += formula.slice(last, r.start);
    if (n) {
      const original = formula.slice(r.start, r.end);
      const bang = original.lastIndexOf("!");
      out += refText(n, bang >= 0 ? original.slice(0, bang + 1) : "");
    } else out += formula.slice(r.start, r.end);
    last = r.end;
  });
  return out + formula.slice(last);
}

/** Rewrites every reference through `map` (return null to keep it as is). */
export function rewriteRefs(formula: string, map: (r: Ref) => Ref | null): string {
  const p = parseFormula(formula);
  return renderFormula(p, p.refs.map(map));
}

/** The reference moved as the formula filled `dRows` down and `dCols` right: relative parts move, absolute ones stay. */
export function translateRef(r: Ref, dRows: number, dCols: number): Ref {
  return {
    ...r,
    c1: r.abs[0] ? r.c1 : r.c1 + dCols,
    r1: r.abs[1] ? r.r1 : r.r1 + dRows,
    c2: r.isRange ? (r.abs[2] ? r.c2 : r.c2 + dCols) : r.abs[0] ? r.c1 : r.c1 + dCols,
    r2: r.isRange ? (r.abs[3] ? r.r2 : r.r2 + dRows) : r.abs[1] ? r.r1 : r.r1 + dRows,
  };
}

/** Whether one of `refs` (on `sheet`; unqualified ones are on `formulaSheet`) covers the cell. No set of rows is built. */
export function refsCoverCell(refs: readonly Ref[], sheet: string, formulaSheet: string, row: number, col: number): boolean {
  return refs.some((r) => (r.sheet ?? formulaSheet) === sheet && col >= r.c1 && col <= r.c2 && row >= r.r1 && row <= r.r2);
}

/**
 * Column insertion as Excel does it: references at or right of `at` move right by `count` (on `sheet`, from formulas
 * on that sheet when unqualified); a range with its end at or right of `at` and its start left of it grows.
 */
export function shiftForInsertedColumns(formula: string, formulaSheet: string, sheet: string, at: number, count: number): string {
  return rewriteRefs(formula, (r) => {
    const target = r.sheet ?? formulaSheet;
    if (target !== sheet) return null;
    const c1 = r.c1 >= at ? r.c1 + count : r.c1;
    const c2 = r.c2 >= at ? r.c2 + count : r.c2;
    if (c1 === r.c1 && c2 === r.c2) return null;
    return { ...r, c1, c2 };
  });
}

/** A formula made only of SUM over references: SUM(L4:L45), SUM(D22,D41). */
export function isPlainSum(formula: string): boolean {
  return /^\s*SUM\(\s*[^()"]*\)\s*$/i.test(formula);
}

/**
 * Rows of one column a formula refers to, kept as merged row intervals searched by halves: no set of every row of
 * SUM(M4:M100003) is built, and D4+D5+…+D10003 stays fast to query.
 */
export class RowsReferenced {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  constructor(spans: Array<[number, number]>) {
    spans.sort((x, y) => x[0] - y[0]);
    for (const [a, b] of spans) {
      const last = this.ends.length - 1;
      if (last >= 0 && a <= this.ends[last]! + 1) this.ends[last] = Math.max(this.ends[last]!, b);
      else {
        this.starts.push(a);
        this.ends.push(b);
      }
    }
  }
  has(row: number): boolean {
    return this.spanOf(row) >= 0;
  }
  /** Index of the merged interval holding the row, or -1. */
  spanOf(row: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (row < this.starts[mid]!) hi = mid - 1;
      else if (row > this.ends[mid]!) lo = mid + 1;
      else return mid;
    }
    return -1;
  }
}

/** Rows of column `col` a formula refers to. */
export function rowsReferenced(formula: string, col: number, sheet: string, formulaSheet: string): RowsReferenced {
  const spans: Array<[number, number]> = [];
  for (const r of findRefs(formula)) {
    if ((r.sheet ?? formulaSheet) !== sheet || col < r.c1 || col > r.c2) continue;
    spans.push([r.r1, Math.min(r.r2, r.r1 + 999_999)]);
  }
  return new RowsReferenced(spans);
}
