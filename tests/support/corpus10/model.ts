/**
 * corpus10's money model: what a département planned and spent per fiche, before any layout. Every derived figure
 * (block totals, Total CD, budget, rates, gap, summary consumption) comes from here, so a clean annex holds.
 */
import { round } from "./grid";
import type { Rng } from "./rng";

export type Funder = "fir" | "etat" | "ondam";
export const FUNDERS: Funder[] = ["fir", "etat", "ondam"];

/** One line of a fiche (a fiche over several rows has several lines, each with its own figures). */
export interface Line {
  ms: (number | null)[];
  dgas: (number | null)[];
  fir: (number | null)[];
  etat: (number | null)[];
  ondam: (number | null)[];
  realisedLast: number;
  realisedSince: number;
}
export interface Fiche {
  /** position in the annex, 0-based */
  index: number;
  engagement: number; // 1..5 (5: conditions)
  objective: number;
  label: string;
  theme: string;
  funders: Funder[];
  lines: Line[];
}
export interface Model {
  years: number[];
  cents: boolean;
  fiches: Fiche[];
}

// National objectives (annex-spec §5 / objectives.md) with the co-financer the texts tie them to.
const OBJECTIVES: { n: number; funders: Funder[]; theme: string }[] = [
  { n: 1, funders: ["fir"], theme: "PMI" },
  { n: 2, funders: ["fir"], theme: "PMI" },
  { n: 3, funders: ["fir"], theme: "PMI" },
  { n: 4, funders: ["fir"], theme: "PMI" },
  { n: 5, funders: ["fir"], theme: "PMI" },
  { n: 6, funders: ["etat"], theme: "ASE" },
  { n: 7, funders: ["etat"], theme: "ASE" },
  { n: 8, funders: ["etat"], theme: "Transverse" },
  { n: 9, funders: ["etat", "ondam"], theme: "Handicap" },
  { n: 10, funders: ["etat"], theme: "ODPE" },
  { n: 11, funders: ["etat"], theme: "ODPE" },
  { n: 13, funders: ["fir"], theme: "PMI" },
  { n: 14, funders: ["etat"], theme: "Prévention" },
  { n: 15, funders: ["etat", "ondam"], theme: "Handicap" },
  { n: 16, funders: ["etat", "ondam"], theme: "Handicap" },
  { n: 19, funders: ["etat"], theme: "ASE" },
  { n: 23, funders: ["etat"], theme: "ASE" },
  { n: 24, funders: ["etat", "ondam"], theme: "Handicap" },
  { n: 25, funders: ["etat"], theme: "MNA" },
  { n: 26, funders: ["etat"], theme: "Formation" },
];
export const OBJECTIVE_TEXT: Record<number, string> = {
  1: "Entretiens prénataux précoces",
  2: "Bilans de santé en école maternelle",
  3: "Visites à domicile pré et postnatales",
  4: "Interventions à domicile des puéricultrices",
  5: "Consultations infantiles en PMI",
  6: "Renforcer les CRIP",
  7: "Protocoles informations préoccupantes",
  8: "Volet maîtrise des risques",
  9: "Enfants protégés en situation de handicap",
  10: "Participation des jeunes à l'ODPE",
  11: "Renforcer l'ODPE",
  13: "Actions innovantes en PMI",
  14: "Relais parentaux",
  15: "Parents en situation de handicap",
  16: "Parents d'enfants en situation de handicap",
  19: "Diversifier l'offre à domicile",
  23: "Parrainage et soutien scolaire",
  24: "Dispositifs passerelles",
  25: "Accès aux droits des anciens MNA",
  26: "Formation des professionnels",
};
const ACTIONS = [
  "Recrutement de sages-femmes",
  "Création d'une équipe mobile",
  "Plateforme d'accueil d'urgence",
  "Renfort de la cellule de recueil",
  "Formation des assistants familiaux",
  "Accueil de jour pour adolescents",
  "Consultations avancées en PMI",
  "Soutien à la parentalité",
  "Visites à domicile renforcées",
  "Protocole avec l'Éducation nationale",
  "Observatoire départemental",
  "Référent handicap ASE",
  "Places en accueil familial",
  "Lieu d'accueil parents-enfants",
  "Bilans de santé en maternelle",
  "Accompagnement des jeunes majeurs",
  "Équipe pluridisciplinaire",
  "Maison des adolescents",
  "Dispositif de parrainage",
  "Outil de suivi des informations préoccupantes",
];

export function makeModel(rng: Rng, o: { years: number[]; fiches: number; cents: boolean; emptyYears: boolean; maxEngagement: number }): Model {
  const ny = o.years.length;
  const money = (lo: number, hi: number) => (o.cents ? round(rng.int(lo, hi) * 100 + rng.int(0, 99) / 100) : rng.int(lo, hi) * 500);
  const fiches: Fiche[] = [];
  for (let i = 0; i < o.fiches; i++) {
    const obj = rng.pick(OBJECTIVES);
    const engagement = Math.min(o.maxEngagement, 1 + Math.floor((i * o.maxEngagement) / o.fiches));
    let funders: Funder[] = rng.chance(0.15) ? [] : obj.funders.filter((_, j) => j === 0 || rng.chance(0.6));
    if (rng.chance(0.1)) funders = [...new Set([...funders, rng.pick(FUNDERS)])];
    funders = FUNDERS.filter((f) => funders.includes(f));
    const nLines = rng.chance(0.12) ? rng.int(2, 3) : 1;
    const lines: Line[] = [];
    for (let l = 0; l < nLines; l++) {
      const yearly = (on: boolean, lo: number, hi: number) =>
        o.years.map(() => {
          if (!on) return rng.chance(0.5) ? 0 : null;
          if (o.emptyYears && rng.chance(0.08)) return null; // a year left empty for this fiche
          if (rng.chance(0.08)) return 0;
          return money(lo, hi);
        });
      const hasCd = funders.length === 0 || rng.chance(0.85);
      const line: Line = {
        ms: yearly(hasCd && rng.chance(0.8), 20, 400),
        dgas: yearly(hasCd, 10, 600),
        fir: yearly(funders.includes("fir"), 10, 300),
        etat: yearly(funders.includes("etat"), 20, 500),
        ondam: yearly(funders.includes("ondam"), 20, 800),
        realisedLast: 0,
        realisedSince: 0,
      };
      // a funder named on the fiche carries money on at least one line and year
      for (const f of funders) if (l === 0 && !line[f].some((v) => (v ?? 0) > 0)) line[f][ny - 1] = money(10, 300);
      if (!line.ms.some((v) => (v ?? 0) > 0) && !line.dgas.some((v) => (v ?? 0) > 0) && funders.length === 0) line.dgas[0] = money(10, 300);
      const plannedLast = planned(line, ny - 1);
      const budget = lineBudget(line);
      line.realisedLast = plannedLast > 0 ? spend(rng, plannedLast, o.cents, 0.2, 1.0) : 0;
      const before = budget - plannedLast;
      line.realisedSince = round(line.realisedLast + (before > 0 && ny > 1 ? spend(rng, before, o.cents, 0.3, 1.0) : 0));
      if (line.realisedSince > budget) line.realisedSince = budget;
      lines.push(line);
    }
    fiches.push({ index: i, engagement, objective: obj.n, label: rng.pick(ACTIONS), theme: obj.theme, funders, lines });
  }
  return { years: o.years, cents: o.cents, fiches };
}

function spend(rng: Rng, of: number, cents: boolean, lo: number, hi: number): number {
  const x = of * (lo + (hi - lo) * rng.next());
  return cents ? round(x) : Math.round(x / 10) * 10;
}
const n = (v: number | null | undefined) => v ?? 0;
export const cdOf = (l: Line, y: number) => round(n(l.ms[y]) + n(l.dgas[y]));
export const planned = (l: Line, y: number) => round(cdOf(l, y) + n(l.fir[y]) + n(l.etat[y]) + n(l.ondam[y]));
export const blockTotal = (xs: (number | null)[]) => round(xs.reduce<number>((t, v) => t + n(v), 0));
export const lineBudget = (l: Line) => round(l.ms.reduce<number>((t, _, y) => t + planned(l, y), 0));
/** Fiche-level sums for the summary. */
export function ficheSums(f: Fiche, years: number) {
  const s = (g: (l: Line) => number) => round(f.lines.reduce((t, l) => t + g(l), 0));
  return {
    budget: s(lineBudget),
    cd: s((l) => blockTotal(l.ms) + blockTotal(l.dgas)),
    fir: s((l) => blockTotal(l.fir)),
    etat: s((l) => blockTotal(l.etat)),
    ondam: s((l) => blockTotal(l.ondam)),
    last: s((l) => l.realisedLast),
    since: s((l) => l.realisedSince),
    plannedLast: s((l) => planned(l, years - 1)),
  };
}
