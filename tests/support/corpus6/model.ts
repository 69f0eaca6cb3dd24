import { Rng } from "./rng";
import { ACTIONS, OBJECTIVES } from "./words";

export type Funder = "fir" | "etat" | "ondam";
export type Block = "ms" | "dgas" | "cd" | Funder;
export const FUNDERS: Funder[] = ["fir", "etat", "ondam"];

export interface Fiche {
  num: string; // as displayed in its own column (or before the label)
  key: string; // the number alone, normalised, to match both tables
  label: string;
  objective: number;
  engagement: number;
  /** planned, in cents, per block and year; cd = ms + dgas */
  planned: Record<Block, number[]>;
  realisedLast: number;
  realisedSince: number;
}

export type Numbering = "plain" | "Action" | "CDPPE-" | "n°" | "dash-label" | "FA-colon-label" | "dot-label" | "roman";
export interface Model {
  years: number[];
  funders: Funder[];
  cdForm: "full" | "split" | "cd";
  fiches: Fiche[];
  numbering: Numbering;
  precision: "euro" | "cents" | "hundreds";
}

/** National objective → engagement (5 = « Conditions pour y parvenir »). */
export function engagementOf(obj: number): number {
  if (obj <= 5 || obj === 13 || obj === 14) return 1;
  if ([6, 7, 9, 15, 16, 19, 23].includes(obj)) return 2;
  if (obj === 10 || obj === 12) return 3;
  if (obj === 24 || obj === 25) return 4;
  return 5;
}
export const isFundamental = (obj: number) => obj <= 11;

const ROMAN = ["I", "II", "III", "IV", "V"];

export function makeModel(seed: number, varyNumbering = true): Model {
  const rng = new Rng(seed, "model");
  const n = rng.pick([1, 2, 3, 3, 4, 4, 5, 6]);
  const start = rng.int(2020, 2028 - n);
  const years = Array.from({ length: n }, (_, i) => start + i);
  const funders = FUNDERS.filter(() => rng.chance(0.75));
  if (!funders.length) funders.push(rng.pick(FUNDERS));
  const cdForm = rng.pick(["full", "full", "split", "cd"] as const);
  const drawn = rng.pick(["plain", "Action", "CDPPE-", "n°", "dash-label", "FA-colon-label", "dot-label", "roman"] as const);
  const numbering: Numbering = varyNumbering ? drawn : "plain";
  const precision = varyNumbering || seed % 3 ? rng.pick(["euro", "cents", "hundreds"] as const) : "euro";
  const nObj = rng.int(4, 9);
  const objs = rng
    .shuffle(OBJECTIVES.map((o) => o.n))
    .slice(0, nObj)
    .sort((a, b) => engagementOf(a) - engagementOf(b) || a - b);
  const fiches: Fiche[] = [];
  const labels = rng.shuffle(ACTIONS);
  let rank = 0;
  const perEng = new Map<number, number>();
  for (const obj of objs) {
    const k = rng.int(1, 3);
    for (let i = 0; i < k; i++) {
      rank++;
      const eng = engagementOf(obj);
      const inEng = (perEng.get(eng) ?? 0) + 1;
      perEng.set(eng, inEng);
      const label = labels[(rank - 1) % labels.length]!;
      const num =
        numbering === "plain" || numbering.endsWith("label")
          ? String(rank)
          : numbering === "Action"
            ? `Action ${rank}`
            : numbering === "CDPPE-"
              ? `CDPPE-${String(rank).padStart(2, "0")}`
              : numbering === "n°"
                ? `n°${rank}`
                : `${ROMAN[eng - 1]}.${inEng}`;
      const key = numbering === "roman" ? num : String(rank);
      fiches.push({
        num,
        key,
        label,
        objective: obj,
        engagement: eng,
        planned: plan(rng, years.length, funders, cdForm, precision),
        realisedLast: 0,
        realisedSince: 0,
      });
    }
  }
  for (const f of fiches) realise(rng, f, years.length);
  return { years, funders, cdForm, fiches, numbering, precision };
}

function amount(rng: Rng, precision: Model["precision"]): number {
  const euros = rng.int(1, 240) * 500 + (precision === "hundreds" ? 0 : rng.int(0, 499));
  return precision === "cents" ? euros * 100 + rng.int(0, 99) : euros * 100;
}

function plan(rng: Rng, n: number, funders: Funder[], cdForm: Model["cdForm"], precision: Model["precision"]): Record<Block, number[]> {
  const zero = () => Array.from({ length: n }, () => 0);
  const p: Record<Block, number[]> = { ms: zero(), dgas: zero(), cd: zero(), fir: zero(), etat: zero(), ondam: zero() };
  const hasMs = rng.chance(0.7);
  const hasDgas = !hasMs || rng.chance(0.6);
  const co = funders.filter(() => rng.chance(0.45));
  for (let y = 0; y < n; y++) {
    const active = y === 0 ? rng.chance(0.85) : rng.chance(0.9);
    if (!active) continue;
    if (hasMs) p.ms[y] = amount(rng, precision);
    if (hasDgas) p.dgas[y] = amount(rng, precision);
    for (const f of co) if (rng.chance(0.85)) p[f][y] = amount(rng, precision);
  }
  for (let y = 0; y < n; y++) p.cd[y] = p.ms[y]! + p.dgas[y]!;
  if (cdForm === "cd") {
    // one CD block: the split is not shown, keep it consistent anyway
  }
  return p;
}

export const plannedYear = (f: Fiche, y: number) => f.planned.cd[y]! + f.planned.fir[y]! + f.planned.etat[y]! + f.planned.ondam[y]!;
export const budgetOf = (f: Fiche) => f.planned.cd.reduce((s, _, y) => s + plannedYear(f, y), 0);
export const blockTotal = (f: Fiche, b: Block) => f.planned[b].reduce((s, v) => s + v, 0);

function realise(rng: Rng, f: Fiche, n: number): void {
  const budget = budgetOf(f);
  const last = plannedYear(f, n - 1);
  f.realisedLast = last ? Math.min(budget, Math.round(last * rng.pick([0, 0.4, 0.75, 0.9, 1, 1.08]))) : 0;
  let prior = 0;
  for (let y = 0; y < n - 1; y++) prior += Math.round(plannedYear(f, y) * rng.pick([0.3, 0.6, 0.85, 1]));
  f.realisedSince = Math.min(budget, f.realisedLast + prior);
}

/** Funders carrying money for this fiche. */
export const fundersWithMoney = (f: Fiche): Funder[] => FUNDERS.filter((x) => blockTotal(f, x) !== 0);
