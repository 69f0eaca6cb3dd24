// Edit plans: what the core decides to write, applied as is by either adapter (Office.js or ExcelJS).
// Edits run in order; insertions come first, right to left, so that each `at` is in the coordinates of its moment.
import type { CellValue } from "../model/snapshot";

export type Edit =
  /** Inserts `count` columns before column `at`; rows null = whole columns, else only cells of those rows shift. */
  | { kind: "insertColumns"; sheet: string; at: number; count: number; rows: [number, number] | null; copyFormatFrom: number }
  /** `result`: what the formula shows right after the write, stored as the cached value for readers that do not recalculate. */
  | { kind: "setFormula"; sheet: string; row: number; col: number; formula: string; numFmt?: string; result?: number | string | null }
  | { kind: "setValue"; sheet: string; row: number; col: number; value: CellValue; numFmt?: string }
  | { kind: "setNumberFormat"; sheet: string; row: number; col: number; numFmt: string }
  | { kind: "merge"; sheet: string; r1: number; c1: number; r2: number; c2: number }
  | { kind: "setColumnWidth"; sheet: string; col: number; width: number };

export interface Conflict {
  sheet: string;
  cell: string;
  fiche: string | null;
  /** What the cell holds now (a value, or "=formula"). */
  current: string | number | null;
  /** What the plan would write. */
  planned: string | number | null;
  /** What the planned formula would show (for previews: the typed value beside the computed one). */
  plannedResult?: number | string | null;
  reason: "user-value" | "user-formula" | "user-text" | "constant-total";
}

export interface EditPlan {
  kind: "fill" | "add-year" | "widen";
  edits: Edit[];
  /** User content the plan leaves alone unless the caller confirms (force). */
  conflicts: Conflict[];
  /** French notes for the user: what was done, what was left and why. */
  notes: string[];
  stats: { formulas: number; values: number; formats: number; insertedColumns: number; unchanged: number };
  /** Columns the plan creates, in final coordinates, with the header they get (for previews). */
  newColumns?: Array<{ sheet: string; col: number; label: string }>;
  /** The job cannot be done on this workbook (notes say why): nothing may be applied. */
  blocked?: boolean;
}

export function emptyPlan(kind: EditPlan["kind"]): EditPlan {
  return { kind, edits: [], conflicts: [], notes: [], stats: { formulas: 0, values: 0, formats: 0, insertedColumns: 0, unchanged: 0 } };
}

export function normaliseFormula(f: string): string {
  return f.replace(/^=/, "").replace(/\s+/g, "").toUpperCase();
}
