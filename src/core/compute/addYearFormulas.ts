// Add-year, formulas: every existing formula the plan rewrites is parsed once, moved by all the insertions in one
// pass (composed shifts), and extended or filled right in that same pass.
import { colToLetters } from "../model/a1";
import { transformRef, type ColumnInsertions } from "../model/columnInsert";
import { parseFormula, refsCoverCell, renderFormula, translateRef, type ParsedFormula, type Ref } from "../model/formulaRefs";
import { RowTemplateMemo } from "../model/rowTemplate";

/** A formula made of single-cell references, + and parentheses (M4+N4+O4): a year can be appended to it. */
const ADDITIVE = /^[A-Z0-9$+\s()]+$/i;
/** Single references standing alone (not inside a longer name): column letters and row. */
const STANDALONE_REF = /(^|[^A-Z$0-9])\$?([A-Z]{1,3})\$?([0-9]+)/g;

function hasStandaloneRef(formula: string, col: number, row: number): boolean {
  const letters = colToLetters(col);
  for (const m of formula.matchAll(STANDALONE_REF)) if (m[2] === letters && Number(m[3]) === row) return true;
  return false;
}

/** Ranges of `row` on `sheet` that end at a key of `ends` grow to its value (SUM(M4:O4) -> SUM(M4:P4)). */
function extendedRanges(refs: readonly Ref[], sheet: string, row: number, ends: ReadonlyMap<number, number>): Array<Ref | null> {
  return refs.map((r) => {
    if (r.sheet && r.sheet !== sheet) return null;
    const to = ends.get(r.c2);
    if (to === undefined || !r.isRange || r.c1 > r.c2 || r.r1 > row || r.r2 < row || r.r1 !== r.r2) return null;
    return { ...r, c2: to };
  });
}

/**
 * The formula (already moved: `moved[i]` replaces its i-th reference, null keeps it) with the ranges ending at
 * `prevCol` extended to `newCol`; an additive formula naming the previous column gets "+newCol" appended.
 */
function extend(
  p: ParsedFormula,
  moved: ReadonlyArray<Ref | null>,
  sheet: string,
  row: number,
  ends: ReadonlyMap<number, number>,
  append: [number, number] | null,
): string | null {
  const current = p.refs.map((r, i) => moved[i] ?? r);
  const grown = extendedRanges(current, sheet, row, ends);
  if (grown.some((g) => g !== null))
    return renderFormula(
      p,
      grown.map((g, i) => g ?? moved[i] ?? null),
    );
  if (!append) return null;
  const text = renderFormula(p, moved);
  if (ADDITIVE.test(text) && hasStandaloneRef(text, append[0], row)) return `${text}+${colToLetters(append[1])}${row}`;
  return null;
}

/** Extends ranges ending at `prevCol` to `newCol` (SUM(M4:O4) -> SUM(M4:P4)); an additive formula gets "+P4". */
export function extendFormula(formula: string, sheet: string, row: number, prevCol: number, newCol: number, allowAppend = true): string | null {
  const p = parseFormula(formula);
  return extend(
    p,
    p.refs.map(() => null),
    sheet,
    row,
    new Map([[prevCol, newCol]]),
    allowAppend ? [prevCol, newCol] : null,
  );
}

/** The formulas of the workbook as they will read after the plan's insertions. */
export class PlannedFormulas {
  /**
   * Formulas down a column parsed once (rowTemplate.ts): when no insertion is limited to some rows, a formula moves
   * and extends the same way on every row but for its own row number.
   */
  private readonly memo: RowTemplateMemo | null;

  constructor(private readonly insertions: readonly ColumnInsertions[]) {
    this.memo = insertions.every((i) => i.rows === null) ? new RowTemplateMemo() : null;
  }

  private moved(p: ParsedFormula, formulaSheet: string): Array<Ref | null> {
    return p.refs.map((r) => transformRef(r, formulaSheet, this.insertions));
  }

  /** The formula after the insertions. */
  shifted(formula: string, sheet: string, row?: number): string {
    const move = () => {
      const p = parseFormula(formula);
      return renderFormula(p, this.moved(p, sheet));
    };
    return row !== undefined && this.memo ? this.memo.get(formula, row, `s${sheet}`, move)! : move();
  }

  /** The formula after the insertions, then filled `dCols` to the right (relative references follow). */
  filledRight(formula: string, sheet: string, dCols: number): string {
    const p = parseFormula(formula);
    return renderFormula(
      p,
      this.moved(p, sheet).map((m, i) => translateRef(m ?? p.refs[i]!, 0, dCols)),
    );
  }

  /**
   * The formula after the insertions with its ranges ending at a key of `ends` (final columns) extended to the value;
   * `append`: [previous, new] column for additive formulas (neither changed once passed: the memo's context is
   * kept per `ends` object). `coversPrevious` says whether the moved formula names the
   * previous column in `row` (then a failed extension is worth a note).
   */
  extended(
    formula: string,
    sheet: string,
    row: number,
    ends: ReadonlyMap<number, number>,
    append: [number, number] | null,
  ): { formula: string | null; coversPrevious: (col: number) => boolean } {
    // Parsed at most once: by the extension when the memo does not answer, else only if asked what it covers.
    let parsed: { p: ParsedFormula; moved: Array<Ref | null> } | null = null;
    const parse = () => {
      if (!parsed) {
        const p = parseFormula(formula);
        parsed = { p, moved: this.moved(p, sheet) };
      }
      return parsed;
    };
    const coversPrevious = (col: number) => {
      const { p, moved } = parse();
      return refsCoverCell(
        p.refs.map((r, i) => moved[i] ?? r),
        sheet,
        sheet,
        row,
        col,
      );
    };
    const extend1 = () => {
      const { p, moved } = parse();
      return extend(p, moved, sheet, row, ends, append);
    };
    if (!this.memo) return { formula: extend1(), coversPrevious };
    return { formula: this.memo.get(formula, row, this.contextOf(sheet, ends, append), extend1), coversPrevious };
  }

  /** The memo's context of an extension, made once per `ends` object (callers pass the same one row after row). */
  private contexts = new WeakMap<ReadonlyMap<number, number>, { sheet: string; append: [number, number] | null; text: string }>();

  private contextOf(sheet: string, ends: ReadonlyMap<number, number>, append: [number, number] | null): string {
    const known = this.contexts.get(ends);
    if (known && known.sheet === sheet && known.append === append) return known.text;
    let text = `e${sheet}\u0001${append ? `${append[0]}>${append[1]}` : ""}`;
    for (const [from, to] of ends) text += `\u0001${from}>${to}`;
    this.contexts.set(ends, { sheet, append, text });
    return text;
  }
}
