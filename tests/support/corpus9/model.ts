/**
 * The money of one annex, before any layout: its years, funders, the département's split, and each fiche's amounts
 * per block and year on one to three lines, what was realised, the objective it serves. Everything else (rates, gaps,
 * totals, the summary) is derived from this, so a clean annex is consistent by construction.
 */
import { Dice } from "./rng";
import { ACTIONS, type Funder, type Money } from "./words";

/** National objectives (../shared/objectives.md): number, fundamental, short label. */
export const OBJECTIVES: [number, boolean, string][] = [
  [1, true, "Entretiens prénataux précoces"],
  [2, true, "Bilans de santé en école maternelle"],
  [3, true, "Visites à domicile pré et postnatales"],
  [4, true, "Interventions à domicile des puéricultrices"],
  [5, true, "Consultations infantiles en PMI"],
  [6, true, "Renforcer les CRIP"],
  [7, true, "Protocoles informations préoccupantes"],
  [8, true, "Maîtrise des risques"],
  [9, true, "Enfants protégés en situation de handicap"],
  [10, true, "Participation des enfants à l'ODPE"],
  [11, true, "Renforcer l'ODPE"],
  [13, false, "Actions innovantes en PMI"],
  [14, false, "Relais parentaux"],
  [15, false, "Parents en situation de handicap"],
  [16, false, "Parents d'enfants en situation de handicap"],
  [19, false, "Protection de l'enfance à domicile"],
  [23, false, "Parrainage, soutien scolaire"],
  [24, false, "Dispositifs passerelles"],
  [25, false, "Anciens MNA"],
  [26, false, "Formation des professionnels"],
];

export type CdSplit = "ms+dgas+cd" | "ms+dgas" | "cd";
export type IdStyle = "plain" | "zero" | "FA " | "FA-" | "Fiche " | "dotted" | "bis" | "letter";

/** One line of a fiche: an amount per block and year (euros). */
export interface Line {
  money: Record<Money, number[]>;
  realisedYear: number;
  realisedAll: number;
}
export interface Fiche {
  id: string;
  engagement: number;
  label: string;
  theme: string;
  objective: number | null;
  lines: Line[];
}
export interface Model {
  years: number[];
  funders: Funder[];
  split: CdSplit;
  idStyle: IdStyle;
  fiches: Fiche[];
}

export const sum = (xs: number[]) => xs.reduce((t, x) => t + x, 0);
export const yn = (m: Model) => m.years[m.years.length - 1]!;
export const isFundamental = (n: number) => OBJECTIVES.find((o) => o[0] === n)?.[1] ?? n <= 11;
export const objectiveLabel = (n: number) => OBJECTIVES.find((o) => o[0] === n)?.[2] ?? "";
/** The blocks the detail shows, département first. */
export const cdBlocks = (m: Model): Money[] => (m.split === "cd" ? ["cd"] : m.split === "ms+dgas" ? ["ms", "dgas"] : ["ms", "dgas", "cd"]);

/** Planned by a line in year index k, all funders. */
export const plannedIn = (l: Line, k: number) => l.money.cd[k]! + l.money.fir[k]! + l.money.etat[k]! + l.money.ondam[k]!;
export const lineBudget = (l: Line) => sum(l.money.cd) + sum(l.money.fir) + sum(l.money.etat) + sum(l.money.ondam);
export const ficheTotal = (f: Fiche, pick: (l: Line) => number) => sum(f.lines.map(pick));
/** Funders with money on this fiche. */
export const fundersOf = (f: Fiche, m: Model): Funder[] => m.funders.filter((x) => f.lines.some((l) => sum(l.money[x]) > 0));

function ficheId(style: IdStyle, n: number, eng: number, inEng: number, bis: boolean): string {
  switch (style) {
    case "plain":
      return bis ? `${n} bis` : String(n);
    case "zero":
      return String(n).padStart(2, "0");
    case "FA ":
      return `FA ${n}`;
    case "FA-":
      return `FA-${n}`;
    case "Fiche ":
      return `Fiche ${n}`;
    case "dotted":
      return `${eng}.${inEng}`;
    case "bis":
      return bis ? `${n} bis` : String(n);
    case "letter":
      return `${"ABCDE"[eng - 1]}${inEng}`;
  }
}

export function makeModel(seed: number): Model {
  const d = new Dice(seed, "money");
  const first = d.between(2020, 2024);
  const count = d.weigh([
    [1, 2],
    [2, 2],
    [3, 4],
    [4, 3],
    [5, 2],
    [6, 1],
  ] as const);
  const last = Math.min(2027, first + count - 1);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const funders = d.some<Funder>(
    ["fir", "etat", "ondam"],
    d.weigh([
      [0, 1],
      [1, 3],
      [2, 4],
      [3, 5],
    ] as const),
  );
  const split = d.weigh<CdSplit>([
    ["ms+dgas+cd", 5],
    ["ms+dgas", 2],
    ["cd", 3],
  ]);
  const idStyle = d.oneOf<IdStyle>(["plain", "plain", "zero", "FA ", "FA-", "Fiche ", "dotted", "bis", "letter"]);
  const engagements = d.between(2, 5);
  const nFiches = d.between(Math.max(engagements, 5), 22);
  const perEng = Array.from({ length: engagements }, () => 1);
  for (let i = engagements; i < nFiches; i++) perEng[d.between(0, engagements - 1)]!++;
  const fiches: Fiche[] = [];
  const step = d.oneOf([100, 500, 1000, 50]);
  const amount = (hi: number) => d.between(1, hi) * step;
  let n = 0;
  perEng.forEach((cnt, e) => {
    for (let i = 1; i <= cnt; i++) {
      n++;
      const bis = (idStyle === "bis" || idStyle === "plain") && i > 1 && d.odds(idStyle === "bis" ? 0.3 : 0.05);
      const own = d.some(funders, d.between(0, funders.length));
      const lines: Line[] = [];
      const nLines = d.odds(0.15) ? d.between(2, 3) : 1;
      for (let li = 0; li < nLines; li++) {
        const money = { ms: [], dgas: [], cd: [], fir: [], etat: [], ondam: [] } as Record<Money, number[]>;
        const withMs = split !== "cd" && d.odds(0.8);
        years.forEach(() => {
          const active = d.odds(0.85);
          const ms = active && withMs ? amount(60) : 0;
          const dgas = active && d.odds(0.8) ? amount(120) : 0;
          money.ms.push(split === "cd" ? 0 : ms);
          money.dgas.push(split === "cd" ? 0 : dgas);
          money.cd.push(split === "cd" ? (active ? amount(150) : 0) : ms + dgas);
          for (const f of ["fir", "etat", "ondam"] as Funder[]) money[f].push(own.includes(f) && active && d.odds(0.85) ? amount(90) : 0);
        });
        // a line with no money at all is not a line a finance officer keeps
        if (sum(years.map((_, k) => plannedIn({ money, realisedYear: 0, realisedAll: 0 }, k))) === 0) {
          money.cd[0] = amount(40);
          if (split !== "cd") money.dgas[0] = money.cd[0];
        }
        const l: Line = { money, realisedYear: 0, realisedAll: 0 };
        const k = years.length - 1;
        const pl = plannedIn(l, k);
        l.realisedYear = pl > 0 && d.odds(0.85) ? Math.round((pl * d.between(20, 100)) / 100 / 10) * 10 : 0;
        const before = sum(years.slice(0, k).map((_, j) => plannedIn(l, j)));
        l.realisedAll = l.realisedYear + (before > 0 ? Math.round((before * d.between(30, 100)) / 100 / 10) * 10 : 0);
        lines.push(l);
      }
      const obj = d.odds(0.9) ? d.oneOf(OBJECTIVES)[0] : null;
      fiches.push({
        id: ficheId(idStyle, n, e + 1, i, bis),
        engagement: e + 1,
        label: d.oneOf(ACTIONS),
        theme: "",
        objective: obj,
        lines,
      });
    }
  });
  // « 1 bis » numbering: the bis fiche repeats the number before it
  if (idStyle === "bis" || idStyle === "plain") {
    // a bis fiche repeats the number before it; two bis in a row would repeat one id, so the second is numbered
    let base = 0;
    let prevBis = false;
    for (const f of fiches) {
      const bis: boolean = / bis$/.test(f.id) && !prevBis && base > 0;
      f.id = bis ? `${base} bis` : String(++base);
      prevBis = bis;
    }
  }
  return { years, funders, split, idStyle, fiches };
}
