import type { Rect } from "../model/a1";

export type TableKind = "detail" | "summary";

/** Columns that repeat once per year. */
export type YearBlock = "indicator" | "ms" | "dgas" | "cd" | "fir" | "etat" | "ondam" | "realised" | "rate" | "realisedTo" | "consumedIn" | "consumedTo";

/** Columns that appear once. Names follow annex-spec §2 (detail) and the summary's own headers. */
export type SingleRole =
  | "fiche"
  | "label"
  | "theme"
  | "objective"
  | "objectiveType"
  | "indicator"
  | "indicatorEtat"
  | "indicatorExtra"
  | "budget"
  | "msTotal"
  | "dgasTotal"
  | "cdTotal"
  | "source"
  | "firTotal"
  | "etatTotal"
  | "ondamTotal"
  | "realisedLastYear"
  | "rateLastYear"
  | "realisedSinceStart"
  | "rateGlobal"
  | "gap"
  | "realisedPrior"
  | "mesure"
  | "objectif"
  | "departement"
  | "fir"
  | "etat"
  | "ondam"
  | "modalite"
  | "consumedPrior"
  | "consumedLastYear"
  | "consumedSinceStart";

export type ColumnClass = { role: SingleRole } | { block: YearBlock; year: number };

export type RowKind = "fiche" | "continuation" | "objective" | "title" | "blank" | "subtotal" | "total" | "check";

export interface RowInfo {
  row: number;
  kind: RowKind;
  /** Fiche number as written ("12", "12 bis"); null for rows without one. */
  fiche: string | null;
  continuationOf: string | null;
  /** Index in `groups` (summary table). */
  group?: number;
}

export interface GroupInfo {
  key: string;
  title: string;
  titleRow: number;
  rows: number[];
  subtotalRow: number | null;
}

/** How one role was read, for the pane's « Lecture de l'annexe » view and the mapping file. */
export type ReadingStatus = "confirmed" | "doubtful" | "missing" | "user";
export interface RoleReading {
  /** Report key: "fiche", "budget", "firTotal", "fir2021", "realisedLastYear"… */
  key: string;
  col: number | null;
  /** The column's header text (group and sub-header); "" when missing. */
  header: string;
  status: ReadingStatus;
}

export interface TableLayout {
  kind: TableKind;
  sheet: string;
  range: Rect;
  headerRows: number[];
  columns: Partial<Record<SingleRole, number>>;
  blocks: Partial<Record<YearBlock, Record<number, number>>>;
  /** Years of the amount blocks, read from the headers. */
  years: number[];
  rows: RowInfo[];
  totalRow: number | null;
  groups: GroupInfo[];
  /** Roles or year cells expected but not found, e.g. "ondamTotal", "ms2021". */
  missing: string[];
  ambiguous: Array<{ role: string; cols: number[] }>;
  hiddenCols: number[];
  /** 0..1: share of the expected columns and rows that were found. */
  confidence: number;
  /** Roles whose reading the table's arithmetic refuted or could not confirm: rules needing them are skipped. */
  doubtful: string[];
  /** Rate columns typed in percentage points (85 for 85 %), as the numbers show: compared and filled ×100. */
  percentPoints?: string[];
  /** The same with the relation that refuted each reading (French), for layout-incomplete. */
  doubts: Array<{ key: string; col: number; why: string }>;
  /** Roles set by the user's mapping (confirmed by definition); absent ones are listed with col null. */
  userKeys: string[];
  /** Every expected or found role with its column and status. */
  readings: RoleReading[];
  /** Header text of each column of the table (group and sub-header joined), by column number. */
  headers: Record<number, string>;
  /** On a summary: euros per unit of the detail and of the summary when one keeps k€ and the other euros, as the figures confirmed. */
  unitScales?: { detail: number; summary: number };
}

export interface ClosestCandidate {
  sheet: string;
  row: number;
  recognised: string[];
  /** Why it was not taken for an annex (French), when known. */
  why?: string;
}

export interface AnnexLayout {
  tables: TableLayout[];
  detail: TableLayout | null;
  summary: TableLayout | null;
  /** When nothing was recognised: the header-like row that came closest. */
  closest: ClosestCandidate | null;
}

export const AMOUNT_BLOCKS = ["ms", "dgas", "cd", "fir", "etat", "ondam"] as const;
export type AmountBlock = (typeof AMOUNT_BLOCKS)[number];
export const FUNDER_BLOCKS = ["fir", "etat", "ondam"] as const;
export type Funder = (typeof FUNDER_BLOCKS)[number];
