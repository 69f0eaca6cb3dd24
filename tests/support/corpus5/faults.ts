import { colNumber, cloneGrid, type Grid, recalc, type Sheet } from "./grid";
import type { Annex } from "./generate";
import type { TableTruth } from "./layout";
import { fundersNamed } from "./arith";
import { Rng } from "./rng";

export const FAULT_KINDS = [
  "year-sum",
  "cd-split",
  "budget-sum",
  "total-row",
  "total-row-subtotal",
  "total-row-summary",
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
  "display-overflow",
  "realised-without-budget",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** The injected fault: where it is and which rule ids (first the expected one) may report it there. */
export interface Fault {
  kind: FaultKind;
  rules: string[];
  sheet: string;
  cells: string[];
  what: string;
}

const RULE: Record<FaultKind, string[]> = {
  "year-sum": ["year-sum"],
  "cd-split": ["cd-split"],
  "budget-sum": ["budget-sum"],
  "total-row": ["total-row"],
  "total-row-subtotal": ["total-row"],
  "total-row-summary": ["total-row"],
  "total-formula": ["total-formula", "total-row"],
  "cell-error": ["cell-error"],
  "number-as-text": ["number-as-text"],
  "negative-amount": ["negative-amount"],
  "source-funder": ["source-funder"],
  modalite: ["modalite"],
  "cross-table": ["cross-table"],
  "consumed-sum": ["consumed-sum"],
  "cumulative-below-year": ["cumulative-below-year"],
  "rate-mismatch": ["rate-mismatch"],
  "over-execution": ["over-execution"],
  "objective-type": ["objective-type"],
  "fiche-numbering": ["fiche-numbering"],
  "display-overflow": ["display-overflow"],
  "realised-without-budget": ["realised-without-budget"],
};

const sheetOf = (g: Grid, t: TableTruth): Sheet => g.sheets.find((s) => s.name === t.sheet)!;
const at = (t: TableTruth, role: string, r: number) => `${t.columns[role]}${r}`;
const numAt = (s: Sheet, cell: string): number => {
  const m = /([A-Z]+)(\d+)/.exec(cell)!;
  const v = s.cells.get(`${m[2]},${colNumber(m[1]!)}`)?.v;
  return typeof v === "number" ? v : 0;
};
/** Overwrites a cell with a typed value (a formula overwritten by hand, or a figure mistyped). */
function put(s: Sheet, cell: string, v: string | number | { error: string }): void {
  const m = /([A-Z]+)(\d+)/.exec(cell)!;
  const k = `${m[2]},${colNumber(m[1]!)}`;
  const old = s.cells.get(k);
  s.cells.set(k, { ...(old ?? {}), v, f: undefined });
}
const euros = (v: number) =>
  `${Math.round(v)
    .toLocaleString("fr-FR")
    .replace(/\u202f|\u00a0/g, " ")} €`;

/** Which faults fit this annex (a cd-split needs CD columns with their MS and DGAS…). */
export function applicableFaults(a: Annex): FaultKind[] {
  const d = a.layout.tables.find((t) => t.kind === "detail")!;
  const s = a.layout.tables.find((t) => t.kind === "summary");
  const yn = a.model.years[a.model.years.length - 1]!;
  return FAULT_KINDS.filter((k) => {
    switch (k) {
      case "cd-split":
        return !!d.columns[`cd${yn}`] && !!d.columns[`ms${yn}`];
      case "year-sum":
        return Object.keys(d.columns).some((r) => /Total$/.test(r) && d.columns[r.replace("Total", String(yn))]);
      case "total-row-subtotal":
        return d.subtotalRows.length > 0;
      case "total-row-summary":
      case "modalite":
      case "cross-table":
      case "consumed-sum":
        return !!s;
      case "rate-mismatch":
        return !!(d.columns.rateGlobal || d.columns.gap);
      case "objective-type":
        return (
          !!d.columns.objectiveType &&
          Object.values(d.ficheRows).some((rows) => sheetOf(a.grid, d).cells.get(`${rows[0]},${colNumber(d.columns.objectiveType!)}`)?.v)
        );
      case "fiche-numbering":
        return Object.keys(d.ficheRows).length > 1;
      case "source-funder":
        return !!d.columns.source;
      case "realised-without-budget":
        return a.model.funders.every((f) => d.columns[`${f}${yn}`]) && Object.values(d.ficheRows).some((rows) => rows.length === 1);
      default:
        return true;
    }
  });
}

/** A faulty copy of the annex with one fault of the given kind, and where it is. */
export function injectFault(a: Annex, kind: FaultKind, seed: number): { grid: Grid; fault: Fault } {
  const rng = new Rng(seed * 31 + FAULT_KINDS.indexOf(kind));
  const g = cloneGrid(a.grid);
  const d = a.layout.tables.find((t) => t.kind === "detail")!;
  const sum = a.layout.tables.find((t) => t.kind === "summary");
  const ds = sheetOf(g, d);
  const yn = a.model.years[a.model.years.length - 1]!;
  const fiches = Object.entries(d.ficheRows);
  const single = fiches.filter(([, rows]) => rows.length === 1);
  const pickFiche = (pred: (r: number) => boolean = () => true) => {
    const xs = (single.length ? single : fiches).filter(([, rows]) => pred(rows[0]!));
    return rng.pick(xs.length ? xs : fiches);
  };
  let sheet = d.sheet;
  let cells: string[] = [];
  let what = "";
  const delta = rng.pick([1000, 2500, 12000, -1500]);
  switch (kind) {
    case "year-sum": {
      const blocks = Object.keys(d.columns).filter((r) => /Total$/.test(r) && d.columns[r.replace("Total", String(yn))]);
      const b = rng.pick(blocks);
      const [, rows] = pickFiche((r) => numAt(ds, at(d, b, r)) !== 0);
      cells = [at(d, b, rows[0]!)];
      put(ds, cells[0]!, numAt(ds, cells[0]!) + Math.abs(delta));
      what = `${b} of a fiche typed ${Math.abs(delta)} above the sum of its years`;
      break;
    }
    case "cd-split": {
      const y = rng.pick(a.model.years);
      const [, rows] = pickFiche((r) => numAt(ds, at(d, `cd${y}`, r)) !== 0);
      cells = [at(d, `cd${y}`, rows[0]!)];
      put(ds, cells[0]!, numAt(ds, cells[0]!) + Math.abs(delta));
      what = `Total CD ${y} ≠ MS + DGAS`;
      break;
    }
    case "budget-sum": {
      const [, rows] = pickFiche();
      cells = [at(d, "budget", rows[0]!)];
      put(ds, cells[0]!, numAt(ds, cells[0]!) + Math.abs(delta));
      what = "budget above CD + co-financers";
      break;
    }
    case "total-row":
    case "total-formula": {
      const roles = Object.keys(d.columns).filter((r) => /^(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total)$|^budget$|^realised/.test(r));
      const withLast = roles.filter((r) => numAt(ds, at(d, r, d.bodyRows[d.bodyRows.length - 1]!)) !== 0);
      const role = rng.pick(kind === "total-formula" && withLast.length ? withLast : roles);
      cells = [at(d, role, d.totalRow)];
      const old = ds.cells.get(`${d.totalRow},${colNumber(d.columns[role]!)}`)!;
      if (kind === "total-formula" && old.f && /^SUM\(/.test(old.f) && withLast.includes(role)) {
        // SUM stopping one row short of the fiches
        const last = d.bodyRows[d.bodyRows.length - 1]!;
        const prev = d.bodyRows[d.bodyRows.length - 2] ?? last - 1;
        old.f = old.f.replace(new RegExp(`${d.columns[role]}${last}\\)$`), `${d.columns[role]}${prev})`);
        what = `TOTAL ${role}: ${old.f} (stops one row short)`;
        if (!old.f.endsWith(`${prev})`)) {
          put(ds, cells[0]!, numAt(ds, cells[0]!) - 1000);
          what = "TOTAL typed 1000 below";
        }
      } else {
        put(ds, cells[0]!, numAt(ds, cells[0]!) + delta);
        what = `TOTAL ${role} typed ${delta} off`;
      }
      break;
    }
    case "total-row-subtotal": {
      const st = rng.pick(d.subtotalRows);
      const role = rng.pick(Object.keys(d.columns).filter((r) => /Total$|^budget$/.test(r)));
      cells = [at(d, role, st.row)];
      put(ds, cells[0]!, numAt(ds, cells[0]!) + delta);
      what = `detail sub-total ${role} typed ${delta} off`;
      break;
    }
    case "total-row-summary": {
      const t = sum!;
      const ss = sheetOf(g, t);
      const row = t.subtotalRows.length && rng.chance(0.6) ? rng.pick(t.subtotalRows).row : t.totalRow;
      const role = rng.pick(["budget", "departement", "consumedSinceStart", "consumedLastYear"]);
      sheet = t.sheet;
      cells = [at(t, role, row)];
      put(ss, cells[0]!, numAt(ss, cells[0]!) + delta);
      what = `summary ${row === t.totalRow ? "Total" : "Sous-total"} ${role} typed ${delta} off`;
      break;
    }
    case "cell-error": {
      const roles = Object.keys(d.columns).filter((r) => /^(ms|dgas|fir|etat|ondam)\d{4}$|^realisedLastYear$/.test(r));
      const role = rng.pick(roles.length ? roles : ["budget"]);
      const [, rows] = pickFiche();
      cells = [at(d, role, rows[0]!)];
      put(ds, cells[0]!, { error: rng.pick(["#REF!", "#VALUE!", "#N/A", "#DIV/0!"]) });
      what = `error value in ${role}`;
      break;
    }
    case "number-as-text": {
      const roles = Object.keys(d.columns).filter((r) => /^(fir|etat|ondam)\d{4}$/.test(r));
      const role = rng.pick(
        roles.length
          ? roles
          : Object.keys(d.columns)
              .filter((r) => /^(ms|dgas|cd)\d{4}$/.test(r))
              .concat(["realisedLastYear"]),
      );
      const [, rows] = pickFiche((r) => numAt(ds, at(d, role, r)) !== 0);
      cells = [at(d, role, rows[0]!)];
      put(ds, cells[0]!, euros(numAt(ds, cells[0]!) || 12500));
      what = `${role} typed as text`;
      break;
    }
    case "negative-amount": {
      const roles = Object.keys(d.columns).filter((r) => /^(ms|dgas|fir|etat|ondam)\d{4}$/.test(r));
      const role = rng.pick(roles.length ? roles : ["realisedLastYear"]);
      const [, rows] = pickFiche((r) => numAt(ds, at(d, role, r)) !== 0);
      cells = [at(d, role, rows[0]!)];
      put(ds, cells[0]!, -(numAt(ds, cells[0]!) || 5000));
      what = `${role} negative`;
      break;
    }
    case "source-funder": {
      const [, rows] = pickFiche();
      cells = [at(d, "source", rows[0]!)];
      const c = ds.cells.get(`${rows[0]},${colNumber(d.columns.source!)}`);
      const named = fundersNamed(c?.v);
      const missing = (["fir", "etat", "ondam"] as const).filter((f) => !named.has(f));
      if (named.size && (rng.chance(0.4) || !missing.length)) {
        put(ds, cells[0]!, "");
        what = "source emptied although co-financers carry money";
      } else {
        const f = rng.pick(missing);
        const word = { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[f];
        put(ds, cells[0]!, named.size ? `${String(c?.v)}/${word}` : word);
        what = `source names ${word} without money`;
      }
      break;
    }
    case "modalite": {
      const t = sum!;
      const ss = sheetOf(g, t);
      const r = rng.pick(Object.values(t.ficheRows))[0]!;
      sheet = t.sheet;
      cells = [at(t, "modalite", r)];
      const v = ss.cells.get(`${r},${colNumber(t.columns.modalite!)}`)?.v;
      const named = fundersNamed(v);
      const add = (["fir", "etat", "ondam"] as const).find((f) => !named.has(f));
      put(ss, cells[0]!, add ? `${v ? String(v) + "/" : ""}${{ fir: "FIR", etat: "PLF", ondam: "AM" }[add]}` : "CD");
      what = "modalité names a funder without money";
      break;
    }
    case "cross-table":
    case "consumed-sum": {
      const t = sum!;
      const ss = sheetOf(g, t);
      const r = rng.pick(Object.values(t.ficheRows))[0]!;
      sheet = t.sheet;
      const role = kind === "consumed-sum" ? "consumedSinceStart" : rng.pick(["budget", "departement", "consumedLastYear"]);
      cells = [at(t, role, r)];
      if (kind === "consumed-sum") {
        // prior typed off: since stays the detail's, prior + year no longer adds up
        const pc = at(t, "consumedPrior", r);
        put(ss, pc, numAt(ss, pc) + Math.abs(delta));
        const scell = ss.cells.get(`${r},${colNumber(t.columns.consumedSinceStart!)}`)!;
        if (scell.f) put(ss, cells[0]!, numAt(ss, cells[0]!));
        cells.push(pc);
        what = "consumed prior typed off: prior + year ≠ since start";
      } else {
        put(ss, cells[0]!, numAt(ss, cells[0]!) + Math.abs(delta));
        what = `summary ${role} ≠ detail`;
      }
      break;
    }
    case "cumulative-below-year": {
      const [, rows] = pickFiche((r) => numAt(ds, at(d, "realisedLastYear", r)) > 100);
      cells = [at(d, "realisedSinceStart", rows[0]!)];
      put(ds, cells[0]!, Math.round(numAt(ds, at(d, "realisedLastYear", rows[0]!)) / 2));
      what = "since start below the year's realisations";
      break;
    }
    case "rate-mismatch": {
      const role = d.columns.rateGlobal && (!d.columns.gap || rng.chance(0.5)) ? "rateGlobal" : "gap";
      const [, rows] = pickFiche((r) => numAt(ds, at(d, "budget", r)) > 0);
      cells = [at(d, role, rows[0]!)];
      if (role === "gap") put(ds, cells[0]!, numAt(ds, cells[0]!) + 10000);
      else {
        const scale = ds.cells.get(`${rows[0]},${colNumber(d.columns.rateGlobal!)}`)?.fmt?.includes("%") === false ? 100 : 1;
        put(ds, cells[0]!, Math.round((numAt(ds, cells[0]!) + 0.15 * scale) * 100) / 100);
      }
      what = `${role} typed wrong`;
      break;
    }
    case "over-execution": {
      const [, rows] = pickFiche((r) => numAt(ds, at(d, "budget", r)) > 0);
      cells = [at(d, "realisedSinceStart", rows[0]!), ...["gap", "rateGlobal"].filter((x) => d.columns[x]).map((x) => at(d, x, rows[0]!))];
      put(ds, cells[0]!, Math.round(numAt(ds, at(d, "budget", rows[0]!)) * 1.2));
      what = "realised since start 20 % above the budget";
      break;
    }
    case "objective-type": {
      const [, rows] = pickFiche((r) => !!ds.cells.get(`${r},${colNumber(d.columns.objectiveType!)}`)?.v);
      cells = [at(d, "objectiveType", rows[0]!)];
      const v = String(ds.cells.get(`${rows[0]},${colNumber(d.columns.objectiveType!)}`)?.v ?? "");
      put(ds, cells[0]!, /fonda/i.test(v) ? "Facultatif" : "Fondamental");
      what = "objective typed against the catalogue";
      break;
    }
    case "fiche-numbering": {
      const i = rng.int(1, fiches.length - 1);
      const r = fiches[i]![1][0]!;
      const prev = ds.cells.get(`${fiches[i - 1]![1][0]},${colNumber(d.columns.fiche!)}`)?.v ?? fiches[i - 1]![0];
      cells = [at(d, "fiche", r)];
      put(ds, cells[0]!, prev as string | number);
      cells.push(at(d, "fiche", fiches[i - 1]![1][0]!));
      what = `fiche number ${String(prev)} twice`;
      break;
    }
    case "realised-without-budget": {
      // Nothing planned in the last year any more (an avenant moved it), the year's realisations stay.
      const [, rows] = pickFiche((r) => numAt(ds, at(d, "realisedLastYear", r)) > 0);
      const r = rows[0]!;
      for (const b of ["ms", "dgas", "cd", "fir", "etat", "ondam"]) if (d.columns[`${b}${yn}`]) put(ds, at(d, `${b}${yn}`, r), 0);
      cells = [at(d, "realisedLastYear", r), ...(d.columns.rateLastYear ? [at(d, "rateLastYear", r)] : [])];
      what = `nothing planned in ${yn}, realisations kept`;
      break;
    }
    case "display-overflow": {
      const role = rng.pick(
        ["budget", "realisedSinceStart", ...Object.keys(d.columns).filter((r) => /Total$/.test(r))].filter((r) => numAt(ds, at(d, r, d.totalRow)) >= 100000),
      );
      const c = colNumber(d.columns[role ?? "budget"]!);
      ds.widths.set(c, 4);
      ds.hiddenCols.delete(c);
      ds.outlineCols.delete(c);
      cells = [at(d, role ?? "budget", d.totalRow)];
      what = `column of ${role} narrowed: the TOTAL shows #####`;
      break;
    }
  }
  recalc(g);
  return { grid: g, fault: { kind, rules: RULE[kind], sheet, cells, what } };
}

/** The fault this seed's faulty copy carries (each kind in turn over the seeds, among those that fit). */
export function faultForSeed(a: Annex): FaultKind {
  const ks = applicableFaults(a);
  return ks[(a.seed * 7) % ks.length]!;
}
