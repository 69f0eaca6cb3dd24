/**
 * What an annex says, before any layout: its years, its funders, the département's split, and every fiche with its
 * money per block, year and row (a fiche may be spread over 2-3 rows), its realisations, its source and modalité.
 * Amounts are in euros here (cents when the seed has cents); the layout may print them in k€. Every clean annex holds
 * every relation of annex-spec §4, and nothing in it is worth a warning: realisations stay within the planned money.
 */
import { Prng } from "./prng";
import { Variety } from "./variety";
import { ACTIONS, SOURCE_JOINS, SOURCE_NAMES, SOURCE_NONE, SUB_ACTIONS, THEMES, MODALITE_NAMES } from "./lexicon";

export type Funder = "fir" | "etat" | "ondam";
export type Block = "ms" | "dgas" | "cd" | Funder;
export type CdForm = "ms+dgas+cd" | "cd only" | "ms+dgas";
export type Numbering = "plain" | "padded" | "FA n" | "FA-0n" | "Fiche n" | "FA n°n" | "E.R" | "letter" | "bis" | "F0n" | "E.R.n";

/** The national catalogue (objectives.md): numbers ≤ 11 are fondamental. */
export const OBJECTIVES_BY_ENGAGEMENT: number[][] = [
  [1, 2, 3, 4, 5, 13, 14],
  [6, 7, 8, 9, 15, 16, 19],
  [10, 23],
  [24, 25],
  [11, 26],
];
export const objectiveType = (n: number) => (n <= 11 ? "Fondamental" : "Facultatif");
const FIR_OBJECTIVES = new Set([1, 2, 3, 4, 5, 13]);
const ONDAM_OBJECTIVES = new Set([9, 15, 16, 24]);

export interface FicheRow {
  /** money per block, one entry per year (euros) */
  money: Record<Block, number[]>;
  subLabel?: string;
  /** the funders this row names when the source is written per row */
  source: string;
}
export interface Fiche {
  key: string;
  /** the same fiche as the summary numbers it (plain digits where the detail says « FA 3 », sometimes) */
  summaryKey: string;
  engagement: number;
  objective: number;
  label: string;
  theme: string;
  rows: FicheRow[];
  realisedLastYear: number;
  realisedSinceStart: number;
  funders: Funder[];
  source: string;
  modalite: string;
}
export interface Plan {
  years: number[];
  funders: Funder[];
  cdForm: CdForm;
  cents: boolean;
  numbering: Numbering;
  summaryPlainNumbers: boolean;
  fiches: Fiche[];
}

export const blocksOf = (p: Pick<Plan, "cdForm" | "funders">): Block[] => [
  ...((p.cdForm === "cd only" ? ["cd"] : p.cdForm === "ms+dgas" ? ["ms", "dgas"] : ["ms", "dgas", "cd"]) as Block[]),
  ...p.funders,
];
export const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
export const round2 = (x: number) => Math.round(x * 100) / 100;

function ficheKey(n: number, eng: number, rank: number, numbering: Numbering): string {
  switch (numbering) {
    case "plain":
    case "bis":
      return String(n);
    case "padded":
      return String(n).padStart(2, "0");
    case "FA n":
      return `FA ${n}`;
    case "FA-0n":
      return `FA-${String(n).padStart(2, "0")}`;
    case "Fiche n":
      return `Fiche ${n}`;
    case "FA n°n":
      return `FA n°${n}`;
    case "E.R":
      return `${eng}.${rank}`;
    case "letter":
      return `${"ABCDE"[eng - 1]}${rank}`;
    case "F0n":
      return `F${String(n).padStart(2, "0")}`;
    case "E.R.n":
      return `${eng}.${rank}.1`;
  }
}

export function makePlan(seed: number, v: Variety = new Variety(seed)): Plan {
  const g = new Prng(seed, "plan");
  const count = v.choose("years", 3, () =>
    g.weighted([
      [1, 1],
      [2, 3],
      [3, 5],
      [4, 3],
      [5, 2],
      [6, 1],
    ] as const),
  );
  const last = v.choose("years", 2022, () => g.int(Math.max(2020 + count - 1, 2022), 2027));
  const years = Array.from({ length: count }, (_, i) => last - count + 1 + i);
  const funders = v.choose<Funder[]>("funders", ["fir", "etat", "ondam"], () => {
    const fs = (["fir", "etat", "ondam"] as Funder[]).filter(() => g.yes(0.8));
    if (!fs.length && g.yes(0.7)) fs.push("etat");
    return fs;
  });
  const cdForm = v.choose<CdForm>("blocks", "ms+dgas+cd", () =>
    g.weighted<CdForm>([
      ["ms+dgas+cd", 6],
      ["cd only", 3],
      ["ms+dgas", 1],
    ]),
  );
  const cents = v.choose("units", false, () => g.yes(0.25));
  const numbering = v.choose<Numbering>("numbering", "plain", () =>
    g.pick<Numbering>(["plain", "padded", "FA n", "FA-0n", "Fiche n", "FA n°n", "E.R", "letter", "bis", "F0n", "E.R.n"]),
  );
  const summaryPlainNumbers = /^(FA n|FA-0n|Fiche n|FA n°n|F0n)$/.test(numbering) && g.yes(0.3);
  const nFiches = g.int(4, 22);
  const engagements = g.yes(0.8) ? [1, 2, 3, 4, 5] : g.shuffled([1, 2, 3, 4, 5]).slice(0, 3).sort();
  const actions = g.shuffled(ACTIONS);
  const fiches: Fiche[] = [];
  const perEng = new Map<number, number>();
  const bisAt = numbering === "bis" ? g.int(2, nFiches) : -1;
  let n = 0;
  for (let i = 0; i < nFiches; i++) {
    const engagement = engagements[Math.min(engagements.length - 1, Math.floor((i * engagements.length) / nFiches))]!;
    const rank = (perEng.get(engagement) ?? 0) + 1;
    perEng.set(engagement, rank);
    const isBis = i === bisAt;
    if (!isBis) n++;
    const key = isBis ? `${n} bis` : ficheKey(n, engagement, rank, numbering);
    const objective = g.pick(OBJECTIVES_BY_ENGAGEMENT[engagement - 1]!);
    // which co-financers this fiche draws on
    const mine = funders.filter((f) =>
      f === "fir" ? g.yes(FIR_OBJECTIVES.has(objective) ? 0.8 : 0.2) : f === "ondam" ? g.yes(ONDAM_OBJECTIVES.has(objective) ? 0.8 : 0.15) : g.yes(0.55),
    );
    const nRows = v.choose("rows", 1, () =>
      g.weighted([
        [1, 8],
        [2, 2],
        [3, 1],
      ] as const),
    );
    const rows: FicheRow[] = Array.from({ length: nRows }, () => ({ money: {} as Record<Block, number[]>, source: "" }));
    const amount = (lo: number, hi: number) => {
      const x = g.int(lo, hi);
      if (cents) return round2(x + g.int(0, 99) / 100);
      return g.yes(0.5) ? Math.round(x / 1000) * 1000 : Math.round(x / 10) * 10;
    };
    const planned: Record<Block, number[]> = {} as Record<Block, number[]>;
    const hasCd = g.yes(0.9) || !mine.length;
    for (const b of ["ms", "dgas", "fir", "etat", "ondam"] as const) {
      const on = b === "ms" || b === "dgas" ? hasCd && g.yes(b === "ms" ? 0.7 : 0.85) : mine.includes(b);
      const range: [number, number] = b === "ms" ? [3000, 90000] : b === "dgas" ? [5000, 350000] : [8000, 260000];
      planned[b] = years.map(() => (on && g.yes(0.85) ? amount(...range) : 0));
    }
    if (hasCd && sum(planned.ms) + sum(planned.dgas) === 0) planned.dgas[years.length - 1] = amount(5000, 50000);
    for (const f of mine) if (sum(planned[f]) === 0) planned[f][years.length - 1] = amount(8000, 60000);
    planned.cd = years.map((_, y) => round2(planned.ms[y]! + planned.dgas[y]!));
    // spread the money over the fiche's rows: each (block, year) on one row, or split
    for (const b of ["ms", "dgas", "fir", "etat", "ondam"] as const)
      for (let y = 0; y < years.length; y++) {
        const x = planned[b][y]!;
        const shares = rows.map(() => 0);
        if (nRows === 1 || x === 0) shares[0] = x;
        else if (g.yes(0.5)) shares[g.int(0, nRows - 1)] = x;
        else {
          const first = cents ? round2(x * 0.6) : Math.round((x * 0.6) / 10) * 10;
          shares[0] = first;
          shares[nRows - 1] = round2(x - first);
        }
        rows.forEach((r, i) => ((r.money[b] ??= years.map(() => 0))[y] = shares[i]!));
      }
    for (const r of rows) r.money.cd = years.map((_, y) => round2(r.money.ms[y]! + r.money.dgas[y]!));
    const plannedYear = (y: number) => planned.cd[y]! + planned.fir[y]! + planned.etat[y]! + planned.ondam[y]!;
    const spent = (y: number) => {
      const p = plannedYear(y);
      if (p === 0 || g.yes(0.1)) return 0;
      const x = p * (0.3 + 0.7 * g.next());
      return cents ? Math.min(p, round2(x)) : Math.min(p, Math.round(x));
    };
    const realisedLastYear = spent(years.length - 1);
    let realisedSinceStart = realisedLastYear;
    for (let y = 0; y < years.length - 1; y++) realisedSinceStart = round2(realisedSinceStart + spent(y));
    const withMoney = funders.filter((f) => sum(planned[f]) !== 0);
    const names = withMoney.map((f) => g.pick(SOURCE_NAMES[f]!));
    const join = g.pick(SOURCE_JOINS);
    const source = names.length ? names.join(join) : g.pick(SOURCE_NONE);
    for (const r of rows) {
      const here = funders.filter((f) => sum(r.money[f]) !== 0);
      r.source = here.map((f) => SOURCE_NAMES[f]![0]!).join(" / ");
    }
    if (nRows > 1) rows.forEach((r, i) => (r.subLabel = SUB_ACTIONS[(i + n) % SUB_ACTIONS.length]));
    const modalite = withMoney.length ? withMoney.map((f) => MODALITE_NAMES[f]).join("/") : "CD";
    const label = actions[i % actions.length]!;
    fiches.push({
      key,
      summaryKey: summaryPlainNumbers && !isBis ? String(n) : key,
      engagement,
      objective,
      label,
      theme: g.pick(THEMES),
      rows,
      realisedLastYear,
      realisedSinceStart,
      funders: withMoney,
      source,
      modalite,
    });
  }
  return { years, funders, cdForm, cents, numbering, summaryPlainNumbers, fiches };
}

/** A fiche's money for one block, all rows together. */
export const ficheMoney = (f: Fiche, b: Block, y: number) => round2(sum(f.rows.map((r) => r.money[b][y]!)));
export const ficheBlockTotal = (f: Fiche, b: Block) => round2(sum(f.rows.map((r) => sum(r.money[b]))));
export function ficheBudget(f: Fiche): number {
  return round2(ficheBlockTotal(f, "cd") + ficheBlockTotal(f, "fir") + ficheBlockTotal(f, "etat") + ficheBlockTotal(f, "ondam"));
}
