// A reading is a hypothesis: the table's own arithmetic confirms or refutes the roles given to its columns.
import type { SheetSnapshot } from "../model/snapshot";
import type { RowInfo, SingleRole, TableKind, YearBlock } from "./types";

export interface Doubt { key: string; col: number; why: string }

export function verifyReading(
  sheet: SheetSnapshot, kind: TableKind, columns: Partial<Record<SingleRole, number>>, blocks: Partial<Record<YearBlock, Record<number, number>>>,
  years: number[], rows: RowInfo[],
): Doubt[] {
  void sheet; void kind; void columns; void blocks; void years; void rows;
  return [];
}
