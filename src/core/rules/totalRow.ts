import { rulesText } from "../../messages/rules";
import type { RowInfo } from "../layout/types";
import { TableView } from "../layout/view";
import { otherSheetParts } from "../layout/continued";
import { isError, type SheetSnapshot } from "../model/snapshot";
import { amountColumns, columnName, finding, summedColumns } from "./helpers";
import { compareAmounts, roundingTolerance } from "../model/tolerance";
import { withAmountUnit } from "../../messages/unit";
import type { Finding, Rule, RuleContext } from "./types";

/** Decimals the format shows ("# ##0 €" -> 0); General shows them all. */
const decimalsCache = new Map<string, number | null>();
export function shownDecimals(numFmt: string | undefined): number | null {
  if (!numFmt || /^general$/i.test(numFmt)) return null;
  let d = decimalsCache.get(numFmt);
  if (d === undefined) {
    const first = numFmt.split(";")[0]!.replace(/"[^"]*"/g, "");
    const m = /[0#?]\.([0#?]+)/.exec(first);
    d = m ? m[1]!.length : 0;
    decimalsCache.set(numFmt, d);
  }
  return d;
}

/** The number as printed with its format's decimals (General: as stored). */
function rounded(x: number, d: number | null): number {
  return d === null ? x : Math.round(x * 10 ** d) / 10 ** d;
}

/**
 * Whether a row read as a total adds up its rows in most columns. A wrong cell or two is a fault to report; most columns
 * disagreeing means the row is not the total of these rows (a misread row, formulas whose results were never computed):
 * reporting each column would flood.
 */
function confirmed(v: TableView, row: number, sums: Float64Array, cols: number[]): { bad: number; compared: number } {
  let bad = 0;
  let compared = 0;
  for (let k = 0; k < cols.length; k++) {
    const cell = v.cell(row, cols[k]!);
    if (!cell || typeof cell.value !== "number") continue;
    const expected = sums[k]!;
    if (Math.abs(expected) < 0.005 && Math.abs(cell.value) < 0.005) continue;
    compared++;
    if (compareAmounts(expected, cell.value) === "different") bad++;
  }
  return { bad, compared };
}

/**
 * Columns that no sum row of the table adds up (three sum rows or more, every one off or blank): a column read as an
 * amount that does not add (a rate, a misread column), not a fault in each total. A real fault breaks one or two.
 */
function unsummedColumns(v: TableView, checks: Array<{ row: number; rows: number[] }>, cols: number[]): Set<number> {
  const out = new Set<number>();
  if (checks.length < 3) return out;
  const off = new Array<number>(cols.length).fill(0);
  for (const { row, rows } of checks) {
    const sums = columnSums(v, rows, cols).stored;
    for (let k = 0; k < cols.length; k++) {
      const col = cols[k]!;
      const bad = v.isBlank(row, col) ? Math.abs(sums[k]!) > roundingTolerance() : compareAmounts(sums[k]!, v.num(row, col)) === "different";
      if (bad) off[k]!++;
    }
  }
  for (let k = 0; k < cols.length; k++) if (off[k] === checks.length) out.add(cols[k]!);
  return out;
}

/**
 * Each column's sum over the rows, stored and as printed, in one pass row by row (a row's cells sit together in
 * memory; a column read down 100 000 rows misses the cache at every cell). Each column is still summed in row order:
 * the same float result as summing it alone.
 */
function sumColumns(v: TableView, rows: readonly number[], cols: readonly number[]): { stored: Float64Array; shown: Float64Array } {
  const stored = new Float64Array(cols.length);
  const shown = new Float64Array(cols.length);
  addRows(v.sheet.cells, rows, cols, stored, shown);
  return { stored, shown };
}

/**
 * The loop of sumColumns, on its own: compiled while it ran, it was thrown away at its first return (the result's
 * literal had never been reached), once per call, and each call walked its rows in the interpreter again.
 */
function addRows(sheetRows: SheetSnapshot["cells"], rows: readonly number[], cols: readonly number[], stored: Float64Array, shown: Float64Array): void {
  // Cells of a column mostly share one format string: each column's last answer is kept at hand.
  // Its power of ten too (10 ** d, as rounded() computes it; 0 for General, which shows the number as stored).
  const lastFmt: Array<string | undefined> = cols.map(() => undefined);
  const lastScale = new Float64Array(cols.length);
  for (let i = 0; i < rows.length; i++) {
    const cells = sheetRows[rows[i]! - 1];
    for (let k = 0; k < cols.length; k++) {
      // The cell looked up once for its number (as v.num reads it: anything but a number counts 0) and its format.
      const cell = cells?.[cols[k]! - 1];
      const x = cell && typeof cell.value === "number" ? cell.value : 0;
      stored[k]! += x;
      const fmt = cell?.numFmt;
      if (fmt !== lastFmt[k]) {
        const d = shownDecimals(fmt);
        lastFmt[k] = fmt;
        lastScale[k] = d === null ? 0 : 10 ** d;
      }
      const p = lastScale[k]!;
      shown[k]! += p === 0 ? x : Math.round(x * p) / p;
    }
  }
}

/**
 * Column sums of a view's row lists, kept per view: the rule sums each sum row's rows to find unsummed columns, then
 * again to check each total, and fiche-numbering once more (rowsConfirmed). A view reads its snapshot as it was made.
 */
const sumsMemo = new WeakMap<TableView, Map<readonly number[], Map<number, [number, number]>>>();

function columnSums(v: TableView, rows: readonly number[], cols: readonly number[]): { stored: Float64Array; shown: Float64Array } {
  let byRows = sumsMemo.get(v);
  if (!byRows) sumsMemo.set(v, (byRows = new Map()));
  let known = byRows.get(rows);
  if (!known) byRows.set(rows, (known = new Map()));
  const missing = cols.filter((c) => !known.has(c));
  if (missing.length) {
    const fresh = sumColumns(v, rows, missing);
    missing.forEach((c, k) => known.set(c, [fresh.stored[k]!, fresh.shown[k]!]));
  }
  const stored = new Float64Array(cols.length);
  const shown = new Float64Array(cols.length);
  cols.forEach((c, k) => {
    const [s, p] = known.get(c)!;
    stored[k] = s;
    shown[k] = p;
  });
  return { stored, shown };
}

/** A view's data rows by number, one array per view (the memo above is keyed by the array). */
const dataRowsMemo = new WeakMap<TableView, number[]>();
function dataRowNumbers(v: TableView): number[] {
  let rows = dataRowsMemo.get(v);
  if (!rows) dataRowsMemo.set(v, (rows = v.dataRows().map((r) => r.row)));
  return rows;
}

function checkTotal(
  v: TableView,
  totalRow: RowInfo,
  rows: number[],
  rowsLabel: string,
  label: string,
  out: Finding[],
  skip = new Set<number>(),
  /** Sums of the same columns over rows on other sheets (the other parts of a detail continued there). */
  elsewhere?: (cols: number[]) => Float64Array,
): void {
  const cols = summedColumns(v).filter((c) => !skip.has(c));
  const own = columnSums(v, rows, cols);
  const more = elsewhere?.(cols);
  const sums = more ? { stored: own.stored.map((x, k) => x + more[k]!), shown: own.shown.map((x, k) => x + more[k]!) } : own;
  const { bad, compared } = confirmed(v, totalRow.row, sums.stored, cols);
  if (compared >= 3 && bad * 2 > compared) {
    out.push(finding(v, "total-row", "info", totalRow.row, cols[0]!, null, rulesText.totalUnread(label, totalRow.row, rowsLabel, bad, compared), null, null));
    return;
  }
  for (let k = 0; k < cols.length; k++) {
    const col = cols[k]!;
    const cell = v.cell(totalRow.row, col);
    if (cell && (typeof cell.value === "string" || isError(cell.value))) continue; // number-as-text / cell-error say it
    const expected = sums.stored[k]!;
    const blank = v.isBlank(totalRow.row, col);
    if (blank) {
      if (Math.abs(expected) > roundingTolerance() && col !== v.col("gap"))
        out.push(finding(v, "total-row", "error", totalRow.row, col, null, rulesText.totalBlank(label, columnName(v, col), expected), expected, null));
      continue;
    }
    const actual = v.num(totalRow.row, col);
    const cmp = compareAmounts(expected, actual);
    if (cmp === "equal") {
      // Stored cents agree, but a reader adding the printed rows finds another total (hidden cents).
      const shownRows = sums.shown[k]!;
      const shownTotal = rounded(v.num(totalRow.row, col), shownDecimals(cell?.numFmt));
      // Printed figures a unit apart (1 k€ in a table shown in whole k€): print rounding, whatever the unit.
      if (withAmountUnit("eur", () => compareAmounts(shownRows, shownTotal)) === "rounding") {
        out.push(
          finding(
            v,
            "total-row",
            "info",
            totalRow.row,
            col,
            null,
            rulesText.rounding(rulesText.inColumnAsPrinted(label, columnName(v, col)), shownRows, shownTotal),
            shownRows,
            shownTotal,
          ),
        );
      }
      continue;
    }
    out.push(
      cmp === "rounding"
        ? finding(
            v,
            "total-row",
            "info",
            totalRow.row,
            col,
            null,
            rulesText.rounding(rulesText.inColumn(label, columnName(v, col)), expected, actual),
            expected,
            actual,
          )
        : finding(
            v,
            "total-row",
            "error",
            totalRow.row,
            col,
            null,
            rulesText.totalRow(label, columnName(v, col), rowsLabel, expected, actual),
            expected,
            actual,
          ),
    );
  }
}

/**
 * Whether the table's sum rows confirm the rows read under them: a TOTAL or sub-total that disagrees with its rows on
 * most columns means rows were lost to the reading (one swallowed by the header band, one left to another table), so
 * « this fiche is missing » would be a guess. Sum rows with no computed value say nothing either way.
 */
export function rowsConfirmed(v: TableView): boolean {
  const cols = [...amountColumns(v)];
  if (!cols.length) return true;
  const checks = v.t.groups.filter((g) => g.subtotalRow && g.rows.length).map((g) => ({ row: g.subtotalRow!, rows: g.rows }));
  const total = v.t.rows.find((r) => r.kind === "total");
  if (total) checks.push({ row: total.row, rows: dataRowNumbers(v) });
  return checks.every(({ row, rows }) => {
    const { bad, compared } = confirmed(v, row, columnSums(v, rows, cols).stored, cols);
    return !(compared >= 2 && bad * 2 > compared);
  });
}

/**
 * The TOTAL of a detail continued on other sheets (fiches 1-4 on one, 5-8 and the TOTAL on the next): the whole
 * detail's, every part's fiches added, or the part's own. It is checked as whichever of the two most of its columns
 * agree with; when neither, it is not read surely and nothing is said.
 */
export function partTotalFindings(part: TableView, others: TableView[]): Finding[] {
  const total = part.t.rows.find((r) => r.kind === "total");
  if (!total) return [];
  const data = dataRowNumbers(part);
  const cols = summedColumns(part);
  const elsewhere = (cs: number[]) => {
    const out = new Float64Array(cs.length);
    for (const o of others) {
      const s = columnSums(o, dataRowNumbers(o), cs).stored;
      for (let k = 0; k < cs.length; k++) out[k]! += s[k]!;
    }
    return out;
  };
  const own = columnSums(part, data, cols).stored;
  const more = elsewhere(cols);
  const whole = confirmed(
    part,
    total.row,
    own.map((x, k) => x + more[k]!),
    cols,
  );
  const alone = confirmed(part, total.row, own, cols);
  const holds = (o: { bad: number; compared: number }) => o.compared >= 2 && o.bad * 2 < o.compared;
  const out: Finding[] = [];
  const label = rulesText.totalLabel(true);
  if (holds(whole) && whole.bad <= alone.bad) {
    const sheets = [...new Set([...others.map((o) => o.t.sheet), part.t.sheet])];
    checkTotal(part, total, data, rulesText.allPartsRows(sheets), label, out, new Set(), elsewhere);
  } else if (holds(alone)) checkTotal(part, total, data, rulesText.ficheRows(data[0]!, data[data.length - 1]!), label, out);
  return out;
}

export const totalRow: Rule = {
  id: "total-row",
  perRow: false,
  skip: (ctx) => ([ctx.detail, ctx.summary].some((v) => v?.t.totalRow || v?.t.groups.some((g) => g.subtotalRow)) ? null : rulesText.skippedNoTotal),
  run(ctx) {
    const out: Finding[] = [];
    for (const v of [ctx.detail, ctx.summary]) {
      if (!v) continue;
      const data = dataRowNumbers(v);
      const total = v.t.rows.find((r) => r.kind === "total");
      const checks = v.t.groups.filter((g) => g.subtotalRow && g.rows.length).map((g) => ({ row: g.subtotalRow!, rows: g.rows }));
      if (total) checks.push({ row: total.row, rows: data });
      const skip = unsummedColumns(v, checks, summedColumns(v));
      for (const g of v.t.groups) {
        const sub = v.t.rows.find((r) => r.row === g.subtotalRow);
        if (sub && g.rows.length)
          checkTotal(v, sub, g.rows, rulesText.groupRows(g.rows[0]!, g.rows[g.rows.length - 1]!), rulesText.subtotalLabel(g.key), out, skip);
      }
      // (A detail continued on other sheets: its TOTAL may add up every part.)
      const parts = v === ctx.detail ? continuedParts(ctx) : [];
      if (total && parts.length) out.push(...partTotalFindings(v, parts));
      else if (total) checkTotal(v, total, data, rulesText.ficheRows(data[0]!, data[data.length - 1]!), rulesText.totalLabel(v.t.kind === "detail"), out, skip);
    }
    return out;
  },
};

/** The other parts of the detail, on other sheets, read surely (as the cross-table rule takes them). */
export function continuedParts(ctx: RuleContext, of: TableView | null = ctx.detail): TableView[] {
  if (!ctx.detail || !of) return [];
  const tables = [ctx.detail.t, ...otherSheetParts(ctx.layout.tables, ctx.detail.t)].filter((t) => t !== of.t);
  const out: TableView[] = [];
  for (const t of tables) {
    const v = t === ctx.detail.t ? ctx.detail : t.doubts.length || t.doubtful.length ? null : TableView.of(ctx.wb, t);
    if (v) out.push(v);
  }
  return out;
}
