// Read access to one recognised table: amounts by role and year, fiche rows with their continuations.
import { addr } from "../model/a1";
import { isError, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../model/snapshot";
import { rowsByFiche } from "./ficheRows";
import type { AmountBlock, RowInfo, SingleRole, TableLayout, YearBlock } from "./types";

// Role names built once: a name made per call (`${block}Total`) is a new string to hash at every lookup.
const TOTAL_ROLE: Record<AmountBlock, SingleRole> = {
  ms: "msTotal",
  dgas: "dgasTotal",
  cd: "cdTotal",
  fir: "firTotal",
  etat: "etatTotal",
  ondam: "ondamTotal",
};

interface DenseYearCols {
  first: number;
  cols: Array<number | undefined>;
}

/** null (looked up as read) for keys that are not a short run of whole years. */
function denseYearCols(byYear: Partial<Record<number, number>> | undefined): DenseYearCols | null {
  const years = Object.keys(byYear ?? {}).map(Number);
  if (!byYear || !years.length) return { first: 0, cols: [] };
  const first = Math.min(...years);
  if (!years.every(Number.isSafeInteger) || Math.max(...years) - first > 1000) return null;
  const cols: Array<number | undefined> = new Array(Math.max(...years) - first + 1).fill(undefined);
  for (const y of years) cols[y - first] = byYear[y];
  return { first, cols };
}

/**
 * A view reads a snapshot as it is when the view is made (row lists and fiche maps are built once per view and shared
 * by every rule): make a new view after changing the snapshot.
 */
export class TableView {
  readonly lastYear: number | null;

  constructor(
    readonly sheet: SheetSnapshot,
    readonly t: TableLayout,
  ) {
    this.lastYear = t.years.length ? t.years[t.years.length - 1]! : null;
  }

  static of(wb: WorkbookSnapshot, t: TableLayout | null): TableView | null {
    if (!t) return null;
    const sheet = wb.sheets.find((s) => s.name === t.sheet);
    return sheet ? new TableView(sheet, t) : null;
  }

  cell(row: number, col: number): Cell | undefined {
    return this.sheet.cells[row - 1]?.[col - 1];
  }

  col(role: SingleRole): number | undefined {
    return this.t.columns[role];
  }

  yearCol(block: YearBlock, year: number): number | undefined {
    let dense = this.yearColsMemo.get(block);
    if (dense === undefined) this.yearColsMemo.set(block, (dense = denseYearCols(this.t.blocks[block])));
    if (dense === null) return this.t.blocks[block]?.[year];
    const i = year - dense.first;
    return i >= 0 && i < dense.cols.length ? dense.cols[i] : undefined;
  }

  // A block's columns by year, in an array from its first year: an object keyed by years (2020…) is a dictionary to V8,
  // and rules look a year's column up for every row.
  private readonly yearColsMemo = new Map<YearBlock, DenseYearCols | null>();

  private readonly yearsMemo = new Map<YearBlock, number[]>();

  years(block: YearBlock): number[] {
    let ys = this.yearsMemo.get(block);
    if (!ys) {
      ys = Object.keys(this.t.blocks[block] ?? {})
        .map(Number)
        .sort((a, b) => a - b);
      this.yearsMemo.set(block, ys);
    }
    return ys;
  }

  /**
   * Number shown by a cell: a number, a formula's result; a formula not yet calculated (a plan's own) counts 0, one the
   * reader could not compute is unknown (null); text and errors are null.
   */
  amount(row: number, col: number | undefined): number | null {
    if (col === undefined) return null;
    return amountOfCell(this.cell(row, col));
  }

  /** As Excel's SUM sees it: text, blanks and errors count 0. */
  num(row: number, col: number | undefined): number {
    return this.amount(row, col) ?? 0;
  }

  text(row: number, col: number | undefined): string | null {
    if (col === undefined) return null;
    const v = this.cell(row, col)?.value;
    if (typeof v === "string") return v.trim() || null;
    if (typeof v === "number") return String(v);
    if (v && isError(v)) return v.error;
    return null;
  }

  private mergedMasters: Map<string, [number, number]> | null = null;

  /** The text shown in a cell, a merged area's text on every cell under it (an objective written once over its fiches). */
  mergedText(row: number, col: number | undefined): string | null {
    if (col === undefined) return null;
    const own = this.text(row, col);
    if (own !== null || !this.sheet.merges.length) return own;
    if (!this.mergedMasters) {
      this.mergedMasters = new Map();
      const { r1, r2 } = this.t.range;
      for (const m of this.sheet.merges) {
        if (m.r2 < r1 || m.r1 > r2 || m.r1 === m.r2) continue;
        for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) if (r !== m.r1 || c !== m.c1) this.mergedMasters.set(`${r},${c}`, [m.r1, m.c1]);
      }
    }
    const master = this.mergedMasters.get(`${row},${col}`);
    return master ? this.text(master[0], master[1]) : null;
  }

  isBlank(row: number, col: number | undefined): boolean {
    if (col === undefined) return true;
    const c = this.cell(row, col);
    return !c || ((c.value === null || (typeof c.value === "string" && !c.value.trim())) && !c.formula);
  }

  a1(row: number, col: number): string {
    return addr(row, col);
  }

  private dataRowsMemo: RowInfo[] | null = null;
  private ficheRowsMemo: RowInfo[] | null = null;
  private byFicheMemo: Map<string, number[]> | null = null;
  private infoMemo: Map<number, RowInfo> | null = null;

  /** Rows that carry a fiche's figures: fiche rows and their continuation rows (detail) / objective rows (summary). Shared: not to be changed. */
  dataRows(): RowInfo[] {
    return (this.dataRowsMemo ??= this.t.rows.filter((r) => r.kind === "fiche" || r.kind === "continuation" || r.kind === "objective"));
  }

  /** Shared: not to be changed. */
  ficheRows(): RowInfo[] {
    return (this.ficheRowsMemo ??= this.t.rows.filter((r) => r.kind === "fiche"));
  }

  /** Fiche number -> its rows (the fiche row first, then continuations). Shared: not to be changed. */
  rowsByFiche(): Map<string, number[]> {
    // (The recognition grouped the same rows when it compared the two tables: that map is reused.)
    return (this.byFicheMemo ??= rowsByFiche(this.t.rows));
  }

  /** The row's reading (the last one listed for that row, as a map built from the rows would give). */
  rowInfo(row: number): RowInfo | undefined {
    if (!this.infoMemo) this.infoMemo = new Map(this.t.rows.map((r) => [r.row, r]));
    return this.infoMemo.get(row);
  }

  private ficheOfRow: Map<number, number[]> | null = null;

  /** The rows of the fiche a data row belongs to when that fiche is spread over several rows; null otherwise. */
  spreadFicheRows(row: number): number[] | null {
    if (!this.ficheOfRow) {
      this.ficheOfRow = new Map();
      for (const rows of this.rowsByFiche().values()) if (rows.length > 1) for (const r of rows) this.ficheOfRow.set(r, rows);
    }
    return this.ficheOfRow.get(row) ?? null;
  }

  /** Blank on this row of a spread fiche but written on another of its rows: a value written once for the fiche (merged down). */
  writtenElsewhere(row: number, col: number | undefined): boolean {
    if (col === undefined || !this.isBlank(row, col)) return false;
    const rows = this.spreadFicheRows(row);
    return !!rows && rows.some((r) => r !== row && !this.isBlank(r, col));
  }

  /** 100 when a rate column is typed in percentage points (85 for 85 %), else 1. */
  rateScale(role: "rateLastYear" | "rateGlobal"): number {
    return this.t.percentPoints?.includes(role) ? 100 : 1;
  }

  /** Written on this row of a spread fiche and blank on another of its rows: this row holds the figure for the whole fiche. */
  writtenForOthers(row: number, col: number | undefined): boolean {
    if (col === undefined || this.isBlank(row, col)) return false;
    const rows = this.spreadFicheRows(row);
    return !!rows && rows.some((r) => r !== row && this.isBlank(r, col));
  }

  /** Amount of a block: its total column, else the sum of its years. */
  blockTotal(row: number, block: AmountBlock): number {
    const total = this.t.columns[TOTAL_ROLE[block]];
    if (total !== undefined) return this.num(row, total);
    // No Total CD column at all: the département's share is masse salariale + DGAS.
    if (block === "cd" && !this.years("cd").length) return this.blockTotal(row, "ms") + this.blockTotal(row, "dgas");
    const years = this.years(block);
    let sum = 0;
    for (let i = 0; i < years.length; i++) sum += this.num(row, this.yearCol(block, years[i]!));
    return sum;
  }

  /** Total CD of a row: its column or block, else masse salariale + DGAS (a CD split in two with no CD column). */
  cdTotalOf(row: number): number {
    if (this.col("cdTotal") !== undefined || this.years("cd").length) return this.blockTotal(row, "cd");
    return this.blockTotal(row, "ms") + this.blockTotal(row, "dgas");
  }

  /** Total CD of a year: its column, else masse salariale + DGAS. */
  cdOfYear(row: number, year: number): number {
    const c = this.yearCol("cd", year);
    if (c !== undefined) return this.num(row, c);
    return this.num(row, this.yearCol("ms", year)) + this.num(row, this.yearCol("dgas", year));
  }

  /** P(Y) = CD(Y) + FIR(Y) + ETAT(Y) + ONDAM(Y). */
  plannedOfYear(row: number, year: number): number {
    // Summed in the same order as before (0 + FIR + ETAT + ONDAM, then CD): the same float result to the last bit.
    const funders = 0 + this.num(row, this.yearCol("fir", year)) + this.num(row, this.yearCol("etat", year)) + this.num(row, this.yearCol("ondam", year));
    return this.cdOfYear(row, year) + funders;
  }
}

/**
 * What an amount cell holds, for TableView.amount and the rules' in-place readers (rules/cellsInPlace.ts): a number;
 * a formula not yet calculated counts 0; an uncomputable formula, text, an error or no cell: null.
 */
export function amountOfCell(c: Cell | undefined): number | null {
  if (!c) return null;
  if (typeof c.value === "number") return c.value;
  if (c.value === null && c.formula) return c.uncomputed ? null : 0;
  return null;
}
