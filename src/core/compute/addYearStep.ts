// What one add-year step returns: its edits in order, and what it has to say (notes, conflicts, new columns).
import type { CellValue } from "../model/snapshot";
import type { Conflict, Edit, EditPlan } from "../plan/types";

export type NewColumn = NonNullable<EditPlan["newColumns"]>[number];

export class StepEdits {
  readonly edits: Edit[] = [];
  readonly notes: string[] = [];
  readonly conflicts: Conflict[] = [];
  readonly newColumns: NewColumn[] = [];

  // One literal per shape, keys in the same order: no object spread for each of the 200 000 edits of a big annex.
  value(sheet: string, row: number, col: number, value: CellValue, numFmt?: string): void {
    this.edits.push(numFmt ? { kind: "setValue", sheet, row, col, value, numFmt } : { kind: "setValue", sheet, row, col, value });
  }

  formula(sheet: string, row: number, col: number, formula: string, result: number | string | null, numFmt?: string): void {
    this.edits.push(numFmt ? { kind: "setFormula", sheet, row, col, formula, result, numFmt } : { kind: "setFormula", sheet, row, col, formula, result });
  }

  /** A number format only (nothing when the model cell has none). */
  format(sheet: string, row: number, col: number, numFmt: string | undefined): void {
    if (numFmt) this.edits.push({ kind: "setNumberFormat", sheet, row, col, numFmt });
  }
}

/** The plan made of the steps' outputs, in order; its counts are those of the edits. */
export function assemblePlan(steps: StepEdits[]): EditPlan {
  const plan: EditPlan = {
    kind: "add-year",
    edits: [],
    conflicts: [],
    notes: [],
    stats: { formulas: 0, values: 0, formats: 0, insertedColumns: 0, unchanged: 0 },
  };
  for (const s of steps) {
    for (const e of s.edits) {
      plan.edits.push(e);
      if (e.kind === "setFormula") plan.stats.formulas++;
      else if (e.kind === "setValue") plan.stats.values++;
      else if (e.kind === "setNumberFormat") plan.stats.formats++;
      else if (e.kind === "insertColumns") plan.stats.insertedColumns += e.count;
    }
    for (const n of s.notes) plan.notes.push(n);
    for (const c of s.conflicts) plan.conflicts.push(c);
    for (const c of s.newColumns) (plan.newColumns ??= []).push(c);
  }
  return plan;
}

export function stepOf(edits: Edit[], notes: string[] = []): StepEdits {
  const s = new StepEdits();
  for (const e of edits) s.edits.push(e);
  for (const n of notes) s.notes.push(n);
  return s;
}
