import { colNumber, type Grid, isErr, type Value } from "./grid";
import { displayWidth, type TableTruth } from "./layout";
import type { AnnexModel, Funder } from "./model";
import { OBJECTIVES } from "./words";

/**
 * corpus5's own arithmetic: every relation annex-spec §4 states, checked on the workbook's values at the truth's cells.
 * A clean annex breaks none (so any error or warning the product reports on it is false); every fault breaks one.
 */
export interface Broken {
  rule: string;
  sheet: string;
  cell: string;
  why: string;
}

const EPS = 0.005;
/** The funders a source or modalité text names (corpus5's words). */
export function fundersNamed(text: unknown): Set<Funder> {
  const t = String(text ?? "").toUpperCase();
  const out = new Set<Funder>();
  if (/\bFIR\b|\bARS\b/.test(t)) out.add("fir");
  if (/\bETAT\b|ÉTAT|\bPLF\b|\bP304\b/.test(t)) out.add("etat");
  if (/\bONDAM\b|\bAM\b|ASSURANCE MALADIE/.test(t)) out.add("ondam");
  return out;
}
export const normFiche = (s: unknown) =>
  String(s ?? "")
    .trim()
    .replace(/^(FA\s*n°|FA[\s-]*|Fiche\s+)/i, "")
    .replace(/^0+(\d)/, "$1");

export function checkArithmetic(g: Grid, tables: TableTruth[], m: AnnexModel): Broken[] {
  const out: Broken[] = [];
  const val = (t: TableTruth, role: string, r: number): Value => {
    const c = t.columns[role];
    if (!c) return null;
    const s = g.sheets.find((x) => x.name === t.sheet)!;
    return s.cells.get(`${r},${colNumber(c)}`)?.v ?? null;
  };
  const cellOf = (t: TableTruth, role: string, r: number) => `${t.columns[role]}${r}`;
  const bad = (t: TableTruth, rule: string, role: string, r: number, why: string) => out.push({ rule, sheet: t.sheet, cell: cellOf(t, role, r), why });
  const n = (t: TableTruth, role: string, r: number): number => {
    const v = val(t, role, r);
    return typeof v === "number" ? v : 0;
  };
  const yn = m.years[m.years.length - 1]!;
  const detail = tables.find((t) => t.kind === "detail")!;
  const summary = tables.find((t) => t.kind === "summary");
  const blocks = ["ms", "dgas", "cd", "fir", "etat", "ondam"];
  const amountRoles = (t: TableTruth) =>
    Object.keys(t.columns).filter(
      (k) =>
        /^(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total)$/.test(k) ||
        [
          "budget",
          "realisedLastYear",
          "realisedSinceStart",
          "gap",
          "departement",
          "fir",
          "etat",
          "ondam",
          "consumedPrior",
          "consumedLastYear",
          "consumedSinceStart",
        ].includes(k),
    );

  // cell-level: errors, text amounts, negatives
  for (const t of tables) {
    const rows = [...t.bodyRows, ...t.subtotalRows.map((x) => x.row), t.totalRow];
    for (const role of amountRoles(t))
      for (const r of rows) {
        const v = val(t, role, r);
        if (isErr(v)) bad(t, "cell-error", role, r, `error ${v.error}`);
        else if (typeof v === "string" && v.trim() !== "" && v.trim() !== "-") bad(t, "number-as-text", role, r, `text ${v}`);
        else if (typeof v === "number" && v < -EPS && role !== "gap") bad(t, "negative-amount", role, r, `negative ${v}`);
      }
  }
  // every amount displays in its column (no #####)
  for (const t of tables) {
    const s = g.sheets.find((x) => x.name === t.sheet)!;
    for (const role of amountRoles(t)) {
      const c = colNumber(t.columns[role]!);
      const width = s.widths.get(c) ?? 8.43;
      for (const r of [...t.bodyRows, ...t.subtotalRows.map((x) => x.row), t.totalRow]) {
        const cell = s.cells.get(`${r},${c}`);
        if (typeof cell?.v === "number" && displayWidth(cell.v, cell.fmt ?? "") > width - 1)
          bad(t, "display-overflow", role, r, `${cell.v} too wide for ${width}`);
      }
    }
  }
  // detail rows
  const rowsOfFiche = Object.entries(detail.ficheRows);
  for (const [, rows] of rowsOfFiche)
    for (const r of rows) {
      for (const b of blocks) {
        if (!detail.columns[`${b}Total`]) continue;
        const ys = m.years.filter((y) => detail.columns[`${b}${y}`]);
        if (!ys.length) continue;
        const s = ys.reduce((a, y) => a + n(detail, `${b}${y}`, r), 0);
        if (Math.abs(s - n(detail, `${b}Total`, r)) > EPS) bad(detail, "year-sum", `${b}Total`, r, `${b} years ${s} ≠ total`);
      }
      for (const y of m.years)
        if (detail.columns[`cd${y}`] && detail.columns[`ms${y}`]) {
          const s = n(detail, `ms${y}`, r) + n(detail, `dgas${y}`, r);
          if (Math.abs(s - n(detail, `cd${y}`, r)) > EPS) bad(detail, "cd-split", `cd${y}`, r, `ms+dgas ${s} ≠ cd`);
        }
      const cd = detail.columns.cdTotal ? n(detail, "cdTotal", r) : n(detail, "msTotal", r) + n(detail, "dgasTotal", r);
      const b = cd + m.funders.reduce((a, f) => a + n(detail, `${f}Total`, r), 0);
      if (Math.abs(b - n(detail, "budget", r)) > EPS) bad(detail, "budget-sum", "budget", r, `cd+cofin ${b} ≠ budget`);
    }
  // detail fiches (all rows of a fiche are one fiche)
  const seen = new Map<string, string>();
  const catalogue = new Map(OBJECTIVES.map((o) => [o.n, o.type]));
  const typeOf = new Map<number, string>();
  for (const [id, rows] of rowsOfFiche) {
    const r0 = rows[0]!;
    const sum = (role: string) => rows.reduce((a, r) => a + n(detail, role, r), 0);
    const shown = normFiche(val(detail, "fiche", r0));
    if (seen.has(shown)) bad(detail, "fiche-numbering", "fiche", r0, `fiche ${shown} twice`);
    seen.set(shown, id);
    const budget = sum("budget");
    const last = sum("realisedLastYear");
    const since = sum("realisedSinceStart");
    const pLast = detail.columns[`cd${yn}`]
      ? sum(`cd${yn}`) + m.funders.reduce((a, f) => a + sum(`${f}${yn}`), 0)
      : sum(`ms${yn}`) + sum(`dgas${yn}`) + m.funders.reduce((a, f) => a + sum(`${f}${yn}`), 0);
    const yearlyVisible = m.funders.every((f) => detail.columns[`${f}${yn}`]);
    if (since < last - EPS) bad(detail, "cumulative-below-year", "realisedSinceStart", r0, `since ${since} < last ${last}`);
    if (since > budget + EPS) bad(detail, "over-execution", "realisedSinceStart", r0, `since ${since} > budget ${budget}`);
    if (yearlyVisible && last > EPS && pLast <= EPS) bad(detail, "realised-without-budget", "realisedLastYear", r0, "realised without budget");
    const scale = rateScaleOf(g, detail);
    const rate = (role: string, num: number, den: number) => {
      if (!detail.columns[role]) return;
      const v = val(detail, role, r0);
      if (den === 0) {
        if (typeof v === "number") bad(detail, "rate-mismatch", role, r0, "rate on a zero budget");
        return;
      }
      const want = (num / den) * scale;
      const tol = scale === 100 ? 0.051 : 0.0051;
      if (typeof v !== "number" || Math.abs(v - want) > tol) bad(detail, "rate-mismatch", role, r0, `rate ${String(v)} ≠ ${want}`);
    };
    rate("rateLastYear", last, pLast);
    rate("rateGlobal", since, budget);
    if (detail.columns.gap) {
      const gap = sum("gap");
      if (Math.abs(gap - (budget - since)) > 0.01 + EPS) bad(detail, "rate-mismatch", "gap", r0, `gap ${gap} ≠ ${budget - since}`);
    }
    // source names exactly the funders with money
    if (detail.columns.source) {
      const named = fundersNamed(rows.map((r) => val(detail, "source", r)).join(" "));
      for (const f of ["fir", "etat", "ondam"] as Funder[]) {
        const money = detail.columns[`${f}Total`] ? sum(`${f}Total`) !== 0 : false;
        if (money !== named.has(f)) bad(detail, "source-funder", "source", r0, `${f} named ${named.has(f)} money ${money}`);
      }
    }
    // objective type against the catalogue and across fiches
    const obj = /(\d+)/.exec(String(val(detail, "objective", r0) ?? ""));
    const ty = String(val(detail, "objectiveType", r0) ?? "").toLowerCase();
    if (obj && ty) {
      const k = Number(obj[1]);
      const want = catalogue.get(k)?.toLowerCase();
      if (want && want !== ty) bad(detail, "objective-type", "objectiveType", r0, `objective ${k} typed ${ty}`);
      if (typeOf.has(k) && typeOf.get(k) !== ty) bad(detail, "objective-type", "objectiveType", r0, `objective ${k} typed both ways`);
      typeOf.set(k, ty);
    }
  }
  // totals of the detail and summary: sub-totals over their rows, TOTAL over the fiche rows
  for (const t of tables) {
    for (const role of amountRoles(t)) {
      for (const st of t.subtotalRows) {
        if (val(t, role, st.row) === null) continue;
        const s = st.rows.reduce((a, r) => a + n(t, role, r), 0);
        if (Math.abs(s - n(t, role, st.row)) > EPS) bad(t, "total-row", role, st.row, `sub-total ${n(t, role, st.row)} ≠ ${s}`);
        const f = g.sheets.find((x) => x.name === t.sheet)!.cells.get(`${st.row},${colNumber(t.columns[role]!)}`)?.f;
        if (f && !coversAll(f, st.rows, t.columns[role]!)) bad(t, "total-formula", role, st.row, `formula ${f} leaves rows out`);
      }
      const s = t.bodyRows.reduce((a, r) => a + n(t, role, r), 0);
      if (Math.abs(s - n(t, role, t.totalRow)) > EPS) bad(t, "total-row", role, t.totalRow, `total ${n(t, role, t.totalRow)} ≠ ${s}`);
    }
  }
  // summary ↔ detail
  if (summary) {
    const dByFiche = new Map(rowsOfFiche.map(([id, rows]) => [normFiche(id), rows]));
    const sSeen = new Set<string>();
    for (const [, [r]] of Object.entries(summary.ficheRows)) {
      const id = normFiche(val(summary, "fiche", r!));
      sSeen.add(id);
      const rows = dByFiche.get(id);
      if (!rows) {
        bad(summary, "fiche-numbering", "fiche", r!, `fiche ${id} not in the detail`);
        continue;
      }
      const dsum = (role: string) => rows.reduce((a, x) => a + n(detail, role, x), 0);
      const b = n(summary, "departement", r!) + (["fir", "etat", "ondam"] as const).reduce((a, f) => a + n(summary, f, r!), 0);
      if (Math.abs(b - n(summary, "budget", r!)) > EPS) bad(summary, "budget-sum", "budget", r!, `summary budget ${n(summary, "budget", r!)} ≠ ${b}`);
      const pairs: [string, number][] = [
        ["budget", dsum("budget")],
        ["departement", detail.columns.cdTotal ? dsum("cdTotal") : dsum("msTotal") + dsum("dgasTotal")],
        ...(["fir", "etat", "ondam"] as const).map((f) => [f, dsum(`${f}Total`)] as [string, number]),
        ["consumedLastYear", dsum("realisedLastYear")],
        ["consumedSinceStart", dsum("realisedSinceStart")],
      ];
      for (const [role, want] of pairs)
        if (summary.columns[role] && Math.abs(n(summary, role, r!) - want) > EPS)
          bad(summary, "cross-table", role, r!, `summary ${n(summary, role, r!)} ≠ detail ${want}`);
      if (Math.abs(n(summary, "consumedPrior", r!) + n(summary, "consumedLastYear", r!) - n(summary, "consumedSinceStart", r!)) > EPS)
        bad(summary, "consumed-sum", "consumedSinceStart", r!, "prior + year ≠ since start");
      const named = fundersNamed(val(summary, "modalite", r!));
      for (const f of ["fir", "etat", "ondam"] as Funder[]) {
        const money = Math.abs(dsum(`${f}Total`)) > EPS;
        if (money !== named.has(f)) bad(summary, "modalite", "modalite", r!, `${f} named ${named.has(f)} money ${money}`);
      }
    }
    for (const [id, rows] of dByFiche) if (!sSeen.has(id)) bad(detail, "fiche-numbering", "fiche", rows[0]!, `fiche ${id} not in the summary`);
  }
  return out;
}

/** A SUM over the rows it closes (every one of them). */
function coversAll(f: string, rows: number[], col: string): boolean {
  const covered = new Set<number>();
  for (const m of f.matchAll(/\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?/g)) {
    if (m[1] !== col) continue;
    const a = Number(m[2]);
    const b = m[4] ? Number(m[4]) : a;
    for (let r = a; r <= b; r++) covered.add(r);
  }
  return rows.every((r) => covered.has(r));
}

export function rateScaleOf(g: Grid, t: TableTruth): number {
  const c = t.columns.rateGlobal ?? t.columns.rateLastYear;
  if (!c) return 1;
  const s = g.sheets.find((x) => x.name === t.sheet)!;
  for (const r of t.bodyRows) {
    const cell = s.cells.get(`${r},${colNumber(c)}`);
    if (cell?.fmt) return cell.fmt.includes("%") ? 1 : 100;
  }
  return 1;
}
