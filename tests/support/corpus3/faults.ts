// One fault injected into a clean corpus3 annex, with the rule id (annex-spec.md §4) and the cell where the product
// must report it. Formulas are recomputed afterwards, as Excel does when the file is saved.
import type { Annex, Funder, TableTruth } from "./generate";
import { FUNDERS } from "./generate";
import { addr, getCell, recompute, type GBook, type GSheet } from "./grid";
import { Rng } from "./rng";

export interface Fault {
  kind: string;
  rule: string;
  sheet: string;
  cell: string;
  alt: string[];
  note: string;
}

const colNum = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

export const FAULT_KINDS = [
  "total-row",
  "subtotal-row",
  "summary-subtotal-row",
  "total-formula-short",
  "year-sum",
  "cd-split",
  "budget-sum",
  "source-funder-extra",
  "source-funder-missing",
  "modalite",
  "objective-type-both",
  "objective-type-catalogue",
  "rate-mismatch-global",
  "rate-mismatch-last",
  "gap-mismatch",
  "cross-table",
  "consumed-sum",
  "cumulative-below-year",
  "negative-amount",
  "number-as-text",
  "cell-error",
  "display-overflow",
  "fiche-duplicate",
  "over-execution",
  "subtotal-formula-short",
  "summary-subtotal-formula-short",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

interface Ctx {
  a: Annex;
  book: GBook;
  d: TableTruth;
  s: TableTruth | undefined;
  rng: Rng;
}

const sheet = (book: GBook, t: TableTruth): GSheet => book.sheets.find((x) => x.name === t.sheet)!;
const cellOf = (t: TableTruth, key: string, row: number) => `${t.columns[key]}${row}`;
const numAt = (sh: GSheet, t: TableTruth, key: string, row: number): number => {
  const v = getCell(sh, row, colNum(t.columns[key]!))?.v;
  return typeof v === "number" ? v : 0;
};

/** Single-row fiches first: their faults sit in one unambiguous cell. */
function ficheRowsOf(c: Ctx): Array<{ row: number; fiche: string }> {
  const multi = new Set(c.d.ficheRows.filter((x) => x.part > 0).map((x) => x.fiche));
  const single = c.d.ficheRows.filter((x) => x.part === 0 && !multi.has(x.fiche));
  return single.length ? single : c.d.ficheRows.filter((x) => x.part === 0);
}

function setValue(sh: GSheet, t: TableTruth, key: string, row: number, v: number | string | null): void {
  const col = colNum(t.columns[key]!);
  const cell = getCell(sh, row, col);
  if (cell) {
    delete cell.calc;
    delete cell.rawFormula;
    cell.v = v;
  } else sh.cells.set(`${row},${col}`, { v });
}

const blockKeys = (a: Annex, t: TableTruth) => ["ms", "dgas", "cd", ...a.funders].filter((b) => t.columns[`${b}${a.years[0]}`] && t.columns[`${b}Total`]);
const delta = (rng: Rng) => rng.pick([1000, 2500, 10000, 15000, 42000]);

export function applicableFaults(a: Annex): FaultKind[] {
  const d = a.truth.find((t) => t.kind === "detail")!;
  const s = a.truth.find((t) => t.kind === "summary");
  const has = (k: string) => !!d.columns[k];
  const ok: FaultKind[] = ["total-row", "budget-sum", "negative-amount", "number-as-text", "display-overflow", "fiche-duplicate", "cumulative-below-year"];
  if (d.subtotalRows.length) ok.push("subtotal-row");
  if (s) ok.push("summary-subtotal-row", "cross-table");
  if (a.totalsAreFormulas && !d.subtotalRows.length) ok.push("total-formula-short");
  if (a.totalsAreFormulas && d.subtotalRows.length && !a.features.includes("subtotal-function")) ok.push("subtotal-formula-short");
  if (a.totalsAreFormulas && s) ok.push("summary-subtotal-formula-short");
  if (blockKeys(a, d).length) ok.push("year-sum");
  if (has(`cd${a.years[0]}`) && has(`ms${a.years[0]}`)) ok.push("cd-split");
  if (has("source")) ok.push("source-funder-extra", "source-funder-missing");
  if (s?.columns.modalite) ok.push("modalite");
  if (has("objective") && has("objectiveType")) ok.push("objective-type-both", "objective-type-catalogue");
  if (has("rateGlobal")) ok.push("rate-mismatch-global", "cell-error");
  if (has("rateLastYear")) ok.push("rate-mismatch-last");
  if (has("gap")) ok.push("gap-mismatch", "over-execution");
  if (s?.columns.consumedPrior) ok.push("consumed-sum");
  return ok.filter((k) => faultPossible(a, k));
}

function faultPossible(a: Annex, k: FaultKind): boolean {
  if (k === "objective-type-both") {
    const count = new Map<number, number>();
    for (const f of a.fiches) count.set(f.objective.n, (count.get(f.objective.n) ?? 0) + 1);
    return [...count.values()].some((n) => n > 1);
  }
  if (k === "source-funder-extra") return a.fiches.some((f) => a.funders.some((fu) => f.parts.every((p) => p[fu].every((v) => v === 0))));
  if (k === "source-funder-missing") return a.fiches.some((f) => f.parts.length === 1 && FUNDERS.some((fu) => f.parts[0]![fu].some((v) => v > 0)));
  if (k === "modalite") return a.funders.includes("etat") || a.funders.includes("fir") || a.funders.includes("ondam");
  return true;
}

export function injectFault(a: Annex, kind: FaultKind, seed: number): { book: GBook; fault: Fault } {
  const book = structuredClone(a.book);
  const d = a.truth.find((t) => t.kind === "detail")!;
  const s = a.truth.find((t) => t.kind === "summary");
  const c: Ctx = { a, book, d, s, rng: new Rng(seed) };
  const fault = inject(c, kind);
  recompute(book);
  return { book, fault };
}

function inject(c: Ctx, kind: FaultKind): Fault {
  const { a, book, d, s, rng } = c;
  const ds = sheet(book, d);
  const rows = ficheRowsOf(c);
  const row = rng.pick(rows);
  const amountKeys = Object.keys(d.columns).filter((k) => /^(budget|realisedLastYear|realisedSinceStart|(ms|dgas|cd|fir|etat|ondam)Total)$/.test(k));
  const mk = (rule: string, t: TableTruth, key: string, r: number, note: string, alt: string[] = []): Fault => ({
    kind,
    rule,
    sheet: t.sheet,
    cell: cellOf(t, key, r),
    alt,
    note,
  });
  switch (kind) {
    case "total-row": {
      const k = rng.pick(amountKeys);
      setValue(ds, d, k, d.totalRow!, numAt(ds, d, k, d.totalRow!) + delta(rng));
      return mk("total-row", d, k, d.totalRow!, `TOTAL ${k} typed wrong`);
    }
    case "subtotal-row": {
      const k = rng.pick(amountKeys);
      const r = rng.pick(d.subtotalRows);
      setValue(ds, d, k, r, numAt(ds, d, k, r) + delta(rng));
      return mk("total-row", d, k, r, `sub-total ${k} typed wrong`);
    }
    case "summary-subtotal-row": {
      const ss = sheet(book, s!);
      const k = rng.pick(Object.keys(s!.columns).filter((x) => !["mesure", "objectif", "fiche", "modalite"].includes(x)));
      const r = rng.pick(s!.subtotalRows);
      setValue(ss, s!, k, r, numAt(ss, s!, k, r) + delta(rng));
      return mk("total-row", s!, k, r, `summary sub-total ${k} typed wrong`);
    }
    case "total-formula-short": {
      const k = amountKeys.find((x) => numAt(ds, d, x, d.ficheRows[d.ficheRows.length - 1]!.row) !== 0) ?? "budget";
      const cell = getCell(ds, d.totalRow!, colNum(d.columns[k]!))!;
      if (cell.calc?.kind === "sum") cell.calc = { ...cell.calc, refs: cell.calc.refs.slice(0, -1) };
      return mk("total-formula", d, k, d.totalRow!, `TOTAL ${k}: SUM stops one row short`);
    }
    case "subtotal-formula-short":
    case "summary-subtotal-formula-short": {
      // An engagement's sub-total whose SUM stops one row short (the group's last fiche row left out).
      const t = kind === "subtotal-formula-short" ? d : s!;
      const sh = sheet(book, t);
      const keys = Object.keys(t.columns).filter((k) =>
        /^(budget|realisedLastYear|realisedSinceStart|(ms|dgas|cd|fir|etat|ondam)Total|departement|fir|etat|ondam|consumed\w+)$/.test(k),
      );
      const cands: Array<{ r: number; k: string }> = [];
      for (const r of t.subtotalRows)
        for (const k of keys) {
          const cell = getCell(sh, r, colNum(t.columns[k]!));
          const refs = cell?.calc?.kind === "sum" ? cell.calc.refs : [];
          const lastRef = refs[refs.length - 1];
          if (refs.length > 1 && lastRef && numAt(sh, t, k, lastRef.r) !== 0) cands.push({ r, k });
        }
      const { r, k } = cands.length ? rng.pick(cands) : { r: t.subtotalRows[0]!, k: keys[0]! };
      const cell = getCell(sh, r, colNum(t.columns[k]!))!;
      if (cell.calc?.kind === "sum") cell.calc = { kind: "sum", refs: cell.calc.refs.slice(0, -1), style: "range" };
      return mk("total-formula", t, k, r, `sub-total ${k}: SUM stops one row short`);
    }
    case "year-sum": {
      const b = rng.pick(blockKeys(a, d));
      setValue(ds, d, `${b}Total`, row.row, numAt(ds, d, `${b}Total`, row.row) + delta(rng));
      return mk("year-sum", d, `${b}Total`, row.row, `${b} total ≠ Σ years, fiche ${row.fiche}`);
    }
    case "cd-split": {
      const y = rng.pick(a.years);
      setValue(ds, d, `cd${y}`, row.row, numAt(ds, d, `cd${y}`, row.row) + delta(rng));
      return mk("cd-split", d, `cd${y}`, row.row, `CD ${y} ≠ MS + DGAS, fiche ${row.fiche}`);
    }
    case "budget-sum": {
      setValue(ds, d, "budget", row.row, numAt(ds, d, "budget", row.row) + delta(rng));
      return mk("budget-sum", d, "budget", row.row, `budget ≠ CD + funders, fiche ${row.fiche}`);
    }
    case "source-funder-extra": {
      const cands = c.d.ficheRows
        .filter((x) => x.part === 0)
        .map((x) => ({ x, f: a.fiches.find((f) => f.num === x.fiche)! }))
        .filter(({ f }) => a.funders.some((fu) => f.parts.every((p) => p[fu].every((v) => v === 0))));
      const { x, f } = rng.pick(cands);
      const fu = a.funders.find((u) => f.parts.every((p) => p[u].every((v) => v === 0)))!;
      const col = colNum(d.columns.source!);
      const old = getCell(ds, x.row, col)?.v;
      const name = { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[fu];
      const base = typeof old === "string" && !/^(-|aucun|néant)$/i.test(old) ? old : "";
      setValue(ds, d, "source", x.row, base ? `${base}/${name}` : name);
      return mk("source-funder", d, "source", x.row, `source names ${name} with no money, fiche ${x.fiche}`);
    }
    case "source-funder-missing": {
      const cands = rows
        .map((x) => ({ x, f: a.fiches.find((f) => f.num === x.fiche)! }))
        .filter(({ f }) => f.parts.length === 1 && FUNDERS.some((fu) => f.parts[0]![fu].some((v) => v > 0)));
      const { x, f } = rng.pick(cands);
      const money = FUNDERS.filter((fu) => f.parts[0]![fu].some((v) => v > 0));
      const drop = rng.pick(money);
      const keep = money.filter((m) => m !== drop).map((m: Funder) => ({ fir: "FIR", etat: "ETAT", ondam: "ONDAM" })[m]);
      setValue(ds, d, "source", x.row, keep.length ? keep.join("/") : null);
      return mk("source-funder", d, "source", x.row, `source omits ${drop}, fiche ${x.fiche}`);
    }
    case "modalite": {
      const ss = sheet(book, s!);
      const sr = rng.pick(s!.ficheRows);
      const f = a.fiches.find((x) => x.num === sr.fiche)!;
      const without = a.funders.filter((fu) => f.parts.every((p) => p[fu].every((v) => v === 0)));
      const m = { fir: "FIR", etat: "PLF", ondam: "AM" } as const;
      let text: string;
      if (without.length) text = m[rng.pick(without)];
      else text = "CD"; // every present funder has money: say "CD" (none)
      setValue(ss, s!, "modalite", sr.row, text);
      return mk("modalite", s!, "modalite", sr.row, `modalité ${text} disagrees with the money, fiche ${sr.fiche}`);
    }
    case "objective-type-both":
    case "objective-type-catalogue": {
      const count = new Map<number, string[]>();
      for (const f of a.fiches) count.set(f.objective.n, [...(count.get(f.objective.n) ?? []), f.num]);
      const shared = a.fiches.filter((f) => (count.get(f.objective.n)?.length ?? 0) > 1);
      const f = kind === "objective-type-both" ? rng.pick(shared) : rng.pick(a.fiches);
      const fr = d.ficheRows.find((x) => x.fiche === f.num && x.part === 0)!;
      const flipped = f.objective.type === "Fondamental" ? "Facultatif" : "Fondamental";
      setValue(ds, d, "objectiveType", fr.row, flipped);
      const others = d.ficheRows
        .filter((x) => x.part === 0 && x.fiche !== f.num && count.get(f.objective.n)!.includes(x.fiche))
        .map((x) => cellOf(d, "objectiveType", x.row));
      return mk("objective-type", d, "objectiveType", fr.row, `objective ${f.objective.n} typed ${flipped}, fiche ${f.num}`, others);
    }
    case "rate-mismatch-global":
    case "rate-mismatch-last": {
      const k = kind === "rate-mismatch-global" ? "rateGlobal" : "rateLastYear";
      const cands = rows.filter((x) => typeof getCell(ds, x.row, colNum(d.columns[k]!))?.v === "number");
      const x = cands.length ? rng.pick(cands) : row;
      const v = getCell(ds, x.row, colNum(d.columns[k]!))?.v;
      setValue(ds, d, k, x.row, (typeof v === "number" ? v : 0) + rng.pick([0.12, 0.25, -0.1].filter((e) => (typeof v === "number" ? v : 0) + e > 0)));
      return mk("rate-mismatch", d, k, x.row, `${k} wrong, fiche ${x.fiche}`);
    }
    case "gap-mismatch": {
      setValue(ds, d, "gap", row.row, numAt(ds, d, "gap", row.row) + delta(rng));
      return mk("rate-mismatch", d, "gap", row.row, `gap wrong, fiche ${row.fiche}`);
    }
    case "cross-table": {
      const ss = sheet(book, s!);
      const sr = rng.pick(s!.ficheRows);
      const k = rng.pick(["departement", ...a.funders.filter((fu) => numAt(ss, s!, fu, sr.row) > 0), "consumedLastYear"]);
      setValue(ss, s!, k, sr.row, numAt(ss, s!, k, sr.row) + delta(rng));
      // A budget formula of the summary follows the changed cell; a typed budget then disagrees too (not this fault's cell).
      const dk = (
        {
          departement: d.columns.cdTotal ? "cdTotal" : "",
          fir: "firTotal",
          etat: "etatTotal",
          ondam: "ondamTotal",
          consumedLastYear: "realisedLastYear",
        } as Record<string, string>
      )[k];
      const alt = dk && d.columns[dk] ? d.ficheRows.filter((x) => x.fiche === sr.fiche).map((x) => cellOf(d, dk, x.row)) : [];
      return mk("cross-table", s!, k, sr.row, `summary ${k} ≠ detail, fiche ${sr.fiche}`, alt);
    }
    case "consumed-sum": {
      const ss = sheet(book, s!);
      const sr = rng.pick(s!.ficheRows);
      const since = getCell(ss, sr.row, colNum(s!.columns.consumedSinceStart!))!;
      if (since.calc) {
        // The cumulative is a formula (prior + year): the fault is a typed cumulative that no longer adds up.
        setValue(ss, s!, "consumedSinceStart", sr.row, numAt(ss, s!, "consumedSinceStart", sr.row) + delta(rng));
      } else setValue(ss, s!, "consumedPrior", sr.row, numAt(ss, s!, "consumedPrior", sr.row) + delta(rng));
      return mk("consumed-sum", s!, "consumedSinceStart", sr.row, `prior + year ≠ since start, fiche ${sr.fiche}`, [cellOf(s!, "consumedPrior", sr.row)]);
    }
    case "cumulative-below-year": {
      const cands = rows.filter((x) => numAt(ds, d, "realisedLastYear", x.row) > 2000);
      const x = cands.length ? rng.pick(cands) : row;
      setValue(ds, d, "realisedSinceStart", x.row, Math.round(numAt(ds, d, "realisedLastYear", x.row) / 2));
      return mk("cumulative-below-year", d, "realisedSinceStart", x.row, `cumulative below the year, fiche ${x.fiche}`, [cellOf(d, "realisedLastYear", x.row)]);
    }
    case "negative-amount": {
      const yk = Object.keys(d.columns).filter((k) => /^(ms|dgas|fir|etat|ondam)\d{4}$/.test(k) && numAt(ds, d, k, row.row) > 0);
      const k = yk.length ? rng.pick(yk) : "realisedLastYear";
      setValue(ds, d, k, row.row, -Math.max(1000, numAt(ds, d, k, row.row)));
      return mk("negative-amount", d, k, row.row, `negative ${k}, fiche ${row.fiche}`);
    }
    case "number-as-text": {
      const yk = Object.keys(d.columns).filter((k) => /^(ms|dgas|fir|etat|ondam)\d{4}$/.test(k) && numAt(ds, d, k, row.row) > 0);
      const k = yk.length ? rng.pick(yk) : "realisedLastYear";
      const v = numAt(ds, d, k, row.row);
      setValue(ds, d, k, row.row, `${v.toLocaleString("fr-FR").replace(/\u202f/g, " ")} €`);
      return mk("number-as-text", d, k, row.row, `amount typed as text, fiche ${row.fiche}`);
    }
    case "cell-error": {
      const col = colNum(d.columns.rateGlobal!);
      ds.cells.set(`${row.row},${col}`, { v: { error: "#REF!" }, rawFormula: `IF(#REF!=0,"",${addr(row.row, col - 1)}/#REF!)`, fmt: "0%" });
      return mk("cell-error", d, "rateGlobal", row.row, `#REF! in the global rate, fiche ${row.fiche}`);
    }
    case "display-overflow": {
      const k = "budget";
      ds.widths.set(colNum(d.columns[k]!), 5);
      return mk("display-overflow", d, k, d.totalRow!, "budget column too narrow: TOTAL shows #####");
    }
    case "fiche-duplicate": {
      const firsts = d.ficheRows.filter((x) => x.part === 0);
      const i = rng.int(1, firsts.length - 1);
      const prev = firsts[i - 1]!;
      const cur = firsts[i]!;
      const fcol = colNum(d.columns.fiche!);
      const pv = getCell(ds, prev.row, fcol)!.v;
      ds.cells.set(`${cur.row},${fcol}`, { v: pv });
      return mk("fiche-numbering", d, "fiche", cur.row, `fiche ${cur.fiche} renumbered ${prev.fiche} (duplicate)`, [cellOf(d, "fiche", prev.row)]);
    }
    case "over-execution": {
      const b = numAt(ds, d, "budget", row.row);
      setValue(ds, d, "realisedSinceStart", row.row, b + delta(rng));
      return mk("over-execution", d, "gap", row.row, `realised since start above the budget, fiche ${row.fiche}`, [cellOf(d, "realisedSinceStart", row.row)]);
    }
  }
}

export { sheet as sheetOfTruth };
export type { Ctx };
