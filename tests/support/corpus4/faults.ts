// One fault per faulty annex, injected into a cell the way a finance officer would leave it (a total typed over its
// formula, a SUM that stops short, a funder named without money…), with the rule id and the cell it must be found at.
import { addr, colLetter, getCell, setCell, type Cell } from "./book";
import { recalculate } from "./formula";
import { generateAnnex, type Annex, type TableIndex } from "./generate";
import { lineBudget, plannedYear, sum, type Model } from "./model";
import { Rng } from "./rng";

export interface Fault {
  kind: string;
  /** The rule id expected (annex-spec §4). */
  rule: string;
  /** Other rule ids that name the same fault fairly. */
  alsoRules: string[];
  sheet: string;
  /** The cell the fault is at; `cells` lists every cell where reporting it is fair. */
  cell: string;
  cells: string[];
  note: string;
}

export const FAULT_KINDS = [
  "total-row:TOTAL",
  "total-row:detail-subtotal",
  "total-row:summary-subtotal",
  "total-formula:sum-short",
  "year-sum",
  "cd-split",
  "budget-sum",
  "source-funder:named-without-money",
  "source-funder:money-not-named",
  "modalite",
  "objective-type:both-ways",
  "objective-type:catalogue",
  "rate-mismatch:yearly",
  "rate-mismatch:global",
  "rate-mismatch:gap",
  "cross-table",
  "consumed-sum",
  "negative-amount",
  "number-as-text",
  "cell-error",
  "display-overflow",
  "fiche-numbering:duplicate",
  "over-execution",
  "realised-without-budget",
  "cumulative-below-year",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

const MODEL_FAULTS = new Set<string>(["over-execution", "realised-without-budget", "cumulative-below-year"]);

const num = (c: Cell | undefined): number => (c && typeof c.v === "number" ? c.v : 0);
const at = (t: TableIndex, key: string, row: number) => (t.col[key] ? addr(row, t.col[key]) : null);

/** Single-line fiches (a fault on a fiche spread over rows would be ambiguous about its cell). */
function singleLines(a: Annex): Array<{ fiche: number; row: number }> {
  return a.detail.lines.filter((x) => a.model.fiches[x.fiche]!.lines.length === 1).map((x) => ({ fiche: x.fiche, row: x.row }));
}

function fault(kind: string, rule: string, sheet: string, cell: string, note: string, more: string[] = [], alsoRules: string[] = []): Fault {
  return { kind, rule, alsoRules, sheet, cell, cells: [cell, ...more.filter((x) => x !== cell)], note };
}

/** Applies one grid-level fault; null when this annex cannot carry it. */
function applyGrid(a: Annex, kind: FaultKind, rng: Rng): Fault | null {
  const D = a.detail;
  const S = a.summary;
  const dn = D.sheet.name;
  const sn = S.sheet.name;
  const singles = singleLines(a);
  const delta = rng.int(2, 40) * 500;
  const amountKeys = Object.keys(D.col).filter((k) => /^(budget|(ms|dgas|cd|fir|etat|ondam)(Total|\d{4})|realisedLastYear|realisedSinceStart)$/.test(k));
  const pickLine = (pred: (x: { fiche: number; row: number }) => boolean) => {
    const xs = singles.filter(pred);
    return xs.length ? rng.pick(xs) : null;
  };
  switch (kind) {
    case "total-row:TOTAL":
    case "total-row:detail-subtotal":
    case "total-row:summary-subtotal": {
      const T = kind === "total-row:summary-subtotal" ? S : D;
      const rows = kind === "total-row:TOTAL" ? (T.totalRow ? [T.totalRow] : []) : T.groups.map((g) => g.row);
      if (!rows.length) return null;
      const row = rng.pick(rows);
      const keys = (T === S ? ["budget", "departement", ...a.model.funders, "consumedLastYear", "consumedSinceStart"] : amountKeys).filter(
        (k) => T.col[k] && num(getCell(T.sheet, row, T.col[k])) > 0,
      );
      if (!keys.length) return null;
      const key = rng.pick(keys);
      const c = getCell(T.sheet, row, T.col[key]!)!;
      setCell(T.sheet, row, T.col[key]!, num(c) + delta, c.s);
      const cell = addr(row, T.col[key]!);
      return fault(kind, "total-row", T.sheet.name, cell, `${key} typed ${delta} € over the sum of its rows`, [], ["total-formula"]);
    }
    case "total-formula:sum-short": {
      if (a.flavour === "values") return null;
      const rows = [...(D.totalRow ? [D.totalRow] : []), ...D.groups.map((g) => g.row)];
      for (const row of rng.shuffle(rows)) {
        for (const key of rng.shuffle(amountKeys)) {
          const c = getCell(D.sheet, row, D.col[key]!);
          const m = c?.f && /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(c.f);
          if (!m) continue;
          const end = Number(m[4]);
          if (num(getCell(D.sheet, end, D.col[key]!)) <= 1) continue;
          c.f = `SUM(${m[1]}${m[2]}:${m[3]}${end - 1})`;
          return fault(kind, "total-formula", dn, addr(row, D.col[key]!), `SUM stops one row short (row ${end} left out)`, [], ["total-row"]);
        }
      }
      return null;
    }
    case "year-sum": {
      const yb = a.blocks.filter((b) => b.yearly).map((b) => b.block);
      const x = pickLine(() => true);
      if (!x || !yb.length) return null;
      const b = rng.pick(yb);
      const key = `${b}Total`;
      const c = getCell(D.sheet, x.row, D.col[key]!)!;
      setCell(D.sheet, x.row, D.col[key]!, num(c) + delta, c.s);
      return fault(kind, "year-sum", dn, at(D, key, x.row)!, `${key} ≠ Σ years by ${delta}`);
    }
    case "cd-split": {
      if (!D.col[`cd${a.years[0]}`] || !D.col[`ms${a.years[0]}`]) return null;
      const x = pickLine(() => true);
      if (!x) return null;
      const y = rng.pick(a.years);
      const c = getCell(D.sheet, x.row, D.col[`cd${y}`]!)!;
      setCell(D.sheet, x.row, D.col[`cd${y}`]!, num(c) + delta, c.s);
      return fault(kind, "cd-split", dn, at(D, `cd${y}`, x.row)!, `Total CD ${y} ≠ MS + DGAS by ${delta}`, [
        at(D, `ms${y}`, x.row)!,
        at(D, `dgas${y}`, x.row)!,
      ]);
    }
    case "budget-sum": {
      const x = pickLine(() => true);
      if (!x || !D.col.budget) return null;
      const c = getCell(D.sheet, x.row, D.col.budget)!;
      setCell(D.sheet, x.row, D.col.budget, num(c) + delta, c.s);
      return fault(kind, "budget-sum", dn, at(D, "budget", x.row)!, `budget ≠ CD + FIR + ETAT + ONDAM by ${delta}`);
    }
    case "source-funder:named-without-money": {
      const x = pickLine((l) => a.model.funders.some((f) => !a.model.fiches[l.fiche]!.funders.includes(f)));
      if (!x) return null;
      const f = a.model.fiches[x.fiche]!;
      const extra = rng.pick(a.model.funders.filter((g) => !f.funders.includes(g)));
      const word = { fir: "FIR", etat: "ETAT", ondam: "ONDAM" }[extra];
      const cur = f.source && f.funders.length ? f.source : "";
      setCell(D.sheet, x.row, D.col.source!, cur ? `${cur} / ${word}` : word);
      return fault(kind, "source-funder", dn, at(D, "source", x.row)!, `${word} named with 0 €`, [at(D, `${extra}Total`, x.row)!]);
    }
    case "source-funder:money-not-named": {
      const x = pickLine((l) => a.model.fiches[l.fiche]!.funders.length > 0);
      if (!x) return null;
      const f = a.model.fiches[x.fiche]!;
      const drop = rng.pick(f.funders);
      const keep = f.funders.filter((g) => g !== drop);
      setCell(D.sheet, x.row, D.col.source!, keep.length ? keep.map((g) => ({ fir: "FIR", etat: "ETAT", ondam: "ONDAM" })[g]).join(" / ") : null);
      return fault(kind, "source-funder", dn, at(D, "source", x.row)!, `${drop} carries money but is not named`, [at(D, `${drop}Total`, x.row)!]);
    }
    case "modalite": {
      const fi = rng.pick([...S.rowOf.keys()]);
      const f = a.model.fiches[fi]!;
      const row = S.rowOf.get(fi)!;
      const wrong = f.funders.includes("etat") ? (f.funders.includes("fir") ? "AM" : "FIR") : "PLF";
      setCell(S.sheet, row, S.col.modalite!, wrong);
      return fault(
        kind,
        "modalite",
        sn,
        at(S, "modalite", row)!,
        `modalité « ${wrong} » for funders ${f.funders.join("+") || "none"}`,
        [],
        ["source-vs-modalite"],
      );
    }
    case "objective-type:both-ways":
    case "objective-type:catalogue": {
      if (!D.col.objectiveType) return null;
      const byObj = new Map<number, number[]>();
      for (const l of D.lines) {
        const o = a.model.fiches[l.fiche]!.objective;
        if (o && l.line === 0) byObj.set(o.n, [...(byObj.get(o.n) ?? []), l.row]);
      }
      const cands = [...byObj].filter(([, rows]) => (kind === "objective-type:both-ways" ? rows.length >= 2 : rows.length === 1));
      if (!cands.length) return null;
      const [n, rows] = rng.pick(cands);
      const row = rng.pick(rows);
      const c = getCell(D.sheet, row, D.col.objectiveType)!;
      const cur = String(c.v);
      const flipped = /fonda/i.test(cur)
        ? cur.replace(/fondamental/i, (m) => (m === m.toUpperCase() ? "FACULTATIF" : m[0] === "F" ? "Facultatif" : "facultatif"))
        : cur.replace(/facultatif/i, (m) => (m === m.toUpperCase() ? "FONDAMENTAL" : m[0] === "F" ? "Fondamental" : "fondamental"));
      setCell(D.sheet, row, D.col.objectiveType, flipped, c.s);
      return fault(
        kind,
        "objective-type",
        dn,
        addr(row, D.col.objectiveType),
        `objective ${n} typed « ${flipped} »`,
        rows.map((r) => addr(r, D.col.objectiveType!)),
      );
    }
    case "rate-mismatch:yearly":
    case "rate-mismatch:global":
    case "rate-mismatch:gap": {
      const key = kind === "rate-mismatch:yearly" ? "rateLastYear" : kind === "rate-mismatch:global" ? "rateGlobal" : "gap";
      if (!D.col[key]) return null;
      const x = pickLine(
        (l) => typeof getCell(D.sheet, l.row, D.col[key]!)?.v === "number" && (key === "gap" || num(getCell(D.sheet, l.row, D.col[key]!)) > 0.05),
      );
      if (!x) return null;
      const c = getCell(D.sheet, x.row, D.col[key])!;
      const v = key === "gap" ? num(c) + delta : Math.round((num(c) + 0.17) * 10000) / 10000;
      setCell(D.sheet, x.row, D.col[key], v, c.s);
      return fault(kind, "rate-mismatch", dn, at(D, key, x.row)!, `${key} typed ${v}`);
    }
    case "cross-table": {
      const keys = ["departement", ...a.model.funders].filter((k) => S.col[k]);
      const fi = rng.pick([...S.rowOf.keys()]);
      const row = S.rowOf.get(fi)!;
      const key = rng.pick(keys);
      const c = getCell(S.sheet, row, S.col[key]!)!;
      setCell(S.sheet, row, S.col[key]!, num(c) + delta, c.s);
      const bc = getCell(S.sheet, row, S.col.budget!)!;
      if (bc.f === undefined) setCell(S.sheet, row, S.col.budget!, num(bc) + delta, bc.s);
      const dkey = key === "departement" ? "cdTotal" : `${key}Total`;
      const drows = D.lines.filter((l) => l.fiche === fi).map((l) => l.row);
      return fault(kind, "cross-table", sn, at(S, key, row)!, `summary ${key} ≠ detail by ${delta}`, [
        at(S, "budget", row)!,
        ...drows.flatMap((r) => [at(D, dkey, r), at(D, "budget", r)].filter((z): z is string => !!z)),
      ]);
    }
    case "consumed-sum": {
      const fi = rng.pick([...S.rowOf.keys()]);
      const row = S.rowOf.get(fi)!;
      const c = getCell(S.sheet, row, S.col.consumedSinceStart!)!;
      setCell(S.sheet, row, S.col.consumedSinceStart!, num(c) + delta, c.s);
      return fault(kind, "consumed-sum", sn, at(S, "consumedSinceStart", row)!, `consumed since start ≠ prior + year by ${delta}`, [
        at(S, "consumedPrior", row)!,
        at(S, "consumedLastYear", row)!,
      ]);
    }
    case "negative-amount": {
      const keys = Object.keys(D.col).filter((k) => /^(ms|dgas|fir|etat|ondam)\d{4}$/.test(k) || (/^cd\d{4}$/.test(k) && !D.col[`ms${k.slice(2)}`]));
      const x = pickLine(() => true);
      if (!x || !keys.length) return null;
      const key = rng.pick(keys);
      const c = getCell(D.sheet, x.row, D.col[key]!);
      setCell(D.sheet, x.row, D.col[key]!, -(rng.int(1, 20) * 1000), c?.s ?? "int");
      return fault(kind, "negative-amount", dn, at(D, key, x.row)!, `${key} negative`);
    }
    case "number-as-text": {
      const last = a.years[a.years.length - 1]!;
      const keys = Object.keys(D.col).filter((k) => {
        const m = /^(fir|etat|ondam|cd)(\d{4})$/.exec(k);
        return m && Number(m[2]) !== last && (m[1] !== "cd" || !D.col[`ms${m[2]}`]);
      });
      for (const key of rng.shuffle(keys)) {
        const x = pickLine((l) => {
          const c = getCell(D.sheet, l.row, D.col[key]!);
          return !!c && c.f === undefined && num(c) >= 1000;
        });
        if (!x) continue;
        const v = num(getCell(D.sheet, x.row, D.col[key]!));
        const text = rng.pick([
          `${v.toLocaleString("fr-FR").replace(/\u202f/g, "\u00a0")} €`,
          `${Math.round(v)}`,
          `${v.toLocaleString("fr-FR").replace(/\u202f/g, " ")}`,
        ]);
        setCell(D.sheet, x.row, D.col[key]!, text, "text");
        return fault(kind, "number-as-text", dn, at(D, key, x.row)!, `amount typed as text « ${text} »`);
      }
      return null;
    }
    case "cell-error": {
      const key = ["gap", "rateGlobal", "rateLastYear", "budget"].find((k) => D.col[k]);
      const x = pickLine(() => true);
      if (!x || !key) return null;
      const err = rng.pick(["#REF!", "#DIV/0!", "#VALUE!", "#N/A"]);
      setCell(
        D.sheet,
        x.row,
        D.col[key]!,
        { error: err },
        getCell(D.sheet, x.row, D.col[key]!)?.s,
        err === "#REF!" ? "SUM(#REF!)" : err === "#DIV/0!" ? "1/0" : undefined,
      );
      return fault(kind, "cell-error", dn, at(D, key, x.row)!, `${err} in ${key}`);
    }
    case "display-overflow": {
      if (!D.totalRow) return null;
      const keys = amountKeys.filter((k) => num(getCell(D.sheet, D.totalRow!, D.col[k]!)) >= 100000);
      if (!keys.length) return null;
      const key = rng.pick(keys);
      D.sheet.widths.set(D.col[key]!, 5.5);
      return fault(kind, "display-overflow", dn, at(D, key, D.totalRow)!, `column ${colLetter(D.col[key]!)} narrowed to 5.5`);
    }
    case "fiche-numbering:duplicate": {
      const firsts = D.lines.filter((l) => l.line === 0);
      if (firsts.length < 3) return null;
      const i = rng.int(1, firsts.length - 1);
      const prev = getCell(D.sheet, firsts[i - 1]!.row, D.col.fiche!)!;
      setCell(D.sheet, firsts[i]!.row, D.col.fiche!, prev.v, prev.s);
      return fault(kind, "fiche-numbering", dn, addr(firsts[i]!.row, D.col.fiche!), `fiche number ${String(prev.v)} twice`, [
        addr(firsts[i - 1]!.row, D.col.fiche!),
      ]);
    }
  }
  return null;
}

/** Model-level faults: the numbers themselves are wrong, every formula follows. */
function modelHook(kind: string, pick: { fiche: number }) {
  return (m: Model, rng: Rng) => {
    const singles = m.fiches.map((f, i) => ({ f, i })).filter((x) => x.f.lines.length === 1);
    const cands = singles.filter(({ f }) => {
      const l = f.lines[0]!;
      if (kind === "over-execution") return lineBudget(l) > 0;
      if (kind === "cumulative-below-year") return l.realisedLast > 2000;
      return true;
    });
    if (!cands.length) return;
    const { f, i } = rng.pick(cands);
    pick.fiche = i;
    const l = f.lines[0]!;
    const last = m.years.length - 1;
    if (kind === "over-execution") l.realisedSince = Math.round(lineBudget(l) + rng.int(1, 30) * 1000);
    if (kind === "cumulative-below-year") l.realisedSince = Math.max(0, l.realisedLast - rng.int(1, 2) * 1000);
    if (kind === "realised-without-budget") {
      for (const b of ["ms", "dgas", "fir", "etat", "ondam"] as const) l.y[b][last] = 0;
      l.realisedLast = rng.int(2, 30) * 1000;
      l.realisedSince = Math.max(Math.min(l.realisedSince, lineBudget(l)), l.realisedLast);
      if (plannedYear(l, last) !== 0) throw new Error("planned not zero");
      void sum;
    }
  };
}

export interface FaultyAnnex {
  annex: Annex;
  fault: Fault;
}

/** The faulty twin of annex `seed`: same layout, one fault. */
export function faultyAnnex(seed: number, only?: FaultKind): FaultyAnnex {
  const rng = new Rng(seed * 7919 + 1);
  const kinds = only ? [only] : rng.shuffle([...FAULT_KINDS]);
  // Visit the kinds in a seed-dependent order starting from a seed-driven one, so that every kind gets its turn.
  const start = only ? 0 : seed % kinds.length;
  for (let k = 0; k < kinds.length; k++) {
    const kind = kinds[(start + k) % kinds.length]!;
    if (MODEL_FAULTS.has(kind)) {
      const pick = { fiche: -1 };
      const a = generateAnnex(seed, { modelHook: modelHook(kind, pick) });
      if (pick.fiche < 0) continue;
      const D = a.detail;
      const row = D.lines.find((l) => l.fiche === pick.fiche)!.row;
      const cells = (keys: string[]) => keys.map((x) => at(D, x, row)).filter((z): z is string => !!z);
      if (kind === "over-execution") {
        const cs = cells(["gap", "realisedSinceStart", "rateGlobal", "budget"]);
        return { annex: a, fault: fault(kind, "over-execution", D.sheet.name, cs[0]!, "realised since start > budget", cs) };
      }
      if (kind === "cumulative-below-year") {
        const cs = cells(["realisedSinceStart", "realisedLastYear"]);
        return { annex: a, fault: fault(kind, "cumulative-below-year", D.sheet.name, cs[0]!, "cumulative < last year", cs) };
      }
      const cs = cells(["rateLastYear", "realisedLastYear"]);
      return { annex: a, fault: fault(kind, "realised-without-budget", D.sheet.name, cs[0]!, "realised in the last year with 0 planned", cs) };
    }
    const a = generateAnnex(seed);
    const f = applyGrid(a, kind, new Rng(seed * 104729 + k));
    if (!f) continue;
    recalculate(a.book);
    return { annex: a, fault: f };
  }
  throw new Error(`no fault applicable to seed ${seed}`);
}
