// Messages between the pane and its worker (checkWorker.ts). Structured clone carries them: plain data, Sets included.
import type { ColumnMapping } from "../../core/layout/mapping";
import type { Cell, SheetSnapshot, WorkbookSnapshot } from "../../core/model/snapshot";
import type { ExpectedCell } from "../../core/plan/preconditions";
import type { EditPlan } from "../../core/plan/types";
import type { CheckOutcome, PlanParams, PreparedFill, PreparedYear } from "./session";

/** A snapshot without its cells: the cells follow in row slices, so that no single post holds the UI thread long. */
export type SnapshotFrame = Omit<WorkbookSnapshot, "sheets"> & { sheets: Array<Omit<SheetSnapshot, "cells">> };
export type Rows = SheetSnapshot["cells"];

export type ToWorker =
  /** A new check starts: its frame; the rows come next. */
  | { type: "begin"; check: number; frame: SnapshotFrame; measure: boolean }
  | { type: "rows"; check: number; sheet: number; from: number; rows: Rows }
  /** All rows sent: check now. */
  | { type: "check"; id: number; check: number; mapping?: ColumnMapping }
  | { type: "prepare"; id: number; check: number; params: PlanParams }
  /** The plan itself, for the apply: its edits come back in slices. */
  | { type: "plan"; id: number; check: number; params: PlanParams }
  /** What the apply derives from that plan before any round trip (the cells it re-checks): in slices too. */
  | { type: "applyPrep"; id: number; check: number; params: PlanParams };

export interface WorkerFailure {
  name: string;
  message: string;
  stack?: string;
}

export type FromWorker =
  | { type: "checked"; id: number; outcome: CheckOutcome }
  | { type: "prepared"; id: number; prepared: PreparedFill | PreparedYear }
  | { type: "edits"; id: number; edits: EditPlan["edits"] }
  | { type: "plan"; id: number; plan: EditPlan }
  | { type: "expected"; id: number; cells: ExpectedCell[] }
  | { type: "applyPrep"; id: number }
  /** A request whose check was replaced by a newer one before it ran: nothing computed. */
  | { type: "stale"; id: number }
  | { type: "failed"; id: number; error: WorkerFailure };

export function frameOf(wb: WorkbookSnapshot): SnapshotFrame {
  return { ...wb, sheets: wb.sheets.map(({ cells: _cells, ...rest }) => rest) };
}

/** The frame with its slices put back: the snapshot as the pane read it. */
export function fromFrame(frame: SnapshotFrame): WorkbookSnapshot {
  return { ...frame, sheets: frame.sheets.map((s) => ({ ...s, cells: [] as Array<Array<Cell | undefined> | undefined> })) };
}
