// The annex as numbers, before any layout: fiches, their lines (a fiche may spread over 2–3 rows), yearly amounts per
// block, realisations. Every relation of annex-spec §3–§4 holds by construction on a clean model.
import { ENGAGEMENTS, OBJECTIVES, ACTIONS, THEMES, ROMAN, sourceText, modaliteText, type Funder } from "./domain";
import type { Rng } from "./rng";

export type Block = "ms" | "dgas" | "cd" | Funder;

export interface Line {
  /** Yearly amounts per base block (ms, dgas, fir, etat, ondam); cd = ms + dgas. */
  y: Record<"ms" | "dgas" | Funder, number[]>;
  realisedLast: number;
  realisedSince: number;
}

export interface FicheModel {
  display: string;
  numeric: boolean;
  label: string;
  theme: string;
  objective: (typeof OBJECTIVES)[number] | null;
  eng: number;
  funders: Funder[];
  lines: Line[];
  source: string;
  modalite: string;
}

export interface Model {
  years: number[];
  funders: Funder[];
  cents: boolean;
  fiches: FicheModel[];
  numbering: string;
}

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

export function cdYear(l: Line, i: number): number {
  return r2(l.y.ms[i]! + l.y.dgas[i]!);
}
/** P(Y) = CD(Y) + FIR(Y) + ETAT(Y) + ONDAM(Y) for one line. */
export function plannedYear(l: Line, i: number): number {
  return r2(l.y.ms[i]! + l.y.dgas[i]! + l.y.fir[i]! + l.y.etat[i]! + l.y.ondam[i]!);
}
export function lineBudget(l: Line): number {
  return r2(sum(l.y.ms) + sum(l.y.dgas) + sum(l.y.fir) + sum(l.y.etat) + sum(l.y.ondam));
}

const NUMBERINGS = ["int", "int", "01", "FA 1", "FA-1", "FA n°1", "Fiche 1", "1.2", "1.2.3", "bis", "A1", "I.1", "FA01"] as const;

function numberFiches(rng: Rng, fiches: FicheModel[], style: string): void {
  const perEng = new Map<number, number>();
  const perObj = new Map<string, number>();
  let n = 0;
  const objIdx = new Map<string, number>();
  for (const f of fiches) {
    n++;
    const e = (perEng.get(f.eng) ?? 0) + 1;
    perEng.set(f.eng, e);
    const on = f.objective?.n ?? 0;
    const ek = `${f.eng}:${on}`;
    if (!objIdx.has(ek)) objIdx.set(ek, [...objIdx.keys()].filter((k) => k.startsWith(`${f.eng}:`)).length + 1);
    const ok = `${f.eng}.${on}`;
    const k = (perObj.get(ok) ?? 0) + 1;
    perObj.set(ok, k);
    f.numeric = false;
    switch (style) {
      case "int":
      case "bis":
        f.display = String(n);
        f.numeric = true;
        break;
      case "01":
        f.display = String(n).padStart(2, "0");
        break;
      case "FA 1":
        f.display = `FA ${n}`;
        break;
      case "FA-1":
        f.display = `FA-${n}`;
        break;
      case "FA n°1":
        f.display = `FA n°${n}`;
        break;
      case "Fiche 1":
        f.display = `Fiche ${n}`;
        break;
      case "FA01":
        f.display = `FA${String(n).padStart(2, "0")}`;
        break;
      case "1.2":
        f.display = `${f.eng + 1}.${e}`;
        break;
      case "1.2.3":
        f.display = `${f.eng + 1}.${objIdx.get(ek)}.${k}`;
        break;
      case "A1":
        f.display = `${"ABCDE"[f.eng]}${e}`;
        break;
      case "I.1":
        f.display = `${ROMAN[f.eng]}.${e}`;
        break;
    }
  }
  if (style === "bis") {
    // Fiches added by an avenant slot in as « 3 bis » after fiche 3; the others keep their numbers.
    let base = 0;
    let prevBis = false;
    for (const f of fiches) {
      if (base > 0 && !prevBis && rng.chance(0.18)) {
        prevBis = true;
        f.display = `${base} bis`;
        f.numeric = false;
      } else {
        prevBis = false;
        base++;
        f.display = String(base);
        f.numeric = true;
      }
    }
  }
}

function amount(rng: Rng, cents: boolean, scale: number): number {
  const base = rng.int(1, 60) * rng.pick([500, 1000, 1000, 2500]) * scale;
  return cents ? r2(base + rng.int(0, 99999) / 100) : base;
}

export function buildModel(rng: Rng, years: number[], funders: Funder[], cents: boolean, multiRow: number): Model {
  const n = rng.int(6, 24);
  const fiches: FicheModel[] = [];
  const usable = OBJECTIVES.filter(() => true);
  for (let i = 0; i < n; i++) {
    const obj = rng.chance(0.06) ? null : rng.pick(usable);
    const eng = obj ? obj.eng : rng.int(0, 4);
    let fs: Funder[] = [];
    if (obj && funders.includes(obj.funder) && rng.chance(0.8)) fs.push(obj.funder);
    else if (rng.chance(0.45) && funders.length) fs.push(rng.pick(funders));
    if (rng.chance(0.15)) {
      const other = rng.pick(funders);
      if (!fs.includes(other)) fs.push(other);
    }
    fs = funders.filter((f) => fs.includes(f));
    const nLines = multiRow > 0 && rng.chance(multiRow) ? rng.int(2, 3) : 1;
    const lines: Line[] = [];
    for (let li = 0; li < nLines; li++) {
      const y = { ms: [] as number[], dgas: [] as number[], fir: [] as number[], etat: [] as number[], ondam: [] as number[] };
      const msOn = rng.chance(0.75);
      const dgasOn = rng.chance(0.7) || !msOn;
      years.forEach((_, yi) => {
        y.ms.push(msOn && rng.chance(0.85) ? amount(rng, cents, 1) : 0);
        y.dgas.push(dgasOn && rng.chance(0.8) ? amount(rng, cents, 1) : 0);
        for (const f of ["fir", "etat", "ondam"] as Funder[])
          y[f].push(fs.includes(f) && (yi === years.length - 1 || rng.chance(0.8)) ? amount(rng, cents, 1) : 0);
      });
      const l: Line = { y, realisedLast: 0, realisedSince: 0 };
      const last = years.length - 1;
      const pLast = plannedYear(l, last);
      const rl = pLast > 0 ? (rng.chance(0.1) ? pLast : r2(pLast * (0.2 + 0.8 * rng.next()))) : 0;
      const rl2 = cents ? rl : Math.round(rl);
      let before = 0;
      for (let yi = 0; yi < last; yi++) before += plannedYear(l, yi) * (0.3 + 0.7 * rng.next());
      l.realisedLast = Math.min(rl2, pLast);
      l.realisedSince = Math.min(r2(l.realisedLast + (cents ? r2(before) : Math.round(before))), lineBudget(l));
      lines.push(l);
    }
    fiches.push({
      display: "",
      numeric: true,
      label: rng.pick(ACTIONS),
      theme: rng.pick(THEMES),
      objective: obj,
      eng,
      funders: fs,
      lines,
      source: "",
      modalite: "",
    });
  }
  fiches.sort((a, b) => a.eng - b.eng || (a.objective?.n ?? 99) - (b.objective?.n ?? 99));
  const numbering = rng.pick(NUMBERINGS);
  numberFiches(rng, fiches, numbering);
  const sourceStyle = rng.int(0, 1);
  for (const f of fiches) {
    f.source = sourceText(rng, f.funders, sourceStyle);
    f.modalite = modaliteText(rng, f.funders);
  }
  return { years, funders, cents, fiches, numbering };
}

export const engagementTitle = (e: number) => ENGAGEMENTS[e]!;
