// Add-year, headers: the new columns' headers follow the previous year's wording and the table's header layout
// (merged group header, plain repeated group header, single header row); headers that list years gain the new one.
import { addYearText } from "../../messages/plans";
import type { TableView } from "../layout/view";
import type { CellValue } from "../model/snapshot";
import { StepEdits } from "./addYearStep";

/** Compiled once per year pair (a plan uses one): no pattern is built per call. */
const yearPatterns = new Map<number, [RegExp, RegExp, RegExp]>();

function patternsFor(last: number): [RegExp, RegExp, RegExp] {
  let p = yearPatterns.get(last);
  if (!p) {
    p = [
      new RegExp(`(20\\d{2}\\s*[-–à]\\s*)${last}(?!\\d)`, "g"),
      new RegExp(`((?:20\\d{2},\\s*)+)${last}(?!\\d)`, "g"),
      new RegExp(`(31\\s*/\\s*12\\s*/\\s*)(${last}|${String(last).slice(2)})(?!\\d)`, "g"),
    ];
    yearPatterns.set(last, p);
  }
  return p;
}

/** "(2020, 2021, 2022)" -> "(2020, 2021, 2022, 2023)"; "2020-2022" -> "2020-2023"; "au 31/12/22" -> "au 31/12/23". */
export function extendYearText(text: string, last: number, next: number): string {
  const [span, list, dayEnd] = patternsFor(last);
  let t = text.replace(span, `$1${next}`);
  t = t.replace(list, `$1${last}, ${next}`);
  t = t.replace(dayEnd, (_m, p: string, y: string) => p + (y.length === 2 ? String(next).slice(2) : String(next)));
  return t;
}

/** Header text of a year column for another year: "Total CD 2022" -> "Total CD 2023", 2022 -> 2023. */
export function nextHeader(v: CellValue | undefined, last: number, year: number, fallback: string): CellValue {
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

export function isVerticalMerge(view: TableView, row: number, col: number): { r2: number } | null {
  const m = view.sheet.merges.find((x) => x.r1 === row && x.c1 === col && x.c2 === col && x.r2 > x.r1);
  return m ? { r2: m.r2 } : null;
}

function inHorizontalMerge(view: TableView, row: number, col: number): boolean {
  return view.sheet.merges.some((x) => x.r1 <= row && x.r2 >= row && x.c1 <= col && x.c2 >= col && x.c2 > x.c1);
}

const isEmpty = (v: CellValue | undefined) => v === undefined || v === null || v === "";

/** A column's own header: the top row when it spans the header rows (or there is one), else the sub-header. */
export function subHeaderOf(v: TableView, col: number): CellValue | undefined {
  const top = v.t.headerRows[0]!;
  const sub = v.t.headerRows[v.t.headerRows.length - 1]!;
  if (v.t.headerRows.length === 1 || isVerticalMerge(v, top, col)) return v.cell(top, col)?.value;
  const t = v.cell(sub, col)?.value;
  return isEmpty(t) ? v.cell(top, col)?.value : t;
}

/**
 * Headers of a new column written like those of `prevCol`: the sub-header takes `text`, a plain repeated group header
 * is repeated, a column merged down the header rows gets its own merge. A year column of a block sits under a group
 * header (named in the preview label); a single column has its text in one row only.
 */
export function newColumnHeader(out: StepEdits, v: TableView, prevCol: number, newCol: number, text: CellValue, yearOfBlock = false): void {
  const sheet = v.sheet.name;
  const headerRows = v.t.headerRows;
  const top = headerRows[0]!;
  const sub = headerRows[headerRows.length - 1]!;
  const group = v.cell(top, prevCol)?.value;
  const vm = isVerticalMerge(v, top, prevCol);
  const groupText = yearOfBlock && headerRows.length > 1 && !vm ? groupTextOf(v, top, prevCol) : "";
  const label = groupText && !String(text).toLowerCase().includes(groupText.toLowerCase()) ? `${groupText} ${text}` : String(text);
  out.newColumns.push({ sheet, col: newCol, label });
  if (headerRows.length === 1 || vm) {
    out.value(sheet, top, newCol, text);
    if (vm) out.edits.push({ kind: "merge", sheet, r1: top, c1: newCol, r2: vm.r2, c2: newCol });
    return;
  }
  if (!yearOfBlock && isEmpty(v.cell(sub, prevCol)?.value)) {
    out.value(sheet, top, newCol, text);
    return;
  }
  if (yearOfBlock && group !== undefined && group !== null && !inHorizontalMerge(v, top, prevCol)) out.value(sheet, top, newCol, group);
  out.value(sheet, sub, newCol, text);
}

/** Rewrites the header of an existing single column (top row when merged down or single-row header, else sub-header). */
export function rewriteHeader(out: StepEdits, v: TableView, col: number, finalCol: number, text: string): void {
  const top = v.t.headerRows[0]!;
  const sub = v.t.headerRows[v.t.headerRows.length - 1]!;
  const row = v.t.headerRows.length === 1 || isVerticalMerge(v, top, col) || !v.cell(sub, col) ? top : sub;
  out.value(v.sheet.name, row, finalCol, text);
}

/** The summary's "consumed up to N" header, worded like an earlier one when there is one. */
export function priorSummaryHeader(v: TableView, last: number): string {
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

/** Step 6 (detail): headers that list the years (Moyens financiers, block totals) follow the formulas they head. */
export function yearListHeaders(v: TableView, final: (col: number) => number, last: number, year: number): StepEdits {
  const out = new StepEdits();
  for (const role of ["budget", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal"] as const) {
    const c = v.col(role);
    if (c === undefined) continue;
    for (const hr of v.t.headerRows) {
      const t = v.cell(hr, c)?.value;
      if (typeof t !== "string") continue;
      const next = extendYearText(t, last, year);
      if (next !== t) out.value(v.sheet.name, hr, final(c), next);
    }
  }
  return out;
}
