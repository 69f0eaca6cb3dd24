// Add-year plan: one new column per yearly block in both tables, totals and formulas extended, history kept.
// Past figures stay under their own year: "Réalisations en N" stays; N+1 columns are inserted beside it, and the
// cumulative becomes "au 31/12/N" (the former figure, as a value) + N+1 (a formula).
import { addYearText, planText } from "../../messages/plans";
import { recognise } from "../layout/recognise";
import type { AnnexLayout, RowInfo, SingleRole, TableLayout, YearBlock } from "../layout/types";
import { TableView } from "../layout/view";
import { addr, colToLetters } from "../model/a1";
import { rewriteRefs, rowsReferenced, shiftForInsertedColumns, translateFormula } from "../model/formulaRefs";
import type { Cell, CellValue, WorkbookSnapshot } from "../model/snapshot";
import { emptyPlan, type Edit, type EditPlan } from "../plan/types";
import { rateFormula } from "./fill";

export interface AddYearOptions { year?: number; force?: boolean }

/** One insertion in original coordinates, and what each new column is. */
interface Insertion {
  at: number;
  newCols: Array<{ key: string; block?: YearBlock; year: number }>;
  copyFormatFrom: number;
}

/** Column positions of one table before and after its insertions. */
class ColumnMap {
  private readonly sorted: Insertion[];
  constructor(insertions: Insertion[]) {
    this.sorted = [...insertions].sort((a, b) => a.at - b.at);
  }
  final(col: number): number {
    let c = col;
    for (const i of this.sorted) if (i.at <= col) c += i.newCols.length;
    return c;
  }
  newCol(ins: Insertion, k: number): number {
    let before = 0;
    for (const i of this.sorted) if (i.at < ins.at) before += i.newCols.length;
    return ins.at + k + before;
  }
}

/** "(2020, 2021, 2022)" -> "(2020, 2021, 2022, 2023)"; "2020-2022" -> "2020-2023"; "au 31/12/22" -> "au 31/12/23". */
export function extendYearText(text: string, last: number, next: number): string {
  let t = text.replace(new RegExp(`(20\\d{2}\\s*[-–à]\\s*)${last}(?!\\d)`, "g"), `$1${next}`);
  t = t.replace(new RegExp(`((?:20\\d{2},\\s*)+)${last}(?!\\d)`, "g"), `$1${last}, ${next}`);
  t = t.replace(new RegExp(`(31\\s*/\\s*12\\s*/\\s*)(${last}|${String(last).slice(2)})(?!\\d)`, "g"), (_m, p: string, y: string) => p + (y.length === 2 ? String(next).slice(2) : String(next)));
  return t;
}

/** Header text of a year column for another year: "Total CD 2022" -> "Total CD 2023", 2022 -> 2023. */
function nextHeader(v: CellValue | undefined, last: number, year: number, fallback: string): CellValue {
  if (typeof v === "number" && v === last) return year;
  if (typeof v === "string" && v.includes(String(last))) return v.split(String(last)).join(String(year));
  return fallback;
}

/** The group header above a column: its own text, the master of a merge over it, or the nearest one to its left. */
function groupTextOf(view: TableView, row: number, col: number): string {
  for (let c = col; c >= view.t.range.c1; c--) {
    const m = view.sheet.merges.find((x) => x.r1 === row && x.c1 <= c && x.c2 >= c);
    const v = m ? view.cell(m.r1, m.c1)?.value : view.cell(row, c)?.value;
    if (typeof v === "string" && v.trim()) return v.replace(/\s+/g, " ").trim();
    if (m || c < col - 8) break;
  }
  return "";
}

function isVerticalMerge(view: TableView, row: number, col: number): { r2: number } | null {
  const m = view.sheet.merges.find((x) => x.r1 === row && x.c1 === col && x.c2 === col && x.r2 > x.r1);
  return m ? { r2: m.r2 } : null;
}

function inHorizontalMerge(view: TableView, row: number, col: number): boolean {
  return view.sheet.merges.some((x) => x.r1 <= row && x.r2 >= row && x.c1 <= col && x.c2 >= col && x.c2 > x.c1);
}

/** Extends ranges ending at `prevCol` to `newCol` (SUM(M4:O4) -> SUM(M4:P4)); an additive formula gets "+P4". */
export function extendFormula(formula: string, sheet: string, row: number, prevCol: number, newCol: number, allowAppend = true): string | null {
  let changed = false;
  const out = rewriteRefs(formula, (r) => {
    if (r.sheet && r.sheet !== sheet) return null;
    if (r.isRange && r.c2 === prevCol && r.c1 <= prevCol && r.r1 <= row && r.r2 >= row && r.r1 === r.r2) {
      changed = true;
      return { ...r, c2: newCol };
    }
    return null;
  });
  if (changed) return out;
  const prevRef = new RegExp(`(^|[^A-Z$0-9])\\$?${colToLetters(prevCol)}\\$?${row}(?![0-9])`);
  if (allowAppend && /^[A-Z0-9$+\s()]+$/i.test(formula) && prevRef.test(formula)) return `${formula}+${colToLetters(newCol)}${row}`;
  return null;
}

interface TablePlan { view: TableView; insertions: Insertion[]; rows: [number, number] | null; map: ColumnMap }

function shiftForPlan(formula: string, formulaSheet: string, tables: TablePlan[]): string {
  let f = formula;
  for (const tp of tables) {
    for (const ins of [...tp.insertions].sort((a, b) => b.at - a.at)) {
      if (!tp.rows) f = shiftForInsertedColumns(f, formulaSheet, tp.view.sheet.name, ins.at, ins.newCols.length);
      else {
        const rows = tp.rows;
        f = rewriteRefs(f, (r) => {
          if ((r.sheet ?? formulaSheet) !== tp.view.sheet.name || r.r1 < rows[0] || r.r2 > rows[1]) return null;
          const c1 = r.c1 >= ins.at ? r.c1 + ins.newCols.length : r.c1;
          const c2 = r.c2 >= ins.at ? r.c2 + ins.newCols.length : r.c2;
          return c1 === r.c1 && c2 === r.c2 ? null : { ...r, c1, c2 };
        });
      }
    }
  }
  return f;
}

function cachedNumber(c: Cell | undefined): number | null {
  if (!c) return null;
  if (typeof c.value === "number") return c.value;
  return c.formula && c.value === null ? 0 : null;
}

export function planAddYear(wb: WorkbookSnapshot, options: AddYearOptions = {}, layout: AnnexLayout = recognise(wb)): EditPlan {
  const plan = emptyPlan("add-year");
  const block = (note: string) => {
    plan.notes.push(note);
    plan.blocked = true;
    return plan;
  };
  const d = TableView.of(wb, layout.detail);
  if (!d) return block(addYearText.noDetail);
  const last = d.lastYear;
  if (last === null) return block(addYearText.noYears);
  const year = options.year ?? last + 1;
  const first = d.t.years[0] ?? last;
  if (year < first) return block(addYearText.beforeFirst(year, first));
  if (year <= last) return block(addYearText.alreadyThere(year));
  if (year !== last + 1) return block(addYearText.notNext(year, last));
  const s = TableView.of(wb, layout.summary);
  for (const v of [d, s]) if (v?.sheet.protected) return block(planText.protectedSheet(v.sheet.name));

  const shared = !!s && s.sheet === d.sheet;
  if (shared) plan.notes.push(addYearText.sharedSheet(d.sheet.name));
  const rowsOf = (t: TableLayout): [number, number] | null => (shared ? [t.range.r1, t.range.r2] : null);

  // Detail insertions: each yearly block, then the realisation columns.
  const dIns: Insertion[] = [];
  for (const b of ["indicator", "ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
    const c = d.yearCol(b, last);
    if (c !== undefined) dIns.push({ at: c + 1, newCols: [{ key: `${b}${year}`, block: b, year }], copyFormatFrom: c });
  }
  const since = d.col("realisedSinceStart");
  const priorExists = d.years("realisedTo").length > 0;
  const realisedNow = d.col("realisedLastYear");
  const rateNow = d.col("rateLastYear");
  if (realisedNow !== undefined) {
    const at = priorExists ? Math.min(...d.years("realisedTo").map((y) => d.yearCol("realisedTo", y)!)) : since ?? Math.max(realisedNow, rateNow ?? 0) + 1;
    const cols: Insertion["newCols"] = [{ key: `realised${year}`, block: "realised", year }];
    if (rateNow !== undefined) cols.push({ key: `rate${year}`, block: "rate", year });
    if (since !== undefined && !priorExists) cols.push({ key: `realisedTo${last}`, block: "realisedTo", year: last });
    dIns.push({ at, newCols: cols, copyFormatFrom: at - 1 });
  }
  const tables: TablePlan[] = [{ view: d, insertions: dIns, rows: rowsOf(d.t), map: new ColumnMap(dIns) }];
  const sSince = s?.col("consumedSinceStart");
  if (s && sSince !== undefined) {
    const sIns: Insertion[] = [{ at: sSince, newCols: [{ key: `consumedTo${last}`, block: "consumedTo", year: last }, { key: `consumedIn${year}`, block: "consumedIn", year }], copyFormatFrom: sSince - 1 }];
    tables.push({ view: s, insertions: sIns, rows: rowsOf(s.t), map: new ColumnMap(sIns) });
  }

  for (const tp of tables) {
    for (const ins of [...tp.insertions].sort((a, b) => b.at - a.at)) {
      plan.edits.push({ kind: "insertColumns", sheet: tp.view.sheet.name, at: ins.at, count: ins.newCols.length, rows: tp.rows, copyFormatFrom: ins.copyFormatFrom });
      plan.stats.insertedColumns += ins.newCols.length;
    }
  }
  const writes: Edit[] = [];
  const setValue = (sheet: string, row: number, col: number, value: CellValue, numFmt?: string) => {
    writes.push({ kind: "setValue", sheet, row, col, value, ...(numFmt ? { numFmt } : {}) });
    plan.stats.values++;
  };
  const setFormula = (sheet: string, row: number, col: number, formula: string, result: number | string | null, numFmt?: string) => {
    writes.push({ kind: "setFormula", sheet, row, col, formula, result, ...(numFmt ? { numFmt } : {}) });
    plan.stats.formulas++;
  };
  const setFormat = (sheet: string, row: number, col: number, numFmt: string | undefined) => {
    if (!numFmt) return;
    writes.push({ kind: "setNumberFormat", sheet, row, col, numFmt });
    plan.stats.formats++;
  };

  for (const tp of tables) {
    const v = tp.view;
    const sheet = v.sheet.name;
    const map = tp.map;
    const headerRows = v.t.headerRows;
    const top = headerRows[0]!;
    const sub = headerRows[headerRows.length - 1]!;
    const dataRows = v.dataRows();
    const totals = v.t.rows.filter((r) => r.kind === "total" || r.kind === "subtotal");
    const shifted = (c: Cell | undefined) => (c?.formula ? shiftForPlan(c.formula, sheet, tables) : null);

    // Headers of new columns: the sub-header follows the previous year's wording; plain repeated group headers are repeated.
    // A year column of a block sits under a group header; a single column has its text in one row only.
    const writeHeader = (prevCol: number, newCol: number, text: CellValue, yearOfBlock = false) => {
      const group = v.cell(top, prevCol)?.value;
      const groupText = yearOfBlock && headerRows.length > 1 && !isVerticalMerge(v, top, prevCol) ? groupTextOf(v, top, prevCol) : "";
      const label = groupText && !String(text).toLowerCase().includes(groupText.toLowerCase()) ? `${groupText} ${text}` : String(text);
      (plan.newColumns ??= []).push({ sheet, col: newCol, label });
      const vm = isVerticalMerge(v, top, prevCol);
      if (headerRows.length === 1 || vm) {
        setValue(sheet, top, newCol, text);
        if (vm) writes.push({ kind: "merge", sheet, r1: top, c1: newCol, r2: vm.r2, c2: newCol });
        return;
      }
      const subText = v.cell(sub, prevCol)?.value;
      if (!yearOfBlock && (subText === undefined || subText === null || subText === "")) {
        setValue(sheet, top, newCol, text);
        return;
      }
      if (yearOfBlock && group !== undefined && group !== null && !inHorizontalMerge(v, top, prevCol)) setValue(sheet, top, newCol, group);
      setValue(sheet, sub, newCol, text);
    };
    const subHeaderOf = (col: number) => {
      if (headerRows.length === 1 || isVerticalMerge(v, top, col)) return v.cell(top, col)?.value;
      const t = v.cell(sub, col)?.value;
      return t === undefined || t === null || t === "" ? v.cell(top, col)?.value : t;
    };

    for (const ins of tp.insertions) {
      ins.newCols.forEach((nc, k) => {
        const newCol = map.newCol(ins, k);
        const b = nc.block!;
        if (b === "indicator" || b === "ms" || b === "dgas" || b === "cd" || b === "fir" || b === "etat" || b === "ondam") {
          const prev = v.yearCol(b, last)!;
          writeHeader(prev, newCol, nextHeader(subHeaderOf(prev), last, year, String(year)), true);
          if (b === "indicator") return;
          const ms = v.yearCol("ms", last);
          const dgas = v.yearCol("dgas", last);
          for (const r of dataRows) {
            const prevCell = v.cell(r.row, prev);
            if (b === "cd" && ms !== undefined && dgas !== undefined && prevCell?.formula) {
              // Total CD of the new year = masse salariale + DGAS of the new year.
              const msNew = map.final(ms) + 1;
              const dgasNew = map.final(dgas) + 1;
              setFormula(sheet, r.row, newCol, `${colToLetters(msNew)}${r.row}+${colToLetters(dgasNew)}${r.row}`, 0, prevCell.numFmt);
            } else setFormat(sheet, r.row, newCol, prevCell?.numFmt);
          }
          for (const r of totals) fillRight(v, tables, r, prev, newCol, setFormula, setFormat, dataRows, 0);
          return;
        }
        if (b === "realised") {
          const prev = realisedNow!;
          writeHeader(prev, newCol, nextHeader(subHeaderOf(prev), last, year, addYearText.realisedHeader(year)));
          for (const r of dataRows) setFormat(sheet, r.row, newCol, v.cell(r.row, prev)?.numFmt);
          for (const r of totals) fillRight(v, tables, r, prev, newCol, setFormula, setFormat, dataRows, 0);
          return;
        }
        if (b === "rate") {
          const prev = rateNow!;
          writeHeader(prev, newCol, nextHeader(subHeaderOf(prev), last, year, addYearText.rateHeader(year)));
          const realisedCol = map.newCol(ins, 0);
          for (const r of [...dataRows.filter((x) => x.kind !== "objective"), ...totals.filter((x) => x.kind === "total")]) {
            const terms = (["cd", "fir", "etat", "ondam"] as const)
              .map((bb) => v.yearCol(bb, last))
              .filter((c): c is number => c !== undefined)
              .map((c) => `${colToLetters(map.final(c) + 1)}${r.row}`);
            if (!terms.length) continue;
            setFormula(sheet, r.row, newCol, rateFormula(`${colToLetters(realisedCol)}${r.row}`, terms.join("+")), "", v.cell(r.row, prev)?.numFmt ?? "0%");
          }
          return;
        }
        if (b === "realisedTo" || b === "consumedTo") {
          // The former cumulative, kept as a value under a header that says up to when.
          const from = b === "realisedTo" ? since! : sSince!;
          const header = b === "realisedTo" ? addYearText.priorHeader(last) : priorSummaryHeader(v, last);
          writeHeader(from, newCol, header);
          for (const r of dataRows) {
            const c = v.cell(r.row, from);
            const n = cachedNumber(c);
            if (n !== null && !(n === 0 && !c?.formula && c?.value === null)) setValue(sheet, r.row, newCol, n, c?.numFmt);
            else setFormat(sheet, r.row, newCol, c?.numFmt);
          }
          for (const r of totals) fillRight(v, tables, r, from, newCol, setFormula, setFormat, dataRows, cachedNumber(v.cell(r.row, from)));
          return;
        }
        if (b === "consumedIn") {
          const prev = v.col("consumedLastYear")!;
          writeHeader(prev, newCol, nextHeader(subHeaderOf(prev), last, year, addYearText.consumedYearHeader(year)));
          for (const r of dataRows) setFormat(sheet, r.row, newCol, v.cell(r.row, prev)?.numFmt);
          for (const r of totals) fillRight(v, tables, r, prev, newCol, setFormula, setFormat, dataRows, 0);
        }
      });
    }

    // Block totals and Moyens financiers: their SUM ranges end at the old last year; inserting at the edge does not extend them.
    if (v === d) {
      let constantBudgets = 0;
      for (const r of [...dataRows, ...totals]) {
        for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
          const totalCol = v.col(`${b}Total` as SingleRole);
          const prev = v.yearCol(b, last);
          if (totalCol === undefined || prev === undefined) continue;
          const cell = v.cell(r.row, totalCol);
          const newCol = map.final(prev) + 1;
          if (cell?.formula) {
            const f = shifted(cell)!;
            const ext = extendFormula(f, sheet, r.row, map.final(prev), newCol);
            if (ext) setFormula(sheet, r.row, map.final(totalCol), ext, cachedNumber(cell), cell.numFmt);
            // A TOTAL-row SUM over its column needs nothing; a formula naming the old last year that we cannot extend is said.
            else if (rowsReferenced(f, map.final(prev), sheet, sheet).has(r.row)) plan.notes.push(addYearText.formulaNotExtended(`${sheet}!${addr(r.row, map.final(totalCol))}`));
          } else if (typeof cell?.value === "number" && (r.kind === "fiche" || r.kind === "continuation" || r.kind === "total")) {
            const first = map.final(v.yearCol(b, v.years(b)[0]!)!);
            const formula = `SUM(${colToLetters(first)}${r.row}:${colToLetters(newCol)}${r.row})`;
            plan.conflicts.push({ sheet, cell: addr(r.row, map.final(totalCol)), fiche: r.fiche ?? r.continuationOf, current: cell.value, planned: `=${formula}`, reason: "constant-total" });
            if (options.force) setFormula(sheet, r.row, map.final(totalCol), formula, cell.value, cell.numFmt);
          }
        }
        const budgetCol = v.col("budget");
        const bc = budgetCol === undefined ? undefined : v.cell(r.row, budgetCol);
        if (bc?.formula) {
          // Moyens usually adds the block totals (which now include the year); when it sums year cells, extend those too.
          let f = shifted(bc)!;
          let changed = false;
          for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const) {
            const prev = v.yearCol(b, last);
            if (prev === undefined) continue;
            const ext = extendFormula(f, sheet, r.row, map.final(prev), map.final(prev) + 1, false);
            if (ext) {
              f = ext;
              changed = true;
            }
          }
          if (changed) setFormula(sheet, r.row, map.final(budgetCol!), f, cachedNumber(bc), bc.numFmt);
        } else if (typeof bc?.value === "number" && r.kind === "fiche") constantBudgets++;
      }
      if (constantBudgets) plan.notes.push(addYearText.constantBudget(constantBudgets));
      // Cumulative realisations: prior (as a value) + the new year, live.
      if (since !== undefined) {
        const sinceFinal = map.final(since);
        const realisedIns = dIns.find((i) => i.newCols.some((c) => c.block === "realised"))!;
        const newRealised = map.newCol(realisedIns, 0);
        const priorCol = priorExists ? map.final(d.yearCol("realisedTo", d.years("realisedTo")[0]!)!) : map.newCol(realisedIns, realisedIns.newCols.length - 1);
        for (const r of dataRows) {
          const c = v.cell(r.row, since);
          const old = cachedNumber(c);
          if (priorExists) {
            if (c?.formula) setFormula(sheet, r.row, sinceFinal, `${shifted(c)}+${colToLetters(newRealised)}${r.row}`, old, c.numFmt);
            else if (c && old !== null) plan.conflicts.push({ sheet, cell: addr(r.row, sinceFinal), fiche: r.fiche ?? r.continuationOf, current: old, planned: null, reason: "user-value" });
          } else if (old !== null || c?.formula) {
            setFormula(sheet, r.row, sinceFinal, `${colToLetters(priorCol)}${r.row}+${colToLetters(newRealised)}${r.row}`, old ?? 0, c?.numFmt);
          }
        }
        const rg = v.col("rateGlobal");
        const rgText = rg === undefined ? undefined : subHeaderOf(rg);
        if (rg !== undefined && typeof rgText === "string") {
          const t = extendYearText(rgText, last, year);
          if (t !== rgText) writeHeader2(v, rg, map.final(rg), t, setValue);
        }
      }
      // Headers that list the years follow the formulas they head.
      for (const role of ["budget", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"] as const) {
        const c = v.col(role);
        if (c === undefined) continue;
        for (const hr of headerRows) {
          const t = v.cell(hr, c)?.value;
          if (typeof t !== "string") continue;
          const next = extendYearText(t, last, year);
          if (next !== t) setValue(sheet, hr, map.final(c), next);
        }
      }
    } else if (sSince !== undefined) {
      const sinceFinal = map.final(sSince);
      const ins = tp.insertions[0]!;
      const priorCol = map.newCol(ins, 0);
      const yearCol = map.newCol(ins, 1);
      for (const r of dataRows) {
        const c = v.cell(r.row, sSince);
        const old = cachedNumber(c);
        if (old === null && !c?.formula) continue;
        setFormula(sheet, r.row, sinceFinal, `${colToLetters(priorCol)}${r.row}+${colToLetters(yearCol)}${r.row}`, old ?? 0, c?.numFmt);
      }
      const t = subHeaderOf(sSince);
      if (typeof t === "string") {
        const next = extendYearText(t, last, year);
        if (next !== t) writeHeader2(v, sSince, sinceFinal, next, setValue);
      }
    }
  }
  // A loop, not push(...writes): large annexes have hundreds of thousands of edits.
  for (const w of writes) plan.edits.push(w);
  if (shared) for (const w of widthsForSharedSheet(tables)) plan.edits.push(w);
  return plan;
}

/**
 * When only a table's rows shift, column widths stay where they were: each final column is widened to the widest
 * column that lands in it (never narrowed), so that no moved amount shows #####.
 */
function widthsForSharedSheet(tables: TablePlan[]): Edit[] {
  const sheet = tables[0]!.view.sheet;
  const width = (c: number) => sheet.colWidths[c - 1] ?? sheet.defaultColWidth;
  const desired = new Map<number, number>();
  const want = (fc: number, w: number) => desired.set(fc, Math.max(desired.get(fc) ?? 0, w));
  for (const tp of tables) {
    if (!tp.rows || !tp.insertions.length) continue;
    const from = Math.min(...tp.insertions.map((i) => i.at));
    for (let c = from; c <= tp.view.t.range.c2; c++) want(tp.map.final(c), width(c));
    for (const ins of tp.insertions) ins.newCols.forEach((_, k) => want(tp.map.newCol(ins, k), width(ins.copyFormatFrom)));
  }
  const edits: Edit[] = [];
  for (const [fc, w] of [...desired.entries()].sort((a, b) => a[0] - b[0])) {
    if (w > width(fc) + 1e-9) edits.push({ kind: "setColumnWidth", sheet: sheet.name, col: fc, width: w });
  }
  return edits;
}

/** Rewrites the header text of an existing single column (top row when merged down or single-row header, else sub-header). */
function writeHeader2(v: TableView, col: number, finalCol: number, text: string, setValue: (sheet: string, row: number, col: number, value: CellValue) => void): void {
  const top = v.t.headerRows[0]!;
  const sub = v.t.headerRows[v.t.headerRows.length - 1]!;
  const row = v.t.headerRows.length === 1 || isVerticalMerge(v, top, col) || !v.cell(sub, col) ? top : sub;
  setValue(v.sheet.name, row, finalCol, text);
}

function priorSummaryHeader(v: TableView, last: number): string {
  const prevTo = v.years("consumedTo");
  if (prevTo.length) {
    const y = prevTo[prevTo.length - 1]!;
    const c = v.yearCol("consumedTo", y)!;
    const top = v.t.headerRows[0]!;
    const sub = v.t.headerRows[v.t.headerRows.length - 1]!;
    const t = (isVerticalMerge(v, top, c) || v.t.headerRows.length === 1 ? v.cell(top, c) : v.cell(sub, c))?.value;
    if (typeof t === "string" && t.includes(String(y))) return t.split(String(y)).join(String(last));
  }
  return addYearText.consumedPriorHeader(last);
}

/** A total row's cell in a new column: the previous column's formula filled right, or a SUM of the rows it closes. */
function fillRight(
  v: TableView, tables: TablePlan[], r: RowInfo, prevCol: number, newCol: number,
  setFormula: (sheet: string, row: number, col: number, formula: string, result: number | string | null, numFmt?: string) => void,
  setFormat: (sheet: string, row: number, col: number, numFmt: string | undefined) => void,
  dataRows: RowInfo[], result: number | null,
): void {
  const sheet = v.sheet.name;
  const tp = tables.find((t) => t.view === v)!;
  const prev = v.cell(r.row, prevCol);
  if (prev?.formula) {
    const shifted = shiftForPlan(prev.formula, sheet, tables);
    setFormula(sheet, r.row, newCol, translateFormula(shifted, 0, newCol - tp.map.final(prevCol)), result ?? 0, prev.numFmt);
    return;
  }
  const rows = r.kind === "subtotal" && r.group !== undefined ? v.t.groups[r.group]?.rows ?? [] : dataRows.map((x) => x.row);
  if (!rows.length) return setFormat(sheet, r.row, newCol, prev?.numFmt);
  const L = colToLetters(newCol);
  const lo = rows.reduce((a, b) => Math.min(a, b), Infinity);
  const hi = rows.reduce((a, b) => Math.max(a, b), -Infinity);
  setFormula(sheet, r.row, newCol, `SUM(${L}${lo}:${L}${hi})`, result ?? 0, prev?.numFmt);
}
