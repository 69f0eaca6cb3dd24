// Add-year, cells: what each new column holds (amount formats, Total CD, totals filled right, the new rate, the former
// cumulative kept as a value), the block totals and Moyens extended to the new year, and the live cumulative.
import { addYearText } from "../../messages/plans";
import { AMOUNT_BLOCKS, type RowInfo, type SingleRole, type YearBlock } from "../layout/types";
import type { TableView } from "../layout/view";
import { addr, colToLetters } from "../model/a1";
import type { Cell } from "../model/snapshot";
import { newColumnHeader, nextHeader, priorSummaryHeader, rewriteHeader, subHeaderOf, extendYearText } from "./addYearHeaders";
import type { PlannedFormulas } from "./addYearFormulas";
import { newColumnOf, type AddYearStart, type Insertion, type TablePlan } from "./addYearPlace";
import { StepEdits } from "./addYearStep";
import { rateFormula } from "./fill";

/** What the steps read of one table, computed once. */
interface TableFacts {
  s: AddYearStart;
  tp: TablePlan;
  v: TableView;
  sheet: string;
  dataRows: RowInfo[];
  totals: RowInfo[];
  /** First and last data rows: what a TOTAL row without a formula sums. */
  span: [number, number] | null;
  final: (col: number) => number;
  formulas: PlannedFormulas;
  /** Per block, the extension its total cells ask for: the same objects on every row (the memo's context made once). */
  blockEnds: Map<string, { ends: Map<number, number>; append: [number, number] }>;
}

export function tableFacts(s: AddYearStart, tp: TablePlan, formulas: PlannedFormulas): TableFacts {
  const v = tp.view;
  const dataRows = v.dataRows();
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of dataRows) {
    if (r.row < lo) lo = r.row;
    if (r.row > hi) hi = r.row;
  }
  return {
    s,
    tp,
    v,
    sheet: v.sheet.name,
    dataRows,
    totals: v.t.rows.filter((r) => r.kind === "total" || r.kind === "subtotal"),
    span: dataRows.length ? [lo, hi] : null,
    final: (c) => tp.columns.final(c),
    formulas,
    blockEnds: new Map(),
  };
}

function cachedNumber(c: Cell | undefined): number | null {
  if (!c) return null;
  if (typeof c.value === "number") return c.value;
  return c.formula && c.value === null ? 0 : null;
}

const ref = (col: number, row: number) => `${colToLetters(col)}${row}`;

/** A total row's cell in a new column: the previous column's formula filled right, or a SUM of the rows it closes. */
function fillRight(out: StepEdits, f: TableFacts, r: RowInfo, prevCol: number, newCol: number, result: number | null): void {
  const prev = f.v.cell(r.row, prevCol);
  if (prev?.formula) {
    out.formula(f.sheet, r.row, newCol, f.formulas.filledRight(prev.formula, f.sheet, newCol - f.final(prevCol)), result ?? 0, prev.numFmt);
    return;
  }
  let span = f.span;
  if (r.kind === "subtotal" && r.group !== undefined) {
    span = null;
    for (const x of f.v.t.groups[r.group]?.rows ?? []) span = span ? [Math.min(span[0], x), Math.max(span[1], x)] : [x, x];
  }
  if (!span) return out.format(f.sheet, r.row, newCol, prev?.numFmt);
  const L = colToLetters(newCol);
  out.formula(f.sheet, r.row, newCol, `SUM(${L}${span[0]}:${L}${span[1]})`, result ?? 0, prev?.numFmt);
}

function totalsRight(out: StepEdits, f: TableFacts, prevCol: number, newCol: number, result: (r: RowInfo) => number | null = () => 0): void {
  for (const r of f.totals) fillRight(out, f, r, prevCol, newCol, result(r));
}

/** A yearly block's new column: amount formats, Total CD = masse salariale + DGAS of the year, totals filled right. */
function amountColumn(out: StepEdits, f: TableFacts, b: YearBlock, newCol: number): void {
  const { v, s, sheet } = f;
  const prev = v.yearCol(b, s.last)!;
  newColumnHeader(out, v, prev, newCol, nextHeader(subHeaderOf(v, prev), s.last, s.year, String(s.year)), true);
  if (b === "indicator") return;
  const ms = v.yearCol("ms", s.last);
  const dgas = v.yearCol("dgas", s.last);
  const cdFormula =
    b === "cd" && ms !== undefined && dgas !== undefined ? (row: number) => `${ref(f.final(ms) + 1, row)}+${ref(f.final(dgas) + 1, row)}` : null;
  for (const r of f.dataRows) {
    const prevCell = v.cell(r.row, prev);
    if (cdFormula && prevCell?.formula) out.formula(sheet, r.row, newCol, cdFormula(r.row), 0, prevCell.numFmt);
    else out.format(sheet, r.row, newCol, prevCell?.numFmt);
  }
  totalsRight(out, f, prev, newCol);
}

/** "Réalisations en N+1": formats of N's, totals filled right. */
function realisedColumn(out: StepEdits, f: TableFacts, newCol: number): void {
  const prev = f.v.col("realisedLastYear")!;
  newColumnHeader(out, f.v, prev, newCol, nextHeader(subHeaderOf(f.v, prev), f.s.last, f.s.year, addYearText.realisedHeader(f.s.year)));
  for (const r of f.dataRows) out.format(f.sheet, r.row, newCol, f.v.cell(r.row, prev)?.numFmt);
  totalsRight(out, f, prev, newCol);
}

/** The N+1 rate: realisations of N+1 over what was planned for N+1, as fill writes it. */
function rateColumn(out: StepEdits, f: TableFacts, ins: Insertion, newCol: number): void {
  const { v, s } = f;
  const prev = v.col("rateLastYear")!;
  newColumnHeader(out, v, prev, newCol, nextHeader(subHeaderOf(v, prev), s.last, s.year, addYearText.rateHeader(s.year)));
  const realisedCol = newColumnOf(f.tp, ins, 0);
  const planned = (["cd", "fir", "etat", "ondam"] as const)
    .map((b) => v.yearCol(b, s.last))
    .filter((c): c is number => c !== undefined)
    .map((c) => f.final(c) + 1);
  if (!planned.length) return;
  const rows = f.dataRows.filter((x) => x.kind !== "objective");
  for (const r of f.totals) if (r.kind === "total") rows.push(r);
  for (const r of rows) {
    const terms = planned.map((c) => ref(c, r.row)).join("+");
    out.formula(
      f.sheet,
      r.row,
      newCol,
      rateFormula(ref(realisedCol, r.row), terms, v.rateScale("rateLastYear") === 100),
      "",
      v.cell(r.row, prev)?.numFmt ?? "0%",
    );
  }
}

/** The former cumulative, kept as a value under a header that says up to when. */
function priorCumulativeColumn(out: StepEdits, f: TableFacts, b: "realisedTo" | "consumedTo", newCol: number): void {
  const { v, s, sheet } = f;
  const from = (b === "realisedTo" ? v.col("realisedSinceStart") : v.col("consumedSinceStart"))!;
  newColumnHeader(out, v, from, newCol, b === "realisedTo" ? addYearText.priorHeader(s.last) : priorSummaryHeader(v, s.last));
  for (const r of f.dataRows) {
    const c = v.cell(r.row, from);
    const n = cachedNumber(c);
    if (n !== null && !(n === 0 && !c?.formula && c?.value === null)) out.value(sheet, r.row, newCol, n, c?.numFmt);
    else out.format(sheet, r.row, newCol, c?.numFmt);
  }
  totalsRight(out, f, from, newCol, (r) => cachedNumber(v.cell(r.row, from)));
}

/** The summary's "consumed in N+1": formats of N's, totals filled right. */
function consumedInColumn(out: StepEdits, f: TableFacts, newCol: number): void {
  const prev = f.v.col("consumedLastYear")!;
  newColumnHeader(out, f.v, prev, newCol, nextHeader(subHeaderOf(f.v, prev), f.s.last, f.s.year, addYearText.consumedYearHeader(f.s.year)));
  for (const r of f.dataRows) out.format(f.sheet, r.row, newCol, f.v.cell(r.row, prev)?.numFmt);
  totalsRight(out, f, prev, newCol);
}

/** Step 3: the new columns of one table, headers and cells, in the order of its insertions. */
export function newColumns(f: TableFacts): StepEdits {
  const out = new StepEdits();
  for (const ins of f.tp.insertions) {
    ins.newCols.forEach((nc, k) => {
      const col = newColumnOf(f.tp, ins, k);
      if (nc.block === "realised") realisedColumn(out, f, col);
      else if (nc.block === "rate") rateColumn(out, f, ins, col);
      else if (nc.block === "realisedTo" || nc.block === "consumedTo") priorCumulativeColumn(out, f, nc.block, col);
      else if (nc.block === "consumedIn") consumedInColumn(out, f, col);
      else amountColumn(out, f, nc.block, col);
    });
  }
  return out;
}

/** A block total (or Moyens) cell: its SUM over the years extended, or, typed as a number, a conflict. */
function blockTotalCell(out: StepEdits, f: TableFacts, r: RowInfo, b: (typeof AMOUNT_BLOCKS)[number]): void {
  const { v, s, sheet } = f;
  const totalCol = v.col(`${b}Total` as SingleRole);
  const prev = v.yearCol(b, s.last);
  if (totalCol === undefined || prev === undefined) return;
  const cell = v.cell(r.row, totalCol);
  const newCol = f.final(prev) + 1;
  if (cell?.formula) {
    let e = f.blockEnds.get(b);
    if (!e) f.blockEnds.set(b, (e = { ends: new Map([[f.final(prev), newCol]]), append: [f.final(prev), newCol] }));
    const ext = f.formulas.extended(cell.formula, sheet, r.row, e.ends, e.append);
    if (ext.formula) out.formula(sheet, r.row, f.final(totalCol), ext.formula, cachedNumber(cell), cell.numFmt);
    // A TOTAL-row SUM over its column needs nothing; a formula naming the old last year that we cannot extend is said.
    else if (ext.coversPrevious(f.final(prev))) out.notes.push(addYearText.formulaNotExtended(`${sheet}!${addr(r.row, f.final(totalCol))}`));
  } else if (typeof cell?.value === "number" && (r.kind === "fiche" || r.kind === "continuation" || r.kind === "total")) {
    const first = f.final(v.yearCol(b, v.years(b)[0]!)!);
    const formula = `SUM(${ref(first, r.row)}:${ref(newCol, r.row)})`;
    out.conflicts.push({
      sheet,
      cell: addr(r.row, f.final(totalCol)),
      fiche: r.fiche ?? r.continuationOf,
      current: cell.value,
      planned: `=${formula}`,
      reason: "constant-total",
    });
    if (s.force) out.formula(sheet, r.row, f.final(totalCol), formula, cell.value, cell.numFmt);
  }
}

/**
 * Step 4 (detail): block totals and Moyens financiers. Their SUM ranges end at the old last year, and inserting at the
 * edge does not extend them. Moyens usually adds the block totals (which now include the year); when it sums year
 * cells, those are extended too.
 */
export function rowTotals(f: TableFacts): StepEdits {
  const out = new StepEdits();
  const { v, s, sheet } = f;
  const budgetCol = v.col("budget");
  const ends = new Map<number, number>();
  for (const b of AMOUNT_BLOCKS) {
    const prev = v.yearCol(b, s.last);
    if (prev !== undefined) ends.set(f.final(prev), f.final(prev) + 1);
  }
  let constantBudgets = 0;
  const rows = f.dataRows.concat(f.totals);
  for (const r of rows) {
    for (const b of AMOUNT_BLOCKS) blockTotalCell(out, f, r, b);
    const bc = budgetCol === undefined ? undefined : v.cell(r.row, budgetCol);
    if (bc?.formula) {
      const ext = f.formulas.extended(bc.formula, sheet, r.row, ends, null);
      if (ext.formula) out.formula(sheet, r.row, f.final(budgetCol!), ext.formula, cachedNumber(bc), bc.numFmt);
    } else if (typeof bc?.value === "number" && r.kind === "fiche") constantBudgets++;
  }
  if (constantBudgets) out.notes.push(addYearText.constantBudget(constantBudgets));
  return out;
}

/** Step 5 (detail): cumulative realisations = prior (as a value) + the new year, live; its header and the global rate's. */
export function cumulativeColumn(f: TableFacts): StepEdits {
  const out = new StepEdits();
  const { v, s, sheet, tp } = f;
  const since = v.col("realisedSinceStart");
  if (since === undefined) return out;
  const sinceFinal = f.final(since);
  const realisedIns = tp.insertions.find((i) => i.newCols.some((c) => c.block === "realised"));
  // No column of the year's realisations (none read, so none inserted): nothing to add to the cumulative, which stays
  // as the user typed it, and so does the global rate's header.
  if (!realisedIns) return out;
  const newRealised = newColumnOf(tp, realisedIns, 0);
  const priorYears = v.years("realisedTo");
  const priorCol = priorYears.length ? f.final(v.yearCol("realisedTo", priorYears[0]!)!) : newColumnOf(tp, realisedIns, realisedIns.newCols.length - 1);
  for (const r of f.dataRows) {
    const c = v.cell(r.row, since);
    const old = cachedNumber(c);
    if (priorYears.length) {
      if (c?.formula) out.formula(sheet, r.row, sinceFinal, `${f.formulas.shifted(c.formula, sheet, r.row)}+${ref(newRealised, r.row)}`, old, c.numFmt);
      else if (c && old !== null)
        out.conflicts.push({ sheet, cell: addr(r.row, sinceFinal), fiche: r.fiche ?? r.continuationOf, current: old, planned: null, reason: "user-value" });
    } else if (old !== null || c?.formula) {
      out.formula(sheet, r.row, sinceFinal, `${ref(priorCol, r.row)}+${ref(newRealised, r.row)}`, old ?? 0, c?.numFmt);
    }
  }
  const rg = v.col("rateGlobal");
  const rgText = rg === undefined ? undefined : subHeaderOf(v, rg);
  if (rg !== undefined && typeof rgText === "string") {
    const t = extendYearText(rgText, s.last, s.year);
    if (t !== rgText) rewriteHeader(out, v, rg, f.final(rg), t);
  }
  return out;
}

/** Step 5 (summary): consumed since the start = consumed up to N (a value) + consumed in N+1; its header. */
export function summaryCumulativeColumn(f: TableFacts): StepEdits {
  const out = new StepEdits();
  const { v, s, sheet, tp } = f;
  const since = v.col("consumedSinceStart")!;
  const sinceFinal = f.final(since);
  const ins = tp.insertions[0]!;
  const priorCol = newColumnOf(tp, ins, 0);
  const yearCol = newColumnOf(tp, ins, 1);
  for (const r of f.dataRows) {
    const c = v.cell(r.row, since);
    const old = cachedNumber(c);
    if (old === null && !c?.formula) continue;
    out.formula(sheet, r.row, sinceFinal, `${ref(priorCol, r.row)}+${ref(yearCol, r.row)}`, old ?? 0, c?.numFmt);
  }
  const t = subHeaderOf(v, since);
  if (typeof t === "string") {
    const next = extendYearText(t, s.last, s.year);
    if (next !== t) rewriteHeader(out, v, since, sinceFinal, next);
  }
  return out;
}
