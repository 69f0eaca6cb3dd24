/**
 * corpus10's faults: one per faulty copy, at a known cell. The copy is recalculated as its author's sheet would be
 * (every other computed cell follows the changed one), so the fault is the one thing wrong.
 */
import type { FaultAt } from "../verdicts/evaluate";
import type { Annex10, Placed } from "./compose";
import { key, recalc, ref, round, type Book, type Cell } from "./grid";
import { Rng } from "./rng";

export interface Fault10 extends FaultAt {
  kind: string;
  what: string;
}
export const FAULT_KINDS = [
  "year-sum",
  "cd-split",
  "budget-sum",
  "total-row",
  "total-formula",
  "negative-amount",
  "cumulative-below-year",
  "rate-mismatch",
  "cross-table",
  "consumed-sum",
  "fiche-numbering",
  "source-funder",
  "modalite",
  "objective-type",
  "cell-error",
  "number-as-text",
  "over-execution",
] as const;

const cloneBook = (b: Book): Book => ({
  sheets: b.sheets.map((s) => ({
    ...s,
    cells: new Map([...s.cells].map(([k, c]) => [k, { ...c }])),
    merges: [...s.merges],
    widths: new Map(s.widths),
    hidden: new Set(s.hidden),
    hiddenRows: new Set(s.hiddenRows),
  })),
});

export function injectFault(a: Annex10, pick?: string): { book: Book; fault: Fault10 } {
  const rng = new Rng(a.seed * 7919 + 13);
  const book = cloneBook(a.book);
  const d = a.detail;
  const sm = a.summary;
  const sheetOf = (p: Placed) => book.sheets.find((s) => s.name === p.sheet)!;
  const at = (p: Placed, r: number, role: string): { cell: Cell | undefined; r: number; c: number } | null => {
    const c = p.colOf.get(role);
    if (c === undefined) return null;
    return { cell: sheetOf(p).cells.get(key(r, c)), r, c };
  };
  const num = (x: Cell | undefined) => (typeof x?.v === "number" ? x.v : 0);
  const setConst = (p: Placed, r: number, c: number, v: Cell["v"]) => {
    const s = sheetOf(p);
    const old = s.cells.get(key(r, c));
    s.cells.set(key(r, c), { v, fmt: old?.fmt });
  };
  const lineRows = d.rowsOf.flat();
  const delta = () => rng.int(1, 40) * 1000 + 137;
  const years = a.model.years;
  const roles = [...d.colOf.keys()];
  const yearRoles = roles.filter((r) => /^(ms|dgas|cd|fir|etat|ondam)\d{4}$/.test(r));
  const nonZero = (p: Placed, rows: number[], rs: string[]) =>
    rows.flatMap((r) => rs.map((role) => ({ r, role, x: at(p, r, role)! }))).filter((o) => o.x && num(o.x.cell) > 0);

  type Plan = () => Fault10 | null;
  const cellOf = (p: Placed, r: number, role: string) => ref(r, p.colOf.get(role)!);
  const plans: Record<string, Plan> = {
    "year-sum": () => {
      const c = nonZero(
        d,
        lineRows,
        roles.filter((r) => /^(ms|dgas|cd|fir|etat|ondam)Total$/.test(r)),
      );
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return { kind: "year-sum", what: `${o.role} typed over`, rules: ["year-sum"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "cd-split": () => {
      if (!d.colOf.has(`ms${years[0]}`)) return null;
      const c = nonZero(
        d,
        lineRows,
        years.map((y) => `cd${y}`),
      );
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return { kind: "cd-split", what: `${o.role} ≠ MS + DGAS`, rules: ["cd-split"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "budget-sum": () => {
      const c = nonZero(d, lineRows, ["budget"]);
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return { kind: "budget-sum", what: "budget typed over", rules: ["budget-sum"], sheet: d.sheet, cells: [cellOf(d, o.r, "budget")] };
    },
    "total-row": () => {
      const rowsT = [d.totalRow, ...d.subRows];
      const r = rng.pick(rowsT);
      const c = nonZero(
        d,
        [r],
        roles.filter((x) => /Total$|^budget$|^realised/.test(x)),
      );
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return {
        kind: "total-row",
        what: `${r === d.totalRow ? "TOTAL" : "sub-total"} ${o.role} wrong`,
        rules: ["total-row"],
        sheet: d.sheet,
        cells: [cellOf(d, o.r, o.role)],
      };
    },
    "total-formula": () => {
      if (d.subRows.length) return null;
      const c = nonZero(
        d,
        [d.totalRow],
        roles.filter((x) => /Total$|^budget$/.test(x)),
      ).filter((o) => o.x.cell?.keep && o.x.cell.f?.op === "sum");
      if (!c.length) return null;
      const o = rng.pick(c);
      const f = o.x.cell!.f as { op: "sum"; ranges: { r1: number; c1: number; r2: number; c2: number }[] };
      const last = Math.max(...lineRows);
      if (!nonZero(d, [last], [o.role]).length) return null;
      const cell = sheetOf(d).cells.get(key(o.r, o.x.c))!;
      cell.f = { op: "sum", ranges: [{ ...f.ranges[0]!, r2: last - 1 }] };
      return {
        kind: "total-formula",
        what: `TOTAL ${o.role} SUM stops short`,
        rules: ["total-formula", "total-row"],
        sheet: d.sheet,
        cells: [cellOf(d, o.r, o.role)],
      };
    },
    "negative-amount": () => {
      const c = nonZero(
        d,
        lineRows,
        yearRoles.filter((x) => !/^cd/.test(x) || !d.colOf.has(`ms${years[0]}`)),
      );
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, -num(o.x.cell));
      return { kind: "negative-amount", what: `${o.role} negative`, rules: ["negative-amount"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "cumulative-below-year": () => {
      if (a.model.years.length < 1 || !d.colOf.has("realisedSinceStart")) return null;
      const c = nonZero(d, lineRows, ["realisedLastYear"]).filter((o) => (o.x.cell!.v! as number) >= 2000);
      if (!c.length) return null;
      const o = rng.pick(c);
      const rs = at(d, o.r, "realisedSinceStart")!;
      setConst(d, o.r, rs.c, round(num(o.x.cell) / 2));
      return {
        kind: "cumulative-below-year",
        what: "cumulative < year",
        rules: ["cumulative-below-year"],
        sheet: d.sheet,
        cells: [cellOf(d, o.r, "realisedSinceStart"), cellOf(d, o.r, "realisedLastYear")],
      };
    },
    "rate-mismatch": () => {
      const c = nonZero(d, lineRows, ["rateGlobal", "rateLastYear", "gap"]);
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, o.role === "gap" ? round(num(o.x.cell) + delta()) : Math.round((num(o.x.cell) + 0.17) * 100) / 100);
      return { kind: "rate-mismatch", what: `${o.role} wrong`, rules: ["rate-mismatch"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "cross-table": () => {
      if (!sm) return null;
      const rowsS = sm.rowsOf.flat();
      const c = nonZero(sm, rowsS, ["departement", "fir", "etat", "ondam"]);
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(sm, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return {
        kind: "cross-table",
        what: `summary ${o.role} ≠ detail`,
        rules: ["cross-table"],
        sheet: sm.sheet,
        cells: [cellOf(sm, o.r, o.role), cellOf(sm, o.r, "budget")],
      };
    },
    "consumed-sum": () => {
      if (!sm || !sm.colOf.has("consumedPrior")) return null;
      const c = nonZero(sm, sm.rowsOf.flat(), ["consumedSinceStart"]);
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(sm, o.r, o.x.c, round(num(o.x.cell) + delta()));
      return {
        kind: "consumed-sum",
        what: "consumed since start ≠ prior + year",
        rules: ["consumed-sum", "cross-table"],
        sheet: sm.sheet,
        cells: [cellOf(sm, o.r, "consumedSinceStart")],
      };
    },
    "fiche-numbering": () => {
      if (a.ids.length < 3) return null;
      const i = rng.int(1, a.ids.length - 1);
      const j = i - 1;
      const r = d.rowsOf[i]![0]!;
      const c = d.colOf.get("fiche")!;
      setConst(d, r, c, a.ids[j]!);
      const cells = [ref(r, c), ref(d.rowsOf[j]![0]!, c)];
      return { kind: "fiche-numbering", what: `fiche ${a.ids[i]} numbered ${a.ids[j]}`, rules: ["fiche-numbering"], sheet: d.sheet, cells };
    },
    "source-funder": () => {
      if (!d.colOf.has("source")) return null;
      const f = a.model.fiches.filter((x) => x.funders.length && x.funders.length < 3);
      if (!f.length) return null;
      const fi = rng.pick(f);
      const other = (["fir", "etat", "ondam"] as const).filter((x) => !fi.funders.includes(x));
      const name = { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[rng.pick(other)];
      const r = d.rowsOf[fi.index]![0]!;
      setConst(d, r, d.colOf.get("source")!, name);
      return { kind: "source-funder", what: `source ${name} without money`, rules: ["source-funder"], sheet: d.sheet, cells: [cellOf(d, r, "source")] };
    },
    modalite: () => {
      if (!sm || !sm.colOf.has("modalite")) return null;
      const f = a.model.fiches.filter((x) => x.funders.length === 1);
      if (!f.length) return null;
      const fi = rng.pick(f);
      const wrong = { fir: "PLF", etat: "FIR", ondam: "FIR" }[fi.funders[0]!];
      const r = sm.rowsOf[fi.index]![0]!;
      setConst(sm, r, sm.colOf.get("modalite")!, wrong);
      return {
        kind: "modalite",
        what: `modalité ${wrong} for ${fi.funders[0]}`,
        rules: ["modalite", "source-vs-modalite"],
        sheet: sm.sheet,
        cells: [cellOf(sm, r, "modalite")],
      };
    },
    "objective-type": () => {
      if (!d.colOf.has("objectiveType")) return null;
      const fi = rng.pick(a.model.fiches);
      const r = d.rowsOf[fi.index]![0]!;
      setConst(d, r, d.colOf.get("objectiveType")!, fi.objective <= 11 ? "Facultatif" : "Fondamental");
      return {
        kind: "objective-type",
        what: `objective ${fi.objective} mistyped`,
        rules: ["objective-type"],
        sheet: d.sheet,
        cells: [cellOf(d, r, "objectiveType")],
      };
    },
    "cell-error": () => {
      const c = nonZero(d, lineRows, yearRoles);
      if (!c.length) return null;
      const o = rng.pick(c);
      setConst(d, o.r, o.x.c, { error: rng.pick(["#REF!", "#VALUE!", "#N/A"]) });
      return { kind: "cell-error", what: `${o.role} error`, rules: ["cell-error"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "number-as-text": () => {
      const c = nonZero(
        d,
        lineRows,
        yearRoles.filter((x) => !/^cd/.test(x) || !d.colOf.has(`ms${years[0]}`)),
      );
      if (!c.length) return null;
      const o = rng.pick(c);
      const v = num(o.x.cell);
      setConst(
        d,
        o.r,
        o.x.c,
        `${Math.round(v)
          .toLocaleString("fr-FR")
          .replace(/\u202f/g, " ")} €`,
      );
      return { kind: "number-as-text", what: `${o.role} typed as text`, rules: ["number-as-text"], sheet: d.sheet, cells: [cellOf(d, o.r, o.role)] };
    },
    "over-execution": () => {
      if (!d.colOf.has("realisedSinceStart")) return null;
      const c = nonZero(d, lineRows, ["budget"]);
      if (!c.length) return null;
      const o = rng.pick(c);
      const rs = at(d, o.r, "realisedSinceStart")!;
      setConst(d, o.r, rs.c, round(num(o.x.cell) + delta()));
      return {
        kind: "over-execution",
        what: "realised since start > budget",
        rules: ["over-execution"],
        sheet: d.sheet,
        cells: ["realisedSinceStart", "gap", "budget", "rateGlobal"].filter((x) => d.colOf.has(x)).map((x) => cellOf(d, o.r, x)),
      };
    },
  };
  const order = pick ? [pick] : rng.shuffle(FAULT_KINDS);
  for (const kind of order) {
    const snapshot = cloneBook(book);
    const f = plans[kind]!();
    if (f) {
      recalc(book);
      return { book, fault: f };
    }
    book.sheets = snapshot.sheets;
  }
  throw new Error(`corpus10: no fault applies to seed ${a.seed}`);
}
