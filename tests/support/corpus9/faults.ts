/**
 * One fault per faulty copy of a corpus9 annex, at a cell known in advance, with the rule ids (annex-spec §4) that
 * may report it there. The copy is recalculated, so a fault shows in every formula that reads it, as in Excel; in a
 * workbook of typed values it shows nowhere else.
 */
import type { Annex9 } from "./compose";
import { type Book, a1, cellOf, cloneBook, numOf, recalc, setCell } from "./grid";
import { fundersOf, isFundamental } from "./model";
import { Dice } from "./rng";
import type { Funder } from "./words";

export interface Fault9 {
  kind: string;
  rules: string[];
  sheet: string;
  cells: string[];
  what: string;
}
const YEAR_CELL = /^(ms|dgas|cd|fir|etat|ondam)\d{4}$/;

type Injector = (a: Annex9, b: Book, d: Dice) => Fault9 | null;

const firstRows = (a: Annex9) => a.detail.rows.map((r) => r[0]!);
const sheetOf = (b: Book, name: string) => b.sheets.find((s) => s.name === name)!;
const delta = (a: Annex9, d: Dice) => (d.between(3, 80) * 100) / a.detail.scale;
/** a non-empty planned amount of one block and year, on a fiche's row */
function yearCell(a: Annex9, b: Book, d: Dice, typedOnly: boolean): [number, number] | null {
  const s = sheetOf(b, a.detail.sheet);
  const out: [number, number][] = [];
  for (const r of a.detail.rows.flat())
    for (const [k, c] of Object.entries(a.detail.col)) if (YEAR_CELL.test(k) && numOf(s, r, c) > 0 && (!typedOnly || !cellOf(s, r, c)?.f)) out.push([r, c]);
  return out.length ? d.oneOf(out) : null;
}

const FAULTS: Record<string, Injector> = {
  "year-sum": (a, b, d) => {
    const ks = Object.keys(a.detail.col).filter((k) => /^(ms|dgas|cd|fir|etat|ondam)Total$/.test(k));
    if (!ks.length || a.model.years.length < 2) return null;
    const k = d.oneOf(ks);
    const s = sheetOf(b, a.detail.sheet);
    const r = d.oneOf(firstRows(a));
    const c = a.detail.col[k]!;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt });
    return { kind: "year-sum", rules: ["year-sum"], sheet: s.name, cells: [a1(r, c)], what: `${k} typed above the sum of its years` };
  },
  "cd-split": (a, b, d) => {
    if (a.model.split !== "ms+dgas+cd") return null;
    const s = sheetOf(b, a.detail.sheet);
    const y = d.oneOf(a.model.years);
    const r = d.oneOf(firstRows(a));
    const c = a.detail.col[`cd${y}`]!;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt });
    return { kind: "cd-split", rules: ["cd-split"], sheet: s.name, cells: [a1(r, c)], what: `Total CD ${y} above MS + DGAS` };
  },
  "budget-sum": (a, b, d) => {
    const s = sheetOf(b, a.detail.sheet);
    const r = d.oneOf(firstRows(a));
    const c = a.detail.col.budget!;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt });
    return { kind: "budget-sum", rules: ["budget-sum"], sheet: s.name, cells: [a1(r, c)], what: "budget above its blocks" };
  },
  "total-row": (a, b, d) => {
    const s = sheetOf(b, a.detail.sheet);
    const cs = Object.entries(a.detail.col).filter(([k]) => /^(budget|realised\w*|(ms|dgas|cd|fir|etat|ondam)(\d{4}|Total))$/.test(k));
    const [k, c] = d.oneOf(cs);
    const r = a.detail.totalRow;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt, bold: true });
    return { kind: "total-row", rules: ["total-row"], sheet: s.name, cells: [a1(r, c)], what: `TOTAL ${k} typed above its rows` };
  },
  "subtotal-row": (a, b, d) => {
    if (!a.detail.subtotals.length) return null;
    const s = sheetOf(b, a.detail.sheet);
    const r = d.oneOf(a.detail.subtotals).row;
    const c = a.detail.col.budget!;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt, bold: true });
    return { kind: "subtotal-row", rules: ["total-row"], sheet: s.name, cells: [a1(r, c)], what: "engagement sub-total typed above its fiches" };
  },
  "total-formula": (a, b) => {
    if (!a.detail.formulas || a.detail.subtotals.length) return null;
    const s = sheetOf(b, a.detail.sheet);
    const c = a.detail.col.budget!;
    const cell = cellOf(s, a.detail.totalRow, c);
    const rows = a.detail.rows.flat();
    const lo = Math.min(...rows);
    const hi = Math.max(...rows);
    if (!cell?.f || hi - lo < 2) return null;
    cell.f = `SUM(${a1(lo, c)}:${a1(hi - 1, c)})`;
    cell.calc = (get) => {
      let t = 0;
      for (let r = lo; r < hi; r++) t += get(s.name, r, c);
      return t;
    };
    return {
      kind: "total-formula",
      rules: ["total-formula", "total-row"],
      sheet: s.name,
      cells: [a1(a.detail.totalRow, c)],
      what: `TOTAL budget's SUM stops at row ${hi - 1}`,
    };
  },
  "rate-mismatch": (a, b, d) => {
    const s = sheetOf(b, a.detail.sheet);
    const cands: [number, number, string][] = [];
    for (const r of firstRows(a))
      for (const k of ["rateLastYear", "rateGlobal", "gap"]) {
        const c = a.detail.col[k];
        if (c && typeof cellOf(s, r, c)?.v === "number" && (k === "gap" || numOf(s, r, c) > 0)) cands.push([r, c, k]);
      }
    if (!cands.length) return null;
    const [r, c, k] = d.oneOf(cands);
    const v = numOf(s, r, c);
    const wrong = k === "gap" ? v + delta(a, d) : v + (a.detail.percent ? 25 : 0.25);
    setCell(s, r, c, wrong, { fmt: cellOf(s, r, c)?.fmt });
    return { kind: "rate-mismatch", rules: ["rate-mismatch"], sheet: s.name, cells: [a1(r, c)], what: `${k} does not match its row` };
  },
  "source-funder": (a, b, d) => {
    const c = a.detail.col.source;
    if (!c) return null;
    const s = sheetOf(b, a.detail.sheet);
    const cands = a.model.fiches
      .map((f, i) => [f, i] as const)
      .filter(([f]) => f.lines.length === 1 && a.model.funders.some((x) => !fundersOf(f, a.model).includes(x)));
    if (!cands.length) return null;
    const [f, i] = d.oneOf(cands);
    const named = fundersOf(f, a.model);
    const ghost = d.oneOf(a.model.funders.filter((x) => !named.includes(x)));
    const all = a.model.funders.filter((x: Funder) => named.includes(x) || x === ghost);
    const r = a.detail.rows[i]![0]!;
    setCell(s, r, c, all.map((x) => a.sourceName[x]).join(a.sourceJoin));
    return {
      kind: "source-funder",
      rules: ["source-funder", "source-vs-modalite"],
      sheet: s.name,
      cells: [a1(r, c)],
      what: `source names ${ghost} with no money`,
    };
  },
  "objective-type": (a, b, d) => {
    const c = a.detail.col.objectiveType;
    if (!c) return null;
    const s = sheetOf(b, a.detail.sheet);
    const cands = a.model.fiches.map((f, i) => [f, i] as const).filter(([f]) => f.objective !== null);
    if (!cands.length) return null;
    const [f, i] = d.oneOf(cands);
    const r = a.detail.rows[i]![0]!;
    const was = String(cellOf(s, r, c)?.v ?? "");
    const upper = was === was.toUpperCase();
    const wrong = isFundamental(f.objective!) ? "Facultatif" : "Fondamental";
    setCell(s, r, c, upper ? wrong.toUpperCase() : was === was.toLowerCase() ? wrong.toLowerCase() : wrong);
    return { kind: "objective-type", rules: ["objective-type"], sheet: s.name, cells: [a1(r, c)], what: `objective ${f.objective} typed ${wrong}` };
  },
  "cross-table": (a, b, d) => {
    if (!a.summary) return null;
    const s = sheetOf(b, a.summary.sheet);
    const roles = Object.keys(a.summary.col).filter((k) => /^(budget|departement|fir|etat|ondam)$/.test(k));
    const k = d.oneOf(roles);
    const i = d.between(0, a.summary.rows.length - 1);
    const r = a.summary.rows[i]!;
    const c = a.summary.col[k]!;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt });
    const dr = a.detail.rows[i]![0]!;
    const dk = { budget: "budget", departement: "cdTotal", fir: "firTotal", etat: "etatTotal", ondam: "ondamTotal" }[k]!;
    const cells = [a1(r, c)];
    if (a.detail.col[dk]) cells.push(a1(dr, a.detail.col[dk]));
    return {
      kind: "cross-table",
      rules: ["cross-table"],
      sheet: s.name,
      cells,
      what: `summary ${k} of fiche ${a.model.fiches[i]!.id} differs from the detail`,
    };
  },
  "consumed-sum": (a, b, d) => {
    if (!a.summary?.col.consumedPrior) return null;
    const s = sheetOf(b, a.summary.sheet);
    const r = d.oneOf(a.summary.rows);
    const c = a.summary.col.consumedPrior;
    setCell(s, r, c, numOf(s, r, c) + delta(a, d), { fmt: cellOf(s, r, c)?.fmt });
    return {
      kind: "consumed-sum",
      rules: ["consumed-sum", "cross-table"],
      sheet: s.name,
      cells: [a1(r, c), a1(r, a.summary.col.consumedSinceStart!)],
      what: "consumed before + in the year ≠ since start",
    };
  },
  "number-as-text": (a, b, d) => {
    const at = yearCell(a, b, d, true);
    if (!at) return null;
    const s = sheetOf(b, a.detail.sheet);
    const v = numOf(s, ...at);
    const sep = d.oneOf(["\u00a0", "\u202f", " "]);
    const text = `${Math.round(v * a.detail.scale)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, sep)}${d.oneOf(["\u00a0€", " €", ""])}`;
    setCell(s, ...at, a.detail.scale === 1 ? text : String(v).replace(".", ","));
    return { kind: "number-as-text", rules: ["number-as-text"], sheet: s.name, cells: [a1(...at)], what: `« ${text} » typed as text` };
  },
  "negative-amount": (a, b, d) => {
    const at = yearCell(a, b, d, true);
    if (!at) return null;
    const s = sheetOf(b, a.detail.sheet);
    setCell(s, ...at, -numOf(s, ...at), { fmt: cellOf(s, ...at)?.fmt });
    return { kind: "negative-amount", rules: ["negative-amount"], sheet: s.name, cells: [a1(...at)], what: "a planned amount typed negative" };
  },
  "cumulative-below-year": (a, b, d) => {
    const cc = a.detail.col.realisedSinceStart;
    const cy = a.detail.col.realisedLastYear!;
    if (!cc) return null;
    const s = sheetOf(b, a.detail.sheet);
    const rs = firstRows(a).filter((r) => numOf(s, r, cy) > 0 && !cellOf(s, r, cc)?.f);
    if (!rs.length) return null;
    const r = d.oneOf(rs);
    setCell(s, r, cc, Math.round(numOf(s, r, cy) * 0.5 * 100) / 100, { fmt: cellOf(s, r, cc)?.fmt });
    return {
      kind: "cumulative-below-year",
      rules: ["cumulative-below-year"],
      sheet: s.name,
      cells: [a1(r, cc), a1(r, cy)],
      what: "realised since start below the year's",
    };
  },
};
export const FAULT_KINDS = Object.keys(FAULTS);

/** The seed's fault: the kinds are tried from one the seed picks, the first that applies is injected. */
export function injectFault(a: Annex9, seed = a.seed): { book: Book; fault: Fault9 } {
  const d = new Dice(seed, "fault");
  const start = d.between(0, FAULT_KINDS.length - 1);
  for (let i = 0; i < FAULT_KINDS.length; i++) {
    const kind = FAULT_KINDS[(start + i) % FAULT_KINDS.length]!;
    const book = cloneBook(a.book);
    const f = FAULTS[kind]!(a, book, new Dice(seed, `fault/${kind}`));
    if (f) {
      recalc(book);
      return { book, fault: f };
    }
  }
  throw new Error(`corpus9: no fault applies to seed ${seed}`);
}
