/** One fault per faulty copy, at a known cell, with the rule ids that may fairly report it there. */
import type { Annex, TableTruth } from "./build";
import { Rng } from "./rng";
import { type Cell, type Grid, cloneGrid, colNumber, evaluate, getCell, key } from "./sheet";
import { FUNDERS, blockTotal, fundersWithMoney } from "./model";

export interface Fault {
  kind: string;
  rules: string[];
  sheet: string;
  cells: string[];
  what: string;
}

export const FAULT_KINDS = [
  "year-sum",
  "cd-split",
  "budget-sum",
  "total-row",
  "total-formula",
  "cell-error",
  "number-as-text",
  "negative-amount",
  "source-funder",
  "modalite",
  "cross-table",
  "consumed-sum",
  "cumulative-below-year",
  "rate-mismatch",
  "over-execution",
  "objective-type",
  "fiche-numbering",
  "realised-without-budget",
  "display-overflow",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const det = (a: Annex) => a.tables.find((t) => t.kind === "detail")!;
const sumT = (a: Annex) => a.tables.find((t) => t.kind === "summary");
const yearRoles = (a: Annex) =>
  Object.keys(det(a).columns).filter((r) => /^(ms|dgas|fir|etat|ondam)\d{4}$/.test(r) || (a.model.cdForm === "cd" && /^cd\d{4}$/.test(r)));

export function applicableFaults(a: Annex): FaultKind[] {
  const d = det(a);
  const s = sumT(a);
  const o = a.opts;
  const has = (r: string) => r in d.columns;
  return FAULT_KINDS.filter((k) => {
    switch (k) {
      case "year-sum":
        return Object.keys(d.columns).some((r) => /Total$/.test(r));
      case "cd-split":
        return a.model.cdForm === "full";
      case "total-formula":
        return !o.subtotals && o.totalStyle === "SUM";
      case "source-funder":
        return has("source");
      case "modalite":
      case "cross-table":
        return !!s;
      case "consumed-sum":
        return !!s && "consumedPrior" in s.columns;
      case "cumulative-below-year":
      case "over-execution":
        return has("realisedSinceStart");
      case "rate-mismatch":
        return has("gap") || ((o.rates === "fraction" || o.rates === "percent") && has("rateGlobal"));
      case "objective-type":
        return has("objectiveType") && has("objective");
      default:
        return true;
    }
  });
}

export function faultForSeed(a: Annex): FaultKind {
  const ks = applicableFaults(a);
  return ks[a.seed % ks.length]!;
}

export function injectFault(a: Annex, kind: FaultKind, seed: number): { grid: Grid; fault: Fault } {
  const rng = new Rng(seed, `fault-${kind}`);
  const g = cloneGrid(a.grid);
  const d = det(a);
  const s = sumT(a);
  const fiches = a.model.fiches;
  const delta = a.opts.kEuro ? 1.5 : 1500;
  const sheetOf = (t: TableTruth) => g.sheets.find((x) => x.name === t.sheet)!;
  const at = (t: TableTruth, role: string, row: number) => `${t.columns[role]}${row}`;
  const put = (t: TableTruth, role: string, row: number, cell: Cell) => sheetOf(t).cells.set(key(row, colNumber(t.columns[role]!)), cell);
  const val = (t: TableTruth, role: string, row: number) => {
    const v = getCell(g, t.sheet, row, colNumber(t.columns[role]!))?.v;
    return typeof v === "number" ? v : 0;
  };
  const fmt = (t: TableTruth, role: string, row: number) => getCell(g, t.sheet, row, colNumber(t.columns[role]!))?.fmt;
  const rowOf = (i: number) => d.ficheRows[fiches[i]!.key]![0]!;
  const pickFiche = (ok: (i: number) => boolean) => {
    const xs = fiches.map((_, i) => i).filter(ok);
    return xs.length ? rng.pick(xs) : rng.int(0, fiches.length - 1);
  };
  const constant = (t: TableTruth, role: string, row: number, v: number) => put(t, role, row, { v, fmt: fmt(t, role, row) });
  let fault: Fault;
  const F = (rules: string[], t: TableTruth, cells: string[], what: string): Fault => ({ kind, rules, sheet: t.sheet, cells, what });
  switch (kind) {
    case "year-sum": {
      const roles = Object.keys(d.columns).filter((r) => /Total$/.test(r));
      const role = rng.pick(roles);
      const row = rowOf(pickFiche((i) => val(d, role, rowOf(i)) !== 0));
      constant(d, role, row, val(d, role, row) + delta);
      fault = F(["year-sum"], d, [at(d, role, row)], `${role} typed ${delta} above the sum of its years`);
      break;
    }
    case "cd-split": {
      const y = rng.pick(a.model.years);
      const row = rowOf(pickFiche(() => true));
      constant(d, `cd${y}`, row, val(d, `cd${y}`, row) + delta);
      fault = F(["cd-split"], d, [at(d, `cd${y}`, row), at(d, `ms${y}`, row), at(d, `dgas${y}`, row)], `Total CD ${y} ≠ MS + DGAS`);
      break;
    }
    case "budget-sum": {
      const row = rowOf(pickFiche(() => true));
      constant(d, "budget", row, val(d, "budget", row) + delta);
      fault = F(["budget-sum"], d, [at(d, "budget", row)], "budget typed above CD + co-financers");
      break;
    }
    case "total-row": {
      const useSub = d.subtotals.length && rng.chance(0.5);
      const role = rng.pick(Object.keys(d.columns).filter((r) => d.summed.includes(d.columns[r]!)));
      const row = useSub ? rng.pick(d.subtotals).row : d.totalRow;
      constant(d, role, row, val(d, role, row) + delta);
      fault = F(["total-row"], d, [at(d, role, row)], `${useSub ? "sub-total" : "TOTAL"} of ${role} typed off by ${delta}`);
      break;
    }
    case "total-formula": {
      const rows = Object.values(d.ficheRows).map((r) => r[0]!);
      const last = Math.max(...rows);
      const roles = Object.keys(d.columns).filter((r) => d.summed.includes(d.columns[r]!) && val(d, r, last) !== 0);
      const role = roles.length ? rng.pick(roles) : "budget";
      const l = d.columns[role]!;
      const c = colNumber(l);
      const first = Math.min(...rows);
      const cut = rows.filter((r) => r < last);
      const upTo = Math.max(...cut);
      sheetOf(d).cells.set(key(d.totalRow, c), {
        v: null,
        f: `SUM(${l}${first}:${l}${upTo})`,
        e: { k: "sum", xs: cut.map((r) => ({ k: "ref" as const, r, c })) },
        fmt: fmt(d, role, d.totalRow),
      });
      fault = F(["total-formula", "total-row"], d, [at(d, role, d.totalRow)], "TOTAL SUM stops one row short");
      break;
    }
    case "cell-error": {
      const role = rng.pick(yearRoles(a));
      const row = rowOf(pickFiche(() => true));
      const e = rng.pick(["#REF!", "#VALUE!", "#N/A", "#DIV/0!"]);
      put(d, role, row, { v: null, err: e, f: e === "#N/A" ? "NA()" : e === "#DIV/0!" ? "1/0" : e, e: { k: "err", e } });
      fault = F(["cell-error"], d, [at(d, role, row)], `${e} in ${role}`);
      break;
    }
    case "number-as-text": {
      const role = rng.pick(yearRoles(a));
      const row = rowOf(pickFiche(() => true));
      let v = val(d, role, row);
      if (!v) v = a.opts.kEuro ? 12.5 : 12500;
      const t = a.opts.kEuro
        ? `${String(v).replace(".", ",")} k€`
        : `${Math.round(v)
            .toLocaleString("fr-FR")
            .replace(/\u202f/g, " ")} €`;
      put(d, role, row, { v: t });
      fault = F(["number-as-text"], d, [at(d, role, row)], `« ${t} » typed as text in ${role}`);
      break;
    }
    case "negative-amount": {
      const role = rng.pick(yearRoles(a));
      const row = rowOf(pickFiche((i) => val(d, role, rowOf(i)) > 0));
      const v = val(d, role, row) || delta;
      constant(d, role, row, -v);
      fault = F(["negative-amount"], d, [at(d, role, row)], `${role} negative`);
      break;
    }
    case "source-funder": {
      const i = pickFiche(() => true);
      const f = fiches[i]!;
      const row = rowOf(i);
      const w = fundersWithMoney(f);
      const absent = a.model.funders.filter((x) => !w.includes(x));
      const names = absent.length ? [...w, rng.pick(absent)] : w.slice(1);
      const t = names.map((x) => a.sourceNames[x]).join(" / ");
      put(d, "source", row, { v: t });
      fault = F(["source-funder"], d, [at(d, "source", row)], `source « ${t} » for funders ${w.join(",") || "none"}`);
      break;
    }
    case "modalite": {
      const t = s!;
      const i = pickFiche(() => true);
      const row = t.ficheRows[fiches[i]!.key]![0]!;
      const w = fundersWithMoney(fiches[i]!);
      const wrong = w.includes("etat") ? (w.includes("fir") ? "FIR" : "AM") : "PLF";
      put(t, "modalite", row, { v: wrong });
      fault = F(["modalite", "source-vs-modalite"], t, [at(t, "modalite", row)], `modalité ${wrong} for ${w.join(",") || "none"}`);
      break;
    }
    case "cross-table": {
      const t = s!;
      const i = pickFiche(() => true);
      const row = t.ficheRows[fiches[i]!.key]![0]!;
      constant(t, "departement", row, val(t, "departement", row) + delta);
      fault = F(["cross-table"], t, [at(t, "departement", row), at(t, "budget", row)], "summary Département off by delta");
      break;
    }
    case "consumed-sum": {
      const t = s!;
      const row = t.ficheRows[fiches[pickFiche(() => true)]!.key]![0]!;
      constant(t, "consumedSinceStart", row, val(t, "consumedSinceStart", row) + delta);
      fault = F(["consumed-sum"], t, [at(t, "consumedSinceStart", row)], "consumed since start ≠ prior + year");
      break;
    }
    case "cumulative-below-year": {
      const i = pickFiche((j) => fiches[j]!.realisedLast > 0);
      const row = rowOf(i);
      const last = val(d, "realisedLastYear", row) || delta;
      if (!val(d, "realisedLastYear", row)) constant(d, "realisedLastYear", row, last);
      constant(d, "realisedSinceStart", row, Math.round(last * 0.5 * 100) / 100);
      fault = F(["cumulative-below-year"], d, [at(d, "realisedSinceStart", row), at(d, "realisedLastYear", row)], "cumulative below the year's realisations");
      break;
    }
    case "rate-mismatch": {
      const role =
        "gap" in d.columns && (rng.chance(0.5) || !(a.opts.rates === "fraction" || a.opts.rates === "percent") || !("rateGlobal" in d.columns))
          ? "gap"
          : "rateGlobal";
      const row = rowOf(pickFiche((i) => budgetOf(i) > 0));
      const v = val(d, role, row);
      constant(d, role, row, role === "gap" ? v + delta : v + (a.opts.rates === "percent" ? 12 : 0.12));
      fault = F(["rate-mismatch"], d, [at(d, role, row)], `${role} typed off`);
      break;
    }
    case "over-execution": {
      const row = rowOf(pickFiche((i) => budgetOf(i) > 0));
      constant(d, "realisedSinceStart", row, val(d, "budget", row) + delta);
      fault = F(
        ["over-execution"],
        d,
        ["realisedSinceStart", "gap", "rateGlobal"].filter((r) => r in d.columns).map((r) => at(d, r, row)),
        "realised since start above the budget",
      );
      break;
    }
    case "objective-type": {
      const row = rowOf(pickFiche(() => true));
      const c = getCell(g, d.sheet, row, colNumber(d.columns.objectiveType!));
      const t = String(c?.v ?? "");
      const flipped = /fondamental/i.test(t)
        ? t.replace(/fondamental/i, (m) => (m === "FONDAMENTAL" ? "FACULTATIF" : m[0] === "F" ? "Facultatif" : "facultatif"))
        : t.replace(/facultatif/i, (m) => (m === "FACULTATIF" ? "FONDAMENTAL" : m[0] === "F" ? "Fondamental" : "fondamental"));
      put(d, "objectiveType", row, { v: flipped });
      fault = F(["objective-type"], d, [at(d, "objectiveType", row)], `type « ${flipped} » against the catalogue`);
      break;
    }
    case "fiche-numbering": {
      const i = rng.int(1, fiches.length - 1);
      const row = rowOf(i);
      const other = getCell(g, d.sheet, rowOf(i - 1), colNumber(d.columns.fiche!))!;
      const mine = getCell(g, d.sheet, row, colNumber(d.columns.fiche!))!;
      const v =
        typeof other.v === "string" && typeof mine.v === "string" && a.model.numbering.endsWith("label")
          ? other.v.replace(fiches[i - 1]!.label, fiches[i]!.label)
          : other.v;
      put(d, "fiche", row, { v });
      fault = F(["fiche-numbering"], d, [at(d, "fiche", row)], `fiche ${fiches[i]!.key} renumbered as ${fiches[i - 1]!.key} (duplicate)`);
      break;
    }
    case "realised-without-budget": {
      const i = pickFiche((j) => fiches[j]!.realisedLast > 0);
      const row = rowOf(i);
      const yn = a.model.years[a.model.years.length - 1]!;
      for (const b of ["ms", "dgas", "cd", ...FUNDERS]) {
        const role = `${b}${yn}`;
        if (!(role in d.columns) || (b === "cd" && a.model.cdForm === "full")) continue;
        put(d, role, row, { v: null, fmt: fmt(d, role, row) });
      }
      if (!val(d, "realisedLastYear", row)) constant(d, "realisedLastYear", row, delta);
      fault = F(
        ["realised-without-budget"],
        d,
        ["realisedLastYear", "rateLastYear"].filter((r) => r in d.columns).map((r) => at(d, r, row)),
        `nothing planned in ${yn}, realisations kept`,
      );
      break;
    }
    case "display-overflow": {
      const role = "budget";
      const c = colNumber(d.columns[role]!);
      sheetOf(d).widths.set(c, 5);
      fault = F(["display-overflow"], d, [at(d, role, d.totalRow)], "TOTAL budget column narrowed to 5");
      break;
    }
  }
  evaluate(g);
  return { grid: g, fault };

  function budgetOf(i: number): number {
    const f = fiches[i]!;
    return blockTotal(f, "cd") + blockTotal(f, "fir") + blockTotal(f, "etat") + blockTotal(f, "ondam");
  }
}
