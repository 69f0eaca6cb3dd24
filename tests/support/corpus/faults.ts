// Puts one known fault at a known cell of a clean corpus annex, with the rule id the checker must report there.
import { addr } from "../../../src/core/model/a1";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../../src/core/model/snapshot";
import type { CorpusAnnex } from "./generate";
import { Rng } from "./rng";
import { FUNDERS, SOURCE_NAMES } from "./vocabulary";

export const FAULT_KINDS = [
  "year-sum",
  "cd-split",
  "budget-sum",
  "total-row",
  "subtotal-row",
  "sum-stops-short",
  "negative-amount",
  "number-as-text",
  "cell-error",
  "source-names-unfunded",
  "cumulative-below-year",
  "cross-table",
  "consumed-sum",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface InjectedFault {
  kind: FaultKind;
  rule: string;
  sheet: string;
  cell: string;
  what: string;
}

function clone(wb: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...wb,
    sheets: wb.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((r) => r?.map((c) => (c ? { ...c, font: c.font ? { ...c.font } : undefined } : c))),
      merges: s.merges.map((m) => ({ ...m })),
      colWidths: [...s.colWidths],
      hiddenCols: new Set(s.hiddenCols),
      hiddenRows: new Set(s.hiddenRows),
    })),
  };
}

function sheetOf(wb: WorkbookSnapshot, name: string): SheetSnapshot {
  return wb.sheets.find((s) => s.name === name)!;
}
function cellAt(s: SheetSnapshot, row: number, col: number): Cell | undefined {
  return s.cells[row - 1]?.[col - 1];
}
function setAt(s: SheetSnapshot, row: number, col: number, cell: Cell): void {
  const r = (s.cells[row - 1] ??= []);
  r[col - 1] = cell;
  s.rowCount = Math.max(s.rowCount, row);
  s.colCount = Math.max(s.colCount, col);
}
const num = (c: Cell | undefined) => (typeof c?.value === "number" ? c.value : 0);

/** Fault kinds that apply to this annex (cross-table and consumed-sum need a summary). */
export function applicableFaults(a: CorpusAnnex): FaultKind[] {
  return FAULT_KINDS.filter((k) => {
    if (k === "cross-table" || k === "consumed-sum") return a.placement.summary !== null;
    if (k === "subtotal-row") return a.placement.detail.subtotals.length > 0 || a.placement.summary !== null;
    if (k === "source-names-unfunded") return a.fiches.some((f) => f.funders.length < 3);
    return true;
  });
}

/** Returns a faulty copy; the clean annex is left as it was. */
export function injectFault(a: CorpusAnnex, kind: FaultKind, seed: number): { workbook: WorkbookSnapshot; fault: InjectedFault } {
  const rng = new Rng(seed);
  const wb = clone(a.workbook);
  const d = a.placement.detail;
  const ds = sheetOf(wb, d.sheet);
  const fiche = rng.pick(a.fiches);
  const row = rng.pick(d.rows.get(fiche.key)!);
  const year = rng.pick(a.truth.years);
  const delta = rng.int(1, 40) * 1000 + 137;
  const at = (sheet: string, r: number, c: number) => ({ sheet, cell: addr(r, c) });
  const bump = (s: SheetSnapshot, r: number, c: number, by = delta): void => {
    const old = cellAt(s, r, c);
    setAt(s, r, c, { value: num(old) + by, numFmt: old?.numFmt });
  };
  let fault: InjectedFault;
  switch (kind) {
    case "year-sum": {
      const block = rng.pick(["ms", "dgas", "fir", "etat", "ondam"] as const);
      const c = d.col[`${block}Total`]!;
      bump(ds, row, c);
      fault = { kind, rule: "year-sum", ...at(d.sheet, row, c), what: `${block} total typed over its formula` };
      break;
    }
    case "cd-split": {
      const c = d.col[`cd${year}`]!;
      bump(ds, row, c);
      fault = { kind, rule: "cd-split", ...at(d.sheet, row, c), what: `Total CD ${year} ≠ MS + DGAS` };
      break;
    }
    case "budget-sum": {
      const c = d.col.budget!;
      bump(ds, row, c);
      fault = { kind, rule: "budget-sum", ...at(d.sheet, row, c), what: "budget ≠ CD + FIR + ETAT + ONDAM" };
      break;
    }
    case "total-row": {
      const c = d.col[rng.pick(["budget", "cdTotal", `fir${year}`, "realisedSinceStart"])]!;
      bump(ds, d.totalRow, c);
      fault = { kind, rule: "total-row", ...at(d.sheet, d.totalRow, c), what: "TOTAL typed as a wrong constant" };
      break;
    }
    case "subtotal-row": {
      const inDetail = d.subtotals.length > 0 && (a.placement.summary === null || rng.chance(0.5));
      const sub = inDetail ? rng.pick(d.subtotals) : rng.pick(a.placement.summary!.subtotals);
      const sheetName = inDetail ? d.sheet : a.placement.summary!.sheet;
      const c = inDetail ? d.col[rng.pick(["budget", `ms${year}`, "gap"])]! : a.placement.summary!.col[rng.pick(["budget", "fir", "consumedLastYear"])]!;
      bump(sheetOf(wb, sheetName), sub.row, c);
      fault = { kind, rule: "total-row", ...at(sheetName, sub.row, c), what: "sub-total typed as a wrong constant" };
      break;
    }
    case "sum-stops-short": {
      // A SUM whose range ends one fiche row early, with the value Excel would show.
      const useSummarySub = a.placement.summary !== null && rng.chance(0.5);
      const s = useSummarySub ? sheetOf(wb, a.placement.summary!.sheet) : ds;
      const sheetName = useSummarySub ? a.placement.summary!.sheet : d.sheet;
      const c = useSummarySub ? a.placement.summary!.col.budget! : d.col[rng.pick(["budget", "cdTotal", "realisedLastYear"])]!;
      const candidates = useSummarySub
        ? a.placement.summary!.subtotals
        : d.subtotals.length
          ? d.subtotals
          : [{ row: d.totalRow, rows: [...d.rows.values()].flat().sort((x, y) => x - y) }];
      const withRows = candidates.filter((x) => x.rows.length >= 2 && x.rows.some((r) => num(cellAt(s, r, c)) !== 0));
      const sub = withRows.length ? rng.pick(withRows) : candidates[0]!;
      const rows = [...sub.rows].sort((x, y) => x - y);
      // Make the row left out carry money so that the short SUM shows.
      const lastRow = rows[rows.length - 1]!;
      if (num(cellAt(s, lastRow, c)) === 0) {
        return injectFault(a, "total-row", seed + 1);
      }
      const kept = rows.slice(0, -1);
      const L = addr(1, c).replace(/\d+$/, "");
      const old = cellAt(s, sub.row, c);
      setAt(s, sub.row, c, {
        value: kept.reduce((t, r) => t + num(cellAt(s, r, c)), 0),
        formula: `SUM(${L}${kept[0]}:${L}${kept[kept.length - 1]})`,
        numFmt: old?.numFmt,
        font: old?.font,
      });
      if (sub.row !== d.totalRow || useSummarySub) {
        // The table's total adds sub-totals: keep it equal to what Excel would show after the short sub-total.
        const totalRow = useSummarySub ? a.placement.summary!.totalRow : d.totalRow;
        const t = cellAt(s, totalRow, c);
        if (t?.formula && !/^SUM\(/.test(t.formula)) setAt(s, totalRow, c, { ...t, value: num(t) - num(cellAt(s, lastRow, c)) });
      }
      fault = { kind, rule: "total-formula", ...at(sheetName, sub.row, c), what: "SUM stops one row short" };
      break;
    }
    case "negative-amount": {
      const c = d.col.realisedLastYear!;
      const v = num(cellAt(ds, row, c));
      const old = cellAt(ds, row, c);
      setAt(ds, row, c, { value: -(v || 1500), numFmt: old?.numFmt ?? "#,##0" });
      fault = { kind, rule: "negative-amount", ...at(d.sheet, row, c), what: "negative realisation" };
      break;
    }
    case "number-as-text": {
      const c = d.col.realisedSinceStart!;
      const v = num(cellAt(ds, row, c)) || 2500;
      setAt(ds, row, c, { value: `${v.toLocaleString("fr-FR").replace(/\u202f/g, " ")} €` });
      fault = { kind, rule: "number-as-text", ...at(d.sheet, row, c), what: "amount typed as text" };
      break;
    }
    case "cell-error": {
      const c = d.col[rng.pick(["rateLastYear", "gap", `cd${year}`, "budget"])]!;
      const old = cellAt(ds, row, c);
      setAt(ds, row, c, { value: { error: rng.pick(["#REF!", "#VALUE!", "#DIV/0!", "#N/A", "#NAME?"]) }, formula: old?.formula, numFmt: old?.numFmt });
      fault = { kind, rule: "cell-error", ...at(d.sheet, row, c), what: "Excel error in a cell" };
      break;
    }
    case "source-names-unfunded": {
      const f = rng.pick(a.fiches.filter((x) => x.funders.length < 3));
      const unfunded = rng.pick(FUNDERS.filter((x) => !f.funders.includes(x)));
      const name = rng.pick(SOURCE_NAMES[unfunded].filter((n) => /^(FIR|ETAT|État|ONDAM|PLF|AM)$/.test(n)));
      const r0 = d.rows.get(f.key)![0]!;
      const c = d.col.source!;
      const old = cellAt(ds, r0, c);
      const text = typeof old?.value === "string" && f.funders.length ? `${old.value}/${name}` : name;
      setAt(ds, r0, c, { value: text });
      fault = { kind, rule: "source-funder", ...at(d.sheet, r0, c), what: `source names ${unfunded} with no money` };
      break;
    }
    case "cumulative-below-year": {
      const f = rng.pick(a.fiches.filter((x) => x.parts.some((p) => p.realisedLast > 0)).concat([]));
      if (!f) return injectFault(a, "negative-amount", seed);
      const rows = d.rows.get(f.key)!;
      const i = f.parts.findIndex((p) => p.realisedLast > 0);
      const r = rows[i]!;
      const c = d.col.realisedSinceStart!;
      const old = cellAt(ds, r, c);
      setAt(ds, r, c, { value: Math.floor(f.parts[i]!.realisedLast / 2), numFmt: old?.numFmt ?? "#,##0" });
      fault = { kind, rule: "cumulative-below-year", ...at(d.sheet, r, c), what: "cumulative below the year's realisations" };
      break;
    }
    case "cross-table": {
      const s = a.placement.summary!;
      const ss = sheetOf(wb, s.sheet);
      const r = s.rows.get(fiche.key)!;
      const c = s.col.departement!;
      bump(ss, r, c);
      const b = cellAt(ss, r, s.col.budget!);
      setAt(ss, r, s.col.budget!, { ...b!, value: num(b) + delta });
      fault = { kind, rule: "cross-table", ...at(s.sheet, r, c), what: "summary Département ≠ detail Total CD" };
      break;
    }
    case "consumed-sum": {
      const s = a.placement.summary!;
      const ss = sheetOf(wb, s.sheet);
      const r = s.rows.get(fiche.key)!;
      const c = s.col.consumedSinceStart!;
      const old = cellAt(ss, r, c);
      setAt(ss, r, c, { value: num(old) + delta, numFmt: old?.numFmt });
      fault = { kind, rule: "consumed-sum", ...at(s.sheet, r, c), what: "consumed to N-1 + in N ≠ since start" };
      break;
    }
  }
  return { workbook: wb, fault };
}
