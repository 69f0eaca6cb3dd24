// corpus4's own arithmetic check of a generated annex, on the values its cells hold (formulas computed by formula.ts):
// every relation of annex-spec §4 that a clean annex must satisfy. A clean annex that passes it gives the product no
// ground for any error or warning, so every such finding on it is false.
import { getCell, addr, type Cell } from "./book";
import type { Annex, TableIndex } from "./generate";
import { MODALITE_NAMES, SOURCE_NAMES, type Funder } from "./domain";

const TOL = 1;
const num = (c: Cell | undefined): number | null => (c === undefined || c.v === null || c.v === "" ? 0 : typeof c.v === "number" ? c.v : null);

function fundersNamed(text: string, names: Record<Funder, string[]>): Set<Funder> {
  const out = new Set<Funder>();
  const t = ` ${text.toLowerCase()} `;
  for (const f of ["fir", "etat", "ondam"] as Funder[])
    for (const n of names[f]) if (new RegExp(`[^a-zéè]${n.toLowerCase().replace(/[()/]/g, "\\$&")}[^a-zéè]`).test(t)) out.add(f);
  return out;
}

export function arithmeticProblems(a: Annex): string[] {
  const p: string[] = [];
  const D = a.detail;
  const S = a.summary;
  const years = a.years;
  const yn = years[years.length - 1]!;
  const v = (t: TableIndex, key: string, row: number): number | null => {
    if (!t.col[key]) return null;
    const c = getCell(t.sheet, row, t.col[key]);
    const x = num(c);
    if (x === null) p.push(`${t.sheet.name}!${addr(row, t.col[key])} not a number (${JSON.stringify(c?.v)})`);
    else if (x < 0) p.push(`${t.sheet.name}!${addr(row, t.col[key])} negative`);
    return x;
  };
  const eq = (what: string, x: number | null, y: number | null) => {
    if (x !== null && y !== null && Math.abs(x - y) > TOL) p.push(`${what}: ${x} ≠ ${y}`);
  };
  const amountKeys = Object.keys(D.col).filter((k) => /^(budget|(ms|dgas|cd|fir|etat|ondam)(Total|\d{4})|realisedLastYear|realisedSinceStart|gap)$/.test(k));
  const rowOk = (row: number, where: string) => {
    const get = (k: string) => v(D, k, row) ?? 0;
    for (const { block, yearly } of a.blocks)
      if (yearly)
        eq(
          `${where} year-sum ${block}`,
          get(`${block}Total`),
          years.reduce((s, y) => s + get(`${block}${y}`), 0),
        );
    for (const y of years) if (D.col[`cd${y}`] && D.col[`ms${y}`]) eq(`${where} cd-split ${y}`, get(`cd${y}`), get(`ms${y}`) + get(`dgas${y}`));
    const cd = D.col.cdTotal ? get("cdTotal") : get("msTotal") + get("dgasTotal");
    const budget = get("budget");
    eq(`${where} budget-sum`, budget, cd + a.model.funders.reduce((s, f) => s + get(`${f}Total`), 0));
    const rl = get("realisedLastYear");
    const rs = get("realisedSinceStart");
    if (rs + TOL < rl) p.push(`${where} cumulative-below-year`);
    if (rs > budget + TOL) p.push(`${where} over-execution`);
    if (D.col.gap) eq(`${where} gap`, get("gap"), budget - rs);
    const pLast =
      (D.col[`cd${yn}`] ? get(`cd${yn}`) : get(`ms${yn}`) + get(`dgas${yn}`)) +
      a.model.funders.reduce((s, f) => s + (D.col[`${f}${yn}`] ? get(`${f}${yn}`) : 0), 0);
    const coYearly = a.model.funders.every((f) => D.col[`${f}${yn}`]);
    if (coYearly && rl > 0 && pLast === 0) p.push(`${where} realised-without-budget`);
    const rate = (k: string, n: number, d: number) => {
      if (!D.col[k]) return;
      const c = getCell(D.sheet, row, D.col[k]);
      const x = c?.v;
      if (d === 0) {
        if (x !== null && x !== "" && x !== undefined && x !== 0) p.push(`${where} ${k} should be empty, is ${JSON.stringify(x)}`);
      } else if (typeof x !== "number" || Math.abs(x - n / d) > 0.005) p.push(`${where} ${k} ${JSON.stringify(x)} ≠ ${n / d}`);
    };
    if (coYearly) rate("rateLastYear", rl, pLast);
    rate("rateGlobal", rs, budget);
  };
  // fiche lines, per line and per fiche
  for (const l of D.lines) rowOk(l.row, `detail row ${l.row}`);
  // totals and sub-totals: Σ of their fiches' lines
  const sumRows = [
    ...D.groups.map((g) => ({ row: g.row, fiches: g.fiches })),
    ...(D.totalRow ? [{ row: D.totalRow, fiches: a.model.fiches.map((_, i) => i) }] : []),
  ];
  for (const g of sumRows) {
    const rows = D.lines.filter((l) => g.fiches.includes(l.fiche)).map((l) => l.row);
    for (const k of amountKeys)
      eq(
        `detail total row ${g.row} ${k}`,
        v(D, k, g.row),
        rows.reduce((s, r) => s + (v(D, k, r) ?? 0), 0),
      );
    rowOk(g.row, `detail sum row ${g.row}`);
  }
  // source names exactly the funders with money; objective types follow the catalogue
  const typeOf = new Map<number, string>();
  a.model.fiches.forEach((f, fi) => {
    const rows = D.lines.filter((l) => l.fiche === fi).map((l) => l.row);
    const money = new Set<Funder>(a.model.funders.filter((fu) => rows.some((r) => (v(D, `${fu}Total`, r) ?? 0) > 0)));
    if (D.col.source) {
      const text = rows.map((r) => String(getCell(D.sheet, r, D.col.source!)?.v ?? "")).join(" ");
      const named = fundersNamed(text, SOURCE_NAMES);
      if ([...money].sort().join() !== [...named].sort().join()) p.push(`fiche ${f.display} source « ${text} » names ${[...named]} but money ${[...money]}`);
    }
    const srow = S.rowOf.get(fi)!;
    const mod = String(getCell(S.sheet, srow, S.col.modalite!)?.v ?? "");
    const mnamed = fundersNamed(mod, MODALITE_NAMES);
    if ([...money].sort().join() !== [...mnamed].sort().join()) p.push(`fiche ${f.display} modalité « ${mod} » names ${[...mnamed]} but money ${[...money]}`);
    if (f.objective && D.col.objectiveType) {
      const t = String(getCell(D.sheet, rows[0]!, D.col.objectiveType)?.v ?? "").toLowerCase();
      if (t.includes("fonda") !== f.objective.fund) p.push(`fiche ${f.display} typed ${t} against the catalogue`);
      if (typeOf.has(f.objective.n) && typeOf.get(f.objective.n) !== t) p.push(`objective ${f.objective.n} typed both ways`);
      typeOf.set(f.objective.n, t);
    }
    // summary ↔ detail
    const dsum = (k: string) => rows.reduce((s, r) => s + (v(D, k, r) ?? 0), 0);
    eq(`summary ${f.display} budget`, v(S, "budget", srow), dsum("budget"));
    eq(`summary ${f.display} departement`, v(S, "departement", srow), D.col.cdTotal ? dsum("cdTotal") : dsum("msTotal") + dsum("dgasTotal"));
    for (const fu of a.model.funders) eq(`summary ${f.display} ${fu}`, v(S, fu, srow), dsum(`${fu}Total`));
    eq(`summary ${f.display} consumed last`, v(S, "consumedLastYear", srow), dsum("realisedLastYear"));
    eq(`summary ${f.display} consumed since`, v(S, "consumedSinceStart", srow), dsum("realisedSinceStart"));
    eq(`summary ${f.display} consumed-sum`, v(S, "consumedSinceStart", srow), (v(S, "consumedPrior", srow) ?? 0) + (v(S, "consumedLastYear", srow) ?? 0));
    eq(
      `summary ${f.display} budget-sum`,
      v(S, "budget", srow),
      (v(S, "departement", srow) ?? 0) + a.model.funders.reduce((s, fu) => s + (v(S, fu, srow) ?? 0), 0),
    );
  });
  // fiche numbers unique
  const seen = new Set<string>();
  for (const f of a.model.fiches) {
    if (seen.has(f.display)) p.push(`fiche ${f.display} twice`);
    seen.add(f.display);
  }
  const skeys = ["budget", "departement", ...a.model.funders, "consumedPrior", "consumedLastYear", "consumedSinceStart"];
  const ssum = [
    ...S.groups.map((g) => ({ row: g.row, fiches: g.fiches })),
    ...(S.totalRow ? [{ row: S.totalRow, fiches: a.model.fiches.map((_, i) => i) }] : []),
  ];
  for (const g of ssum)
    for (const k of skeys)
      eq(
        `summary total row ${g.row} ${k}`,
        v(S, k, g.row),
        g.fiches.reduce((s, fi) => s + (v(S, k, S.rowOf.get(fi)!) ?? 0), 0),
      );
  return p;
}
