// An annex covering a single year: its budget and the year's planned total are the same money, and so are the year's
// realisations and the cumulative (spec §3). The header alone cannot tell « Budget 2025 » (the whole budget) from the
// year's planned total, nor « Exécution 2025 » from « Consommation 2025 »: the annex's one year and the table's own
// arithmetic can. Nothing is read here that the figures do not confirm.
import type { SheetSnapshot } from "../model/snapshot";
import type { HeaderColumn } from "./header";
import { blockOf } from "./classify";
import { norm, yearsIn } from "./normalize";
import type { RowInfo, SingleRole, YearBlock } from "./types";
import { columnsRead } from "./columnsRead";
import type { Doubt } from "./verify";
import { colToLetters } from "../model/a1";
import { incompleteText } from "../../messages/layout";

type Columns = Partial<Record<SingleRole, number>>;
type Blocks = Partial<Record<YearBlock, Record<number, number>>>;

/** Print tolerance: hidden cents make a printed total differ by up to 1 €. */
const TOLERANCE = 1.005;
/** Fiches on which a relation must hold to confirm a reading; one fiche may be wrong (a fault), no more. */
const MIN_AGREE = 3;

function numAt(sheet: SheetSnapshot, row: number, col: number | undefined): number | null {
  if (col === undefined) return null;
  const v = sheet.cells[row - 1]?.[col - 1]?.value;
  return typeof v === "number" ? v : null;
}

/** A fiche's rows: one, or a fiche spread over several (its totals possibly written once). */
function unitsOf(rows: RowInfo[]): number[][] {
  const out: number[][] = [];
  const byFiche = new Map<string, number[]>();
  for (const r of rows) {
    if (r.kind !== "fiche" && r.kind !== "continuation") continue;
    const key = r.kind === "fiche" ? r.fiche : r.continuationOf;
    const unit = key ? byFiche.get(key) : undefined;
    if (unit && r.kind === "continuation") unit.push(r.row);
    else {
      const u = [r.row];
      out.push(u);
      if (key) byFiche.set(key, u);
    }
  }
  return out;
}

/** Fiches where both sides hold money: how many agree, how many do not. */
function agreement(sheet: SheetSnapshot, units: number[][], left: (r: number) => number | null, right: (r: number) => number | null) {
  let agree = 0;
  let differ = 0;
  for (const u of units) {
    let a = 0;
    let b = 0;
    let both = false;
    let any = false;
    for (const r of u) {
      const x = left(r);
      const y = right(r);
      if (x !== null) {
        a += x;
        any = true;
      }
      if (y !== null) {
        b += y;
        both = true;
      }
    }
    if (!any || !both || (Math.abs(a) < TOLERANCE && Math.abs(b) < TOLERANCE)) continue;
    if (Math.abs(a - b) <= TOLERANCE) agree++;
    else differ++;
  }
  return { agree, differ };
}
const confirmed = (o: { agree: number; differ: number }) => o.agree >= MIN_AGREE && o.differ <= 1 && o.differ * 3 <= o.agree;

const textOf = (hc: HeaderColumn) => norm(`${hc.group} ${hc.sub}`);

/**
 * The whole budget of a one-year annex headed with its year (« Budget 2025 »): an unread column naming the budget and
 * that year only, equal on the fiches to the year's CD + FIR + ETAT + ONDAM.
 */
export function oneYearBudget(sheet: SheetSnapshot, cols: HeaderColumn[], columns: Columns, blocks: Blocks, years: number[], rows: RowInfo[]): number | undefined {
  if (years.length !== 1 || columns.budget !== undefined) return undefined;
  const y = years[0]!;
  const used = columnsRead(columns, blocks);
  const candidates = cols.filter((hc) => {
    if (hc.cls || used.has(hc.col)) return false;
    const t = textOf(hc);
    const ys = yearsIn(t);
    return ys.length === 1 && ys[0] === y && /^(budget|total|cout|montant|enveloppe)\b/.test(t) && !blockOf(t) && !/realis|execut|consomm|depense|mandat|\btaux\b|%|ecart|reste/.test(t);
  });
  if (candidates.length !== 1) return undefined;
  const at = (b: YearBlock) => blocks[b]?.[y];
  const cdCol = at("cd") ?? columns.cdTotal;
  const part = (r: number, col: number | undefined) => numAt(sheet, r, col) ?? 0;
  const cd = (r: number) => (cdCol !== undefined ? part(r, cdCol) : part(r, at("ms") ?? columns.msTotal) + part(r, at("dgas") ?? columns.dgasTotal));
  const funders: Array<number | undefined> = [at("fir") ?? columns.firTotal, at("etat") ?? columns.etatTotal, at("ondam") ?? columns.ondamTotal];
  // Every part of the sum read: a budget confirmed by some parts only is no budget.
  if (funders.some((c) => c === undefined) || (cdCol === undefined && (at("ms") ?? columns.msTotal) === undefined)) return undefined;
  const col = candidates[0]!.col;
  const o = agreement(
    sheet,
    unitsOf(rows),
    (r) => cd(r) + funders.reduce((a: number, c) => a + part(r, c), 0),
    (r) => numAt(sheet, r, col),
  );
  return confirmed(o) ? col : undefined;
}

const CUMULATIVE_WORDS = /cumul|depuis|consomm/;
const YEAR_WORDS = /execut|realis|depense|paye|mandat/;

/**
 * Two execution groups naming the annex's one year (« Exécution 2025 » / « Consommation 2025 », each an amount and a
 * rate), both read as the year's: one is the cumulative. The words decide (« cumul », « depuis », « consommation »
 * against the year's « exécution »), failing that the order (the year's first) when the figures agree on the fiches.
 * Two such columns neither the words nor the figures settle are said once (a doubt on the second as the cumulative),
 * never guessed. Returns that doubt, if any.
 */
export function oneYearExecution(
  sheet: SheetSnapshot,
  cols: HeaderColumn[],
  columns: Columns,
  blocks: Blocks,
  years: number[],
  rows: RowInfo[],
  ambiguous: Array<{ role: string; cols: number[] }>,
): Doubt | null {
  if (years.length !== 1 || columns.realisedSinceStart !== undefined) return null;
  const y = years[0]!;
  const twice = ambiguous.findIndex((a) => a.role === `realised${y}`);
  if (twice < 0 || ambiguous[twice]!.cols.length !== 2) return null;
  const [a, b] = [...ambiguous[twice]!.cols].sort((p, q) => p - q) as [number, number];
  const hcOf = (c: number) => cols.find((hc) => hc.col === c);
  const groupOf = (c: number) => norm(hcOf(c)?.group ?? "");
  const words = (c: number) => {
    const t = textOf(hcOf(c) ?? { col: c, group: "", sub: "", cls: null });
    return CUMULATIVE_WORDS.test(t) ? "since" : YEAR_WORDS.test(t) ? "year" : null;
  };
  let year: number;
  let since: number;
  const [wa, wb] = [words(a), words(b)];
  const o = agreement(sheet, unitsOf(rows), (r) => numAt(sheet, r, a), (r) => numAt(sheet, r, b));
  const unsettled = (): Doubt => {
    columns.realisedSinceStart = b;
    return { key: "realisedSinceStart", col: b, why: incompleteText.why.ambiguous([a, b].map(colToLetters)) };
  };
  if (wa === "since" && wb !== "since") [year, since] = [b, a];
  else if (wb === "since" && wa !== "since") [year, since] = [a, b];
  else if (confirmed(o)) [year, since] = [a, b];
  else return unsettled();
  // Whatever the words, the two are the same money in a one-year annex: figures that disagree on most fiches are no
  // year and cumulative of one year.
  if (o.agree < o.differ) return unsettled();
  // Each group's rate: the one under the same group, else the nearest one after its amount.
  const rateTwice = ambiguous.findIndex((x) => x.role === `rate${y}`);
  const rates = rateTwice >= 0 ? ambiguous[rateTwice]!.cols : [];
  const rateOf = (amount: number, other: number) => {
    const same = rates.filter((c) => groupOf(c) && groupOf(c) === groupOf(amount) && groupOf(c) !== groupOf(other));
    if (same.length === 1) return same[0];
    const after = rates.filter((c) => c > amount && !(other > amount && c > other)).sort((p, q) => p - q);
    return after[0];
  };
  columns.realisedLastYear = year;
  columns.realisedSinceStart = since;
  if (blocks.realised) blocks.realised[y] = year;
  ambiguous.splice(twice, 1);
  if (rates.length === 2 && columns.rateGlobal === undefined) {
    const ry = rateOf(year, since);
    const rs = rateOf(since, year);
    if (ry !== undefined && rs !== undefined && ry !== rs) {
      columns.rateLastYear = ry;
      columns.rateGlobal = rs;
      if (blocks.rate) blocks.rate[y] = ry;
      ambiguous.splice(ambiguous.findIndex((x) => x.role === `rate${y}`), 1);
    }
  }
  return null;
}
