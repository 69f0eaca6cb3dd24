// A reading is a hypothesis: the table's own arithmetic confirms or refutes the roles given to its columns.
// A relation that fails on most rows means the reading is wrong, not the data (one wrong cell fails one row):
// the next hypothesis is tried (realisations swapped), else the role is doubtful and the rules that need it are skipped.
import { colToLetters } from "../model/a1";
import { isError, type Cell, type SheetSnapshot } from "../model/snapshot";
import { incompleteText } from "../../messages/layout";
import type { RowInfo, SingleRole, TableKind, YearBlock } from "./types";
import { EPS } from "../model/tolerance";
import { keptPrecision, unitOfFormat, unitStated } from "./amountUnit";
import { rowsByFiche } from "./ficheRows";
import { norm } from "./normalize";

export interface Doubt {
  key: string;
  col: number;
  why: string;
}

type Columns = Partial<Record<SingleRole, number>>;
type Blocks = Partial<Record<YearBlock, Record<number, number>>>;

/** Print tolerance: hidden cents make a printed total differ by up to 1 €. */
const TOLERANCE = 1.005;
/** A relation refutes a reading when it fails on more than this share of the rows where it can be evaluated... */
const REFUTED = 0.5;
/** ...and on at least this many rows (two rows out of two is a pattern, one is a typo). */
const MIN_FAILS = 2;

const SAMPLE = 300;
/** Rows on which a column must equal a block's years, every one, to be taken for that block's total. */
const MIN_BLOCK_ROWS = 3;
const AMOUNT_BLOCKS = ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const;

class Cells {
  constructor(private readonly sheet: SheetSnapshot) {}
  /** The number a cell shows; null for text, errors, blanks and formulas never calculated. */
  num(row: number, col: number | undefined): number | null {
    if (col === undefined) return null;
    const c = this.sheet.cells[row - 1]?.[col - 1];
    if (!c) return null;
    return typeof c.value === "number" ? c.value : null;
  }
  /** As SUM sees it. */
  sum0(row: number, col: number | undefined): number {
    return this.num(row, col) ?? 0;
  }
  /** The number format of a cell holding a number; null otherwise. */
  numFmt(row: number, col: number): string | null {
    const c = this.sheet.cells[row - 1]?.[col - 1];
    return c && typeof c.value === "number" ? (c.numFmt ?? null) : null;
  }
  isText(row: number, col: number): boolean {
    const v = this.sheet.cells[row - 1]?.[col - 1]?.value;
    return (typeof v === "string" && v.trim() !== "" && !/^[-\s€]*$/.test(v)) || (v !== null && v !== undefined && typeof v === "object" && !isError(v));
  }
}

/** What a column holds on the sample's rows: texts, numbers (not texts), numbers not zero, and fractions (≤ 1,5) among those. */
interface ColumnCounts {
  text: number;
  numbers: number;
  nonzero: number;
  fractions: number;
}

function countColumn(cells: Cells, rows: number[], col: number): ColumnCounts {
  const out: ColumnCounts = { text: 0, numbers: 0, nonzero: 0, fractions: 0 };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    const v = cells.num(r, col);
    if (cells.isText(r, col)) out.text++;
    else if (v !== null) out.numbers++;
    if (v === null || Math.abs(v) < EPS) continue;
    out.nonzero++;
    if (Math.abs(v) <= 1.5 && !Number.isInteger(v)) out.fractions++;
  }
  return out;
}

interface Outcome {
  evaluated: number;
  failed: number;
}
/** Rates typed in percentage points (85 for 85 %): confirmed, not merely not refuted, on enough rows. */
const inPoints = (o: Outcome) => o.evaluated >= MIN_FAILS + 1 && o.failed * 4 <= o.evaluated;
const refuted = (o: Outcome) => o.failed >= MIN_FAILS && o.failed > REFUTED * o.evaluated;
const rate = (o: Outcome) => (o.evaluated ? o.failed / o.evaluated : 0);

/**
 * A relation over units: one row, or a fiche spread over several rows, whose total may be written once (merged down)
 * while its parts stay per row. `pair` gives a row's expected value and the value read (null: nothing written there).
 */
function test(units: number[][], pair: (row: number) => [number, number | null] | null): Outcome {
  let evaluated = 0;
  let failed = 0;
  for (const u of units) {
    let expected = 0;
    let actual = 0;
    let written = false;
    for (const r of u) {
      const p = pair(r);
      if (!p) continue;
      expected += p[0];
      if (p[1] !== null) {
        actual += p[1];
        written = true;
      }
    }
    if (!written || (Math.abs(expected) < EPS && Math.abs(actual) < EPS)) continue;
    evaluated++;
    if (Math.abs(expected - actual) > TOLERANCE) failed++;
  }
  return { evaluated, failed };
}

/**
 * The budget above the parts read on several units and never below them: the money of a funder whose column was not
 * read, not typing errors (one wrong budget is one unit; a missed funder is every fiche it funds).
 */
function partMissing(units: number[][], partsOf: (r: number) => number, budgetOf: (r: number) => number | null): boolean {
  let over = 0;
  let under = 0;
  for (const u of units) {
    let written = false;
    let b = 0;
    let p = 0;
    for (const r of u) {
      const v = budgetOf(r);
      if (v !== null) {
        written = true;
        b += v;
      }
      p += partsOf(r);
    }
    if (!written) continue;
    if (b - p > TOLERANCE) over++;
    else if (p - b > TOLERANCE) under++;
  }
  return over >= MIN_FAILS && under === 0;
}

/**
 * A block's years adding up to its total exactly on every row where they hold money (small k€ amounts, 0,35 + 1,2 =
 * 1,55): amounts, which rates never do. Exactly, not within the euro of print rounding, which fractions always meet.
 */
function addsUpExactly(key: string, columns: Columns, blocks: Blocks, units: number[][], cells: Cells): boolean {
  const m = /^(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total)$/.exec(key);
  const b = m?.[1] as (typeof AMOUNT_BLOCKS)[number] | undefined;
  const total = b ? columns[`${b}Total` as SingleRole] : undefined;
  const years = b ? Object.values(blocks[b] ?? {}) : [];
  if (total === undefined || years.length < 2) return false;
  let held = 0;
  for (const r of units.flat()) {
    const t = cells.num(r, total);
    if (t === null) continue;
    const sum = years.reduce((a, c) => a + cells.sum0(r, c), 0);
    if (Math.abs(sum) < EPS && Math.abs(t) < EPS) continue;
    if (Math.abs(sum - t) > 1e-6 * Math.max(1, Math.abs(t))) return false;
    held++;
  }
  return held >= MIN_BLOCK_ROWS;
}

/** A confirmation needs this many units, and fails on at most a quarter of those it holds on (one typo is a fault). */
const confirmed = (held: number, failed: number) => held >= MIN_FAILS && failed * 4 <= held;

/** Equal to the cent of a k€ amount, not within the euro of print rounding (which fractions always meet). */
const exactly = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/**
 * Small amounts (k€ of one year: 0,5, 1,4, 0,1) look like rates. The budget adding up, to the cent, the parts this
 * column is one of, on the rows where it holds fractions, says it is money: a column of rates never adds up so.
 * A year counts through its block's total only where its years make that total exactly; masse salariale and DGAS through
 * Total CD likewise.
 */
function addedUpByBudget(kind: TableKind, col: number, columns: Columns, blocks: Blocks, rows: number[], cells: Cells): boolean {
  const budget = columns.budget;
  if (budget === undefined) return false;
  /** A block's amount on row r and the columns that make it exactly; null when nothing of it is read. */
  const block = (r: number, b: (typeof AMOUNT_BLOCKS)[number]): { v: number; cols: number[] } | null => {
    const ys = Object.values(blocks[b] ?? {});
    const t = columns[`${b}Total` as SingleRole];
    const ysum = ys.reduce((a, c) => a + cells.sum0(r, c), 0);
    const total = cells.num(r, t);
    let out: { v: number; cols: number[] } | null =
      total !== null ? { v: total, cols: [t!, ...(exactly(ysum, total) ? ys : [])] } : ys.length ? { v: ysum, cols: ys } : null;
    if (b !== "cd") return out;
    const ms = block(r, "ms");
    const dgas = block(r, "dgas");
    if (!ms && !dgas) return out;
    const split = { v: (ms?.v ?? 0) + (dgas?.v ?? 0), cols: [...(ms?.cols ?? []), ...(dgas?.cols ?? [])] };
    if (!out) out = split;
    else if (exactly(split.v, out.v)) out.cols.push(...split.cols);
    return out;
  };
  const parts = (r: number): { v: number; cols: number[] } => {
    if (kind === "summary") {
      const cs = (["departement", "fir", "etat", "ondam"] as const).map((k) => columns[k]).filter((c): c is number => c !== undefined);
      return { v: cs.reduce((a, c) => a + cells.sum0(r, c), 0), cols: cs };
    }
    const bs = (["cd", "fir", "etat", "ondam"] as const).map((b) => block(r, b)).filter((x): x is { v: number; cols: number[] } => x !== null);
    return { v: bs.reduce((a, x) => a + x.v, 0), cols: bs.flatMap((x) => x.cols) };
  };
  let held = 0;
  let failed = 0;
  for (const r of rows) {
    const v = cells.num(r, col);
    if (v === null || Math.abs(v) < EPS || Math.abs(v) > 1.5 || Number.isInteger(v)) continue;
    const b = cells.num(r, budget);
    const p = parts(r);
    if (b !== null && p.cols.includes(col) && exactly(p.v, b)) held++;
    else failed++;
  }
  return confirmed(held, failed);
}

/** A rate equal to a ratio of two amounts as printed to the percent, on its column's scale (1, or 100 for points). */
const isRateOf = (rate: number, ratio: number, scale: number) => Math.abs(rate - scale * ratio) <= 0.0051 * scale;

/**
 * Small amounts (k€: 0,35, 1,2) look like rates; the table's own arithmetic tells them apart. Amounts add up, to the
 * cent (a gap = the budget less the cumulative, the prior balance + the year = the cumulative, the budget = its parts),
 * and a rate is a ratio of two amounts (the year's rate = the year's realisations / the year's planned money). A column
 * whose role such a relation confirms on most units where it holds money is money whatever its size; a column of rates
 * read as an amount satisfies none of them.
 */
function confirmedByArithmetic(
  kind: TableKind,
  key: string,
  col: number,
  columns: Columns,
  blocks: Blocks,
  years: number[],
  units: number[][],
  cells: Cells,
): boolean {
  const money = (u: number[]) => u.some((r) => Math.abs(cells.sum0(r, col)) >= EPS);
  /** `pair` gives a row's expected value for the column (null: not evaluable on that row); exact over each unit. */
  const adds = (pair: (r: number) => number | null): boolean => {
    let held = 0;
    let failed = 0;
    for (const u of units) {
      if (!money(u)) continue;
      let expected = 0;
      let actual = 0;
      let evaluable = false;
      for (const r of u) {
        const e = pair(r);
        if (e === null) continue;
        evaluable = true;
        expected += e;
        actual += cells.sum0(r, col);
      }
      if (!evaluable) continue;
      if (exactly(actual, expected)) held++;
      else failed++;
    }
    return confirmed(held, failed);
  };
  /** The rate column `rateCol` = this column / the planned money, row by row. */
  const ratio = (rateCol: number | undefined, plannedOf: (r: number) => number | null): boolean => {
    if (rateCol === undefined) return false;
    // (Typed in percentage points when most of its figures are above 1,5: one scale per column, never whichever fits.)
    let points = 0;
    let figures = 0;
    for (const r of units.flat()) {
      const x = cells.num(r, rateCol);
      if (x === null || Math.abs(x) < EPS) continue;
      figures++;
      if (Math.abs(x) > 1.5) points++;
    }
    const scale = points * 2 > figures ? 100 : 1;
    let held = 0;
    let failed = 0;
    for (const r of units.flat()) {
      const v = cells.num(r, col);
      const rate = cells.num(r, rateCol);
      const p = plannedOf(r);
      if (v === null || Math.abs(v) < EPS || rate === null || p === null || Math.abs(p) < EPS) continue;
      if (isRateOf(rate, v / p, scale)) held++;
      else failed++;
    }
    return confirmed(held, failed);
  };
  const num = (c: number | undefined) => (r: number) => (c === undefined ? null : cells.num(r, c));
  const yearsOf = (b: YearBlock) => Object.values(blocks[b] ?? {});
  if (kind === "summary") {
    const [p, l, s] = [columns.consumedPrior, columns.consumedLastYear, columns.consumedSinceStart];
    const parts = (["departement", "fir", "etat", "ondam"] as const).map((k) => columns[k]).filter((c): c is number => c !== undefined);
    const rel: Record<string, () => boolean> = {
      consumedSinceStart: () => p !== undefined && l !== undefined && adds((r) => cells.sum0(r, p) + cells.sum0(r, l)),
      consumedLastYear: () => p !== undefined && s !== undefined && adds((r) => (cells.num(r, s) === null ? null : cells.sum0(r, s) - cells.sum0(r, p))),
      budget: () => parts.length >= 2 && adds((r) => parts.reduce((a, c) => a + cells.sum0(r, c), 0)),
    };
    return rel[key]?.() ?? false;
  }
  const { budget, realisedPrior: prior, realisedLastYear: last, realisedSinceStart: since, gap } = columns;
  const budgetAt = num(budget);
  const yl = years.length ? years[years.length - 1]! : null;
  const lastYearCols = (): number[] => {
    if (yl === null) return [];
    const at = (b: YearBlock) => blocks[b]?.[yl];
    const cd = at("cd") !== undefined ? [at("cd")] : [at("ms"), at("dgas")];
    const cs = [...cd, at("fir"), at("etat"), at("ondam")];
    // (A funder written for the period only: the year's planned money is unknown.)
    const periodOnly = (["fir", "etat", "ondam"] as const).some((b) => at(b) === undefined && columns[`${b}Total`] !== undefined);
    return periodOnly ? [] : cs.filter((c): c is number => c !== undefined);
  };
  const blockOf = (r: number, b: YearBlock): number => {
    const t = columns[`${b}Total` as SingleRole];
    if (t !== undefined && cells.num(r, t) !== null) return cells.sum0(r, t);
    if (yearsOf(b).length) return yearsOf(b).reduce((a, c) => a + cells.sum0(r, c), 0);
    return b === "cd" ? blockOf(r, "ms") + blockOf(r, "dgas") : 0;
  };
  const rel: Record<string, () => boolean> = {
    gap: () => budget !== undefined && since !== undefined && adds((r) => (budgetAt(r) === null ? null : budgetAt(r)! - cells.sum0(r, since))),
    realisedSinceStart: () =>
      (budget !== undefined && gap !== undefined && adds((r) => (budgetAt(r) === null ? null : budgetAt(r)! - cells.sum0(r, gap)))) ||
      (prior !== undefined && last !== undefined && adds((r) => cells.sum0(r, prior) + cells.sum0(r, last))) ||
      ratio(columns.rateGlobal, budgetAt),
    realisedLastYear: () => {
      const planned = lastYearCols();
      return (
        (prior !== undefined && since !== undefined && adds((r) => (cells.num(r, since) === null ? null : cells.sum0(r, since) - cells.sum0(r, prior)))) ||
        (planned.length > 0 && ratio(columns.rateLastYear, (r) => planned.reduce((a, c) => a + cells.sum0(r, c), 0)))
      );
    },
    budget: () =>
      (since !== undefined && gap !== undefined && adds((r) => cells.sum0(r, since) + cells.sum0(r, gap))) ||
      ((["cd", "ms", "dgas", "fir", "etat", "ondam"] as const).some((b) => yearsOf(b).length || columns[`${b}Total` as SingleRole] !== undefined) &&
        adds((r) => (["cd", "fir", "etat", "ondam"] as const).reduce((a, b) => a + blockOf(r, b), 0))),
  };
  return rel[key]?.() ?? false;
}

/**
 * The rows as units: a continuation joins the last unit of its fiche, every other data row is a unit of its own. (The
 * fiches' map is built only for a continuation of another fiche than the last one: at 10 000 fiches, 10 000 entries
 * for nothing otherwise.)
 */
function unitsOf(rows: RowInfo[]): number[][] {
  const all: number[][] = [];
  const keys: Array<string | null> = [];
  let byFiche: Map<string, number[]> | null = null;
  let lastKey: string | null = null;
  let lastUnit: number[] | null = null;
  const fiches = (): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    for (let i = 0; i < all.length; i++) if (keys[i]) m.set(keys[i]!, all[i]!);
    return m;
  };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r.kind !== "fiche" && r.kind !== "continuation" && r.kind !== "objective") continue;
    const key = r.kind === "fiche" ? r.fiche : r.kind === "continuation" ? r.continuationOf : null;
    if (r.kind === "continuation" && key) {
      const unit = key === lastKey ? lastUnit : (byFiche ??= fiches()).get(key);
      if (unit) {
        unit.push(r.row);
        continue;
      }
    }
    const u = [r.row];
    all.push(u);
    keys.push(key);
    if (key) {
      lastKey = key;
      lastUnit = u;
      byFiche?.set(key, u);
    }
  }
  return all;
}

export function verifyReading(
  sheet: SheetSnapshot,
  kind: TableKind,
  columns: Columns,
  blocks: Blocks,
  years: number[],
  rows: RowInfo[],
  trusted: string[] = [],
  ambiguous: Array<{ role: string; cols: number[] }> = [],
  /** Out: rate columns the numbers show typed in percentage points (85 for 85 %). */
  percentPoints: string[] = [],
  /** Each column's own (lowest) header text, without the groups above it. */
  ownWords: ReadonlyMap<number, string> = new Map(),
): Doubt[] {
  const cells = new Cells(sheet);
  // A fiche spread over several rows is one unit: its relations hold over its rows together.
  const all = unitsOf(rows);
  // A reading is settled by a few hundred fiches; an evenly spread sample keeps large tables fast.
  const step = Math.max(1, Math.ceil(all.length / SAMPLE));
  const data = step === 1 ? all : all.filter((_, i) => i % step === 0);
  const dataRows = data.flat();
  const unitOf = new Map<number, number[]>();
  for (const u of data) if (u.length > 1) for (const r of u) unitOf.set(r, u);
  const doubts: Doubt[] = [];
  const doubt = (key: string, col: number | undefined, why: string) => {
    if (col === undefined || trusted.includes(key) || doubts.some((d) => d.key === key)) return;
    doubts.push({ key, col, why });
  };
  const yearsOf = (b: YearBlock) =>
    Object.keys(blocks[b] ?? {})
      .map(Number)
      .sort((a, c) => a - c);

  // Amount columns that hold text on most rows are not amount columns.
  const amountKeys: Array<[string, number]> = [];
  const singles: SingleRole[] =
    kind === "detail"
      ? ["budget", "msTotal", "dgasTotal", "cdTotal", "firTotal", "etatTotal", "ondamTotal", "realisedLastYear", "realisedSinceStart", "gap"]
      : ["budget", "departement", "fir", "etat", "ondam", "consumedPrior", "consumedLastYear", "consumedSinceStart"];
  for (const r of singles) if (columns[r] !== undefined) amountKeys.push([r, columns[r]]);
  if (kind === "detail") for (const b of AMOUNT_BLOCKS) for (const y of yearsOf(b)) amountKeys.push([`${b}${y}`, blocks[b]![y]!]);
  // Each column's texts, numbers and small fractions counted in one pass over the sample, for both tests below.
  const counted = new Map<number, ColumnCounts>();
  const countsOf = (col: number) => {
    let c = counted.get(col);
    if (!c) counted.set(col, (c = countColumn(cells, dataRows, col)));
    return c;
  };
  const mostlyText = (col: number) => {
    const { text, numbers } = countsOf(col);
    return text >= MIN_FAILS && text > numbers;
  };
  for (const [key, col] of amountKeys) {
    if (!mostlyText(col)) continue;
    // Next hypothesis: another column with the same header reading that does hold amounts.
    const alt = trusted.includes(key) ? undefined : ambiguous.find((a) => a.role === key)?.cols.find((c) => c !== col && !mostlyText(c));
    if (alt !== undefined && key in columns) columns[key as SingleRole] = alt;
    else doubt(key, col, incompleteText.why.notNumbers);
  }

  // A column of rates (« Niveau d'exécution 2026 ») read as an amount: fractions under one euro on most rows with
  // money, where a fiche's amounts are euros.
  const mostlyRates = (col: number) => {
    const { fractions, nonzero } = countsOf(col);
    return fractions >= MIN_FAILS && fractions * 2 > nonzero;
  };
  // Small amounts (k€) look like rates: money shown in a currency format, « 0,5 k€ », is money.
  const moneyFormat = (col: number) => {
    let shown = 0;
    for (const r of dataRows) {
      const v = cells.num(r, col);
      if (v === null || Math.abs(v) < EPS) continue;
      const f = cells.numFmt(r, col);
      if (f === null || unitOfFormat(f) === null) return false;
      shown++;
    }
    return shown >= MIN_FAILS;
  };
  // Its own header saying « (en milliers d'€) », « (k€) », « en € »: money by its own words. (A unit on the group above
  // may span a rate column under it: it does not count.)
  const moneyWords = (col: number) => {
    const w = ownWords.get(col) ?? "";
    return unitStated(w) !== null && !/%|\btaux\b|pourcentage|niveau/.test(norm(w));
  };
  for (const [key, col] of amountKeys)
    if (
      mostlyRates(col) &&
      !moneyFormat(col) &&
      !moneyWords(col) &&
      !addsUpExactly(key, columns, blocks, data, cells) &&
      !addedUpByBudget(kind, col, columns, blocks, dataRows, cells) &&
      !confirmedByArithmetic(kind, key, col, columns, blocks, years, data, cells)
    )
      doubt(key, col, incompleteText.why.rates);

  // A text column (source of co-financing, modalités) holding amounts on most rows is another column read by mistake.
  for (const key of ["source", "modalite", "objectiveType"] as const) {
    const col = columns[key];
    if (col === undefined) continue;
    let text = 0;
    let numbers = 0;
    for (const r of dataRows) {
      if (cells.isText(r, col)) text++;
      else if (cells.num(r, col) !== null && cells.num(r, col) !== 0) numbers++;
    }
    if (numbers >= MIN_FAILS && numbers > text) doubt(key, col, incompleteText.why.notText);
  }

  if (kind === "detail") {
    // A block total worded twice (a funding recap before the blocks, then the block's own total): the column its years
    // add up to on the most rows, then the one nearest them. The choice settles the ambiguity.
    for (const b of AMOUNT_BLOCKS) {
      const role = `${b}Total` as SingleRole;
      const at = ambiguous.findIndex((a) => a.role === role);
      const parts: YearBlock[] = yearsOf(b).length ? [b] : b === "cd" ? ["ms", "dgas"] : [];
      const partCols = parts.flatMap((p) => yearsOf(p).map((y) => blocks[p]![y]!));
      if (at < 0 || trusted.includes(role) || !partCols.length) continue;
      const score = (col: number) => {
        const o = test(data, (r) => [partCols.reduce((a, c) => a + cells.sum0(r, c), 0), cells.num(r, col)]);
        return o.evaluated - 2 * o.failed;
      };
      const near = (col: number) => Math.min(...partCols.map((c) => Math.abs(c - col)));
      const ranked = ambiguous[at]!.cols.map((col) => ({ col, score: score(col), near: near(col) })).sort((x, y) => y.score - x.score || x.near - y.near);
      if (ranked[0]!.score <= 0) continue;
      columns[role] = ranked[0]!.col;
      ambiguous.splice(at, 1);
    }
    const blockSum = (r: number, b: (typeof AMOUNT_BLOCKS)[number]): number => {
      const t = columns[`${b}Total` as SingleRole];
      // (A total the numbers already refuted is not used to test the budget: its years are.)
      if (t !== undefined && cells.num(r, t) !== null && !doubts.some((d) => d.key === `${b}Total`)) return cells.sum0(r, t);
      // A block total written once for a spread fiche counts its other rows' years already.
      if (t !== undefined && unitOf.get(r)?.some((x) => x !== r && cells.num(x, t) !== null)) return 0;
      // No Total CD column at all: the département's share is masse salariale + DGAS.
      if (b === "cd" && t === undefined && !yearsOf("cd").length) return blockSum(r, "ms") + blockSum(r, "dgas");
      return yearsOf(b).reduce((a, y) => a + cells.sum0(r, blocks[b]![y]), 0);
    };
    for (const b of AMOUNT_BLOCKS) {
      const t = columns[`${b}Total` as SingleRole];
      const ys = yearsOf(b);
      if (t === undefined || !ys.length) continue;
      const o = test(data, (r) => [ys.reduce((a, y) => a + cells.sum0(r, blocks[b]![y]), 0), cells.num(r, t)]);
      if (refuted(o)) doubt(`${b}Total`, t, incompleteText.why.yearSum(rate(o)));
    }
    // Total CD = masse salariale + DGAS, on the block totals too (no year to test them by): which side is wrong is unknown.
    const [msT, dgasT, cdT] = [columns.msTotal, columns.dgasTotal, columns.cdTotal];
    if (msT !== undefined && dgasT !== undefined && cdT !== undefined) {
      const o = test(data, (r) => [blockSum(r, "ms") + blockSum(r, "dgas"), cells.num(r, cdT)]);
      if (refuted(o)) for (const b of ["cd", "ms", "dgas"] as const) doubt(`${b}Total`, columns[`${b}Total`], incompleteText.why.cdSplit(rate(o)));
    }
    for (const y of yearsOf("cd")) {
      const cd = blocks.cd![y]!;
      if (blocks.ms?.[y] === undefined || blocks.dgas?.[y] === undefined) continue;
      const o = test(data, (r) => [cells.sum0(r, blocks.ms![y]) + cells.sum0(r, blocks.dgas![y]), cells.num(r, cd)]);
      if (refuted(o)) doubt(`cd${y}`, cd, incompleteText.why.cdSplit(rate(o)));
    }
    const budget = columns.budget;
    if (
      budget !== undefined &&
      (["cd", "ms", "dgas", "fir", "etat", "ondam"] as const).some((b) => columns[`${b}Total` as SingleRole] !== undefined || yearsOf(b).length)
    ) {
      const partsOf = (r: number) => (["cd", "fir", "etat", "ondam"] as const).reduce((a, b) => a + blockSum(r, b), 0);
      const o = test(data, (r) => [partsOf(r), cells.num(r, budget)]);
      const unread = (b: (typeof AMOUNT_BLOCKS)[number]) => !yearsOf(b).length && columns[`${b}Total` as SingleRole] === undefined;
      const someUnread = unread("fir") || unread("etat") || unread("ondam") || (unread("cd") && unread("ms") && unread("dgas"));
      if (refuted(o) || (someUnread && partMissing(data, partsOf, (r) => cells.num(r, budget)))) {
        doubt("budget", budget, incompleteText.why.budgetSum(rate(o)));
        // The relation does not say which side is misread: a funder total that no yearly column confirms (« FIR » read
        // from its first year's column) is as doubtful as the budget.
        for (const b of ["cd", "ms", "dgas", "fir", "etat", "ondam"] as const) {
          if (!yearsOf(b).length) doubt(`${b}Total`, columns[`${b}Total`], incompleteText.why.budgetSum(rate(o)));
        }
      }
    }
    // A span read as realisations (« Cumul 2023-2025 » after a block's years, its group written over the first column
    // only) that is, on every row, the sum of one block's years is that block's total: money planned, not spent. The
    // other column read for the role, if any, is the realisation.
    for (const role of ["realisedSinceStart", "realisedLastYear"] as const) {
      const read = columns[role];
      if (read === undefined || trusted.includes(role)) continue;
      const at = ambiguous.findIndex((a) => a.role === role);
      const candidates = [read, ...(at < 0 ? [] : ambiguous[at]!.cols.filter((c) => c !== read))];
      // (Right after its years and with another column left for the role, two rows are enough: a block with money on
      // two fiches only, « Budget DGAS » / « Cumul 2022-2026 ».)
      const blockOfSpan = (col: number, besideOnTwo = false) =>
        AMOUNT_BLOCKS.find((b) => {
          const ys = yearsOf(b);
          if (ys.length < 2 || columns[`${b}Total` as SingleRole] !== undefined) return false;
          const o = test(data, (r) => [ys.reduce((a, y) => a + cells.sum0(r, blocks[b]![y]), 0), cells.num(r, col)]);
          // One total typed off its years is that fiche's fault (year-sum), not another reading: no realisation
          // equals a block's planned years on all its other rows.
          if (o.evaluated - o.failed >= MIN_BLOCK_ROWS && (o.failed <= 1 || o.failed * 5 <= o.evaluated)) return true;
          return besideOnTwo && o.evaluated >= MIN_FAILS && o.failed === 0 && ys.some((y) => blocks[b]![y] === col - 1);
        });
      // A block with no money at all proves nothing by its sums: its span is known by sitting right after its years,
      // zero on every row like them, and only when another column is left for the role.
      const zeroBlockBefore = (col: number) =>
        AMOUNT_BLOCKS.find((b) => {
          const ys = yearsOf(b);
          if (ys.length < 2 || columns[`${b}Total` as SingleRole] !== undefined || !ys.some((y) => blocks[b]![y] === col - 1)) return false;
          return (
            dataRows.length >= MIN_BLOCK_ROWS &&
            dataRows.every((r) => Math.abs(cells.sum0(r, col)) < EPS && ys.every((y) => Math.abs(cells.sum0(r, blocks[b]![y])) < EPS))
          );
        });
      let left: number[] = [];
      for (const col of candidates) {
        const block = blockOfSpan(col);
        if (block) columns[`${block}Total` as SingleRole] = col;
        else left.push(col);
      }
      if (left.length > 1) {
        const spans = left.map((col) => ({ col, block: blockOfSpan(col, true) }));
        if (spans.some((x) => !x.block)) {
          for (const x of spans) if (x.block) columns[`${x.block}Total` as SingleRole] = x.col;
          left = spans.filter((x) => !x.block).map((x) => x.col);
        }
      }
      if (left.length > 1) {
        const kept: number[] = [];
        for (const col of left) {
          const block = kept.length || left.indexOf(col) < left.length - 1 ? zeroBlockBefore(col) : undefined;
          if (block) columns[`${block}Total` as SingleRole] = col;
          else kept.push(col);
        }
        left = kept;
      }
      if (left.length === candidates.length) continue;
      if (left.length) columns[role] = left[0]!;
      else delete columns[role];
      if (at >= 0) {
        if (left.length > 1) ambiguous[at] = { role, cols: left };
        else ambiguous.splice(at, 1);
      }
    }
    // Cumulative ≥ the year's realisations; if the columns are the other way round, that is the reading.
    let last = columns.realisedLastYear;
    let since = columns.realisedSinceStart;
    /** Rows where the cumulative, as finally read, is below the year's realisations. */
    let cumulativeFails = 0;
    if (last !== undefined && since !== undefined) {
      const below = (l: number, s: number) =>
        test(data, (r) => {
          const a = cells.num(r, l);
          const b = cells.num(r, s);
          if (a === null || b === null) return null;
          return b + TOLERANCE < a ? [a, b] : [a, a];
        });
      const o = below(last, since);
      const guessed = ambiguous.some((a) => a.role === "realisedLastYear" && a.cols.includes(since!));
      if (guessed) {
        // Two columns read as the year's realisations: the one never below the other is the cumulative.
        const swapped = below(since, last);
        if (o.failed === 0 && swapped.failed > 0) {
          /* confirmed as read */
        } else if (swapped.failed === 0 && o.failed > 0) {
          columns.realisedLastYear = since;
          columns.realisedSinceStart = last;
          [last, since] = [since, last];
        } else {
          doubt("realisedSinceStart", since, incompleteText.why.ambiguous([last, since].map(colToLetters)));
          doubt("realisedLastYear", last, incompleteText.why.ambiguous([last, since].map(colToLetters)));
        }
      } else if (refuted(o)) {
        const swapped = below(since, last);
        if (!refuted(swapped) && swapped.failed === 0 && !trusted.includes("realisedLastYear") && !trusted.includes("realisedSinceStart")) {
          columns.realisedLastYear = since;
          columns.realisedSinceStart = last;
          [last, since] = [since, last];
        } else {
          doubt("realisedSinceStart", since, incompleteText.why.cumulative(rate(o)));
          doubt("realisedLastYear", last, incompleteText.why.cumulative(rate(o)));
        }
      }
      cumulativeFails = below(last, since).failed;
    }
    // The balance at the end of the previous year and the year's realisations make the cumulative.
    const prior = columns.realisedPrior;
    if (prior !== undefined && last !== undefined && since !== undefined && !trusted.includes("realisedPrior")) {
      const o = test(data, (r) => [cells.sum0(r, prior) + cells.sum0(r, last), cells.num(r, since)]);
      // No rule needs this column, so it must be confirmed, not merely not refuted: half the rows failing is no reading.
      if (o.failed >= MIN_FAILS && o.failed * 4 > o.evaluated) doubt("realisedPrior", prior, incompleteText.why.consumed(rate(o)));
    }
    const budgetOf = (r: number) =>
      budget !== undefined ? cells.num(r, budget) : (["cd", "fir", "etat", "ondam"] as const).reduce((a, b) => a + blockSum(r, b), 0);
    const gap = columns.gap;
    if (gap !== undefined && since !== undefined) {
      const o = test(data, (r) => {
        const g = cells.num(r, gap);
        const b = budgetOf(r);
        return g === null && b === null ? null : [(b ?? 0) - cells.sum0(r, since), g];
      });
      if (refuted(o)) doubt("gap", gap, incompleteText.why.gap(rate(o)));
    }
    // A rate = its realisations / its planned amount, compared in hundredths of a percent so that the euro tolerance
    // means a printed percent; a spread fiche's rate may be its whole fiche's, written once. Typed in percentage points
    // (85 for 85 %) when only that scale fits.
    // With a funder's column unread, the planned amount lacks its money: the rate computed is above the one written on
    // every fiche it funds, never below.
    // A table types its rates on one scale: a rate that fits points on every row it can be tested on, too few to
    // confirm it alone, follows the other rate the numbers confirmed in points; otherwise it stays doubted.
    const pointsIfShared: Array<{ role: string; col: number; why: string }> = [];
    const fitsPoints = (x: Outcome) => x.evaluated >= MIN_FAILS && x.failed === 0;
    const checkRate = (role: "rateLastYear" | "rateGlobal", rateCol: number, spentCol: number, plannedOf: (r: number) => number, partUnread = false) => {
      const pct = (x: number) => Math.round(x * 100);
      let above = 0;
      let below = 0;
      const outcome = (scale: number): Outcome => {
        const o: Outcome = { evaluated: 0, failed: 0 };
        above = 0;
        below = 0;
        for (const u of data) {
          const whole = u.reduce((a, r) => a + plannedOf(r), 0);
          const wholeRate = whole ? pct(u.reduce((a, r) => a + cells.sum0(r, spentCol), 0) / whole) : null;
          for (const r of u) {
            const read = cells.num(r, rateCol);
            const p = plannedOf(r);
            // A spread fiche's rate on a row without the year's money is the whole fiche's: compared with that alone.
            if (read === null || (!p && (u.length === 1 || wholeRate === null))) continue;
            const x = read / scale;
            const own = p ? pct(cells.sum0(r, spentCol) / p) : wholeRate!;
            if (own === 0 && pct(x) === 0) continue;
            o.evaluated++;
            if (Math.abs(own - pct(x)) > TOLERANCE && (u.length === 1 || wholeRate === null || Math.abs(wholeRate - pct(x)) > TOLERANCE)) {
              o.failed++;
              if (own > pct(x)) above++;
              else below++;
            }
          }
        }
        return o;
      };
      const o = outcome(1);
      const missed = partUnread && above >= MIN_FAILS && below === 0;
      if (refuted(o) && inPoints(outcome(100))) percentPoints.push(role);
      else if (refuted(o) && !missed && fitsPoints(outcome(100))) pointsIfShared.push({ role, col: rateCol, why: incompleteText.why.rate(rate(o)) });
      else if (refuted(o) || missed) doubt(role, rateCol, incompleteText.why.rate(rate(o)));
    };
    // The year's rate = the year's realisations / the year's planned amounts (CD, else MS + DGAS, and the funders).
    const lastRate = columns.rateLastYear;
    const yl = years.length ? years[years.length - 1]! : null;
    if (lastRate !== undefined && last !== undefined && yl !== null) {
      const yc = (b: YearBlock) => blocks[b]?.[yl];
      const cdParts = yc("cd") !== undefined ? [yc("cd")] : [yc("ms"), yc("dgas")];
      const plannedCols = [...cdParts, yc("fir"), yc("etat"), yc("ondam")].filter((c): c is number => c !== undefined);
      // A co-financer written as one amount for the period: the year's planned amount is unknown, nothing to test.
      const periodOnly = (["fir", "etat", "ondam"] as const).some((b) => yc(b) === undefined && columns[`${b}Total`] !== undefined);
      if (plannedCols.length && !periodOnly) {
        const unreadYear = (["fir", "etat", "ondam"] as const).some((b) => yc(b) === undefined) || cdParts.some((c) => c === undefined);
        checkRate("rateLastYear", lastRate, last, (r) => plannedCols.reduce((x, c) => x + cells.sum0(r, c), 0), unreadYear);
      }
    }
    const global = columns.rateGlobal;
    if (global !== undefined && since !== undefined) {
      checkRate("rateGlobal", global, since, (r) => budgetOf(r) ?? 0);
    }
    for (const p of pointsIfShared) {
      if (percentPoints.length) percentPoints.push(p.role);
      else doubt(p.role, p.col, p.why);
    }
    // The cumulative below the year on some rows, and the rate built on one of the two refuted on most: that column is
    // not realisations (a planned block « Dépenses directes 2024 », a period total, the gap « Montant restant »), so the
    // rows below are its misreading, not faults.
    if (cumulativeFails > 0 && last !== undefined && since !== undefined) {
      const doubted = (k: string) => doubts.find((d) => d.key === k);
      const yearRate = doubted("rateLastYear");
      if (yearRate) doubt("realisedLastYear", last, yearRate.why);
      const sinceRate = doubted("rateGlobal") ?? doubted("gap");
      if (sinceRate) doubt("realisedSinceStart", since, sinceRate.why);
      // No gap column read, and the year's realisations are the planned money less the cumulative on nearly every row:
      // that column is the gap (« Montant restant »).
      if (columns.gap === undefined) {
        const l = last;
        const o = test(data, (r) => {
          const b = budgetOf(r);
          return b === null ? null : [b - cells.sum0(r, since), cells.num(r, l)];
        });
        if (o.evaluated >= MIN_FAILS + 1 && o.failed * 4 <= o.evaluated)
          doubt("realisedLastYear", last, incompleteText.why.cumulative(cumulativeFails / Math.max(1, o.evaluated)));
      }
    }
  } else {
    const budget = columns.budget;
    const parts = (["departement", "fir", "etat", "ondam"] as const).map((k) => columns[k]).filter((c): c is number => c !== undefined);
    const someUnread = (["departement", "fir", "etat", "ondam"] as const).some((k) => columns[k] === undefined);
    // (One part read alone, the others unread: the budget above it on several fiches is their money, not an error.)
    if (budget !== undefined && (parts.length >= 2 || (parts.length === 1 && someUnread))) {
      const partsOf = (r: number) => parts.reduce((a, c) => a + cells.sum0(r, c), 0);
      const o = test(data, (r) => [partsOf(r), cells.num(r, budget)]);
      if (refuted(o) || (someUnread && partMissing(data, partsOf, (r) => cells.num(r, budget)))) doubt("budget", budget, incompleteText.why.budgetSum(rate(o)));
    }
    // A two-year annex's prior balance is a single year ("Dépenses réalisées 2022" beside "Mandaté en 2023"): read as
    // that year's consumption, it is the prior balance when it and the year's make the cumulative.
    const since = columns.consumedSinceStart;
    const lastCol = columns.consumedLastYear;
    const earlier = yearsOf("consumedIn").filter((y) => blocks.consumedIn![y] !== lastCol);
    if (columns.consumedPrior === undefined && !trusted.includes("consumedPrior") && since !== undefined && lastCol !== undefined && earlier.length === 1) {
      const y = earlier[0]!;
      const col = blocks.consumedIn![y]!;
      const o = test(data, (r) => [cells.sum0(r, col) + cells.sum0(r, lastCol), cells.num(r, since)]);
      // The first year of a two-year annex is its prior balance by definition; otherwise the numbers must say so.
      const definitional = years.length === 2 && years[0] === y;
      if (o.evaluated > 0 && !refuted(o) && (definitional || o.failed * 4 <= o.evaluated)) {
        columns.consumedPrior = col;
        delete blocks.consumedIn![y];
        (blocks.consumedTo ??= {})[y] = col;
      }
    }
    const [p, l, s] = [columns.consumedPrior, columns.consumedLastYear, columns.consumedSinceStart];
    if (p !== undefined && l !== undefined && s !== undefined) {
      const sumOf = (pp: number, ll: number, ss: number) => test(data, (r) => [cells.sum0(r, pp) + cells.sum0(r, ll), cells.num(r, ss)]);
      const o = sumOf(p, l, s);
      // Next hypothesis: the prior balance and the cumulative read the wrong way round ("au 31/12" vs "cumulé").
      const swapped = refuted(o) && !trusted.includes("consumedPrior") && !trusted.includes("consumedSinceStart") ? sumOf(s, l, p) : null;
      // (One faulty row does not refute the swapped reading: the consumed-sum rule reports it.)
      if (swapped && !refuted(swapped) && swapped.failed < o.failed && swapped.failed * 4 <= swapped.evaluated) {
        columns.consumedPrior = s;
        columns.consumedSinceStart = p;
      } else if (refuted(o)) doubt("consumedSinceStart", s, incompleteText.why.consumed(rate(o)));
    }
  }
  return doubts;
}

const ACROSS: Array<[SingleRole, SingleRole]> = [
  ["budget", "budget"],
  ["departement", "cdTotal"],
  ["fir", "firTotal"],
  ["etat", "etatTotal"],
  ["ondam", "ondamTotal"],
  ["consumedLastYear", "realisedLastYear"],
  ["consumedSinceStart", "realisedSinceStart"],
];

/** The fiches both tables share: each one's summary rows and detail rows, at the same index, in the summary's order. */
interface PairedFiches {
  summary: number[][];
  detail: number[][];
}

function pairedFiches(detailRows: readonly RowInfo[], summaryRows: readonly RowInfo[]): PairedFiches {
  const dRows = rowsByFiche(detailRows);
  const out: PairedFiches = { summary: [], detail: [] };
  // (forEach: no entry array per fiche.)
  rowsByFiche(summaryRows).forEach((rows, fiche) => {
    const drows = dRows.get(fiche);
    if (!drows) return;
    out.summary.push(rows);
    out.detail.push(drows);
  });
  return out;
}

/** A row's number in a column as SUM sees it (text, blanks, errors 0). */
function numberIn(row: Array<Cell | undefined> | undefined, col: number): number {
  const v = row?.[col - 1]?.value;
  return typeof v === "number" ? v : 0;
}

/**
 * A fiche on one row in each table, its columns in the same unit and none derived: each column's two cells compared,
 * as verifyAcross does (the common case, apart so that it is small and made fast early: 10 000 fiches by 7 columns).
 */
function compareRows(
  srow: Array<Cell | undefined> | undefined,
  drow: Array<Cell | undefined> | undefined,
  sCols: number[],
  dCols: number[],
  evaluated: number[],
  failed: number[],
): void {
  for (let j = 0; j < sCols.length; j++) {
    const a = numberIn(srow, sCols[j]!);
    const b = numberIn(drow, dCols[j]!);
    if (Math.abs(a) < EPS && Math.abs(b) < EPS) continue;
    evaluated[j] = evaluated[j]! + 1;
    if (Math.abs(a - b) > TOLERANCE) failed[j] = failed[j]! + 1;
  }
}

/** A column summed over some rows as SUM sees it (text, blanks, errors 0), in the rows' order. */
function sumOver(sheet: SheetSnapshot, rows: number[], col: number): number {
  let a = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = sheet.cells[rows[i]! - 1]?.[col - 1]?.value;
    a += typeof v === "number" ? v : 0;
  }
  return a;
}

/**
 * Summary ↔ detail: a summary column that disagrees with its detail counterpart on most fiches is misread (the detail
 * was checked by its own sums first). Returns the summary's doubts.
 */
export function verifyAcross(
  detailSheet: SheetSnapshot,
  detail: { columns: Columns; blocks: Blocks; rows: RowInfo[]; doubtful: string[] },
  summarySheet: SheetSnapshot,
  summary: { columns: Columns; rows: RowInfo[]; doubtful: string[] },
  trusted: string[],
  /** Euros per unit of each table when one is kept in k€ and the other in euros: both compared in euros. */
  scales?: { detail: number; summary: number },
): Doubt[] {
  const d = new Cells(detailSheet);
  const s = new Cells(summarySheet);
  // (The fiches both tables share paired once, not looked up again for each of the seven columns: 10 000 fiches.)
  const doubts: Doubt[] = [];
  // The detail's CD without a Total CD column: its years, else masse salariale + DGAS (as the cross-table rule reads it).
  // (Each block's year columns listed once, not once per row.)
  const yearCols = new Map<YearBlock, number[]>();
  const colsOf = (b: YearBlock) => {
    let cols = yearCols.get(b);
    if (!cols) yearCols.set(b, (cols = Object.values(detail.blocks[b] ?? {})));
    return cols;
  };
  const yearsSum = (r: number, b: YearBlock) => colsOf(b).reduce((a, c) => a + d.sum0(r, c), 0);
  const part = (r: number, b: "ms" | "dgas") => (detail.columns[`${b}Total`] !== undefined ? d.sum0(r, detail.columns[`${b}Total`]) : yearsSum(r, b));
  const hasCd = Object.keys(detail.blocks.cd ?? {}).length > 0;
  const cdOf = (r: number) => (hasCd ? yearsSum(r, "cd") : part(r, "ms") + part(r, "dgas"));
  const compared: Array<{ sk: SingleRole; sc: number; dc: number }> = [];
  for (const [sk, dk] of ACROSS) {
    const sc = summary.columns[sk];
    const dcol = detail.columns[dk];
    const dc = dcol !== undefined ? dcol : dk === "cdTotal" ? -1 : undefined;
    if (sc === undefined || dc === undefined || trusted.includes(sk) || summary.doubtful.includes(sk) || detail.doubtful.includes(dk)) continue;
    // (Across units, a detail share derived from several k€ columns is not compared: their rounding adds up.)
    if (scales && dc === -1) continue;
    compared.push({ sk, sc, dc });
  }
  if (!compared.length) return doubts;
  // Fiche by fiche, every column compared on its rows at once: a row's cells are read together, not one column down
  // 10 000 rows and then the next.
  const { summary: sUnits, detail: dUnits } = pairedFiches(detail.rows, summary.rows);
  const evaluated = compared.map(() => 0);
  const failed = compared.map(() => 0);
  const sCols = compared.map((x) => x.sc);
  const dCols = compared.map((x) => x.dc);
  const plain = !scales && !dCols.includes(-1);
  for (let k = 0; k < sUnits.length; k++) {
    const rows = sUnits[k]!;
    const drows = dUnits[k]!;
    // (A fiche on one row in each table, most of them: its two rows fetched once for all the columns.)
    const single = rows.length === 1 && drows.length === 1;
    const srow = single ? summarySheet.cells[rows[0]! - 1] : undefined;
    const drow = single ? detailSheet.cells[drows[0]! - 1] : undefined;
    if (single && plain) {
      compareRows(srow, drow, sCols, dCols, evaluated, failed);
      continue;
    }
    for (let j = 0; j < sCols.length; j++) {
      const sc = sCols[j]!;
      const dc = dCols[j]!;
      // Summed in a reduce's order: the same float result.
      let a: number;
      let b = 0;
      if (single && dc !== -1) {
        a = numberIn(srow, sc);
        b = numberIn(drow, dc);
      } else {
        a = sumOver(summarySheet, rows, sc);
        if (dc === -1) for (let i = 0; i < drows.length; i++) b += cdOf(drows[i]!);
        else b = sumOver(detailSheet, drows, dc);
      }
      // (In euros when the units differ, within what the k€ figures say: 38,71 k€ is 38 710 € to 5 €.)
      let slack = 0;
      if (scales) {
        a *= scales.summary;
        b *= scales.detail;
        for (let i = 0; i < rows.length; i++) slack += keptPrecision(s.sum0(rows[i]!, sc), scales.summary);
        for (let i = 0; i < drows.length; i++) slack += keptPrecision(d.sum0(drows[i]!, dc), scales.detail);
      }
      if (Math.abs(a) < EPS && Math.abs(b) < EPS) continue;
      evaluated[j] = evaluated[j]! + 1;
      if (Math.abs(a - b) > TOLERANCE + slack) failed[j] = failed[j]! + 1;
    }
  }
  for (let j = 0; j < compared.length; j++) {
    const o = { evaluated: evaluated[j]!, failed: failed[j]! };
    if (refuted(o)) doubts.push({ key: compared[j]!.sk, col: compared[j]!.sc, why: incompleteText.why.across(rate(o)) });
  }
  return doubts;
}

/**
 * Summary columns doubted as rates (small k€ amounts) that equal, to the cent, their detail counterpart summed over each
 * fiche's rows on most fiches: the summary's amounts are the detail's, money whatever their size. Returns their keys.
 */
export function confirmedAcross(
  detailSheet: SheetSnapshot,
  detail: { columns: Columns; rows: RowInfo[]; doubtful: string[] },
  summarySheet: SheetSnapshot,
  summary: { columns: Columns; rows: RowInfo[]; doubts: Doubt[] },
): string[] {
  const d = new Cells(detailSheet);
  const s = new Cells(summarySheet);
  // (Paired only for a column doubted as rates: most readings have none.)
  let pairs: PairedFiches | null = null;
  const out: string[] = [];
  for (const [sk, dk] of ACROSS) {
    const sc = summary.columns[sk];
    const dc = detail.columns[dk];
    if (sc === undefined || dc === undefined || detail.doubtful.includes(dk)) continue;
    if (!summary.doubts.some((x) => x.key === sk && x.why === incompleteText.why.rates)) continue;
    pairs ??= pairedFiches(detail.rows, summary.rows);
    let held = 0;
    let failed = 0;
    for (let k = 0; k < pairs.summary.length; k++) {
      const rows = pairs.summary[k]!;
      const drows = pairs.detail[k]!;
      const a = rows.reduce((x, r) => x + s.sum0(r, sc), 0);
      const b = drows.reduce((x, r) => x + d.sum0(r, dc), 0);
      if (Math.abs(a) < EPS && Math.abs(b) < EPS) continue;
      if (exactly(a, b)) held++;
      else failed++;
    }
    if (confirmed(held, failed)) out.push(sk);
  }
  return out;
}
