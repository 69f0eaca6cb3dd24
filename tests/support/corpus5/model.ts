import { Rng } from "./rng";
import { OBJECTIVES, W } from "./words";

export type Funder = "fir" | "etat" | "ondam";
export const FUNDERS: Funder[] = ["fir", "etat", "ondam"];
export type Block = "ms" | "dgas" | Funder;

/** One fiche action, amounts in cents (integers) so that every sum holds to the cent. */
export interface FicheModel {
  n: number;
  /** Number as printed in the detail table and in the summary. */
  id: string;
  summaryId: string;
  engagement: number;
  label: string;
  theme: string;
  objective: number | null;
  objectiveType: "Fondamental" | "Facultatif" | null;
  amounts: Record<Block, number[]>;
  realisedLast: number;
  realisedSince: number;
  /** How many rows it spans in the detail table (1-3), and which blocks each row carries. */
  rows: Block[][];
  /** when set, every block is split across the rows by these shares (sub-actions), instead of one row per block group */
  shares?: number[];
  /** when set, each row names the funders it carries (the fiche's source is all of them) */
  rowSources?: string[];
  source: string;
  modalite: string;
  indicator: string;
}

export interface AnnexModel {
  years: number[];
  fiches: FicheModel[];
  engagements: number[];
  /** Funders with a column block in the detail table. */
  funders: Funder[];
  cents: boolean;
  numbering: string;
}

const NUMBERING = ["plain", "zero", "FA", "FA-", "Fiche", "A1", "dotted", "bis", "FAn"] as const;

function ficheId(style: string, n: number, eng: number, inEng: number, bis: boolean): string {
  switch (style) {
    case "zero":
      return String(n).padStart(2, "0");
    case "FA":
      return `FA ${n}`;
    case "FA-":
      return `FA-${n}`;
    case "Fiche":
      return `Fiche ${n}`;
    case "A1":
      return `${"ABCDE"[eng - 1]}${inEng}`;
    case "dotted":
      return `${eng}.${inEng}`;
    case "FAn":
      return `FA n°${n}`;
    case "bis":
      return bis ? `${n} bis` : String(n);
    default:
      return String(n);
  }
}

export const funderWord: Record<Funder, string[]> = {
  fir: ["FIR", "ARS", "ARS/FIR", "FIR (ARS)"],
  etat: ["ETAT", "État", "PLF", "P304", "Etat"],
  ondam: ["ONDAM", "AM", "Assurance maladie", "ONDAM"],
};
const modaliteWord: Record<Funder, string> = { fir: "FIR", etat: "PLF", ondam: "AM" };

export function buildModel(rng: Rng): AnnexModel {
  const count = rng.chance(0.1) ? rng.int(6, 8) : rng.int(2, 5);
  const y0 = rng.int(2020, 2027 - count + 1);
  const years = Array.from({ length: count }, (_, i) => y0 + i);
  const cents = rng.chance(0.35);
  const numbering = rng.pick(NUMBERING);
  const funders = FUNDERS.filter(() => rng.chance(0.8));
  const engagements = rng.chance(0.85) ? [1, 2, 3, 4, 5].filter((e) => e === 1 || rng.chance(0.75)) : [1];
  const fiches: FicheModel[] = [];
  const sourceStyle = rng.int(0, 3);
  const joiner = rng.pick(["/", " + ", ", ", " et ", " - "]);
  let n = 0;
  let prevBis = false;
  for (const eng of engagements) {
    const k = engagements.length === 1 ? rng.int(4, 12) : rng.int(1, 6);
    for (let i = 1; i <= k; i++) {
      n++;
      const bis: boolean = numbering === "bis" && i > 1 && !prevBis && rng.chance(0.3);
      prevBis = bis;
      if (bis) n--;
      const obj = rng.chance(0.9) ? rng.pick(OBJECTIVES) : null;
      const mine: Funder[] = [];
      if (obj && funders.includes(obj.funder) && rng.chance(0.7)) mine.push(obj.funder);
      for (const f of funders) if (!mine.includes(f) && rng.chance(0.15)) mine.push(f);
      const amount = (): number => {
        if (cents) return rng.int(100, 9000) * 1000 + rng.int(0, 99999) / 1;
        return rng.int(1, 90) * 1000 * 100 * (rng.chance(0.3) ? 5 : 1);
      };
      const start = rng.chance(0.8) ? 0 : rng.int(0, count - 1);
      const amounts = {} as Record<Block, number[]>;
      const hasMs = rng.chance(0.75);
      const hasDgas = rng.chance(0.7) || (!hasMs && mine.length === 0);
      amounts.ms = years.map((_, y): number => (hasMs && y >= start ? amount() : 0));
      amounts.dgas = years.map((_, y): number => (hasDgas && y >= start && rng.chance(0.85) ? amount() : 0));
      for (const f of FUNDERS) amounts[f] = years.map((_, y): number => (mine.includes(f) && y >= start && rng.chance(0.9) ? amount() : 0));
      // A funder named must carry money: make sure the chosen ones do.
      for (const f of mine) if (!amounts[f].some((a) => a !== 0)) amounts[f][count - 1] = amount();
      if (![...amounts.ms, ...amounts.dgas].some((a) => a !== 0) && mine.length === 0) amounts.dgas[count - 1] = amount();
      const planned = (y: number) => (["ms", "dgas", ...FUNDERS] as Block[]).reduce((s, b) => s + (amounts[b][y] ?? 0), 0);
      const budget = years.reduce((s, _, y) => s + planned(y), 0);
      const pLast = planned(count - 1);
      const zeroRealised = rng.chance(0.1);
      const realisedLast = zeroRealised || pLast === 0 ? 0 : Math.round(pLast * (0.2 + 0.8 * rng.next()));
      const prior = zeroRealised ? 0 : Math.round((budget - pLast) * (0.3 + 0.7 * rng.next()));
      const realisedSince = realisedLast + prior;
      const rowCount = rng.chance(0.07) ? rng.int(2, 3) : 1;
      const present = (["ms", "dgas", ...FUNDERS] as Block[]).filter((b) => amounts[b].some((a) => a !== 0));
      const rows: Block[][] = Array.from({ length: rowCount }, () => []);
      const split = rowCount > 1 && rng.chance(0.4);
      if (split) for (const r of rows) r.push(...present);
      else present.forEach((b, j) => rows[j < rowCount ? j : rng.int(0, rowCount - 1)]!.push(b));
      const shares = split ? (rowCount === 2 ? [0.6, 0.4] : [0.5, 0.3, 0.2]) : undefined;
      const withMoney = FUNDERS.filter((f) => amounts[f].some((a) => a !== 0));
      const source = withMoney.length
        ? withMoney.map((f) => (sourceStyle === 0 ? f.toUpperCase() : rng.pick(funderWord[f]))).join(joiner)
        : rng.pick(["", "", "-", "Néant", "CD"]);
      const modalite = withMoney.length ? withMoney.map((f) => modaliteWord[f]).join("/") : rng.pick(["CD", "", "-"]);
      const id = ficheId(numbering, n, eng, i, bis);
      const plainSummary = ["FA", "Fiche", "zero", "FAn"].includes(numbering) && rng.chance(0.3);
      fiches.push({
        n,
        id,
        summaryId: plainSummary ? String(n) : id,
        engagement: eng,
        label: rng.pick(W.actions),
        theme: rng.pick(W.themes),
        objective: obj ? obj.n : null,
        objectiveType: obj ? obj.type : null,
        amounts,
        realisedLast,
        realisedSince,
        rows,
        shares,
        rowSources:
          rowCount > 1 && !split && rng.chance(0.5)
            ? rows.map((bs) =>
                FUNDERS.filter((f) => bs.includes(f))
                  .map((f) => (sourceStyle === 0 ? f.toUpperCase() : funderWord[f][0]!))
                  .join(joiner),
              )
            : undefined,
        source,
        modalite,
        indicator: rng.pick(["Nombre de bénéficiaires", "Taux de couverture", "Délai moyen", "Nombre de visites", "Nombre de places"]),
      });
    }
  }
  return { years, fiches, engagements, funders, cents, numbering };
}

export const plannedIn = (f: FicheModel, y: number): number => (["ms", "dgas", ...FUNDERS] as Block[]).reduce((s, b) => s + (f.amounts[b][y] ?? 0), 0);
export const budgetOf = (f: FicheModel): number => f.amounts.ms.reduce((s, _, y) => s + plannedIn(f, y), 0);
export const blockTotal = (f: FicheModel, b: Block): number => f.amounts[b].reduce((s, a) => s + a, 0);

/** The amount a row of the fiche carries for a block and a year (cents): its blocks' amounts, or its share of each. */
export function rowAmount(f: FicheModel, i: number, b: Block, y: number): number {
  const a = f.amounts[b][y] ?? 0;
  if (!f.rows[i]!.includes(b)) return 0;
  if (!f.shares) return a;
  const parts = f.shares.map((s) => Math.round(a * s));
  const last = a - parts.slice(0, -1).reduce((p, q) => p + q, 0);
  return i === f.shares.length - 1 ? last : parts[i]!;
}
