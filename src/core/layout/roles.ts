// The one table of column roles: which table holds them, whether they repeat per year, what kind of cell they hold.
// The classifier, the report keys, the mapping file and the rule kit read from here (French labels: src/messages/layout.ts).
import type { SingleRole, TableKind, YearBlock } from "./types";

export type RoleContent = "text" | "amount" | "rate" | "indicator";

export interface RoleDef {
  table: TableKind | "both";
  content: RoleContent;
}

export const SINGLE_ROLES: Record<SingleRole, RoleDef> = {
  fiche: { table: "both", content: "text" },
  label: { table: "detail", content: "text" },
  theme: { table: "detail", content: "text" },
  objective: { table: "detail", content: "text" },
  objectiveType: { table: "detail", content: "text" },
  indicator: { table: "detail", content: "indicator" },
  indicatorEtat: { table: "detail", content: "indicator" },
  indicatorExtra: { table: "detail", content: "indicator" },
  budget: { table: "both", content: "amount" },
  msTotal: { table: "detail", content: "amount" },
  dgasTotal: { table: "detail", content: "amount" },
  cdTotal: { table: "detail", content: "amount" },
  source: { table: "detail", content: "text" },
  firTotal: { table: "detail", content: "amount" },
  etatTotal: { table: "detail", content: "amount" },
  ondamTotal: { table: "detail", content: "amount" },
  realisedLastYear: { table: "detail", content: "amount" },
  rateLastYear: { table: "detail", content: "rate" },
  realisedSinceStart: { table: "detail", content: "amount" },
  rateGlobal: { table: "detail", content: "rate" },
  gap: { table: "detail", content: "amount" },
  realisedPrior: { table: "detail", content: "amount" },
  mesure: { table: "summary", content: "text" },
  objectif: { table: "summary", content: "text" },
  departement: { table: "summary", content: "amount" },
  fir: { table: "summary", content: "amount" },
  etat: { table: "summary", content: "amount" },
  ondam: { table: "summary", content: "amount" },
  modalite: { table: "summary", content: "text" },
  consumedPrior: { table: "summary", content: "amount" },
  consumedLastYear: { table: "summary", content: "amount" },
  consumedSinceStart: { table: "summary", content: "amount" },
};

export const YEAR_BLOCKS: Record<YearBlock, RoleDef> = {
  indicator: { table: "detail", content: "indicator" },
  ms: { table: "detail", content: "amount" },
  dgas: { table: "detail", content: "amount" },
  cd: { table: "detail", content: "amount" },
  fir: { table: "detail", content: "amount" },
  etat: { table: "detail", content: "amount" },
  ondam: { table: "detail", content: "amount" },
  realised: { table: "detail", content: "amount" },
  rate: { table: "detail", content: "rate" },
  realisedTo: { table: "detail", content: "amount" },
  consumedIn: { table: "summary", content: "amount" },
  consumedTo: { table: "summary", content: "amount" },
};

export type RoleKey = { role: SingleRole } | { block: YearBlock; year: number };

/** "fir2021" -> { block: "fir", year: 2021 }; "budget" -> { role: "budget" }; unknown -> null. */
export function parseRoleKey(key: string): RoleKey | null {
  if (Object.prototype.hasOwnProperty.call(SINGLE_ROLES, key)) return { role: key as SingleRole };
  const m = /^([a-zA-Z]+?)(20\d{2})$/.exec(key);
  if (m && Object.prototype.hasOwnProperty.call(YEAR_BLOCKS, m[1]!)) return { block: m[1] as YearBlock, year: Number(m[2]) };
  return null;
}
