// A1 references inside a formula: found, and rewritten (column insertion, range extension).
// String literals are left alone; function names such as LOG10( are not references.
import { colToLetters, lettersToCol } from "./a1";

export interface Ref {
  start: number;
  end: number;
  sheet: string | null;
  c1: number; r1: number; c2: number; r2: number;
  abs: [boolean, boolean, boolean, boolean];
  isRange: boolean;
}

const REF = /(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![A-Za-z0-9_(!])/g;

export function findRefs(formula: string): Ref[] {
  const refs: Ref[] = [];
  // Blank out string literals so that nothing inside quotes is taken for a reference.
  const masked = formula.replace(/"(?:[^"]|"")*"/g, (m) => " ".repeat(m.length));
  for (const m of masked.matchAll(REF)) {
    const idx = m.index ?? 0;
    const prev = idx > 0 ? masked[idx - 1]! : "";
    if (/[A-Za-z0-9_.$]/.test(prev)) continue;
    const sheetRaw = m[1];
    const sheet = sheetRaw ? (sheetRaw.startsWith("'") ? sheetRaw.slice(1, -1).replace(/''/g, "'") : sheetRaw) : null;
    const c1 = lettersToCol(m[3]!);
    const r1 = Number(m[5]);
    const isRange = m[7] !== undefined;
    const c2 = isRange ? lettersToCol(m[7]!) : c1;
    const r2 = isRange ? Number(m[9]) : r1;
    if (c1 > 16384 || c2 > 16384) continue;
    refs.push({
      start: idx, end: idx + m[0].length, sheet, c1, r1, c2, r2, isRange,
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

/** Rewrites every reference through `map` (return null to keep it as is). */
export function rewriteRefs(formula: string, map: (r: Ref) => Ref | null): string {
  const refs = findRefs(formula);
  let out = "";
  let last = 0;
  for (const r of refs) {
    const next = map(r);
    out += formula.slice(last, r.start);
    if (next) {
      const original = formula.slice(r.start, r.end);
      const bang = original.lastIndexOf("!");
      out += refText(next, bang >= 0 ? original.slice(0, bang + 1) : "");
    } else out += formula.slice(r.start, r.end);
    last = r.end;
  }
  return out + formula.slice(last);
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

/** Same formula filled to another place: relative references move by the offset, absolute ones stay. */
export function translateFormula(formula: string, dRows: number, dCols: number): string {
  return rewriteRefs(formula, (r) => ({
    ...r,
    c1: r.abs[0] ? r.c1 : r.c1 + dCols,
    r1: r.abs[1] ? r.r1 : r.r1 + dRows,
    c2: r.isRange ? (r.abs[2] ? r.c2 : r.c2 + dCols) : r.abs[0] ? r.c1 : r.c1 + dCols,
    r2: r.isRange ? (r.abs[3] ? r.r2 : r.r2 + dRows) : r.abs[1] ? r.r1 : r.r1 + dRows,
  }));
}

/** A formula made only of SUM over references: SUM(L4:L45), SUM(D22,D41). */
export function isPlainSum(formula: string): boolean {
  return /^\s*SUM\(\s*[^()"]*\)\s*$/i.test(formula);
}

/** Rows of column `col` a formula refers to (ranges expanded). */
export function rowsReferenced(formula: string, col: number, sheet: string, formulaSheet: string): Set<number> {
  const rows = new Set<number>();
  for (const r of findRefs(formula)) {
    if ((r.sheet ?? formulaSheet) !== sheet || col < r.c1 || col > r.c2) continue;
    for (let x = r.r1; x <= r.r2 && x - r.r1 < 1_000_000; x++) rows.add(x);
  }
  return rows;
}
