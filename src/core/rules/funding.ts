// Shared by the funding rules: money per funder for a fiche, and the funders a text names.
import { FUNDER_BLOCKS, type Funder, type SingleRole } from "../layout/types";

const TOTAL_ROLE: Record<Funder, SingleRole> = { fir: "firTotal", etat: "etatTotal", ondam: "ondamTotal" };
import type { TableView } from "../layout/view";
import { EPS, roundingTolerance } from "../model/tolerance";
import { confident } from "./needs";
import { FUNDER_LABEL } from "../catalogue/funders";

/** What a view reads each funder's money from, looked up once per view and funder instead of once per fiche. */
interface FunderCols {
  /** Detail: the block has a total column or years. */
  hasCols: boolean;
  /** Detail: the block's year columns, in year order. */
  yearCols: Array<number | undefined>;
  /** Summary: the funder's column. */
  col: number | undefined;
}
const funderColsMemo = new WeakMap<TableView, Map<Funder, FunderCols>>();

function funderCols(v: TableView, f: Funder): FunderCols {
  let byFunder = funderColsMemo.get(v);
  if (!byFunder) funderColsMemo.set(v, (byFunder = new Map()));
  let fc = byFunder.get(f);
  if (!fc) {
    const detail = v.t.kind === "detail";
    const years = v.years(f);
    const cols = v.t.blocks[f];
    fc = {
      hasCols: detail && (v.col(TOTAL_ROLE[f]) !== undefined || years.length > 0),
      yearCols: years.map((y) => cols?.[y]),
      col: detail ? undefined : v.col(f),
    };
    byFunder.set(f, fc);
  }
  return fc;
}

// Four rules ask for the money of the same fiches (the rows arrays of the view's rowsByFiche): summed once per view,
// rows and funder list. The map is shared: not to be changed.
// Per view, by funder list then by rows: plain maps (a weak map per fiche cost more than the sums).
const moneyMemo = new WeakMap<TableView, Map<string, Map<number[], Map<Funder, number>>>>();

/** Money per funder over a fiche's rows (detail: block totals or years; summary: FIR/Etat/ONDAM columns). Shared: not to be changed. */
export function moneyByFunder(v: TableView, rows: number[], only: readonly Funder[] = FUNDER_BLOCKS): Map<Funder, number> {
  let byOnly = moneyMemo.get(v);
  if (!byOnly) moneyMemo.set(v, (byOnly = new Map()));
  const key = only.length === 3 && only[0] === "fir" && only[1] === "etat" && only[2] === "ondam" ? "" : only.join(",");
  let byRows = byOnly.get(key);
  if (!byRows) byOnly.set(key, (byRows = new Map()));
  let m = byRows.get(rows);
  if (!m) byRows.set(rows, (m = sumMoney(v, rows, only)));
  return m;
}

function sumMoney(v: TableView, rows: number[], only: readonly Funder[]): Map<Funder, number> {
  const m = new Map<Funder, number>();
  const detail = v.t.kind === "detail";
  for (const f of only) {
    let sum = 0;
    let known = false;
    const { hasCols, yearCols, col: c } = funderCols(v, f);
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (detail) {
        if (!hasCols) continue;
        known = true;
        // Use the years when present: a stale block total should not decide who funds the fiche.
        if (yearCols.length) {
          let s = 0;
          for (let i = 0; i < yearCols.length; i++) s += v.num(r, yearCols[i]);
          sum += s;
        } else sum += v.blockTotal(r, f);
      } else {
        if (c === undefined) continue;
        known = true;
        sum += v.num(r, c);
      }
    }
    if (known) m.set(f, sum);
  }
  return m;
}

export function withMoney(m: Map<Funder, number>): Funder[] {
  const out: Funder[] = [];
  m.forEach((x, f) => {
    if (x > EPS) out.push(f);
  });
  return out;
}

/** The funders of `fs` not in `named`. */
export function notIn(fs: Funder[], named: ReadonlySet<Funder>): Funder[] {
  const out: Funder[] = [];
  for (const f of fs) if (!named.has(f)) out.push(f);
  return out;
}

/** Each funder's label with its money. */
export function withAmounts(fs: Funder[], money: Map<Funder, number>): Array<[string, number]> {
  return fs.map((f) => [FUNDER_LABEL[f], money.get(f)!]);
}

export function funderList(fs: Iterable<Funder>, labels: Record<Funder, string>): string {
  const xs = [...fs].map((f) => labels[f]);
  return xs.length ? xs.join("+") : "aucun";
}

/** First non-empty text of a column over a fiche's rows. */
export function firstText(v: TableView, rows: number[], col: number | undefined): { text: string | null; row: number } {
  for (const r of rows) {
    const t = v.text(r, col);
    if (t) return { text: t, row: r };
  }
  return { text: null, row: rows[0]! };
}

/** A fiche's text over all its rows, joined with "/" (a source may name one funder per row); first row as the place. */
export function fichesText(v: TableView, rows: number[], col: number | undefined): { text: string | null; row: number } {
  // Most fiches hold one row: its text as it is (what joining one part gives), no list made.
  if (rows.length === 1) return { text: v.text(rows[0]!, col) || null, row: rows[0]! };
  const parts: string[] = [];
  let row: number | null = null;
  for (const r of rows) {
    const t = v.text(r, col);
    if (!t) continue;
    if (row === null) row = r;
    if (!parts.includes(t)) parts.push(t);
  }
  return { text: parts.length ? parts.join("/") : null, row: row ?? rows[0]! };
}

/**
 * Funders named for a fiche that the table has no column for, when the fiche's budget is wholly the département's part
 * and the co-financers read (to the euro): then they bring it nothing. Without that proof nothing is claimed, since
 * their column may be there under a wording not read. `money` holds the co-financers read with confidence.
 */
export function namedWithoutColumn(v: TableView, rows: number[], named: ReadonlySet<Funder>, money: Map<Funder, number>): Funder[] {
  // Most fiches name only funders with a column: nothing made for them.
  let absent: Funder[] | null = null;
  for (const f of named) if (!money.has(f) && !hasColumn(v, f)) (absent ??= []).push(f);
  if (!absent) return [];
  const budget = v.col("budget");
  if (budget === undefined || !confident(v, "budget")) return [];
  // Every funder column read must be sure, or the budget's cover proves nothing.
  if (FUNDER_BLOCKS.some((f) => hasColumn(v, f) && !money.has(f))) return [];
  let planned = 0;
  let covered = 0;
  for (const r of rows) {
    if (v.num(r, budget) === 0 && v.isBlank(r, budget)) continue;
    planned += v.num(r, budget);
  }
  for (const m of money.values()) covered += m;
  if (v.t.kind === "detail") {
    if (!confident(v, "cd", "cdTotal", "ms", "msTotal", "dgas", "dgasTotal")) return [];
    for (const r of rows) covered += v.cdTotalOf(r);
  } else {
    const cd = v.col("departement");
    if (cd === undefined || !confident(v, "departement")) return [];
    for (const r of rows) covered += v.num(r, cd);
  }
  return planned > EPS && Math.abs(planned - covered) <= roundingTolerance() ? absent : [];
}

function hasColumn(v: TableView, f: Funder): boolean {
  return v.t.kind === "detail" ? v.col(TOTAL_ROLE[f]) !== undefined || v.years(f).length > 0 : v.col(f) !== undefined;
}
