/**
 * One fault per faulty copy, at a known cell, with the rule ids (annex-spec §4) that may report it there. The copy is
 * evaluated again, so a fault shows in every formula that depends on it, as Excel would show it.
 */
import { type Book, type Cell, a1, cellAt, cloneBook, put, recompute } from "./book";
import type { Annex8 } from "./compose";
import { fundersNamed } from "./arith";
import { Prng } from "./prng";

export interface Fault {
  kind: FaultKind;
  rules: string[];
  sheet: string;
  cells: string[];
  what: string;
}

const YEAR_BLOCK = /^(ms|dgas|fir|etat|ondam)\d{4}$/;
const num = (c: Cell | undefined) => (typeof c?.v === "number" ? c.v : 0);

/** Fiches whose first row holds a number in this role's column (or any fiche when the role is absent). */
function fichesWith(a: Annex8, pred: (i: number) => boolean): number[] {
  return a.plan.fiches.map((_, i) => i).filter(pred);
}

const detailSheet = (a: Annex8) => a.book.sheets.find((x) => x.name === a.detail.sheet)!;
const hasRole = (a: Annex8, re: RegExp) => Object.keys(a.detail.col).some((k) => re.test(k));
/** Each fault and what it needs of an annex: the columns and values it breaks. */
const NEEDS = {
  "year-sum": (a: Annex8) => hasRole(a, /^(ms|dgas|fir|etat|ondam)Total$/),
  "cd-split": (a: Annex8) => hasRole(a, /^cd\d{4}$/) && hasRole(a, /^ms\d{4}$/),
  "budget-sum": () => true,
  "total-row": () => true,
  "subtotal-row": (a: Annex8) => a.detail.subtotals.length > 0,
  "total-formula": (a: Annex8) => !!cellAt(detailSheet(a), a.detail.totalRow, a.detail.col.budget!)?.fx && !a.detail.subtotals.length,
  "cell-error": (a: Annex8) => hasRole(a, YEAR_BLOCK),
  "number-as-text": (a: Annex8) => hasRole(a, YEAR_BLOCK),
  "negative-amount": (a: Annex8) => hasRole(a, YEAR_BLOCK),
  "source-funder": (a: Annex8) => hasRole(a, /^source$/),
  modalite: (a: Annex8) => !!a.summary?.col.modalite,
  "cross-table": (a: Annex8) => !!a.summary,
  "consumed-sum": (a: Annex8) => !!a.summary?.col.consumedPrior,
  "cumulative-below-year": (a: Annex8) => hasRole(a, /^realisedSinceStart$/) && a.plan.fiches.some((f) => f.realisedLastYear > 0),
  "rate-mismatch": (a: Annex8) => hasRole(a, /^(gap|rateGlobal)$/),
  "over-execution": (a: Annex8) => hasRole(a, /^(realisedSinceStart|gap)$/),
  "objective-type": (a: Annex8) => hasRole(a, /^objectiveType$/) && a.detail.typeForm === "word",
  "fiche-numbering": (a: Annex8) => a.plan.fiches.length > 2,
  "realised-without-budget": (a: Annex8) =>
    !!cellAt(detailSheet(a), a.detail.rows[0]![0]!, a.detail.col.budget!)?.fx && a.plan.years.length > 1 && fichesWith(a, (i) => canUnplan(a, i)).length > 0,
  "display-overflow": () => true,
};
export type FaultKind = keyof typeof NEEDS;
export const FAULT_KINDS = Object.keys(NEEDS) as FaultKind[];

/** The faults this annex can carry. */
export const applicableFaults = (a: Annex8): FaultKind[] => FAULT_KINDS.filter((k) => NEEDS[k](a));

/** A fiche whose last-year plan can be removed without its realisations exceeding what is left. */
function canUnplan(a: Annex8, i: number): boolean {
  const f = a.plan.fiches[i]!;
  if (f.realisedLastYear <= 0) return false;
  const y = a.plan.years.length - 1;
  const left = f.rows.reduce(
    (t, r) => t + ["cd", "fir", "etat", "ondam"].reduce((u, b) => u + r.money[b as "cd"].reduce((v, x, k) => v + (k === y ? 0 : x), 0), 0),
    0,
  );
  return f.realisedSinceStart <= left;
}

export const faultForSeed = (a: Annex8): FaultKind => {
  const kinds = applicableFaults(a);
  return kinds[(a.seed * 7 + 3) % kinds.length]!;
};

export function injectFault(a: Annex8, kind: FaultKind, seed = a.seed): { book: Book; fault: Fault } {
  const g = new Prng(seed, `fault/${kind}`);
  const book = cloneBook(a.book);
  const d = a.detail;
  const s = book.sheets.find((x) => x.name === d.sheet)!;
  const unit = 1 / d.scale;
  const fault = (rules: string[], cells: [number, number][], what: string, sheet = s.name): Fault => ({
    kind,
    rules,
    sheet,
    cells: cells.map(([r, c]) => a1(r, c)),
    what,
  });
  const set = (sh: typeof s, r: number, c: number, v: Cell["v"], extra: Partial<Cell> = {}) => {
    const old = cellAt(sh, r, c);
    put(sh, r, c, v, { fmt: old?.fmt, ...extra });
  };
  const anyFiche = () => g.int(0, a.plan.fiches.length - 1);
  /** a non-empty input cell (a planned amount of one block and year) */
  const inputCell = (): [number, number] => {
    const cands: [number, number][] = [];
    for (const rows of d.rows)
      for (const r of rows) for (const [k, c] of Object.entries(d.col)) if (YEAR_BLOCK.test(k) && num(cellAt(s, r, c)) > 0) cands.push([r, c]);
    return g.pick(cands);
  };
  const delta = Math.round(g.int(2, 90) * 250) * unit;
  let f: Fault;
  switch (kind) {
    case "year-sum": {
      const k = g.pick(Object.keys(d.col).filter((x) => /^(ms|dgas|fir|etat|ondam)Total$/.test(x)));
      const r = d.rows[anyFiche()]![0]!;
      set(s, r, d.col[k]!, num(cellAt(s, r, d.col[k]!)) + delta);
      f = fault(["year-sum"], [[r, d.col[k]!]], `${k} typed ${delta} too high`);
      break;
    }
    case "cd-split": {
      const y = g.pick(a.plan.years);
      const r = d.rows[anyFiche()]![0]!;
      const c = d.col[`cd${y}`]!;
      set(s, r, c, num(cellAt(s, r, c)) + delta);
      f = fault(["cd-split"], [[r, c]], `Total CD ${y} typed ${delta} above MS + DGAS`);
      break;
    }
    case "budget-sum": {
      const r = d.rows[anyFiche()]![0]!;
      set(s, r, d.col.budget!, num(cellAt(s, r, d.col.budget!)) + delta);
      f = fault(["budget-sum"], [[r, d.col.budget!]], `budget typed ${delta} above its blocks`);
      break;
    }
    case "total-row":
    case "subtotal-row": {
      const row = kind === "total-row" ? d.totalRow : g.pick(d.subtotals).row;
      const c = g.pick([
        d.col.budget!,
        ...Object.entries(d.col)
          .filter(([k]) => /Total$|\d{4}$/.test(k) && !/^rate/.test(k))
          .map(([, x]) => x),
      ]);
      set(s, row, c, num(cellAt(s, row, c)) + delta, { bold: true });
      f = fault(["total-row"], [[row, c]], `${kind === "total-row" ? "TOTAL" : "sub-total"} typed ${delta} above its rows`);
      break;
    }
    case "total-formula": {
      const c = d.col.budget!;
      const cell = cellAt(s, d.totalRow, c)!;
      const rows = d.rows.flat();
      const lastRow = Math.max(...rows);
      const fx = cell.fx!;
      // the SUM stops one row short of the last fiche row
      cell.fx =
        fx.t === "sum" && fx.args[0]?.t === "range"
          ? { ...fx, args: [{ ...fx.args[0], to: { ...fx.args[0].to, r: lastRow - 1 } }] }
          : { t: "sum", args: [{ t: "range", from: { r: Math.min(...rows), c }, to: { r: lastRow - 1, c } }] };
      f = fault(["total-formula", "total-row"], [[d.totalRow, c]], `TOTAL budget formula stops before row ${lastRow}`);
      break;
    }
    case "cell-error": {
      const [r, c] = inputCell();
      const err = g.pick(["#REF!", "#VALUE!", "#N/A", "#DIV/0!"]);
      set(s, r, c, null, { error: err });
      f = fault(["cell-error"], [[r, c]], `${err} in an amount`);
      break;
    }
    case "number-as-text": {
      const [r, c] = inputCell();
      const x = num(cellAt(s, r, c));
      const text =
        d.scale === 1
          ? `${Math.round(x)
              .toLocaleString("fr-FR")
              .replace(/\u202f/g, " ")} €`
          : `${String(x).replace(".", ",")} k€`;
      set(s, r, c, text, { fmt: undefined });
      f = fault(["number-as-text"], [[r, c]], `amount typed as text « ${text} »`);
      break;
    }
    case "negative-amount": {
      const [r, c] = inputCell();
      set(s, r, c, -num(cellAt(s, r, c)));
      f = fault(["negative-amount"], [[r, c]], "amount negated");
      break;
    }
    case "source-funder": {
      const i = anyFiche();
      const fi = a.plan.fiches[i]!;
      const r = d.rows[i]![0]!;
      const missing = (["fir", "etat", "ondam"] as const).filter((x) => !fi.funders.includes(x));
      const text = missing.length ? [fi.source, { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[g.pick(missing)]].filter(Boolean).join(" / ") : "";
      for (const rr of d.rows[i]!) if (rr !== r && cellAt(s, rr, d.col.source!)) set(s, rr, d.col.source!, null);
      set(s, r, d.col.source!, text);
      f = fault(["source-funder", "source-vs-modalite"], [[r, d.col.source!]], `source « ${text} » for funders ${fi.funders.join("/") || "none"}`);
      break;
    }
    case "modalite": {
      const m = a.summary!;
      const ss = book.sheets.find((x) => x.name === m.sheet)!;
      const i = anyFiche();
      const r = m.rows[i]!;
      const fi = a.plan.fiches[i]!;
      const text = fi.funders.length ? (fundersNamed(fi.modalite, true).has("etat") ? "AM" : "PLF") : "PLF";
      set(ss, r, m.col.modalite!, text);
      f = fault(["modalite", "source-vs-modalite"], [[r, m.col.modalite!]], `modalité « ${text} » for funders ${fi.funders.join("/") || "none"}`, ss.name);
      break;
    }
    case "cross-table": {
      const m = a.summary!;
      const ss = book.sheets.find((x) => x.name === m.sheet)!;
      const r = g.pick(m.rows);
      const role = g.pick(["departement", ...a.plan.funders.filter((x) => m.col[x])]);
      set(ss, r, m.col[role]!, num(cellAt(ss, r, m.col[role]!)) + delta);
      f = fault(["cross-table", "budget-sum"], [[r, m.col[role]!]], `summary ${role} ${delta} above the detail`, ss.name);
      break;
    }
    case "consumed-sum": {
      const m = a.summary!;
      const ss = book.sheets.find((x) => x.name === m.sheet)!;
      const r = g.pick(m.rows);
      const c = m.col.consumedSinceStart!;
      set(ss, r, c, num(cellAt(ss, r, c)) + delta);
      f = fault(["consumed-sum", "cross-table"], [[r, c]], `consumed since start ${delta} above prior + year`, ss.name);
      break;
    }
    case "cumulative-below-year": {
      const i = g.pick(fichesWith(a, (k) => a.plan.fiches[k]!.realisedLastYear > 0));
      const r = d.rows[i]![0]!;
      const last = num(cellAt(s, r, d.col.realisedLastYear!));
      set(s, r, d.col.realisedSinceStart!, Math.round(last * 50) / 100);
      f = fault(["cumulative-below-year"], [[r, d.col.realisedSinceStart!]], `since start half of the year's ${last}`);
      break;
    }
    case "rate-mismatch": {
      const r = d.rows[anyFiche()]![0]!;
      const c = d.col.gap && (!d.col.rateGlobal || g.yes(0.5)) ? d.col.gap : d.col.rateGlobal!;
      const old = num(cellAt(s, r, c));
      set(s, r, c, c === d.col.gap ? old + delta : old + (d.ratePercent ? 12 : 0.12));
      f = fault(["rate-mismatch"], [[r, c]], `${c === d.col.gap ? "gap" : "global rate"} typed wrong`);
      break;
    }
    case "over-execution": {
      const i = anyFiche();
      const r = d.rows[i]![0]!;
      const budget = d.rows[i]!.reduce((t, x) => t + num(cellAt(s, x, d.col.budget!)), 0);
      const c = d.col.realisedSinceStart ?? d.col.realisedLastYear!;
      const over = Math.round(budget * 125) / 100 + delta;
      set(s, r, c, over);
      const cells: [number, number][] = [[r, c]];
      for (const k of ["gap", "rateGlobal", "realisedLastYear"]) if (d.col[k]) cells.push([r, d.col[k]]);
      f = fault(["over-execution"], cells, `realised ${over} above the budget ${budget}`);
      break;
    }
    case "objective-type": {
      const r = d.rows[anyFiche()]![0]!;
      const c = d.col.objectiveType!;
      const old = String(cellAt(s, r, c)?.v ?? "");
      const flipped = /fond/i.test(old)
        ? old.replace(/fondamental/i, (m) => (m === m.toUpperCase() ? "FACULTATIF" : m[0] === "F" ? "Facultatif" : "facultatif"))
        : old.replace(/facultatif/i, (m) => (m === m.toUpperCase() ? "FONDAMENTAL" : m[0] === "F" ? "Fondamental" : "fondamental"));
      set(s, r, c, flipped);
      f = fault(["objective-type"], [[r, c]], `type « ${flipped} » against the catalogue`);
      break;
    }
    case "fiche-numbering": {
      const i = g.int(1, a.plan.fiches.length - 1);
      const j = g.int(0, i - 1);
      const r = d.rows[i]![0]!;
      const v = cellAt(s, d.rows[j]![0]!, d.col.fiche!)?.v ?? null;
      for (const rr of d.rows[i]!) if (cellAt(s, rr, d.col.fiche!)?.v) set(s, rr, d.col.fiche!, v);
      f = fault(["fiche-numbering"], [[r, d.col.fiche!]], `fiche ${a.plan.fiches[i]!.key} numbered « ${String(v)} » like another`);
      break;
    }
    case "realised-without-budget": {
      const i = g.pick(fichesWith(a, (k) => canUnplan(a, k)));
      const yn = a.plan.years[a.plan.years.length - 1]!;
      for (const r of d.rows[i]!)
        for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"]) {
          const c = d.col[`${b}${yn}`];
          const cell = c ? cellAt(s, r, c) : undefined;
          if (c && cell && !cell.fx && cell.v !== null) set(s, r, c, 0);
        }
      const r = d.rows[i]![0]!;
      const cells: [number, number][] = [[r, d.col.realisedLastYear!]];
      if (d.col.rateLastYear) cells.push([r, d.col.rateLastYear]);
      f = fault(["realised-without-budget"], cells, `nothing planned in ${yn}, ${a.plan.fiches[i]!.realisedLastYear} spent`);
      break;
    }
    case "display-overflow": {
      const c = d.col.budget!;
      s.widths.set(c, 4);
      f = fault(["display-overflow"], [[d.totalRow, c], ...d.rows.flat().map((r): [number, number] => [r, c])], "budget column narrowed to 4 characters");
      break;
    }
  }
  recompute(book);
  return { book, fault: f };
}
