// Column insertion as a reference transformer, on the model of HyperFormula's AddColumnsTransformer: each end of a
// range is transformed on its own, and all the insertions of a plan are composed, so that a formula is parsed and
// rewritten once whatever the number of inserted columns.
import { rewriteRefs, type Ref } from "./formulaRefs";

export interface ColumnInsertion {
  /** Columns are inserted before `at` (original coordinates). */
  at: number;
  count: number;
}

/** The insertions of one sheet (or of one table's rows on a sheet shared by two tables). */
export class ColumnInsertions {
  private readonly ats: number[];
  /** before[i]: columns inserted at positions strictly left of ats[i]. */
  private readonly before: number[];
  private readonly total: number;

  constructor(
    readonly sheet: string,
    insertions: ColumnInsertion[],
    readonly rows: [number, number] | null = null,
  ) {
    const sorted = [...insertions].sort((a, b) => a.at - b.at);
    this.ats = sorted.map((i) => i.at);
    this.before = [];
    let n = 0;
    for (const i of sorted) {
      this.before.push(n);
      n += i.count;
    }
    this.total = n;
  }

  /** Index of the first insertion at or right of `col` (binary search). */
  private firstAtOrAfter(col: number): number {
    let lo = 0;
    let hi = this.ats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ats[mid]! < col) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Columns inserted at positions <= col: how far an existing column moves right. */
  shiftOf(col: number): number {
    const i = this.firstAtOrAfter(col + 1);
    return i < this.ats.length ? this.before[i]! : this.total;
  }

  /** Where an existing column ends up. */
  final(col: number): number {
    return col + this.shiftOf(col);
  }

  /** Where the k-th column inserted at `at` ends up. */
  inserted(at: number, k: number): number {
    const i = this.firstAtOrAfter(at);
    return at + k + (i < this.ats.length ? this.before[i]! : this.total);
  }

  /**
   * The reference after the insertions, or null when it does not move. Cases, for one insertion at `at`:
   * - a reference to another sheet (an unqualified one belongs to the formula's sheet): untouched;
   * - on a shared sheet, a reference not wholly inside the table's rows: untouched (only those rows shift);
   * - start column < at: the start stays; start >= at: it moves right by the inserted count;
   * - end column < at: the end stays; end >= at: it moves right;
   * hence a range that starts left of `at` and ends at or right of it grows (SUM(M4:O4), insert at N -> SUM(M4:P4)),
   * a range wholly right of `at` moves, and a range ending just before `at` does not grow (the year columns added
   * after a block's last year are appended to block totals by the add-year plan itself, not by this transformer).
   * Composed insertions: each end moves by the sum of the counts inserted at or left of it, in original coordinates.
   */
  transform(r: Ref, formulaSheet: string): Ref | null {
    if ((r.sheet ?? formulaSheet) !== this.sheet) return null;
    if (this.rows && (r.r1 < this.rows[0] || r.r2 > this.rows[1])) return null;
    const c1 = this.final(r.c1);
    const c2 = this.final(r.c2);
    return c1 === r.c1 && c2 === r.c2 ? null : { ...r, c1, c2 };
  }
}

/** Several tables' insertions applied in turn to each reference (one pass over the formula). */
export function transformRef(r: Ref, formulaSheet: string, all: readonly ColumnInsertions[]): Ref | null {
  let out: Ref | null = null;
  for (const t of all) out = t.transform(out ?? r, formulaSheet) ?? out;
  return out;
}

/** An insert edit as plans list them (structurally: the model does not depend on the plan types). */
export interface InsertEdit {
  kind: string;
  sheet: string;
  at?: number;
  count?: number;
  rows?: [number, number] | null;
}

/**
 * A plan's column insertions composed per sheet (and per table rows on a shared sheet), so that an adapter rewrites
 * each formula of the workbook once instead of once per insert edit. Null when the inserts of one sheet are not
 * listed right to left (then their `at`s are not original coordinates and each insert must be applied in turn).
 */
export function composedInsertions(edits: readonly InsertEdit[]): ColumnInsertions[] | null {
  const groups = new Map<string, { sheet: string; rows: [number, number] | null; list: ColumnInsertion[] }>();
  for (const e of edits) {
    if (e.kind !== "insertColumns" || e.at === undefined || e.count === undefined) continue;
    const rows = e.rows ?? null;
    const key = `${e.sheet}\u0000${rows ? rows.join(":") : "*"}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { sheet: e.sheet, rows, list: [] }));
    const prev = g.list[g.list.length - 1];
    if (prev && e.at >= prev.at) return null;
    g.list.push({ at: e.at, count: e.count });
  }
  return [...groups.values()].map((g) => new ColumnInsertions(g.sheet, g.list, g.rows));
}

/** A formula after all the insertions, in one pass. */
export function shiftFormula(formula: string, formulaSheet: string, all: readonly ColumnInsertions[]): string {
  return rewriteRefs(formula, (r) => transformRef(r, formulaSheet, all));
}
