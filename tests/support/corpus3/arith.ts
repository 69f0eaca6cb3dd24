// corpus3's own arithmetic check of a generated annex, from its truth (not from the product's reading): every clean
// annex must pass it, so that any error the product reports on a clean annex is a false one.
import { OBJECTIVES } from "./domain";
import type { Annex, Funder, TableTruth } from "./generate";
import { FUNDERS } from "./generate";
import { getCell, type GSheet } from "./grid";

const colNum = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
const near = (a: number, b: number, tol = 0.5) => Math.abs(a - b) <= tol;

function sheetOf(a: Annex, t: TableTruth): GSheet {
  return a.book.sheets.find((s) => s.name === t.sheet)!;
}

/** Reads a role's number in a row: empty = 0; text or error = NaN (never in a clean annex). */
function numAt(s: GSheet, t: TableTruth, key: string, row: number): number {
  const l = t.columns[key];
  if (!l) return 0;
  const v = getCell(s, row, colNum(l))?.v;
  if (v === undefined || v === null || v === "") return 0;
  return typeof v === "number" ? v : NaN;
}

const SOURCE_WORDS: Array<[RegExp, Funder]> = [
  [/\b(fir|ars)\b/i, "fir"],
  [/\b(etat|plf|p304)\b/i, "etat"],
  [/\b(ondam|am|assurance maladie|cnsa)\b/i, "ondam"],
];
export function fundersNamed(text: string): Set<Funder> {
  const out = new Set<Funder>();
  const plain = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  for (const [re, f] of SOURCE_WORDS) if (re.test(plain)) out.add(f);
  return out;
}

/** Every arithmetic relation the annex must satisfy when clean; returns the broken ones (empty = consistent). */
export function arithmeticProblems(a: Annex): string[] {
  const out: string[] = [];
  const yN = a.years[a.years.length - 1]!;
  const d = a.truth.find((t) => t.kind === "detail")!;
  const ds = sheetOf(a, d);
  const has = (k: string) => !!d.columns[k];
  const blocks = ["ms", "dgas", "cd", ...a.funders];
  const perFiche = new Map<string, Record<string, number>>();
  const amountKeys = Object.keys(d.columns).filter((k) => /^(budget|realised|gap|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))/.test(k));
  for (const fr of d.ficheRows) {
    const n = (k: string) => numAt(ds, d, k, fr.row);
    for (const k of amountKeys) if (Number.isNaN(n(k))) out.push(`detail ${k} row ${fr.row}: not a number`);
    for (const b of blocks) {
      if (!has(`${b}${a.years[0]}`) || !has(`${b}Total`)) continue;
      const s = a.years.reduce((acc, y) => acc + n(`${b}${y}`), 0);
      if (!near(s, n(`${b}Total`))) out.push(`year-sum ${b} row ${fr.row}`);
    }
    for (const y of a.years) if (has(`cd${y}`) && has(`ms${y}`) && !near(n(`cd${y}`), n(`ms${y}`) + n(`dgas${y}`))) out.push(`cd-split ${y} row ${fr.row}`);
    const total = (b: string) => (has(`${b}Total`) ? n(`${b}Total`) : a.years.reduce((acc, y) => acc + n(`${b}${y}`), 0));
    const cd = has("cdTotal") || has(`cd${a.years[0]}`) ? total("cd") : total("ms") + total("dgas");
    const budget = cd + a.funders.reduce((acc, f) => acc + total(f), 0);
    if (!near(budget, n("budget"))) out.push(`budget-sum row ${fr.row}: ${n("budget")} vs ${budget}`);
    if (n("realisedSinceStart") < n("realisedLastYear")) out.push(`cumulative-below-year row ${fr.row}`);
    if (
      has(`realised${a.years[0]}`) &&
      !near(
        a.years.slice(0, -1).reduce((acc, y) => acc + n(`realised${y}`), n("realisedLastYear")),
        n("realisedSinceStart"),
      )
    )
      out.push(`realised per year ≠ cumulative row ${fr.row}`);
    if (n("realisedSinceStart") > n("budget")) out.push(`over-execution row ${fr.row}`);
    const pLast = (has(`cd${yN}`) ? n(`cd${yN}`) : n(`ms${yN}`) + n(`dgas${yN}`)) + a.funders.reduce((acc, f) => acc + n(`${f}${yN}`), 0);
    if (pLast === 0 && n("realisedLastYear") > 0) out.push(`realised-without-budget row ${fr.row}`);
    const rate = (k: string) => getCell(ds, fr.row, colNum(d.columns[k] ?? "A"))?.v;
    if (has("rateLastYear") && pLast > 0 && !near(Number(rate("rateLastYear")), n("realisedLastYear") / pLast, 0.0001))
      out.push(`rate-mismatch rateLastYear row ${fr.row}`);
    if (has("rateGlobal") && n("budget") > 0 && !near(Number(rate("rateGlobal")), n("realisedSinceStart") / n("budget"), 0.0001))
      out.push(`rate-mismatch rateGlobal row ${fr.row}`);
    if (has("gap") && !near(n("gap"), n("budget") - n("realisedSinceStart"))) out.push(`rate-mismatch gap row ${fr.row}`);
    const acc = perFiche.get(fr.fiche) ?? {};
    for (const k of new Set([...amountKeys, "budget", "realisedLastYear", "realisedSinceStart"])) acc[k] = (acc[k] ?? 0) + n(k);
    acc.cd = (acc.cd ?? 0) + cd;
    for (const f of a.funders) acc[`f_${f}`] = (acc[`f_${f}`] ?? 0) + total(f);
    perFiche.set(fr.fiche, acc);
  }
  // Totals and sub-totals of the detail.
  const groups: number[][] = [];
  let cur: number[] = [];
  const subs = new Set(d.subtotalRows);
  const rowsSorted = [...d.ficheRows.map((x) => x.row), ...d.subtotalRows].sort((x, y) => x - y);
  for (const r of rowsSorted) {
    if (subs.has(r)) {
      groups.push(cur);
      for (const k of amountKeys) {
        const s = cur.reduce((acc, x) => acc + numAt(ds, d, k, x), 0);
        if (!near(s, numAt(ds, d, k, r))) out.push(`total-row subtotal ${k} row ${r}`);
      }
      cur = [];
    } else cur.push(r);
  }
  if (d.totalRow) {
    for (const k of amountKeys) {
      const s = d.ficheRows.reduce((acc, x) => acc + numAt(ds, d, k, x.row), 0);
      if (!near(s, numAt(ds, d, k, d.totalRow))) out.push(`total-row TOTAL ${k}`);
    }
  }
  // Source names exactly the funders with money (over all the fiche's rows).
  if (has("source")) {
    const byFiche = new Map<string, { named: Set<Funder>; money: Set<Funder> }>();
    for (const fr of d.ficheRows) {
      const e = byFiche.get(fr.fiche) ?? { named: new Set(), money: new Set() };
      const v = getCell(ds, fr.row, colNum(d.columns.source!))?.v;
      for (const f of fundersNamed(typeof v === "string" ? v : "")) e.named.add(f);
      for (const f of a.funders) {
        const m = has(`${f}Total`) ? numAt(ds, d, `${f}Total`, fr.row) : a.years.reduce((acc, y) => acc + numAt(ds, d, `${f}${y}`, fr.row), 0);
        if (m > 0) e.money.add(f);
      }
      byFiche.set(fr.fiche, e);
    }
    for (const [fiche, e] of byFiche)
      if ([...e.named].sort().join() !== [...e.money].sort().join()) out.push(`source-funder fiche ${fiche}: named ${[...e.named]} money ${[...e.money]}`);
  }
  // Objective types against the catalogue, one type per number.
  if (has("objective") && has("objectiveType")) {
    for (const fr of d.ficheRows.filter((x) => x.part === 0)) {
      const o = String(getCell(ds, fr.row, colNum(d.columns.objective!))?.v ?? "");
      const t = String(getCell(ds, fr.row, colNum(d.columns.objectiveType!))?.v ?? "").toLowerCase();
      const m = /(\d+)/.exec(o);
      const cat = m ? OBJECTIVES.find((x) => x.n === Number(m[1])) : undefined;
      if (!cat || cat.type.toLowerCase() !== t) out.push(`objective-type fiche ${fr.fiche}`);
    }
  }
  // Summary: rows, consumed, sub-totals, total, and against the detail.
  const sm = a.truth.find((t) => t.kind === "summary");
  if (sm) {
    const ss = sheetOf(a, sm);
    const hs = (k: string) => !!sm.columns[k];
    for (const fr of sm.ficheRows) {
      const n = (k: string) => numAt(ss, sm, k, fr.row);
      const dep = n("departement") + a.funders.reduce((acc, f) => acc + n(f), 0);
      if (!near(dep, n("budget"))) out.push(`summary budget-sum row ${fr.row}`);
      if (hs("consumedPrior") && !near(n("consumedPrior") + n("consumedLastYear"), n("consumedSinceStart"))) out.push(`consumed-sum row ${fr.row}`);
      const det = perFiche.get(fr.fiche);
      if (!det) {
        out.push(`fiche-numbering ${fr.fiche} not in detail`);
        continue;
      }
      if (!near(det.budget!, n("budget"))) out.push(`cross-table budget ${fr.fiche}`);
      if (!near(det.cd!, n("departement"))) out.push(`cross-table departement ${fr.fiche}`);
      for (const f of a.funders) if (!near(det[`f_${f}`]!, n(f))) out.push(`cross-table ${f} ${fr.fiche}`);
      if (!near(det.realisedLastYear!, n("consumedLastYear"))) out.push(`cross-table consumedLastYear ${fr.fiche}`);
      if (!near(det.realisedSinceStart!, n("consumedSinceStart"))) out.push(`cross-table consumedSinceStart ${fr.fiche}`);
      if (hs("modalite")) {
        const m = String(getCell(ss, fr.row, colNum(sm.columns.modalite!))?.v ?? "");
        const named = new Set(FUNDERS.filter((f) => new RegExp(`\\b${{ fir: "FIR", etat: "PLF", ondam: "AM" }[f]}\\b`).test(m)));
        const money = new Set(a.funders.filter((f) => n(f) > 0));
        if ([...named].sort().join() !== [...money].sort().join() || (!money.size && m !== "CD")) out.push(`modalite fiche ${fr.fiche}`);
      }
    }
    const amountKeys2 = Object.keys(sm.columns).filter((k) => !["mesure", "objectif", "fiche", "modalite"].includes(k));
    let start = 0;
    const rows = sm.ficheRows.map((x) => x.row);
    for (const sr of sm.subtotalRows) {
      const mine = rows.filter((r) => r < sr && r > start);
      for (const k of amountKeys2) {
        const s = mine.reduce((acc, x) => acc + numAt(ss, sm, k, x), 0);
        if (!near(s, numAt(ss, sm, k, sr))) out.push(`summary total-row subtotal ${k} row ${sr}`);
      }
      start = sr;
    }
    if (sm.totalRow)
      for (const k of amountKeys2) {
        const s = rows.reduce((acc, x) => acc + numAt(ss, sm, k, x), 0);
        if (!near(s, numAt(ss, sm, k, sm.totalRow))) out.push(`summary total-row Total ${k}`);
      }
    const detailFiches = new Set(d.ficheRows.map((x) => x.fiche));
    const sumFiches = new Set(sm.ficheRows.map((x) => x.fiche));
    for (const f of detailFiches) if (!sumFiches.has(f)) out.push(`fiche-numbering ${f} not in summary`);
  }
  const nums = d.ficheRows.filter((x) => x.part === 0).map((x) => x.fiche);
  if (new Set(nums).size !== nums.length) out.push("fiche-numbering duplicate");
  return out;
}
